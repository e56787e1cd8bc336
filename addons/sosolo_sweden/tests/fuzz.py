# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fuzz targets: what people upload and type, fed to its reader (#12).

A Target feeds what its hypothesis strategy draws to the function that
reads it, in a transaction of a database with the module (the errors
are translated messages). The only exception allowed out is the
module's own user error; anything else is a finding. Files are drawn
two ways: arbitrary bytes, and near-valid ones, a real file of the
tests with a few mutations (a field replaced by a tricky token, lines
dropped, repeated or swapped, bytes inserted, the end cut off).

tests/test_fuzz.py runs each target for some hundred cases in CI;
bench/fuzz.py runs them for minutes and prints cases/s and findings.
"""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.bgmax import read_file as read_bgmax
from trytond.modules.sosolo_sweden.bgmax_format import (
    BgMaxFile,
    Deposit,
    Payment,
    write,
)
from trytond.modules.sosolo_sweden.exceptions import (
    BgMaxImportError,
    InputError,
    SIEImportError,
)
from trytond.modules.sosolo_sweden.sie_import import read_file as read_sie

HERE = Path(__file__).parent
#: A file's lines kept around a window when it has more: a case of a
#: 150 kB file would take milliseconds, and most of it is alike.
WINDOW = 60
#: Field values that readers get wrong: numbers Decimal() or int()
#: takes that they should not (exponents, NaN, underscores, other
#: digits), quotes and braces, control characters, very long numbers.
TOKENS = [
    b'', b' ', b'0', b'-0', b'+1', b'-', b'1e30', b'1E-30', b'NaN', b'-inf',
    b'Infinity', b'1_0', b'0x10', b'1.234', b'1,5', b'99.999',
    b'9' * 40, b'20261301', b'20260230', b'00000000', b'99999999',
    b'"', b'""', b'"a b"', b'\\', b'\\"', b'{', b'}', b'{}', b'{1', b'{1 "a"',
    b'{"1" "a" "2"}', b'#VER', b'#TRANS', b'#KSUMMA', b'#FLAGGA 0', b'#RAR',
    b'\x00', b'\x1a', b'\t', b'\r', b'\xff', b'\xd9\xa3', b'\xef\xbc\x95',
    ]


@dataclass(frozen=True)
class Target:
    name: str
    strategy: object
    run: object  # called with one drawn value
    allowed: tuple  # the exception classes it may raise

    def check(self, value):
        "Feed `value`; an allowed error is a fine answer."
        try:
            self.run(value)
        except self.allowed:
            pass


#: A short run, as in CI: cases per target, the same ones each run
#: (derandomize); bench/fuzz.py draws new ones.
SHORT = settings(max_examples=150, deadline=None, database=None,
    derandomize=True, suppress_health_check=[HealthCheck.too_slow,
        HealthCheck.data_too_large])


def run(target, options=SHORT):
    "Run `target` with hypothesis; its first finding is raised."
    options(given(target.strategy)(target.check))()


@st.composite
def mutated(draw, seeds, separator=b' ', tokens=TOKENS):
    """One of the `seeds` (bytes) with a few line and field mutations.

    A field is what `separator` separates on a line.
    """
    lines = draw(st.sampled_from(seeds)).split(b'\n')
    if len(lines) > WINDOW:
        head = draw(st.integers(0, WINDOW // 3))
        start = draw(st.integers(head, len(lines) - 1))
        lines = lines[:head] + lines[start:start + WINDOW - head]
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(
                ['field', 'field', 'field', 'bytes', 'drop', 'repeat',
                    'swap', 'cut']))
        line = lines[index]
        if operation == 'field':
            fields = line.split(separator)
            at = draw(st.integers(0, len(fields) - 1))
            fields[at] = draw(st.one_of(st.sampled_from(tokens),
                    st.binary(max_size=12)))
            lines[index] = separator.join(fields)
        elif operation == 'bytes':
            at = draw(st.integers(0, len(line)))
            cut = draw(st.integers(0, 3))
            lines[index] = (line[:at] + draw(st.binary(max_size=8))
                + line[at + cut:])
        elif operation == 'drop' and len(lines) > 1:
            del lines[index]
        elif operation == 'repeat':
            lines.insert(index, line)
        elif operation == 'swap':
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == 'cut':
            text = b'\n'.join(lines)
            return text[:draw(st.integers(0, len(text)))]
    return b'\n'.join(lines)


def files(seeds, separator=b' ', tokens=TOKENS):
    "Arbitrary bytes, or near-valid files made from `seeds`."
    return st.one_of(st.binary(max_size=2000),
        mutated(seeds, separator, tokens))


# SIE ----------------------------------------------------------------------

SIE_SEEDS = sorted([HERE / 'sie_golden.se'] + [p
        for p in (HERE / 'data').iterdir()
        if p.suffix.lower() in {'.se', '.si'}])
SIE = Target('SIE reader',
    st.tuples(
        st.sampled_from(['bok.se', 'import.si']),
        files([p.read_bytes() for p in SIE_SEEDS])),
    lambda value: read_sie(value[1], value[0]),
    (SIEImportError,))


# BgMax --------------------------------------------------------------------

BANKGIRO = '5555-5551'


def _bgmax_seeds():
    "BgMax files written from the manual's layout (as test_bgmax does)."
    timestamp = dt.datetime(2026, 3, 2, 6, 15, 0, 123456)

    def deposit(serial, *payments, currency='SEK'):
        return Deposit(bankgiro=BANKGIRO.replace('-', ''),
            date=dt.date(2026, 3, 2), account='1234567', serial=serial,
            currency=currency,
            amount=sum((p.amount for p in payments), Decimal(0)),
            payments=list(payments))
    return [
        write(BgMaxFile(timestamp=timestamp, deposits=[deposit('1',
                        Payment('1234574', Decimal('1250.50'),
                            serial='000000000001', sender_bankgiro='55551234',
                            name="Kund AB"),
                        Payment('99', Decimal('-50'), reference_code='4',
                            deduction=True, serial='2'))])),
        write(BgMaxFile(timestamp=timestamp, test=True, deposits=[
                    deposit('1', Payment('2026000157', Decimal('100'))),
                    deposit('2', Payment('55', Decimal('0.01'),
                            reference_code='1'), currency='EUR')])),
        write(BgMaxFile(timestamp=timestamp, deposits=[])),
        ]


BGMAX = Target('BgMax reader',
    st.tuples(
        st.sampled_from([BANKGIRO, None, '1234-5678']),
        st.booleans(),
        st.one_of(st.binary(max_size=2000),
            # fixed-width records: mutate bytes at their positions
            mutated(_bgmax_seeds(), separator=b'0'),
            mutated(_bgmax_seeds(), separator=b' '))),
    lambda value: read_bgmax(value[2], value[0], value[1]),
    (BgMaxImportError,))


# Form parsers -------------------------------------------------------------

#: Characters of near-valid input: separators, signs, letters of
#: exponents and NaN, other digits, spaces, control characters.
ALPHABET = list('0123456789 ,.-+:_@eEkrNaIinf\u2212\u00a0\u202f\u0663'
    '\uff15\x00\n\t\r\ud800')


@st.composite
def typed(draw, examples):
    "One of the valid `examples` with a few characters changed."
    chars = list(draw(st.sampled_from(examples)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(chars)))
        char = draw(st.one_of(st.sampled_from(ALPHABET), st.characters()))
        operation = draw(st.sampled_from(['insert', 'replace', 'delete']))
        if operation == 'insert' or at == len(chars):
            chars.insert(at, char)
        elif operation == 'replace':
            chars[at] = char
        else:
            del chars[at]
    return ''.join(chars)


def _parser(name, parser, *examples):
    return Target(f'parser {name}',
        st.one_of(st.text(max_size=60), typed(list(examples) or ['x'])),
        parser, (InputError,))


PARSERS = [
    _parser('amount', parsers.amount, '1 234,50', '1234.50', '100:-',
        '12 345 678,9 kr'),
    _parser('decimal', parsers.decimal(0, 100, decimals=4), '31,42', '0'),
    _parser('integer', parsers.integer(1900, 2100), '1985', '2 026'),
    _parser('date', parsers.date, '2026-03-31', '2024-02-29'),
    _parser('orgnr', parsers.orgnr, '556677-8899', '5566778899'),
    _parser('personnummer', parsers.personnummer, '19811228-9874',
        '811228-9874', '811228+9874'),
    _parser('samordningsnummer', parsers.samordningsnummer,
        '19811288-9871', '701063-2391'),
    _parser('personal number', parsers.personal_number, '198112289874',
        '19811288-9871'),
    _parser('postal code', parsers.postal_code, '921 31', 'SE-92131'),
    _parser('bankgiro', parsers.bankgiro, '5050-1055', '555-5551'),
    _parser('bank account', parsers.bank_account, '8327-9, 123 456 789-0',
        '6000, 123456789'),
    _parser('email', parsers.email, 'anna.lind@example.se', 'a@b.se'),
    _parser('text', parsers.text(200), 'Anna Lind'),
    _parser('multiline text', parsers.text(multiline=True), 'Rad 1\nRad 2'),
    _parser('choice', parsers.choice(['person', 'company']), 'person'),
    ]

TARGETS = [SIE, BGMAX, *PARSERS]

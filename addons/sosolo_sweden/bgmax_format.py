# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read and write Bankgirot's BgMax files; no database.

Source: Bankgirot, "Bankgiro Inbetalningar, Teknisk manual BgMax"
(fixed-width records of 80 characters, ISO 8859-1; the transaction code
TK in positions 1-2). Positions below are 1-based as in the manual:

- TK01 start: 3-22 "BGMAX", 23-24 version, 25-44 timestamp
  YYYYMMDDHHMMSSffffff, 45 "T" test or "P" production.
- TK05 opening of a deposit: 3-12 payee's bankgiro number, 13-22
  plusgiro number, 23-25 currency.
- TK20 payment, TK21 deduction: 3-12 sender's bankgiro number, 13-37
  reference, 38-55 amount in öre, 56 reference code (2 = OCR), 57
  channel, 58-69 BGC serial number, 70 image marker; TK21 71 deduction
  code.
- TK22/TK23 extra reference (positive/negative amount), same layout.
- TK25 information text, TK26 name, TK27-28 address, TK29 organisation
  number: kept as text.
- TK15 deposit: 3-37 payee's bank account, 38-45 payment date YYYYMMDD,
  46-50 deposit serial number, 51-68 amount in öre, 69-71 currency,
  72-79 number of payments, 80 deposit type.
- TK70 end: 3-10 number of payments, 11-18 deductions, 19-26 extra
  references, 27-34 deposits.

check() refuses what must not be booked: a test file (TK01 position 45
"T"), a deposit to another payee's bankgiro (TK05 3-12), a deposit in
another currency than SEK (TK05 23-25, TK15 69-71).
"""
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

ENCODING = 'latin-1'
OCR = '2'
CURRENCY = 'SEK'


class BgMaxError(ValueError):
    "A file that must not be imported: line number and reason code."

    def __init__(self, line, code, /, **params):
        super().__init__(f"line {line}: {code} {params}")
        self.line = line
        self.code = code
        self.params = params


@dataclass
class Payment:
    reference: str
    amount: Decimal
    reference_code: str = OCR
    sender_bankgiro: str = ''
    channel: str = '1'
    serial: str = ''
    deduction: bool = False
    name: str = ''
    line: int = 0
    texts: list = field(default_factory=list)


@dataclass
class Deposit:
    bankgiro: str
    date: dt.date = None
    currency: str = 'SEK'
    account: str = ''
    serial: str = ''
    amount: Decimal = Decimal(0)
    payments: list = field(default_factory=list)
    line: int = 0
    #: [(line, currency)] of the TK05 and TK15 records that name one
    currencies: list = field(default_factory=list)


@dataclass
class BgMaxFile:
    timestamp: dt.datetime = None
    test: bool = False
    deposits: list = field(default_factory=list)
    sha256: str = ''


def _digits(text):
    """`text` without the spaces around it, if ASCII digits, else None.

    Fields are padded with spaces only; str.strip() would also drop
    \x1c-\x1f, which int() refuses, and isdigit() takes ² and ³ (#12,
    found by fuzzing).
    """
    text = text.strip(' ')
    return text if text.isascii() and text.isdigit() else None


def _amount(text, line):
    digits = _digits(text)
    if digits is None:
        raise BgMaxError(line, 'bad_amount', value=text)
    return Decimal(int(digits)) / 100


def _count(text, line):
    "A count of records, or None when the field is blank."
    if not text.strip(' '):
        return None
    digits = _digits(text)
    if digits is None:
        raise BgMaxError(line, 'bad_count', value=text)
    return int(digits)


def _date(text, line):
    try:
        return dt.datetime.strptime(text, '%Y%m%d').date()
    except ValueError:
        raise BgMaxError(line, 'bad_date', value=text)


def read(data):
    "Read BgMax `data` (bytes) into a BgMaxFile, or raise BgMaxError."
    result = BgMaxFile(sha256=hashlib.sha256(data).hexdigest())
    deposit = payment = None
    counts = {'20': 0, '21': 0, '22': 0, '15': 0}
    lines = data.decode(ENCODING).split('\n')
    ended = False
    for number, text in enumerate(lines, 1):
        text = text.rstrip('\r')
        if not text.strip():
            continue
        code = text[:2]
        text = text.ljust(80)
        if ended:
            raise BgMaxError(number, 'after_end')
        if number == 1 or result.timestamp is None:
            if code != '01' or text[2:22].strip() != 'BGMAX':
                raise BgMaxError(number, 'bad_header')
            try:
                result.timestamp = dt.datetime.strptime(
                    text[24:44], '%Y%m%d%H%M%S%f')
            except ValueError:
                raise BgMaxError(number, 'bad_header')
            result.test = text[44] == 'T'
        elif code == '05':
            if deposit is not None:
                raise BgMaxError(number, 'unexpected_record', code=code)
            currency = text[22:25].strip()
            deposit = Deposit(bankgiro=text[2:12].lstrip('0'),
                currency=currency or CURRENCY, line=number)
            if currency:
                deposit.currencies.append((number, currency))
        elif code in {'20', '21'}:
            if deposit is None:
                raise BgMaxError(number, 'unexpected_record', code=code)
            counts[code] += 1
            amount = _amount(text[37:55], number)
            payment = Payment(
                reference=text[12:37].strip(),
                amount=-amount if code == '21' else amount,
                reference_code=text[55],
                sender_bankgiro=text[2:12].lstrip('0'),
                channel=text[56],
                serial=text[57:69].strip(),
                deduction=code == '21',
                line=number)
            deposit.payments.append(payment)
        elif code in {'22', '23', '25', '26', '27', '28', '29'}:
            if payment is None:
                raise BgMaxError(number, 'unexpected_record', code=code)
            if code in {'22', '23'}:
                counts['22'] += 1
            if code == '26':
                payment.name = text[2:37].strip()
            payment.texts.append(text[2:].strip())
        elif code == '15':
            if deposit is None:
                raise BgMaxError(number, 'unexpected_record', code=code)
            counts[code] += 1
            deposit.account = text[2:37].lstrip('0')
            deposit.date = _date(text[37:45], number)
            deposit.serial = text[45:50].lstrip('0')
            deposit.amount = _amount(text[50:68], number)
            if text[68:71].strip():
                deposit.currencies.append((number, text[68:71].strip()))
            total = sum((p.amount for p in deposit.payments), Decimal(0))
            if total != deposit.amount:
                raise BgMaxError(number, 'deposit_sum',
                    amount=deposit.amount, total=total)
            count = _count(text[71:79], number)
            if count is not None and count != len(
                    [p for p in deposit.payments if not p.deduction]):
                raise BgMaxError(number, 'count_mismatch')
            result.deposits.append(deposit)
            deposit = payment = None
        elif code == '70':
            if deposit is not None:
                raise BgMaxError(number, 'unexpected_record', code=code)
            expected = [text[2:10], text[10:18], text[18:26], text[26:34]]
            found = [counts['20'], counts['21'], counts['22'], counts['15']]
            for value, count in zip(expected, found):
                value = _count(value, number)
                if value is not None and value != count:
                    raise BgMaxError(number, 'count_mismatch')
            ended = True
        else:
            # The manual: records a program does not know are skipped.
            continue
    if result.timestamp is None or not ended:
        raise BgMaxError(len(lines), 'no_end')
    return result


def bankgiro_digits(number):
    "The digits of a bankgiro number, without leading zeros."
    return ''.join(c for c in (number or '') if c.isdigit()).lstrip('0')


def check(bgmax, bankgiro, test_file=False):
    """Raise BgMaxError if `bgmax` must not be booked for `bankgiro`.

    - a test file (TK01 position 45 "T": Bankgirot's test data), unless
      `test_file`;
    - a deposit to another bankgiro than `bankgiro`, the company's
      (TK05 3-12, digits compared), or any deposit when the company has
      no bankgiro;
    - a deposit in another currency than SEK (TK05 23-25, TK15 69-71).
    """
    if bgmax.test and not test_file:
        raise BgMaxError(1, 'test_file')
    own = bankgiro_digits(bankgiro)
    for deposit in bgmax.deposits:
        if not own:
            raise BgMaxError(deposit.line, 'no_company_bankgiro',
                bankgiro=deposit.bankgiro)
        if bankgiro_digits(deposit.bankgiro) != own:
            raise BgMaxError(deposit.line, 'foreign_bankgiro',
                bankgiro=deposit.bankgiro, company=bankgiro)
        for line, currency in deposit.currencies:
            if currency != CURRENCY:
                raise BgMaxError(line, 'currency', currency=currency)


def _record(code, *parts):
    text = code + ''.join(parts)
    if len(text) > 80:
        raise ValueError(text)
    return text.ljust(80)


def _ore(amount, width=18):
    return f'{int(abs(amount) * 100):0{width}d}'


def write(bgmax):
    "The BgMax file of `bgmax` (a BgMaxFile) as bytes, for tests."
    lines = [_record('01', 'BGMAX'.ljust(20), '01',
            bgmax.timestamp.strftime('%Y%m%d%H%M%S%f'),
            'T' if bgmax.test else 'P')]
    counts = {'20': 0, '21': 0, '15': 0}
    for deposit in bgmax.deposits:
        lines.append(_record('05', deposit.bankgiro.rjust(10, '0'),
                ' ' * 10, deposit.currency))
        for payment in deposit.payments:
            code = '21' if payment.deduction else '20'
            counts[code] += 1
            lines.append(_record(code,
                    payment.sender_bankgiro.rjust(10, '0'),
                    payment.reference.ljust(25), _ore(payment.amount),
                    payment.reference_code, payment.channel,
                    payment.serial.rjust(12, '0'), '0',
                    '1' if payment.deduction else ''))
            if payment.name:
                lines.append(_record('26', payment.name[:35]))
        counts['15'] += 1
        lines.append(_record('15', deposit.account.rjust(35, '0'),
                deposit.date.strftime('%Y%m%d'),
                deposit.serial.rjust(5, '0'), _ore(deposit.amount),
                deposit.currency,
                f'{len([p for p in deposit.payments if not p.deduction]):08d}',
                'K'))
    lines.append(_record('70', f"{counts['20']:08d}", f"{counts['21']:08d}",
            f'{0:08d}', f"{counts['15']:08d}"))
    return ('\r\n'.join(lines) + '\r\n').encode(ENCODING)

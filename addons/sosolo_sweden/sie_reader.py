# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a SIE file (types 1-4, 4E and 4I) into plain values; no database.

Tolerant of what real programs write: quoted or bare fields, CR LF,
tabs, blank lines, #RTRANS/#BTRANS, unknown labels (a warning). Strict on
what would make the books wrong: each error names the line and a reason
code, which the caller turns into a translated message.

Source: SIE-gruppen, "SIE filformat, utgåva 4B", chapters 5-8.
"""
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from .sie_format import (
    ENCODING,
    Checksum,
    ObjectList,
    SIEError,
    parse_amount,
    parse_date,
    split,
)

#: Labels we read; the others are skipped with a warning.
KNOWN = {
    '#FLAGGA', '#KSUMMA', '#PROGRAM', '#FORMAT', '#GEN', '#SIETYP',
    '#PROSA', '#FTYP', '#FNR', '#ORGNR', '#BKOD', '#ADRESS', '#FNAMN',
    '#RAR', '#TAXAR', '#OMFATTN', '#KPTYP', '#VALUTA', '#KONTO', '#KTYP',
    '#ENHET', '#SRU', '#DIM', '#UNDERDIM', '#OBJEKT', '#IB', '#UB', '#OIB',
    '#OUB', '#RES', '#PSALDO', '#PBUDGET', '#VER', '#TRANS', '#RTRANS',
    '#BTRANS',
    }
#: The argument of a record that may be an object list `{dim "obj"}`
#: (SIE 4B, 8.20-8.24 and 8.26-8.29): every other argument is a text.
OBJECT_LISTS = {'#TRANS': 1, '#RTRANS': 1, '#BTRANS': 1, '#PSALDO': 3,
    '#PBUDGET': 3, '#OIB': 2, '#OUB': 2}
#: Account types of #KTYP: asset, liability/equity, income, expense.
ACCOUNT_TYPES = ('T', 'S', 'I', 'K')
#: Records a file of each type must have (SIE 4B marks them mandatory,
#: "obligatorisk", for the file type); `None` is every type.
REQUIRED = {
    None: ('#FLAGGA', '#PROGRAM', '#FORMAT', '#GEN', '#SIETYP', '#FNAMN'),
    '1E': ('#RAR', '#KONTO'),
    '2E': ('#RAR', '#KONTO'),
    '3E': ('#RAR', '#KONTO'),
    '4E': ('#RAR', '#KONTO'),
    '4I': ('#VER',),
    }
#: What a failed download saves instead of the file: its first bytes.
NOT_SIE = [
    (b'%PDF-', 'pdf'),
    (b'PK\x03\x04', 'zip'),
    (b'PK\x05\x06', 'zip'),
    ]
#: How much of an offending line a message shows.
SHOWN = 60


@dataclass
class Transaction:
    account: str
    objects: tuple
    amount: object
    text: str
    line: int


@dataclass
class Voucher:
    series: str
    number: str
    date: object
    text: str
    line: int
    transactions: list = field(default_factory=list)


@dataclass
class Account:
    code: str
    name: str = ''
    type: str = ''
    sru: str = ''


@dataclass
class SIEFile:
    flag: int = 0
    sie_type: int = 1
    kind: str = 'E'
    program: str = ''
    generated: object = None
    company_name: str = ''
    orgnr: str = ''
    legal_form: str = ''
    chart_type: str = ''
    years: dict = field(default_factory=dict)
    accounts: dict = field(default_factory=dict)
    dimensions: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    opening: dict = field(default_factory=lambda: defaultdict(dict))
    closing: dict = field(default_factory=lambda: defaultdict(dict))
    result: dict = field(default_factory=lambda: defaultdict(dict))
    periods: dict = field(default_factory=lambda: defaultdict(dict))
    vouchers: list = field(default_factory=list)
    checksum: object = None
    sha256: str = ''
    warnings: list = field(default_factory=list)
    #: {label: (line number, text)} of each label's first record
    records: dict = field(default_factory=dict)

    def account(self, code):
        return self.accounts.setdefault(code, Account(code))


def file_kind(filename):
    """Return 'I' for an import file (`.si`), else 'E'.

    SIE 4B, 4.2: type 4I files have the extension .SI.
    """
    return 'I' if str(filename).lower().endswith('.si') else 'E'


def _first_word(text):
    # Not text.split()[0]: a line of "\x1c" has no word (#12, fuzzing).
    words = text.split(None, 1)
    return words[0] if words else ''


def account_code(value, line):
    # isdigit() alone takes "²", which CP437 has (#12).
    if not value or not (value.isascii() and value.isdigit()):
        raise SIEError(line, 'account_not_number', account=value)
    return value


def year_index(value, line):
    try:
        return int(value)
    except ValueError:
        raise SIEError(line, 'bad_year', year=value)


def lines(data):
    "Yield (line number, text) of the records in CP437 `data`."
    text = data.decode(ENCODING)
    for number, line in enumerate(text.split('\n'), 1):
        line = line.rstrip('\r').strip(' \t\x1a')
        if line:
            yield number, line


def shown(text):
    "`text` as a message shows it: printable, at most SHOWN characters."
    text = ''.join(c if c.isprintable() else '?' for c in text)
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + '…'


def check_content(data):
    """Raise SIEError unless `data` can be a SIE file at all.

    A failed download saves an HTML error page, a PDF or a zip archive
    under the name of the file: each is named as what it is. SIE text
    has no NUL byte. The error names the first line and its text.
    """
    if not data.strip():
        raise SIEError(1, 'empty')
    first = data.lstrip()
    for magic, kind in NOT_SIE:
        if first.startswith(magic):
            number = data[:len(data) - len(first)].count(b'\n') + 1
            line = first.split(b'\n', 1)[0].decode(ENCODING).rstrip('\r')
            raise SIEError(number, f'not_sie_{kind}', text=shown(line))
    head = first[:1024].lower()
    if head.startswith(b'<') and (b'<html' in head or b'<!doctype' in head
            or b'<head' in head or b'<body' in head):
        number, line = next(lines(data))
        raise SIEError(number, 'not_sie_html', text=shown(line))
    if b'\0' in data:
        number = data[:data.index(b'\0')].count(b'\n') + 1
        line = data.split(b'\n')[number - 1].decode(ENCODING).rstrip('\r')
        raise SIEError(number, 'not_sie', text=shown(line))


def check_required(sie):
    """Raise SIEError if `sie` lacks a record its type must have.

    SIE 4B: every file has #FLAGGA, #PROGRAM, #FORMAT, #GEN, #SIETYP and
    #FNAMN; types 1 to 4E also the fiscal years (#RAR) and the chart of
    accounts (#KONTO); an import file (4I) vouchers (#VER). The error
    names the #SIETYP record, or the first one when there is none.
    """
    if '#SIETYP' in sie.records:
        number, text = sie.records['#SIETYP']
    else:
        number, text = min(sie.records.values(), default=(1, ''))
    type_name = f'{sie.sie_type}{sie.kind}'
    for label in REQUIRED[None] + REQUIRED.get(type_name, ()):
        if label not in sie.records:
            raise SIEError(number, 'missing_record', label=label,
                type=type_name if '#SIETYP' in sie.records else '?',
                text=shown(text))


def read(data, kind='E'):
    """Read SIE `data` (bytes) into an SIEFile, or raise SIEError.

    `kind` is 'E' (export file, 4E) or 'I' (import file, 4I). What is
    not a SIE file is refused (check_content), and so is a file whose
    first record is not #FLAGGA (SIE 4B: #FLAGGA is the first record);
    check_required checks the records the type needs.
    """
    check_content(data)
    sie = SIEFile(kind=kind)
    sie.sha256 = hashlib.sha256(data).hexdigest()
    checksum = None
    checksum_line = None
    voucher = None
    in_voucher = False
    unknown = set()
    for number, text in lines(data):
        if text == '{':
            if voucher is None or in_voucher:
                raise SIEError(number, 'unexpected_brace')
            in_voucher = True
            continue
        if text == '}':
            if not in_voucher:
                raise SIEError(number, 'unexpected_brace')
            _check_balanced(voucher)
            sie.vouchers.append(voucher)
            voucher, in_voucher = None, False
            continue
        if not sie.records and _first_word(text).upper() != '#FLAGGA':
            raise SIEError(number, 'not_sie', text=shown(text))
        fields = split(text, number)
        if isinstance(fields[0], ObjectList):
            # A line of braces alone, "{}": no label (#12, fuzzing).
            raise SIEError(number, 'bad_object_list')
        label = fields[0].upper()
        args = fields[1:]
        _check_object_lists(label, args, number)
        sie.records.setdefault(label, (number, text))
        if label == '#KSUMMA':
            if checksum is None:
                checksum = Checksum()
                checksum_line = number
                continue
            expected = args[0] if args else ''
            if str(checksum.result) != expected.strip():
                raise SIEError(number, 'checksum_wrong',
                    expected=expected, computed=checksum.result)
            sie.checksum = checksum.result
            checksum = None
            continue
        if checksum is not None:
            checksum.add(fields)
        if voucher is not None and not in_voucher:
            raise SIEError(number, 'voucher_without_body')
        if in_voucher:
            if label == '#TRANS':
                voucher.transactions.append(
                    _transaction(args, number, voucher))
            elif label not in {'#RTRANS', '#BTRANS'}:
                # #RTRANS is followed by the same #TRANS, #BTRANS is
                # removed: neither counts (SIE 4B, 8.23-8.24).
                raise SIEError(number, 'label_in_voucher', label=label)
            continue
        if label not in KNOWN:
            if label not in unknown:
                unknown.add(label)
                sie.warnings.append((number, 'unknown_label', label))
            continue
        _record(sie, label, args, number)
        if label == '#VER':
            voucher = _voucher(args, number)
    if voucher is not None:
        raise SIEError(voucher.line, 'voucher_unclosed')
    if checksum is not None:
        raise SIEError(checksum_line, 'checksum_unclosed')
    if sie.kind == 'I' and sie.flag:
        raise SIEError(1, 'already_imported')
    return sie


def _check_object_lists(label, args, number):
    "Refuse an object list where `label` takes a text (#12, fuzzing)."
    if label not in KNOWN:
        return
    for index, arg in enumerate(args):
        if isinstance(arg, ObjectList) and OBJECT_LISTS.get(label) != index:
            raise SIEError(number, 'misplaced_object_list', label=label)


def _arg(args, index, default=''):
    return args[index] if len(args) > index else default


def _record(sie, label, args, number):
    if label == '#FLAGGA':
        sie.flag = 1 if _arg(args, 0, '0').strip() == '1' else 0
    elif label == '#SIETYP':
        value = _arg(args, 0)
        if value not in {'1', '2', '3', '4'}:
            raise SIEError(number, 'bad_type', type=value)
        sie.sie_type = int(value)
    elif label == '#PROGRAM':
        sie.program = ' '.join(a for a in args if isinstance(a, str))
    elif label == '#GEN':
        sie.generated = parse_date(_arg(args, 0), number)
    elif label == '#FNAMN':
        sie.company_name = _arg(args, 0)
    elif label == '#ORGNR':
        sie.orgnr = _arg(args, 0)
    elif label == '#FTYP':
        sie.legal_form = _arg(args, 0)
    elif label == '#KPTYP':
        sie.chart_type = _arg(args, 0)
    elif label == '#RAR':
        if len(args) >= 3 and args[1] and args[2]:
            sie.years[year_index(args[0], number)] = (
                parse_date(args[1], number), parse_date(args[2], number))
    elif label == '#KONTO':
        sie.account(account_code(_arg(args, 0), number)).name = _arg(args, 1)
    elif label == '#KTYP':
        value = _arg(args, 1).upper()
        if value not in ACCOUNT_TYPES:
            raise SIEError(number, 'bad_account_type', type=value)
        sie.account(account_code(_arg(args, 0), number)).type = value
    elif label == '#SRU':
        sie.account(account_code(_arg(args, 0), number)).sru = _arg(args, 1)
    elif label in {'#DIM', '#UNDERDIM'}:
        # A sub-dimension is a dimension of its own here: its objects
        # are named by its number on #TRANS like any other's.
        sie.dimensions[_arg(args, 0)] = _arg(args, 1)
    elif label in {'#OIB', '#OUB'}:
        _ignore_objects(sie, label, number)
    elif label == '#OBJEKT':
        sie.objects[(_arg(args, 0), _arg(args, 1))] = _arg(args, 2)
    elif label in {'#IB', '#UB', '#RES'}:
        year = year_index(_arg(args, 0), number)
        code = account_code(_arg(args, 1), number)
        amount = parse_amount(_arg(args, 2), number)
        sie.account(code)
        target = {'#IB': sie.opening, '#UB': sie.closing,
            '#RES': sie.result}[label]
        target[year][code] = target[year].get(code, 0) + amount
    elif label == '#PSALDO':
        year = year_index(_arg(args, 0), number)
        objects = _arg(args, 3, ObjectList())
        if isinstance(objects, ObjectList) and objects:
            _ignore_objects(sie, label, number)
        elif isinstance(objects, ObjectList):
            period = _arg(args, 1)
            code = account_code(_arg(args, 2), number)
            sie.account(code)
            sie.periods[year][(period, code)] = parse_amount(
                _arg(args, 4), number)


def _ignore_objects(sie, label, number):
    "Warn, once per label, that balances per object are not imported."
    if not any(code == 'objects_ignored' and other == label
            for _, code, other in sie.warnings):
        sie.warnings.append((number, 'objects_ignored', label))


def _voucher(args, number):
    series = _arg(args, 0)
    return Voucher(
        series=series if isinstance(series, str) else '',
        number=_arg(args, 1),
        date=parse_date(_arg(args, 2), number),
        text=_arg(args, 3),
        line=number)


def _transaction(args, number, voucher):
    code = account_code(_arg(args, 0), number)
    objects = _arg(args, 1, ObjectList())
    if not isinstance(objects, ObjectList):
        raise SIEError(number, 'bad_object_list')
    amount = parse_amount(_arg(args, 2), number)
    date = _arg(args, 3)
    if date:
        parse_date(date, number)
    text = _arg(args, 4) or ''
    return Transaction(code, tuple(objects), amount, text, number)


def _check_balanced(voucher):
    total = sum((t.amount for t in voucher.transactions), 0)
    if total:
        raise SIEError(voucher.line, 'unbalanced',
            series=voucher.series, number=voucher.number, total=total)


def computed_closing(sie, year=0):
    """Closing balance and result per account from the file's own data.

    Balance accounts: #IB plus the vouchers of the year; result accounts:
    the vouchers. For checking a 4E file against its #UB and #RES.
    """
    start, end = sie.years.get(year, (None, None))
    closing = defaultdict(lambda: 0)
    for code, amount in sie.opening.get(year, {}).items():
        closing[code] += amount
    for voucher in sie.vouchers:
        if start and not (start <= voucher.date <= end):
            continue
        for transaction in voucher.transactions:
            closing[transaction.account] += transaction.amount
    return {k: v for k, v in closing.items() if v}

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIE 4 grammar: split, quote and checksum records; no database.

Source: SIE-gruppen, "SIE filformat, utgåva 4B" (2008), chapters 5
(syntax) and 7 (#KSUMMA), as summarised in DESIGN.md.
"""
import datetime as dt
import re
import zlib
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

ENCODING = 'cp437'
CENT = Decimal('0.01')
_AMOUNT = re.compile(r'^-?\d+(\.\d{1,2})?$')
_DATE = re.compile(r'^\d{8}$')
_NEEDS_QUOTES = re.compile(r'[\s"{}]')
#: SIE forbids control characters in a field: they become spaces.
_CONTROLS = {code: ' ' for code in range(ord(' '))}
#: Typographic characters CP437 lacks are written in their plain form,
#: not as "?" (BAS names an account "Kundfordringar – delad faktura").
_PLAIN = {ord(c): plain for c, plain in {
        '\u2010': '-', '\u2011': '-', '\u2013': '-', '\u2014': '-',
        '\u2212': '-', '\u2018': "'", '\u2019': "'", '\u201a': "'",
        '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2026': '...',
        }.items()}
_CLEAN = {**_CONTROLS, **_PLAIN}


class SIEError(ValueError):
    """A file that must not be imported.

    `line` is the line number, `code` names the reason (the message
    sosolo_sweden.msg_sie_<code>) and `params` fill it in.
    """

    def __init__(self, line, code, /, **params):
        super().__init__(f"line {line}: {code} {params}")
        self.line = line
        self.code = code
        self.params = params


class ObjectList(tuple):
    "An object list `{dim \"obj\" ...}`: pairs of (dimension, object)."


def split(text, line=0):
    """Split one record into fields.

    Quoted fields keep their spaces, `\\"` stands for `"`, a braced
    object list becomes an ObjectList of (dimension, object) pairs.

    >>> split('#TRANS 1910 {1 "N"} -1.00 "" "A \\\\"b\\\\""')
    ['#TRANS', '1910', (('1', 'N'),), '-1.00', '', 'A "b"']
    """
    fields = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in ' \t':
            i += 1
        elif char == '"':
            value, i = _quoted(text, i + 1, line)
            fields.append(value)
        elif char == '{':
            end = text.find('}', i)
            if end < 0:
                raise SIEError(line, 'object_list_unclosed')
            inner = split(text[i + 1:end], line)
            if len(inner) % 2:
                raise SIEError(line, 'bad_object_list')
            fields.append(ObjectList(
                    (inner[j], inner[j + 1])
                    for j in range(0, len(inner), 2)))
            i = end + 1
        else:
            start = i
            while i < n and text[i] not in ' \t':
                i += 1
            fields.append(text[start:i])
    return fields


def _quoted(text, i, line):
    out = []
    n = len(text)
    while i < n:
        char = text[i]
        if char == '\\' and i + 1 < n and text[i + 1] == '"':
            out.append('"')
            i += 2
        elif char == '"':
            return ''.join(out), i + 1
        else:
            out.append(char)
            i += 1
    # Real programs leave quotes open at the end of a line: take it.
    return ''.join(out), i


def quote(value):
    """Return a field as SIE writes it: quoted when needed.

    >>> quote('Storgatan 1'), quote('1910'), quote(''), quote('a"b')
    ('"Storgatan 1"', '1910', '""', '"a\\\\"b"')
    """
    value = clean(value)
    if value and not _NEEDS_QUOTES.search(value):
        return value
    return '"' + value.replace('"', '\\"') + '"'


def clean(value):
    """Remove control characters, which SIE forbids in a field, and
    write typographic dashes, quotes and ellipses plainly.

    >>> clean('Kundfordringar \u2013 delad faktura \u201cA\u201d')
    'Kundfordringar - delad faktura "A"'
    """
    return str(value).translate(_CLEAN)


def format_objects(objects):
    """Format an object list.

    >>> format_objects([('1', 'Nord'), ('6', 'P 1')])
    '{1 Nord 6 "P 1"}'
    >>> format_objects([])
    '{}'
    """
    return '{' + ' '.join(
        f'{quote(d)} {quote(o)}' for d, o in objects) + '}'


def format_record(label, *fields):
    """Format one record (label and fields) as a line without line end.

    >>> format_record('#TRANS', '1910', ObjectList(), Decimal('-128'))
    '#TRANS 1910 {} -128.00'
    """
    parts = [label]
    for field in fields:
        # Most fields are text: test for it first.
        if isinstance(field, str):
            parts.append(quote(field))
        elif isinstance(field, Decimal):
            parts.append(format_amount(field))
        elif isinstance(field, ObjectList):
            parts.append(format_objects(field))
        elif isinstance(field, dt.date):
            parts.append(format_date(field))
        elif isinstance(field, int):
            parts.append(str(field))
        else:
            parts.append(quote(field))
    return ' '.join(parts)


def round_amount(amount):
    "Round to öre, the one place SIE amounts are rounded (half even)."
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_EVEN)


def format_amount(amount):
    """Format an amount with `.` and two decimals.

    >>> format_amount(Decimal('1234.5')), format_amount(Decimal('-0.004'))
    ('1234.50', '0.00')
    """
    amount = round_amount(amount)
    if not amount:
        amount = abs(amount)
    return f'{amount:.2f}'


def parse_amount(value, line=0):
    """Parse an amount: `.` (`,` tolerated) and at most 2 decimals.

    >>> parse_amount('-128'), parse_amount('1,5')
    (Decimal('-128'), Decimal('1.5'))
    """
    text = value.replace(',', '.')
    if not _AMOUNT.match(text):
        raise SIEError(line, 'bad_amount', value=value)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise SIEError(line, 'bad_amount', value=value)


def format_date(date):
    """Format a date as YYYYMMDD.

    >>> format_date(dt.date(2026, 1, 2))
    '20260102'
    """
    # isoformat is several times faster than strftime, for every #VER.
    return date.isoformat().replace('-', '')


def parse_date(value, line=0):
    """Parse a date YYYYMMDD.

    >>> parse_date('20110101')
    datetime.date(2011, 1, 1)
    """
    if not _DATE.match(value or ''):
        raise SIEError(line, 'bad_date', value=value)
    try:
        return dt.datetime.strptime(value, '%Y%m%d').date()
    except ValueError:
        raise SIEError(line, 'bad_date', value=value)


def encode(text):
    """Encode a line in CP437, replacing the characters it lacks.

    Return the bytes and the set of characters that were replaced with
    `?`, so that the caller can tell the user.
    """
    try:
        return text.encode(ENCODING), set()
    except UnicodeEncodeError:
        missing = {c for c in set(text) if not _encodable(c)}
        return text.encode(ENCODING, errors='replace'), missing


def _encodable(char):
    try:
        char.encode(ENCODING)
        return True
    except UnicodeEncodeError:
        return False


def checksum_text(fields):
    """The text of one record that #KSUMMA covers.

    The fields are concatenated without separators, without enclosing
    quotes and braces, `\\"` counted as `"` (SIE 4B, 7 #KSUMMA).

    >>> checksum_text(split('#TRANS 1910 {1 "Nord"} -128.00 "a b"'))
    '#TRANS19101Nord-128.00a b'
    """
    parts = []
    for field in fields:
        if isinstance(field, ObjectList):
            for dimension, obj in field:
                parts.append(dimension)
                parts.append(obj)
        else:
            parts.append(field)
    return ''.join(parts)


class Checksum:
    "Running CRC-32 (zlib) of the records between the two #KSUMMA."

    def __init__(self):
        self.value = 0

    def add(self, fields):
        data = checksum_text(fields).encode(ENCODING, errors='replace')
        self.value = zlib.crc32(data, self.value)

    @property
    def result(self):
        return self.value & 0xffffffff


def _checksum_field(field):
    if isinstance(field, ObjectList):
        return ''.join(d + o for d, o in field)
    if isinstance(field, Decimal):
        return format_amount(field)
    if isinstance(field, dt.date):
        return format_date(field)
    return clean(field)


class Writer:
    """Write SIE records as CP437 lines to the binary `stream`.

    With `checksum`, an empty #KSUMMA follows #FLAGGA and `close` writes
    `#KSUMMA n` as the last record. `replaced` collects the characters
    CP437 lacks, written as `?`. Lines are encoded and written `BATCH` at
    a time, and all of them by `close`.
    """
    BATCH = 1000

    def __init__(self, stream, checksum=False):
        self.stream = stream
        self.checksum = Checksum() if checksum else None
        self.replaced = set()
        self.count = 0
        self.lines = []

    def write(self, label, *fields):
        self.lines.append(format_record(label, *fields))
        self.count += 1
        if self.checksum:
            self.add_checksum(label, fields)
        if len(self.lines) >= self.BATCH:
            self.flush()

    def add_checksum(self, label, fields):
        if label == '#FLAGGA' and self.count == 1:
            self.lines.append('#KSUMMA')
        elif label not in {'{', '}'} and self.count > 1:
            self.checksum.value = zlib.crc32(
                ''.join(_checksum_field(f) for f in (label,) + fields
                    ).encode(ENCODING, errors='replace'),
                self.checksum.value)

    def flush(self):
        if self.lines:
            self.lines.append('')
            data, missing = encode('\n'.join(self.lines))
            self.replaced |= missing
            self.stream.write(data)
            self.lines = []

    def close(self):
        if self.checksum:
            self.lines.append(f'#KSUMMA {self.checksum.result}')
        self.flush()


#: Dimensions SIE reserves, with their names (SIE 4B, 8.8 #DIM): 2 is a
#: sub-dimension of 1; 3-5 and 11-19 are reserved for later use.
RESERVED_DIMENSIONS = {
    1: "Kostnadsställe",
    2: "Kostnadsbärare",
    6: "Projekt",
    7: "Anställd",
    8: "Kund",
    9: "Leverantör",
    10: "Faktura",
    }
#: Names (lower case) that mean a reserved dimension.
_DIMENSION_NAMES = {
    1: {'kostnadsställe', 'kostnadsställen', 'resultatenhet',
        'resultatenheter', 'cost center', 'cost centre', 'cost centers',
        'cost centres'},
    2: {'kostnadsbärare'},
    6: {'projekt', 'project', 'projects'},
    7: {'anställd', 'anställda', 'medarbetare', 'employee', 'employees'},
    8: {'kund', 'kunder', 'customer', 'customers'},
    9: {'leverantör', 'leverantörer', 'supplier', 'suppliers'},
    10: {'faktura', 'fakturor', 'invoice', 'invoices'},
    }
#: The first dimension number free for one's own dimensions.
FIRST_FREE_DIMENSION = 20


def default_dimension(name, used):
    """The SIE dimension number for an analytic root named `name`.

    A reserved dimension when the name says so and it is not in `used`,
    else the first free number from 20 (SIE 4B, 8.8 #DIM).

    >>> default_dimension('Projekt', set()), default_dimension('Projekt', {6})
    (6, 20)
    >>> default_dimension('Region', {20, 21})
    22
    """
    key = (name or '').strip().lower()
    for number, names in _DIMENSION_NAMES.items():
        if key in names and number not in used:
            return number
    number = FIRST_FREE_DIMENSION
    while number in used:
        number += 1
    return number


def split_objects(amount, dimensions):
    """Split a line of `amount` over its objects as #TRANS records.

    `dimensions` is a list of (dimension, [(object, amount), ...]): how
    the line is spread over each dimension's objects. Return a list of
    (ObjectList, amount) whose amounts sum to `amount` and whose sums per
    object are those given: where a dimension is split, the line is cut
    so that each piece has one object of each dimension (the parts are
    laid end to end per dimension and cut where any of them ends). What a
    dimension leaves unassigned has no object of it.

    >>> split_objects(Decimal(100), [('1', [('A', Decimal(100))])])
    [((('1', 'A'),), Decimal('100'))]
    >>> split_objects(Decimal(100), [
    ...         ('1', [('A', Decimal(60)), ('B', Decimal(40))]),
    ...         ('6', [('X', Decimal(50)), ('Y', Decimal(50))])])
    ... # doctest: +NORMALIZE_WHITESPACE
    [((('1', 'A'), ('6', 'X')), Decimal('50')),
     ((('1', 'A'), ('6', 'Y')), Decimal('10')),
     ((('1', 'B'), ('6', 'Y')), Decimal('40'))]
    """
    queues = []
    for dimension, parts in dimensions:
        parts = [(o, a) for o, a in parts if a]
        rest = amount - sum((a for _, a in parts), Decimal(0))
        if rest:
            parts.append((None, rest))
        if parts:
            queues.append((dimension, parts))
    if not queues:
        return [(ObjectList(), amount)]
    signs = {a > 0 for _, parts in queues for _, a in parts}
    if len(signs) > 1:
        # Parts of opposite signs cannot be laid end to end: split by
        # the first dimension only, with the objects of the dimensions
        # that are not split.
        dimension, parts = queues[0]
        single = [(d, p[0][0]) for d, p in queues[1:]
            if len(p) == 1 and p[0][0] is not None]
        return [(ObjectList(sorted(
                        single + ([(dimension, o)] if o is not None else []),
                        key=_dimension_key)), a)
            for o, a in parts]
    sign = 1 if signs == {True} else -1
    position = [0] * len(queues)
    left = [abs(parts[0][1]) for _, parts in queues]
    pieces = []
    while all(p < len(q[1]) for p, q in zip(position, queues)):
        step = min(left)
        objects = ObjectList(
            (dimension, parts[p][0])
            for (dimension, parts), p in zip(queues, position)
            if parts[p][0] is not None)
        pieces.append((objects, sign * step))
        for i, (_, parts) in enumerate(queues):
            left[i] -= step
            if not left[i]:
                position[i] += 1
                if position[i] < len(parts):
                    left[i] = abs(parts[position[i]][1])
    return pieces


def _dimension_key(pair):
    dimension = str(pair[0])
    # isdigit() alone takes "²", which int() refuses (#12).
    if dimension.isascii() and dimension.isdigit():
        return (0, int(dimension), '')
    return (1, 0, dimension)

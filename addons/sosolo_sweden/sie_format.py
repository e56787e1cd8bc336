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


class SIEError(ValueError):
    """A file that must not be imported.

    `line` is the line number, `code` names the reason (the message
    sosolo_sweden.msg_sie_<code>) and `params` fill it in.
    """

    def __init__(self, line, code, **params):
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
    if value and not re.search(r'[\s"{}]', value):
        return value
    return '"' + value.replace('"', '\\"') + '"'


def clean(value):
    "Remove control characters, which SIE forbids in a field."
    return ''.join(c if c >= ' ' else ' ' for c in str(value))


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
        if isinstance(field, ObjectList):
            parts.append(format_objects(field))
        elif isinstance(field, Decimal):
            parts.append(format_amount(field))
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
    return date.strftime('%Y%m%d')


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
        missing = {c for c in text if not _encodable(c)}
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
    CP437 lacks, written as `?`.
    """

    def __init__(self, stream, checksum=False):
        self.stream = stream
        self.checksum = Checksum() if checksum else None
        self.replaced = set()
        self.count = 0

    def write(self, label, *fields):
        data, missing = encode(format_record(label, *fields) + '\n')
        self.replaced |= missing
        self.stream.write(data)
        self.count += 1
        if label == '#FLAGGA' and self.checksum and not self.count - 1:
            self.stream.write(b'#KSUMMA\n')
        elif self.checksum and label in {'{', '}'}:
            pass
        elif self.checksum and self.count > 1:
            self.checksum.value = zlib.crc32(
                ''.join(_checksum_field(f) for f in (label,) + fields
                    ).encode(ENCODING, errors='replace'),
                self.checksum.value)

    def close(self):
        if self.checksum:
            self.stream.write(
                f'#KSUMMA {self.checksum.result}\n'.encode(ENCODING))

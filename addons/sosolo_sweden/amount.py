# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Numbers and amounts as Swedes write them; no database.

Swedish writes a decimal comma and groups the digits by three with a
space (Språkrådet, "Svenska skrivregler", siffror och tal), as the `sv`
language record (ir.xml) formats numbers in the back office: 1 234,50.
The space written is a no-break space, so that an amount is never split
over two lines.

parse_number reads what people type: "1 234,50", "1234.50",
"1 234,50 kr", "100:-". It refuses what Decimal() would also take
(exponents such as "1e30", "NaN", "Infinity", underscores), more than
MAX_DIGITS digits before the decimal sign and more decimals than asked
for, with a NumberError naming the reason; never InvalidOperation.
"""
import re
from decimal import Decimal

NBSP = '\u00a0'
#: Digits before the decimal sign that an amount typed in a form may
#: have: 999 999 999 999 kr is more than any member invoices.
MAX_DIGITS = 12
#: Longer input is refused before it is looked at.
MAX_LENGTH = 64

_NUMBER = re.compile(r'''
    (?P<sign>[-\u2212+]?)\s*
    (?P<integer>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)
    (?:[,.](?P<fraction>\d+))?
    (?:\s*(?:kr|:-))?
    ''', re.ASCII | re.IGNORECASE | re.VERBOSE)


class NumberError(ValueError):
    "`reason` is 'format', 'digits' or 'decimals'."

    def __init__(self, reason, text):
        super().__init__(f"{reason}: {text[:MAX_LENGTH]!r}")
        self.reason = reason


def parse_number(text, decimals=2):
    """The Decimal `text` stands for, with at most `decimals` decimals.

    >>> parse_number('1 234,50'), parse_number('-1234.5 kr')
    (Decimal('1234.50'), Decimal('-1234.5'))
    >>> parse_number('1e30')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    NumberError: format: '1e30'
    """
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise NumberError('digits', text)
    match = _NUMBER.fullmatch(text)
    if not match:
        raise NumberError('format', text)
    if match['fraction'] and ':-' in text:
        raise NumberError('format', text)
    integer = re.sub(r'\D', '', match['integer'], flags=re.ASCII)
    fraction = match['fraction'] or ''
    if len(integer.lstrip('0')) > MAX_DIGITS:
        raise NumberError('digits', text)
    if len(fraction) > decimals:
        raise NumberError('decimals', text)
    value = Decimal(f'{integer}.{fraction}' if fraction else integer)
    if match['sign'] in {'-', '\u2212'} and value:
        value = -value
    return value


def format_number(value, decimals=2, space=NBSP):
    """`value` with `decimals` decimals, or as many as it has if None.

    >>> format_number(Decimal('-1234567.5'), space=' ')
    '-1 234 567,50'
    >>> format_number(Decimal('31.420'), None), format_number(1000, None)
    ('31,42', '1\xa0000')
    """
    value = Decimal(value)
    if decimals is None:
        decimals = max(0, -value.normalize().as_tuple().exponent)
    text = f'{value:,.{decimals}f}'
    return text.replace(',', space).replace('.', ',')


def format_money(value, space=NBSP):
    """An amount in kronor: 1 234,50 kr; a dash when there is none.

    >>> format_money(Decimal(1234.5), space=' '), format_money(None)
    ('1 234,50 kr', '–')
    """
    if value is None:
        return '–'
    return f'{format_number(value, space=space)}{space}kr'


def format_percent(value, space=NBSP):
    """A rate as Swedes write it, with the decimals it has: 31,42 %.

    >>> format_percent(Decimal('31.420'), space=' ')
    '31,42 %'
    """
    return f'{format_number(value, None, space)}{space}%'

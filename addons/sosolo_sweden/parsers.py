# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parsers of what people type into forms.

Each parser takes the raw text of one field and returns its value, or
raises InputError with a message in the user's language that the form
shows beside the field. No other exception leaves a parser: the fuzz
tests (tests/test_fuzz.py) feed them arbitrary text.

The plain parsers are functions (`amount`, `date`, `orgnr`, ...); the
ones with a setting are made by a function (`text(200)`,
`integer(1900, 2100)`, `decimal(0, 100)`, `choice(['a', 'b'])`). The
rules they apply live in amount.py, identity.py and rules.py.
"""
import datetime as dt
import re
import unicodedata

from trytond.i18n import gettext
from trytond.tools.email_ import (
    EmailNotValidError,
    normalize_email,
    validate_email,
)

from .amount import MAX_DIGITS, NBSP, NumberError, format_number, parse_number
from .exceptions import InputError
from .identity import normalize_orgnr, parse_personal
from .rules import (
    normalize_bankgiro,
    normalize_postal_code,
    parse_bank_account,
)

_DATE = re.compile(r'\d{4}-\d{2}-\d{2}', re.ASCII)
#: RFC 5321, 4.5.3.1: a path has at most 256 octets, so an address 254.
_EMAIL_LENGTH = 254
_EMAIL = re.compile(r'[^\s@]+@[^\s@.]+(\.[^\s@.]+)+')
#: Characters that no text field keeps: control characters (PostgreSQL
#: refuses NUL) and lone surrogates (not UTF-8).
_REFUSED = {'Cc', 'Cs'}
_LINE_CONTROLS = {'\n', '\t'}


def _error(name, **params):
    return InputError(gettext(f'sosolo_sweden.msg_input_{name}', **params))


def _bound(value):
    """A bound as a message shows it: 2100, 10 000 (a number of four
    digits may go without the space; Språkrådet)."""
    space = NBSP if abs(value) >= 10000 else ''
    return format_number(value, None, space=space)


def decimal(minimum=None, maximum=None, decimals=2, error='number'):
    """A parser of a Decimal from `minimum` to `maximum` (both included)
    with at most `decimals` decimals; `error` names the message for what
    is no number at all."""
    def parse(text):
        try:
            value = parse_number(text, decimals)
        except NumberError as exception:
            if exception.reason == 'digits':
                raise _error('number_digits', digits=MAX_DIGITS)
            if exception.reason == 'decimals' and decimals:
                raise _error('number_decimals', decimals=decimals)
            raise _error(error)
        if minimum is not None and value < minimum:
            raise _error('number_minimum', minimum=_bound(minimum))
        if maximum is not None and value > maximum:
            raise _error('number_maximum', maximum=_bound(maximum))
        return value
    return parse


#: An amount in kronor, not negative, with at most two decimals.
amount = decimal(minimum=0, error='amount')


def integer(minimum=None, maximum=None):
    "A parser of a whole number from `minimum` to `maximum`."
    parse_decimal = decimal(minimum, maximum, decimals=0, error='integer')

    def parse(text):
        return int(parse_decimal(text))
    return parse


def date(text):
    "A date written YYYY-MM-DD (ISO 8601, as Swedes write dates)."
    text = text.strip()
    if not _DATE.fullmatch(text):
        raise _error('date')
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _error('date')


def _checked(rule, error):
    "A parser of what `rule` returns, InputError `error` when None."
    def parse(text):
        value = rule(text)
        if value is None:
            raise _error(error)
        return value
    return parse


#: An organisation number, returned as NNNNNN-NNNN.
orgnr = _checked(normalize_orgnr, 'orgnr')
#: A postal code, returned as NNN NN.
postal_code = _checked(normalize_postal_code, 'postal_code')
#: A bankgiro number, returned as NNN-NNNN or NNNN-NNNN.
bankgiro = _checked(normalize_bankgiro, 'bankgiro')
#: A clearing and account number, returned as a rules.BankAccount.
bank_account = _checked(parse_bank_account, 'bank_account')


def personnummer(text):
    "A personnummer (not a samordningsnummer): YYYYMMDD-NNNN."
    identity = parse_personal(text)
    if not identity:
        raise _error('personnummer')
    if identity.coordination:
        raise _error('personnummer_coordination')
    return str(identity)


def samordningsnummer(text):
    "A samordningsnummer (day of birth + 60): YYYYMMDD-NNNN."
    identity = parse_personal(text)
    if not identity or not identity.coordination:
        raise _error('samordningsnummer')
    return str(identity)


def personal_number(text):
    "A personnummer or a samordningsnummer: YYYYMMDD-NNNN."
    identity = parse_personal(text)
    if not identity:
        raise _error('personal_number')
    return str(identity)


def email(text):
    "An e-mail address, normalised and in lower case (as web_user)."
    text = text.strip()
    if (len(text) > _EMAIL_LENGTH or not _EMAIL.fullmatch(text)
            or any(unicodedata.category(c) in _REFUSED for c in text)):
        raise _error('email')
    try:
        validate_email(text)
    except EmailNotValidError:
        raise _error('email')
    return normalize_email(text).lower()


def text(max_length=None, multiline=False, strip=True):
    """A parser of text of at most `max_length` characters, stripped
    unless not `strip` (a password).

    Control characters are refused but for line breaks and tabs in
    `multiline` text, whose line ends become LF.
    """
    def parse(value):
        if strip:
            value = value.strip()
        if multiline:
            value = value.replace('\r\n', '\n').replace('\r', '\n')
        allowed = _LINE_CONTROLS if multiline else set()
        if any(unicodedata.category(c) in _REFUSED and c not in allowed
                for c in value):
            raise _error('text_control')
        if max_length is not None and len(value) > max_length:
            raise _error('text_length', length=max_length)
        return value
    return parse


def choice(options):
    "A parser of one of the strings `options` (the values of a select)."
    options = frozenset(options)

    def parse(value):
        if value not in options:
            raise _error('choice')
        return value
    return parse

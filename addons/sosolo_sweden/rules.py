# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish rules that need no database."""
import datetime as dt
import re
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from stdnum.exceptions import ValidationError
from stdnum.se import postnummer as _postnummer

from .ocr import luhn_digit

#: The cooperative's time zone: its company's (sosolo/cooperative.py).
TIMEZONE = 'Europe/Stockholm'
#: The same zone as a tzinfo.
ZONE = ZoneInfo(TIMEZONE)

_BANK_ACCOUNT = re.compile(r'\d[\d \-,.]{8,30}\d', re.ASCII)

#: Company forms as SIE writes them in #FTYP (SIE filformat 4B, 8.3).
LEGAL_FORMS = [
    ('EK', "Cooperative (ekonomisk förening)"),
    ('AB', "Limited company (aktiebolag)"),
    ('E', "Sole trader (enskild näringsidkare)"),
    ('HB', "Trading partnership (handelsbolag)"),
    ('KB', "Limited partnership (kommanditbolag)"),
    ('I', "Non-profit association (ideell förening)"),
    ('S', "Foundation (stiftelse)"),
    ]


def today():
    """Today's date in Sweden.

    Importing trytond sets the process's TZ to UTC, so
    ``datetime.date.today()`` is the UTC date: from midnight in Sweden
    until 01:00 (02:00 in summer) it is still yesterday, while Tryton's
    ``ir.date.today()`` in the company's time zone is today. The demo,
    the commands' default dates and the pages without a company take
    this one, so that they agree with the records Tryton dates."""
    return now().date()


def now():
    """The time in Sweden now, without a zone: as the files for
    Skatteverket and the bank state when they were made."""
    return dt.datetime.now(ZONE).replace(tzinfo=None)


def local(timestamp):
    """A naive UTC `timestamp`, as Tryton keeps them, as the time in
    Sweden (aware)."""
    return timestamp.replace(tzinfo=dt.timezone.utc).astimezone(ZONE)


def fiscal_year_name(start_date, end_date):
    "The name of a fiscal year: 2026, or 2026/2027 for a broken year."
    if start_date.month == 1 and end_date.year == start_date.year:
        return str(start_date.year)
    return f'{start_date.year}/{end_date.year}'


def next_fiscal_year(end_date):
    """The first and last day of the fiscal year after one ending on
    `end_date`.

    A fiscal year is twelve months (bokföringslagen 1999:1078, 3 kap.
    1 §); only the first or a changed one may be longer or shorter, so
    the next year is twelve months whatever the length of this one.
    """
    start_date = end_date + relativedelta(days=1)
    return start_date, start_date + relativedelta(years=1, days=-1)


def next_fiscal_year_due(end_date, date):
    """Whether the fiscal year after one ending on `end_date` should be
    opened on `date`: from one month before its end on.

    A month gives time to set up the year's sequences and payroll
    before the first invoice or payslip of the new year is dated in it.
    """
    return date > end_date - relativedelta(months=1)
def normalize_bankgiro(value):
    """Return the bankgiro number as NNN-NNNN or NNNN-NNNN, or None.

    A bankgiro number has 7 or 8 digits, the last a Luhn (modulus 10)
    check digit over the others (Bankgirot, "Bankgironummer", and its
    BgMax technical manual, which writes it right-aligned in 10 digits).
    Spaces and the hyphen are optional.

    >>> normalize_bankgiro('5050 1055'), normalize_bankgiro('5050-1056')
    ('5050-1055', None)
    """
    digits = re.sub(r'[\s-]', '', value or '')
    # isdigit() alone takes "²", which int() refuses (#12, fuzzing).
    if (not (digits.isascii() and digits.isdigit())
            or len(digits) not in {7, 8}
            or luhn_digit(digits[:-1]) != digits[-1]):
        return None
    return f'{digits[:-4]}-{digits[-4:]}'


def normalize_postal_code(value):
    """Return the postal code as NNN NN, or None if invalid.

    Five digits, the first not 0 (PostNord, "Postnummer"; python-stdnum's
    `se.postnummer`), written with a space after the third.

    >>> normalize_postal_code('92131'), normalize_postal_code('021 31')
    ('921 31', None)
    """
    value = (value or '').strip()
    if not (value.isascii() and len(value) <= 10):
        return None
    try:
        return _postnummer.format(_postnummer.validate(value))
    except ValidationError:
        return None


class BankAccount(NamedTuple):
    "A Swedish bank account: clearing number and account number, digits."
    clearing: str
    number: str

    def __str__(self):
        "As banks write it: 8327-9, 1234567890 or 6000, 123456789."
        clearing = self.clearing
        if len(clearing) == 5:
            clearing = f'{clearing[:4]}-{clearing[4]}'
        return f'{clearing}, {self.number}'


def parse_bank_account(value):
    """Return the BankAccount of a clearing and account number, or None.

    The clearing number has four digits, five for Swedbank's 8xxx-x
    with its check digit; the account number after it from 7 (the
    banks' "typ 1" accounts) to 10 digits ("typ 2"; Bankgirot,
    "Bankernas kontonummeruppbyggnad"). Spaces, hyphens, commas and
    points between the digits are optional. The banks' own check digits
    are not checked: each bank counts them its own way.

    >>> str(parse_bank_account('8327-9, 123 456 789-0'))
    '8327-9, 1234567890'
    >>> str(parse_bank_account('6000123456789'))
    '6000, 123456789'
    >>> parse_bank_account('6000 12') is None
    True
    """
    value = (value or '').strip()
    if not _BANK_ACCOUNT.fullmatch(value):
        return None
    digits = re.sub(r'\D', '', value, flags=re.ASCII)
    clearing = 5 if digits.startswith('8') else 4
    number = digits[clearing:]
    if digits[0] == '0' or not 7 <= len(number) <= 10:
        return None
    return BankAccount(digits[:clearing], number)

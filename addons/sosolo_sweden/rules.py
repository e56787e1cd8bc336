# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish rules that need no database."""
import re

from dateutil.relativedelta import relativedelta
from stdnum.se import orgnr as _orgnr

from .ocr import luhn_digit

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


def normalize_orgnr(value):
    """Return the organisation number as NNNNNN-NNNN, or None if invalid.

    The tenth digit is a Luhn check digit over the first nine
    (Skatteverket SKV 709, "Organisationsnummer").
    """
    if not value:
        return None
    try:
        return _orgnr.format(_orgnr.validate(value))
    except Exception:
        return None


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
    if (not digits.isdigit() or len(digits) not in {7, 8}
            or luhn_digit(digits[:-1]) != digits[-1]):
        return None
    return f'{digits[:-4]}-{digits[-4:]}'

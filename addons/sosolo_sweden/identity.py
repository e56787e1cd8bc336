# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish identity numbers; no database.

- The organisation number: 10 digits, the last a Luhn check digit over
  the others (Skatteverket SKV 709, "Organisationsnummer"). A sole
  trader's is the owner's personnummer. python-stdnum's `se.orgnr`.
- The personnummer: the date of birth (YYMMDD or YYYYMMDD), a birth
  number of three digits and a Luhn check digit over the ten digits
  (folkbokföringslagen 1991:481, 18 §; SKV 704). python-stdnum's
  `se.personnummer`.
- The samordningsnummer: a personnummer whose day is increased by 60
  (folkbokföringslagen 18 a §; SKV 707). python-stdnum 2.2 refuses it,
  so the `personnummer` package reads it.

A ten-digit personnummer is placed in the last 100 years, '+' instead
of '-' marking 100 years or more (18 §). Only ASCII digits are read:
both libraries would take other Unicode digits.
"""
import datetime as dt
import re
from dataclasses import dataclass

from personnummer.personnummer import Personnummer, PersonnummerException
from stdnum.exceptions import ValidationError
from stdnum.se import orgnr as _orgnr
from stdnum.se import personnummer as _personnummer

_SPACES = re.compile(r'\s+')
_ORGNR = re.compile(r'\d{6}-?\d{4}', re.ASCII)
_PERSONAL = re.compile(r'(\d{2})?\d{4}(\d{2})[-+]?\d{4}', re.ASCII)


@dataclass(frozen=True)
class Identity:
    "A person's personnummer or samordningsnummer."
    code: str  # 12 digits, YYYYMMDDNNNN, as the AGI wants it (field 215)
    birth_date: dt.date
    coordination: bool  # a samordningsnummer

    def __str__(self):
        "YYYYMMDD-NNNN, as Skatteverket writes it."
        return f'{self.code[:8]}-{self.code[8:]}'


def normalize_orgnr(value):
    """Return the organisation number as NNNNNN-NNNN, or None if invalid.

    >>> normalize_orgnr('5566778899'), normalize_orgnr('556677-8898')
    ('556677-8899', None)
    """
    value = _SPACES.sub('', value or '')
    if not _ORGNR.fullmatch(value):
        return None
    try:
        return _orgnr.format(_orgnr.validate(value))
    except ValidationError:
        return None


def parse_personal(value):
    """Return the Identity of a personnummer or samordningsnummer, or
    None if `value` is neither.

    >>> str(parse_personal('811228-9874'))
    '19811228-9874'
    >>> parse_personal('19811288-9871').coordination
    True
    """
    value = _SPACES.sub('', value or '')
    match = _PERSONAL.fullmatch(value)
    if not match:
        return None
    if int(match.group(2)) > 60:
        return _coordination(value)
    try:
        number = _personnummer.validate(value)
        birth_date = _personnummer.get_birth_date(number)
    except ValidationError:
        return None
    return Identity(
        code=f'{birth_date.year:04d}{birth_date:%m%d}{number[-4:]}',
        birth_date=birth_date, coordination=False)


def _coordination(value):
    try:
        number = Personnummer(value)
        birth_date = number.get_date()
    except (PersonnummerException, ValueError):
        return None
    return Identity(code=number.format(True), birth_date=birth_date,
        coordination=True)


def normalize_personal(value):
    """Return a personnummer or samordningsnummer as YYYYMMDD-NNNN, or
    None if invalid."""
    identity = parse_personal(value)
    return str(identity) if identity else None

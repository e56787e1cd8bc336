# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish personal and organisation numbers of applicants.

A person gives a personnummer or a samordningsnummer (day + 60,
Skatteverket SKV 707); python-stdnum rejects the latter, the
`personnummer` package accepts both. Sole traders use their
personnummer; companies an organisation number (SKV 709).
"""
from personnummer.personnummer import Personnummer
from stdnum.se import orgnr

PERSON_KINDS = {'person', 'sole_trader', 'investing'}


def normalize_personal(value):
    "YYYYMMDD-NNNN for a valid personal or coordination number, or None."
    value = (value or '').strip()
    try:
        number = Personnummer(value)
    except Exception:
        return None
    long_ = number.format(True)
    return f'{long_[:8]}-{long_[8:]}'


def normalize_organisation(value):
    "NNNNNN-NNNN for a valid organisation number, or None."
    value = (value or '').strip()
    try:
        return orgnr.format(orgnr.validate(value))
    except Exception:
        return None


def normalize(value, kind):
    """The number in its stored form, or None when invalid for `kind`.

    Investing members and sole traders may also be organisations.
    """
    if kind == 'company':
        return normalize_organisation(value)
    result = normalize_personal(value)
    if result is None and kind in {'investing', 'sole_trader'}:
        result = normalize_organisation(value)
    return result


def is_coordination_number(value):
    "Whether a valid personal number is a samordningsnummer."
    normalized = normalize_personal(value)
    return bool(normalized) and int(normalized[6:8]) > 60

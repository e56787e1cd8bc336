# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish rules that need no database."""
from stdnum.se import orgnr as _orgnr

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

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which identity number each kind of applicant gives.

A person gives a personnummer or a samordningsnummer; a company an
organisation number. Sole traders use their personnummer, which is also
their organisation number. The numbers are read by
sosolo_sweden.identity.
"""
from trytond.modules.sosolo_sweden.identity import (
    normalize_orgnr,
    normalize_personal,
)


def normalize(value, kind):
    """The number in its stored form, or None when invalid for `kind`.

    Investing members and sole traders may also be organisations.
    """
    if kind == 'company':
        return normalize_orgnr(value)
    result = normalize_personal(value)
    if result is None and kind in {'investing', 'sole_trader'}:
        result = normalize_orgnr(value)
    return result

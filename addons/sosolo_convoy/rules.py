# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rules of invoicing through the cooperative that need no database."""
from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal('0.01')


def fee(amount, rate, minimum=None):
    """The cooperative's fee on `amount` excl. VAT at `rate` percent.

    Rounded to öre, half up; never below `minimum` when one is set, and
    never above the amount itself. A negative amount (a credit note)
    gives the negative of the fee on its opposite. Frilans Finans'
    published example: 40,000 kr at 6 % is 2,400 kr.
    """
    amount = Decimal(amount)
    if amount < 0:
        return -fee(-amount, rate, minimum)
    value = (amount * Decimal(rate) / 100).quantize(
        _CENT, rounding=ROUND_HALF_UP)
    if minimum:
        value = max(value, Decimal(minimum))
    return min(value, amount)

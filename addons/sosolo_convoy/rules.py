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


def member_share(untaxed, rate, minimum=None):
    """What the member's account gets of `untaxed`: the amount less the fee.

    Frilans Finans' published example: 40,000 kr at 6 % leaves 37,600 kr.
    """
    return Decimal(untaxed) - fee(untaxed, rate, minimum)


def credit_due(share, total, settled):
    """The part of `share` due once `settled` of the `total` is paid.

    Proportional to what the customer paid incl. VAT, rounded to öre
    half up. The caller posts the difference between this and what it
    posted before: rounding the running total (never each payment) makes
    the credits of several partial payments add up to the credit of one
    full payment to the öre. Credit notes give negative amounts.
    """
    share, total, settled = map(Decimal, (share, total, settled))
    if not total:
        return Decimal(0).quantize(_CENT)
    if settled == total:
        return share.quantize(_CENT, rounding=ROUND_HALF_UP)
    return (share * settled / total).quantize(_CENT, rounding=ROUND_HALF_UP)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Rules of invoicing through the cooperative that need no database."""
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

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


# Late payment: interest, reminder fee, late payment compensation ----------

#: Räntelagen (1975:635) 6 §: dröjsmålsränta is the referensränta in
#: force at each time plus eight percentage points.
LATE_INTEREST_MARGIN = Decimal(8)
#: Interest to the day on a year of 365 days; räntelagen names no day
#: count, and 365 is the common Swedish practice.
DAYS_IN_YEAR = Decimal(365)
#: Lag (1981:739) om ersättning för inkassokostnader m.m., 4 § andra
#: stycket 1: at most 60 kr for a written reminder, and (2 §) only when
#: agreed at the latest when the debt arose.
REMINDER_FEE = Decimal(60)
#: The same law, 4 a §: 450 kr förseningsersättning from a business
#: (näringsidkare or authority) that pays late, without any agreement;
#: it is instead of the reminder fee and collection costs up to 450 kr.
LATE_PAYMENT_COMPENSATION = Decimal(450)


@dataclass(frozen=True)
class ReferenceRate:
    """Riksbanken's referensränta for the half-year from `start_date`
    (1 January or 1 July), in percent (räntelagen 9 §)."""
    start_date: dt.date
    rate: Decimal


def reference_rate_of_policy_rate(policy_rate):
    """The referensränta set from Riksbanken's policy rate on the last
    day of the previous half-year: that rate rounded up, if need be, to
    the next half percentage point (räntelagen 9 §).

    >>> reference_rate_of_policy_rate(Decimal('1.75'))
    Decimal('2.00')
    """
    halves = (Decimal(policy_rate) * 2).to_integral_value(ROUND_CEILING)
    return (halves / 2).quantize(_CENT)


def _rate_on(reference_rates, date):
    found = [r for r in reference_rates if r.start_date <= date]
    if not found:
        raise LookupError(f"no referensränta for {date}")
    return max(found, key=lambda r: r.start_date).rate


def late_interest(amount, due_date, paid_date, reference_rates):
    """Dröjsmålsränta on `amount` paid on `paid_date`, due on `due_date`.

    Räntelagen (1975:635) 6 §: from the due date, at the referensränta
    in force at each time (`reference_rates`, per half-year) plus
    LATE_INTEREST_MARGIN. Each day after the due date up to and
    including the day of payment bears 1/365 of the year's rate of that
    day; the sum is rounded once, to öre half up. Nothing before or on
    the due date.

    >>> late_interest(Decimal(10000), dt.date(2026, 3, 2),
    ...     dt.date(2026, 4, 16),
    ...     [ReferenceRate(dt.date(2026, 1, 1), Decimal(2))])
    Decimal('123.29')
    """
    amount = Decimal(amount)
    total = Decimal(0)
    day = due_date + dt.timedelta(days=1)
    while day <= paid_date:
        rate = _rate_on(reference_rates, day) + LATE_INTEREST_MARGIN
        total += amount * rate / 100 / DAYS_IN_YEAR
        day += dt.timedelta(days=1)
    return total.quantize(_CENT, rounding=ROUND_HALF_UP)


def reminder_fee(agreed):
    """The påminnelseavgift a written reminder may carry: REMINDER_FEE
    when agreed in advance (lag 1981:739, 2 § and 4 §), else nothing."""
    return REMINDER_FEE if agreed else Decimal(0)


def late_payment_fees(agreed, business):
    """(påminnelseavgift, förseningsersättning) of a debt paid late.

    A business debtor owes the förseningsersättning (lag 1981:739,
    4 a §) whether agreed or not, and it stands instead of the reminder
    fee; a consumer owes at most the reminder fee, and only if agreed.
    """
    if business:
        return Decimal(0), LATE_PAYMENT_COMPENSATION
    return reminder_fee(agreed), Decimal(0)

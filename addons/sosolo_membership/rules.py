# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Membership rules that need no database.

Sources: lag (2018:672) om ekonomiska föreningar, 4 kap. (utträde och
återbetalning av insatser) and 5 kap. (medlemsförteckning); the periods
the statutes may choose are company settings (see DESIGN.md).
"""
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

#: Limits the law puts on what the statutes may choose.
MIN_NOTICE_MONTHS, MAX_NOTICE_MONTHS = 1, 6
MAX_MINIMUM_MONTHS = 24
MIN_REPAYMENT_DELAY_MONTHS = 6

#: Västerbotten's 15 municipalities with their SCB codes (kommunkoder),
#: from fixtures/places/municipalities_vasterbotten.csv.
MUNICIPALITIES = [
    ('2401', "Nordmaling"),
    ('2403', "Bjurholm"),
    ('2404', "Vindeln"),
    ('2409', "Robertsfors"),
    ('2417', "Norsjö"),
    ('2418', "Malå"),
    ('2421', "Storuman"),
    ('2422', "Sorsele"),
    ('2425', "Dorotea"),
    ('2460', "Vännäs"),
    ('2462', "Vilhelmina"),
    ('2463', "Åsele"),
    ('2480', "Umeå"),
    ('2481', "Lycksele"),
    ('2482', "Skellefteå"),
    ]
OTHER_MUNICIPALITY = 'other'


def round_money(amount):
    "Round to whole öre, half up: the one place money is rounded."
    return Decimal(amount).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)


def fiscal_year_end_on_or_after(date, year_end):
    """The first fiscal year end on or after `date`.

    `year_end` is any fiscal year end (e.g. 2026-12-31); fiscal years
    are twelve months long, so the ends repeat every year.
    """
    end = year_end
    while end < date:
        end = _add_months(end, 12)
    while _add_months(end, -12) >= date:
        end = _add_months(end, -12)
    return end


def _add_months(date, months):
    result = date + relativedelta(months=months)
    # Keep month ends at month ends (a year ending 28 February).
    if (date + dt.timedelta(days=1)).day == 1:
        result = result + relativedelta(day=31)
    return result


def earliest_exit_date(resignation_date, entry_date, year_end,
        notice_months=MIN_NOTICE_MONTHS, minimum_months=0):
    """The first fiscal year end at which a resigning member may leave.

    A member leaves only at the end of a fiscal year, at least
    `notice_months` after the resignation (1 by law, the statutes may
    ask up to 6) and not before `minimum_months` of membership (0 by
    default, up to 24 by statute). Lag (2018:672) 4 kap., utträde.
    """
    if not MIN_NOTICE_MONTHS <= notice_months <= MAX_NOTICE_MONTHS:
        raise ValueError(f"notice of {notice_months} months")
    if not 0 <= minimum_months <= MAX_MINIMUM_MONTHS:
        raise ValueError(f"minimum membership of {minimum_months} months")
    earliest = resignation_date + relativedelta(months=notice_months)
    if entry_date:
        earliest = max(earliest,
            entry_date + relativedelta(months=minimum_months))
    return fiscal_year_end_on_or_after(earliest, year_end)


def repayment_date(exit_date, delay_months=MIN_REPAYMENT_DELAY_MONTHS):
    """The earliest date the contribution of a leaving member is repaid.

    At the earliest six months after the fiscal year end of the exit
    (lag 2018:672 4 kap., återbetalning av insats); the statutes may say
    later.
    """
    if delay_months < MIN_REPAYMENT_DELAY_MONTHS:
        raise ValueError(f"repayment after {delay_months} months")
    return _add_months(exit_date, delay_months)


def repayment_amount(paid, confirmed=None):
    """What is repaid: the paid contribution, or less if the board says so.

    The board lowers it when the equity at the exit year's end does not
    cover it (4 kap., återbetalning av insats); it is never more than
    what was paid.
    """
    paid = round_money(paid or 0)
    if confirmed is None:
        return paid
    confirmed = round_money(confirmed)
    if confirmed < 0:
        raise ValueError("negative repayment")
    return min(paid, confirmed)


@dataclass(frozen=True)
class RegisterFacts:
    "What the register needs of one membership."
    entry_date: dt.date | None
    exit_date: dt.date | None
    paid_date: dt.date | None
    paid: Decimal
    repaid_date: dt.date | None
    repaid: Decimal
    to_repay: Decimal


@dataclass(frozen=True)
class RegisterRow:
    "One membership as the register shows it at a date."
    paid: Decimal
    repaid: Decimal
    to_repay: Decimal
    exit_date: dt.date | None


def register_row(facts, date):
    """The membership as the register (5 kap.) shows it at `date`.

    None when it is not in the register at that date: not yet entered,
    or left with the contribution repaid. A member who has left stays
    in it until the contribution is repaid, with the amount to repay.
    """
    if not facts.entry_date or facts.entry_date > date:
        return None
    repaid = facts.repaid_date and facts.repaid_date <= date
    if facts.exit_date and facts.exit_date < date and repaid:
        return None
    paid = (facts.paid if facts.paid_date and facts.paid_date <= date
        else Decimal(0))
    to_repay = Decimal(0)
    if facts.exit_date and facts.exit_date < date and not repaid:
        to_repay = facts.to_repay
    return RegisterRow(
        paid=round_money(paid),
        repaid=round_money(facts.repaid if repaid else 0),
        to_repay=round_money(to_repay),
        exit_date=facts.exit_date)

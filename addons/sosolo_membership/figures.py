# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The follow-up figures the funders ask for (issue 17), without a database.

Members active at a date against the project's goal of 50, split by
self-reported gender, by municipality and inland against coast, and
first-time entrepreneurs; new members per month; and the members needed
to break even.
"""
import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from . import rules

#: The project's goal of active businesses (the funder's application).
GOAL = 50

#: The 8 Västerbotten members of Region 10, the inland: from the
#: region10_inland column of tests/data/municipalities_vasterbotten.csv.
INLAND = frozenset({
        '2417',  # Norsjö
        '2418',  # Malå
        '2421',  # Storuman
        '2422',  # Sorsele
        '2425',  # Dorotea
        '2462',  # Vilhelmina
        '2463',  # Åsele
        '2481',  # Lycksele
        })

#: The key counting those who did not answer an optional question: the
#: portal offers "Vill inte ange" as the empty choice.
UNDISCLOSED = 'undisclosed'
GENDER_KEYS = ['female', 'male', 'other', UNDISCLOSED]
FIRST_TIME_KEYS = ['yes', 'no', UNDISCLOSED]
MUNICIPALITY_KEYS = ([code for code, _ in rules.MUNICIPALITIES]
    + [rules.OTHER_MUNICIPALITY, UNDISCLOSED])


@dataclass(frozen=True)
class MemberFacts:
    "What the figures need of one membership."
    entry_date: dt.date | None
    exit_date: dt.date | None
    gender: str | None = None
    municipality: str | None = None
    first_time: str | None = None


def is_active(facts, date):
    """Whether the member is active at `date`: entered on or before it
    and not yet past the exit date (a member leaves at the end of the
    exit date, a fiscal year end), as in rules.register_row."""
    return bool(facts.entry_date and facts.entry_date <= date
        and not (facts.exit_date and facts.exit_date < date))


def _count(values, keys):
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value if value in counts else UNDISCLOSED] += 1
    return counts


def member_figures(members, date, goal=GOAL):
    """The member figures at `date` of the MemberFacts `members`.

    Every split sums to `active`. An answer left empty counts as
    undisclosed ("vill inte uppge"); `coast` is every active member not
    in a Region 10 inland municipality: the coast, its hinterland
    (Bjurholm, Vindeln, Vännäs), other municipalities and those who did
    not say (by_municipality tells them apart).
    """
    active = [m for m in members if is_active(m, date)]
    inland = sum(1 for m in active if m.municipality in INLAND)
    return {
        'date': date.isoformat(),
        'active': len(active),
        'goal': goal,
        'by_gender': _count((m.gender for m in active), GENDER_KEYS),
        'by_municipality': _count(
            (m.municipality for m in active), MUNICIPALITY_KEYS),
        'inland': inland,
        'coast': len(active) - inland,
        'first_time': _count((m.first_time for m in active),
            FIRST_TIME_KEYS),
        'new_per_month': new_per_month(members, date),
        }


def months_to(date, count=12):
    "The first days of the `count` months ending with `date`'s month."
    year, month = date.year, date.month
    months = []
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def new_per_month(members, date, count=12):
    """[{'month': 'YYYY-MM', 'new': n}] for the `count` months ending
    with `date`'s month: members who entered in each, up to `date`."""
    months = months_to(date, count)
    counts = dict.fromkeys(months, 0)
    for member in members:
        entry = member.entry_date
        if entry and entry <= date:
            month = entry.replace(day=1)
            if month in counts:
                counts[month] += 1
    return [{'month': m.strftime('%Y-%m'), 'new': counts[m]}
        for m in months]


def break_even_members(fee_income_per_member, operating_costs):
    """The members whose fees cover the operating costs, rounded up.

    None when a member brings no fee income: no number of members then
    covers any cost.
    """
    fee_income_per_member = Decimal(fee_income_per_member)
    operating_costs = Decimal(operating_costs)
    if fee_income_per_member <= 0:
        return None
    if operating_costs <= 0:
        return 0
    return math.ceil(operating_costs / fee_income_per_member)


def break_even(fee_income, members, operating_costs):
    """The break-even figures of a period: `fee_income` the members'
    fees booked in it, `members` the active members it is shared by,
    `operating_costs` the costs booked in it."""
    per_member = (rules.round_money(Decimal(fee_income) / members)
        if members else Decimal(0))
    return {
        'fee_income': rules.round_money(fee_income),
        'fee_income_per_member': per_member,
        'operating_costs': rules.round_money(operating_costs),
        'members_needed': break_even_members(per_member, operating_costs),
        }

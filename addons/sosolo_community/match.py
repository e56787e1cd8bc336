# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which lots a member hears about (issue 15), without a database.

A lot matches a member's interest when one of its CPV codes shares the
interest's code up to the level the member chose (division, group,
class, category or the exact code) and, when the member lists the
municipalities served, the place of the contract covers one of them.
A place is a NUTS code; every municipality of Västerbotten lies in
SE331, so a contract in SE331, SE33, SE3 or SE covers them, and one
without a place is not limited out.
"""
from dataclasses import dataclass

from trytond.modules.sosolo_membership import rules

#: Digits shared at each level of the CPV tree (Commission Regulation
#: (EC) No 213/2008, annex I: division XX, group XXX, class XXXX,
#: category XXXXX).
LEVELS = {
    'division': 2,
    'group': 3,
    'class': 4,
    'category': 5,
    'code': 8,
    }

#: The NUTS 3 region of each municipality (Västerbottens län).
MUNICIPALITY_NUTS = {code: 'SE331' for code, _ in rules.MUNICIPALITIES}


@dataclass(frozen=True)
class Interest:
    cpv: str
    level: str = 'division'
    municipalities: frozenset = frozenset()


def shares_prefix(code, other, level):
    digits = LEVELS[level]
    return bool(code and other) and code[:digits] == other[:digits]


def covers(nuts, municipalities):
    "Does the place `nuts` cover one of `municipalities` (codes)?"
    if not municipalities or not nuts:
        return True
    return any(MUNICIPALITY_NUTS.get(m, '').startswith(nuts)
        for m in municipalities if len(nuts) >= 2)


def matches(interest, cpv_codes, nuts=None):
    "Does a lot with `cpv_codes` at place `nuts` match `interest`?"
    return (any(shares_prefix(c, interest.cpv, interest.level)
            for c in cpv_codes)
        and covers(nuts, interest.municipalities))


def matches_any(interests, cpv_codes, nuts=None):
    return any(matches(i, cpv_codes, nuts) for i in interests)

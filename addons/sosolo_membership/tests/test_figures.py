# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The follow-up figures (issue 17), without a database."""
import csv
import datetime as dt
import unittest
from decimal import Decimal
from pathlib import Path

from trytond.modules.sosolo_membership import figures, rules
from trytond.modules.sosolo_membership.figures import MemberFacts

D = dt.date
DATA = Path(__file__).parent / 'data'


class MunicipalitiesTestCase(unittest.TestCase):

    def test_inland_is_region10_of_the_fixture(self):
        "The inland is the fixture's Region 10 list, codes as in rules"
        with open(DATA / 'municipalities_vasterbotten.csv',
                encoding='utf-8') as file:
            rows = list(csv.DictReader(file))
        self.assertEqual(len(rows), 15)
        self.assertEqual(figures.INLAND,
            {r['kommunkod'] for r in rows if r['region10_inland'] == '1'})
        self.assertEqual(len(figures.INLAND), 8)
        self.assertEqual(
            [(r['kommunkod'], r['name']) for r in rows],
            rules.MUNICIPALITIES)


class MemberFiguresTestCase(unittest.TestCase):

    members = [
        # Lycksele, a woman, first business; left at the end of 2025.
        MemberFacts(D(2025, 3, 1), D(2025, 12, 31), 'female', '2481', 'yes'),
        # Umeå, a man, not the first business.
        MemberFacts(D(2025, 11, 15), None, 'male', '2480', 'no'),
        # Storuman, said nothing of gender nor first business.
        MemberFacts(D(2026, 1, 10), None, None, '2421', None),
        # Vindeln (coast hinterland), non-binary, resigned: leaves at the
        # end of 2026.
        MemberFacts(D(2026, 1, 20), D(2026, 12, 31), 'other', '2404', 'yes'),
        # No municipality given.
        MemberFacts(D(2026, 6, 1), None, 'female', None, 'no'),
        # Not yet entered (an applicant has no entry date).
        MemberFacts(None, None, 'male', '2480', 'yes'),
        ]

    def assertSplitsSum(self, result):
        for split in ['by_gender', 'by_municipality', 'first_time']:
            self.assertEqual(sum(result[split].values()), result['active'],
                split)
        self.assertEqual(result['inland'] + result['coast'], result['active'])

    def test_three_dates(self):
        "Active, splits and inland/coast on three dates, one after leaving"
        cases = [
            # date, active, inland, women, undisclosed gender
            (D(2025, 12, 31), 2, 1, 1, 0),
            # The Lycksele member has left.
            (D(2026, 1, 31), 3, 1, 0, 1),
            (D(2026, 12, 1), 4, 1, 1, 1),
            ]
        for date, active, inland, women, undisclosed in cases:
            with self.subTest(date=date):
                result = figures.member_figures(self.members, date)
                self.assertEqual(result['active'], active)
                self.assertEqual(result['goal'], 50)
                self.assertEqual(result['inland'], inland)
                self.assertEqual(result['by_gender']['female'], women)
                self.assertEqual(result['by_gender']['undisclosed'],
                    undisclosed)
                self.assertSplitsSum(result)

    def test_municipality_split(self):
        "Each of the 15 municipalities is counted, and those not given"
        result = figures.member_figures(self.members, D(2026, 12, 1))
        by = result['by_municipality']
        self.assertEqual(len(by), 17)
        self.assertEqual((by['2480'], by['2421'], by['2404'], by['2481']),
            (1, 1, 1, 0))
        self.assertEqual(by['undisclosed'], 1)
        # Vindeln and the unknown one are not inland: the coast.
        self.assertEqual(result['coast'], 3)
        self.assertEqual(result['first_time'],
            {'yes': 1, 'no': 2, 'undisclosed': 1})

    def test_leaves_after_exit_date(self):
        "A member is active on the exit date and not the day after"
        member = [MemberFacts(D(2026, 1, 1), D(2026, 12, 31))]
        self.assertEqual(
            figures.member_figures(member, D(2026, 12, 31))['active'], 1)
        self.assertEqual(
            figures.member_figures(member, D(2027, 1, 1))['active'], 0)

    def test_new_per_month(self):
        "New members per month, the twelve months up to the date"
        months = figures.new_per_month(self.members, D(2026, 1, 15))
        self.assertEqual(len(months), 12)
        self.assertEqual(months[0], {'month': '2025-02', 'new': 0})
        self.assertEqual(months[1], {'month': '2025-03', 'new': 1})
        self.assertEqual(months[9], {'month': '2025-11', 'new': 1})
        # 20 January is after the date.
        self.assertEqual(months[-1], {'month': '2026-01', 'new': 1})


class BreakEvenTestCase(unittest.TestCase):

    def test_hand_calculated(self):
        """The members needed to break even, worked by hand

        Fee income booked in the year: 24 members × 1 200 kr = 28 800 kr,
        so 28 800 / 24 = 1 200,00 kr a member. Operating costs (BAS 5–6):
        rent 36 000 + IT 9 600 + audit 12 000 + bank 1 650 = 59 250 kr.
        59 250 / 1 200 = 49,375 members: 50, since 49 leave 58 800 kr,
        450 kr short.
        """
        result = figures.break_even(Decimal('28800'), 24,
            Decimal('36000') + Decimal('9600') + Decimal('12000')
            + Decimal('1650'))
        self.assertEqual(result['fee_income_per_member'], Decimal('1200.00'))
        self.assertEqual(result['operating_costs'], Decimal('59250.00'))
        self.assertEqual(result['members_needed'], 50)
        self.assertLess(49 * Decimal('1200'), Decimal('59250'))

    def test_exact_and_none(self):
        "Costs exactly covered need no extra member; no fee never breaks even"
        self.assertEqual(figures.break_even_members(Decimal('500'),
                Decimal('10000')), 20)
        self.assertEqual(figures.break_even_members(Decimal('500'), 0), 0)
        self.assertIsNone(figures.break_even_members(0, Decimal('10000')))
        self.assertIsNone(figures.break_even(Decimal('0'), 0,
                Decimal('100'))['members_needed'])

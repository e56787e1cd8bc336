# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Membership rules, without a database.

Worked examples follow lag (2018:672) om ekonomiska föreningar 4 kap.
(utträde, återbetalning) as DESIGN.md (sosolo_membership, Exit) sums it
up: exit only at a fiscal year end, notice of 1 month (statutes: up to
6), minimum membership up to 2 years, repayment at the earliest six
months after the year end.
"""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.sosolo_membership import identity, rules

D = dt.date
YEAR_END = D(2026, 12, 31)


class ExitDateTestCase(unittest.TestCase):

    def test_earliest_exit_date(self):
        "Exit at the first year end after notice and minimum membership"
        cases = [
            # resignation, entry, notice, minimum, exit
            (D(2026, 11, 30), D(2020, 1, 1), 1, 0, D(2026, 12, 31)),
            (D(2026, 12, 1), D(2020, 1, 1), 1, 0, D(2027, 12, 31)),
            (D(2026, 3, 10), D(2020, 1, 1), 1, 0, D(2026, 12, 31)),
            (D(2026, 6, 30), D(2020, 1, 1), 6, 0, D(2026, 12, 31)),
            (D(2026, 7, 1), D(2020, 1, 1), 6, 0, D(2027, 12, 31)),
            (D(2026, 4, 1), D(2026, 3, 1), 1, 24, D(2028, 12, 31)),
            (D(2026, 4, 1), D(2025, 1, 1), 1, 24, D(2027, 12, 31)),
            (D(2026, 4, 1), None, 1, 24, D(2026, 12, 31)),
            ]
        for resignation, entry, notice, minimum, expected in cases:
            with self.subTest(resignation=resignation, notice=notice,
                    minimum=minimum):
                self.assertEqual(rules.earliest_exit_date(
                        resignation, entry, YEAR_END, notice, minimum),
                    expected)

    def test_broken_fiscal_year(self):
        "A fiscal year ending 30 June is stepped year by year"
        self.assertEqual(rules.earliest_exit_date(
                D(2026, 5, 31), None, D(2025, 6, 30), 1, 0),
            D(2026, 6, 30))
        self.assertEqual(rules.earliest_exit_date(
                D(2026, 6, 1), None, D(2027, 6, 30), 1, 0),
            D(2027, 6, 30))

    def test_limits_of_statutes(self):
        "Notice outside 1–6 months or minimum over 2 years is refused"
        for notice, minimum in [(0, 0), (7, 0), (1, 25), (1, -1)]:
            with self.subTest(notice=notice, minimum=minimum):
                with self.assertRaises(ValueError):
                    rules.earliest_exit_date(
                        D(2026, 1, 1), None, YEAR_END, notice, minimum)


class RepaymentTestCase(unittest.TestCase):

    def test_repayment_date(self):
        "Repayment at the earliest six months after the exit year end"
        cases = [
            (D(2026, 12, 31), 6, D(2027, 6, 30)),
            (D(2027, 6, 30), 6, D(2027, 12, 31)),
            (D(2026, 12, 31), 12, D(2027, 12, 31)),
            (D(2027, 2, 28), 6, D(2027, 8, 31)),
            ]
        for exit_date, months, expected in cases:
            with self.subTest(exit_date=exit_date, months=months):
                self.assertEqual(
                    rules.repayment_date(exit_date, months), expected)
        with self.assertRaises(ValueError):
            rules.repayment_date(D(2026, 12, 31), 5)

    def test_repayment_amount(self):
        "The board may lower the repayment, never raise it"
        cases = [
            (Decimal('500'), None, Decimal('500.00')),
            (Decimal('500'), Decimal('300.004'), Decimal('300.00')),
            (Decimal('500'), Decimal('300.005'), Decimal('300.01')),
            (Decimal('500'), Decimal('800'), Decimal('500.00')),
            (None, None, Decimal('0.00')),
            ]
        for paid, confirmed, expected in cases:
            with self.subTest(paid=paid, confirmed=confirmed):
                self.assertEqual(
                    rules.repayment_amount(paid, confirmed), expected)
        with self.assertRaises(ValueError):
            rules.repayment_amount(Decimal(500), Decimal(-1))


class RegisterTestCase(unittest.TestCase):

    facts = rules.RegisterFacts(
        entry_date=D(2026, 2, 1), exit_date=D(2026, 12, 31),
        paid_date=D(2026, 2, 1), paid=Decimal('500'),
        repaid_date=D(2027, 7, 15), repaid=Decimal('400'),
        to_repay=Decimal('400'))

    def test_register_rows(self):
        "A member is in the register from entry until repaid after exit"
        cases = [
            (D(2026, 1, 31), None),
            (D(2026, 2, 1), ('500.00', '0.00', '0.00')),
            (D(2026, 12, 31), ('500.00', '0.00', '0.00')),
            (D(2027, 1, 1), ('500.00', '0.00', '400.00')),
            (D(2027, 7, 14), ('500.00', '0.00', '400.00')),
            (D(2027, 7, 15), None),
            ]
        for date, expected in cases:
            with self.subTest(date=date):
                row = rules.register_row(self.facts, date)
                if expected is None:
                    self.assertIsNone(row)
                else:
                    self.assertEqual(
                        (str(row.paid), str(row.repaid), str(row.to_repay)),
                        expected)
                    self.assertEqual(row.exit_date, D(2026, 12, 31))


class IdentityTestCase(unittest.TestCase):

    def test_numbers(self):
        """Personal, coordination and organisation numbers

        Examples: Skatteverket's test personnummer 19811228-9874 (SKV
        704), the same with day + 60 as samordningsnummer (SKV 707), and
        Lycksele Bygg & Montage AB's made-up orgnr passing Luhn.
        """
        cases = [
            ('198112289874', 'person', '19811228-9874'),
            ('811228-9874', 'person', '19811228-9874'),
            ('19811228-9875', 'person', None),
            ('19811288-9871', 'person', '19811288-9871'),
            ('19811288-9877', 'person', None),
            ('5566778899', 'company', '556677-8899'),
            ('556677-8898', 'company', None),
            ('198112289874', 'company', None),
            ('556677-8899', 'sole_trader', '556677-8899'),
            ('', 'person', None),
            ]
        for value, kind, expected in cases:
            with self.subTest(value=value, kind=kind):
                self.assertEqual(identity.normalize(value, kind), expected)

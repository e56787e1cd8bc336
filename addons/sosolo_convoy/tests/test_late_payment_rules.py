# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dröjsmålsränta, påminnelseavgift and förseningsersättning (#16)."""
import datetime as dt
import doctest
import unittest
from decimal import Decimal as D

from trytond.modules.sosolo_convoy import rules
from trytond.modules.sosolo_convoy.rules import (
    ReferenceRate,
    late_interest,
    late_payment_fees,
    reference_rate_of_policy_rate,
    reminder_fee,
)

#: A given referensränta of 2.00 % for the first half of 2026 and 2.50 %
#: for the second (test data, not Riksbanken's).
RATES = [
    ReferenceRate(dt.date(2026, 1, 1), D('2.00')),
    ReferenceRate(dt.date(2026, 7, 1), D('2.50')),
    ]


class LateInterestTestCase(unittest.TestCase):
    "Räntelagen (1975:635) 6 §: referensränta + 8 pp from the due date"

    def test_45_days(self):
        """10,000 kr 45 days late at a referensränta of 2.00 %:
        10,000 x 10 % x 45 / 365 = 123.2877, 123.29 kr"""
        due = dt.date(2026, 3, 2)
        self.assertEqual(late_interest(D(10000), due,
                due + dt.timedelta(days=45), RATES), D('123.29'))

    def test_across_half_years(self):
        """Each day at the referensränta of its half-year: 15 days of
        June at 10 % and 30 of July at 10.5 %: 41.0959 + 86.3014"""
        self.assertEqual(late_interest(D(10000), dt.date(2026, 6, 15),
                dt.date(2026, 7, 30), RATES), D('127.40'))

    def test_not_late(self):
        due = dt.date(2026, 3, 2)
        for paid in [due, due - dt.timedelta(days=3)]:
            with self.subTest(paid=paid):
                self.assertEqual(late_interest(D(10000), due, paid, RATES),
                    D('0.00'))

    def test_one_day(self):
        "one day: 10,000 x 10 % / 365 = 2.7397"
        due = dt.date(2026, 3, 2)
        self.assertEqual(late_interest(D(10000), due,
                due + dt.timedelta(days=1), RATES), D('2.74'))

    def test_no_rate(self):
        with self.assertRaises(LookupError):
            late_interest(D(100), dt.date(2025, 12, 20),
                dt.date(2026, 1, 10), RATES)

    def test_reference_rate_of_policy_rate(self):
        "räntelagen 9 §: rounded up to the next half percentage point"
        for policy, reference in [
                ('1.75', '2.00'), ('2.00', '2.00'), ('3.75', '4.00'),
                ('2.26', '2.50'), ('0', '0'), ('-0.25', '0'),
                ('-0.50', '-0.50'),
                ]:
            with self.subTest(policy=policy):
                self.assertEqual(
                    reference_rate_of_policy_rate(D(policy)), D(reference))


class FeesTestCase(unittest.TestCase):
    """Lag (1981:739): 60 kr for a reminder only where agreed (2 §,
    4 §); 450 kr förseningsersättning from businesses (4 a §)"""

    def test_table(self):
        for agreed, business, fees in [
                (False, False, (D(0), D(0))),
                (True, False, (D(60), D(0))),
                (False, True, (D(0), D(450))),
                # Instead of the reminder fee, not on top of it.
                (True, True, (D(0), D(450))),
                ]:
            with self.subTest(agreed=agreed, business=business):
                self.assertEqual(late_payment_fees(agreed, business), fees)
        self.assertEqual(reminder_fee(False), D(0))


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(rules))
    return tests

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The returns' last days, without a database.

Worked example: Fortnox, "Viktiga datum för skatter och moms 2022"
(fortnox.se/blogg/datum-skatter-och-moms-2022), the table for a business
with yearly or quarterly VAT: the arbetsgivardeklaration on 17 Jan,
14 Feb, 14 Mar, 12 Apr, 12 May, 13 Jun, 12 Jul, 17 Aug, 12 Sep, 12 Oct,
14 Nov and 12 Dec 2022. The rules: SFL 26 kap. 26 §, lagen (1930:173)
2 §, lagen (1989:253) 1 §.
"""
import datetime as dt
import unittest

from trytond.modules.sosolo_sweden import deadlines

D = dt.date


class PublicHolidaysTest(unittest.TestCase):
    "lagen (1989:253) om allmänna helgdagar"

    def test_2026(self):
        "2026: Easter on 5 April, midsummer on 20 June"
        self.assertEqual(sorted(deadlines.public_holidays(2026)), [
                D(2026, 1, 1), D(2026, 1, 6), D(2026, 4, 3), D(2026, 4, 5),
                D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 14), D(2026, 5, 24),
                D(2026, 6, 6), D(2026, 6, 20), D(2026, 10, 31),
                D(2026, 12, 25), D(2026, 12, 26)])

    def test_eves_and_weekends(self):
        "the eves of lagen (1930:173) 2 § and weekends are not weekdays"
        for day, weekday in [
                (D(2026, 6, 19), False),  # midsommarafton, a Friday
                (D(2026, 12, 24), False),  # julafton, a Thursday
                (D(2026, 12, 31), False),  # nyårsafton, a Thursday
                (D(2026, 12, 5), False),  # a Saturday
                (D(2026, 12, 6), False),  # a Sunday
                (D(2026, 12, 7), True),
                (D(2026, 6, 18), True),
                ]:
            with self.subTest(day=day):
                self.assertEqual(deadlines.is_weekday(day), weekday)


class AgiDueDateTest(unittest.TestCase):
    "The arbetsgivardeklaration: SFL 26 kap. 26 §"

    def test_fortnox_2022(self):
        "the 2022 days of Fortnox's table, month by month"
        expected = [D(2022, 1, 17), D(2022, 2, 14), D(2022, 3, 14),
            D(2022, 4, 12), D(2022, 5, 12), D(2022, 6, 13), D(2022, 7, 12),
            D(2022, 8, 17), D(2022, 9, 12), D(2022, 10, 12),
            D(2022, 11, 14), D(2022, 12, 12)]
        for due in expected:
            period_end = due.replace(day=1) - dt.timedelta(days=1)
            with self.subTest(period_end=period_end):
                self.assertEqual(deadlines.agi_due_date(period_end), due)

    def test_next_due(self):
        "the next return due on or after a day, and its month"
        for today, period, due in [
                # November's on Saturday 12 December, so Monday 14th.
                (D(2026, 12, 1), D(2026, 11, 1), D(2026, 12, 14)),
                (D(2026, 12, 14), D(2026, 11, 1), D(2026, 12, 14)),
                # December's on the 17th, a Sunday: Monday 18 January.
                (D(2026, 12, 15), D(2026, 12, 1), D(2027, 1, 18)),
                ]:
            with self.subTest(today=today):
                first, _, found = deadlines.next_due(
                    today, deadlines.month_period, deadlines.agi_due_date)
                self.assertEqual((first, found), (period, due))


class VatDueDateTest(unittest.TestCase):
    "The VAT return of a month or a quarter: SFL 26 kap. 26 §"

    def test_quarters(self):
        "the 12th of the second month after, the 17th in August"
        for period_end, due in [
                (D(2021, 12, 31), D(2022, 2, 14)),  # 12 Feb a Saturday
                (D(2022, 3, 31), D(2022, 5, 12)),
                (D(2022, 6, 30), D(2022, 8, 17)),
                (D(2022, 9, 30), D(2022, 11, 14)),  # 12 Nov a Saturday
                ]:
            with self.subTest(period_end=period_end):
                self.assertEqual(deadlines.vat_due_date(period_end), due)

    def test_periods(self):
        "the month or the quarter that holds a day"
        self.assertEqual(deadlines.vat_period(D(2026, 11, 15), 'quarter'),
            (D(2026, 10, 1), D(2026, 12, 31)))
        self.assertEqual(deadlines.vat_period(D(2026, 2, 15), 'month'),
            (D(2026, 2, 1), D(2026, 2, 28)))

    def test_next_due(self):
        "a month's return is due before the quarter's"
        def next_due(today, period):
            return deadlines.next_due(today,
                lambda d: deadlines.vat_period(d, period),
                deadlines.vat_due_date)
        self.assertEqual(next_due(D(2026, 12, 1), 'month'),
            (D(2026, 10, 1), D(2026, 10, 31), D(2026, 12, 14)))
        self.assertEqual(next_due(D(2026, 12, 1), 'quarter'),
            (D(2026, 10, 1), D(2026, 12, 31), D(2027, 2, 12)))
        # The day itself is still in time.
        self.assertEqual(next_due(D(2027, 2, 12), 'quarter')[2],
            D(2027, 2, 12))
        self.assertEqual(next_due(D(2027, 2, 13), 'quarter')[2],
            D(2027, 5, 12))

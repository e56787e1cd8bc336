# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo's dates on any day, without a database (issue 11)."""
import datetime as dt
import unittest

from sosolo.demo_dates import demo_dates

#: New Year's Day, mid-January, midsummer, New Year's Eve, leap days
#: and the day the demo was written for.
TODAYS = [dt.date(2027, 1, 1), dt.date(2027, 1, 15), dt.date(2027, 6, 30),
    dt.date(2027, 12, 31), dt.date(2028, 2, 29), dt.date(2028, 6, 15),
    dt.date(2032, 2, 29), dt.date(2026, 12, 1)]


class DemoDatesTestCase(unittest.TestCase):
    "Every demo date is in an open fiscal year and none is in the future"

    def test_fiscal_years(self):
        "The previous, current and next calendar years, back to back"
        for today in TODAYS:
            with self.subTest(today=today):
                dates = demo_dates(today)
                self.assertEqual([d.year for d in dates.fiscal_year_starts],
                    [today.year - 1, today.year, today.year + 1])
                for index, start in enumerate(dates.fiscal_year_starts):
                    self.assertEqual((start.month, start.day), (1, 1))
                    self.assertEqual(dates.fiscal_year_end(index),
                        dt.date(start.year, 12, 31))

    def test_records_in_open_years_not_future(self):
        "Each record's date is in the previous or current year, by today"
        for today in TODAYS:
            dates = demo_dates(today)
            first = dates.fiscal_year_starts[0]
            for date in dates.records():
                with self.subTest(today=today, date=date):
                    self.assertGreaterEqual(date, first)
                    self.assertLessEqual(date, today)

    def test_invoice_order(self):
        """Invoices are posted in date order (Tryton numbers them by
        date): capital, fee, customer invoices, then the assignment's,
        which is invoiced today"""
        for today in TODAYS:
            dates = demo_dates(today)
            with self.subTest(today=today):
                posted = [dates.decision, dates.fee, *dates.invoices,
                    today]
                self.assertEqual(posted, sorted(posted))

    def test_story_order(self):
        "Applied, admitted, paid; employed, then paid; worked, then spent"
        for today in TODAYS:
            d = demo_dates(today)
            with self.subTest(today=today):
                self.assertLess(d.application, d.decision)
                self.assertLess(d.decision, d.capital_payment)
                self.assertLess(d.fee, d.fee_payment)
                self.assertEqual(d.fee_year, d.fee.year)
                self.assertLess(d.employment_start, d.pay_run)
                # Three sick days, back at work before the pay run.
                self.assertLess(d.employment_start, d.sick_start)
                self.assertLess(d.sick_start + dt.timedelta(days=3),
                    d.pay_run)
                self.assertLessEqual(d.assignment_start, d.expense)
                self.assertLess(d.assignment_start, d.assignment_end)
                self.assertLess(d.draft_start, d.draft_end)

    def test_tax_years(self):
        "Tax tables for the pay run's year and today's"
        self.assertEqual(demo_dates(dt.date(2027, 1, 15)).tax_years,
            (2026, 2027))
        self.assertEqual(demo_dates(dt.date(2027, 12, 31)).tax_years,
            (2027,))

    def test_written_for(self):
        "On 1 December 2026 the demo keeps the dates it was written with"
        d = demo_dates(dt.date(2026, 12, 1))
        self.assertEqual((d.decision, d.capital_payment, d.fee),
            (dt.date(2026, 2, 2), dt.date(2026, 2, 16), dt.date(2026, 3, 2)))
        self.assertEqual(d.invoices, (dt.date(2026, 3, 16),
                dt.date(2026, 4, 2), dt.date(2026, 6, 10),
                dt.date(2026, 9, 1)))
        self.assertEqual((d.assignment_start, d.expense),
            (dt.date(2026, 5, 4), dt.date(2026, 5, 6)))

    def test_pay_run_last_month(self):
        "The pay run is last month's, the one `sosolo agi` declares"
        for today in TODAYS:
            d = demo_dates(today)
            last_month = today.replace(day=1) - dt.timedelta(days=1)
            with self.subTest(today=today):
                self.assertEqual((d.pay_run.year, d.pay_run.month),
                    (last_month.year, last_month.month))

    def test_leap_day(self):
        "On 29 February the months before are counted from the 1st"
        d = demo_dates(dt.date(2028, 2, 29))
        self.assertEqual(d.decision, dt.date(2027, 4, 2))
        self.assertEqual(d.invoices[-1], dt.date(2027, 11, 1))

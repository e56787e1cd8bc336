# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sick pay by lag (1991:1047) om sjuklön, no database (#16)."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.sosolo_payroll.rules import (
    Employment,
    certificate_required,
    karensavdrag,
    notice_due_date,
    sick_pay,
    sick_pay_period_end,
    sick_pay_right,
)

D = Decimal
#: 30,000 kr a month as a week: 30,000 x 12 / 52 (DESIGN.md).
WEEK = D('6923.08')


class SickPayTestCase(unittest.TestCase):
    """Sjuklönelagen 6 §: 80 % of the pay lost, less a karensavdrag of
    20 % of the sick pay of an average week, capped at the sick pay"""

    def test_one_week(self):
        "a week lost at an average week's pay: 5,538.46 - 1,107.69"
        # 80 % x 6,923.08 = 5,538.464 -> 5,538.46;
        # 20 % x 5,538.46 = 1,107.692 -> 1,107.69; 5,538.46 - 1,107.69.
        result = sick_pay(WEEK, WEEK)
        self.assertEqual(result.gross, D('5538.46'))
        self.assertEqual(result.karensavdrag, D('1107.69'))
        self.assertEqual(result.sick_pay, D('4430.77'))

    def test_two_weeks(self):
        "two weeks: 80 % of the whole loss, one karensavdrag"
        # 80 % x 13,846.16 = 11,076.928 -> 11,076.93; less 1,107.69.
        # (Two rounded weeks, 2 x 5,538.46 = 11,076.92, would give
        # 9,969.23: the 80 % is rounded once, on the period's loss.)
        result = sick_pay(2 * WEEK, WEEK)
        self.assertEqual(result.gross, D('11076.93'))
        self.assertEqual(result.karensavdrag, D('1107.69'))
        self.assertEqual(result.sick_pay, D('9969.24'))

    def test_one_day_below_karensavdrag(self):
        "one day whose sick pay is below the karensavdrag: nothing paid"
        # Half a day of a five-day week: 6,923.08 / 10 = 692.31 kr lost,
        # 80 % = 553.85 kr, below the karensavdrag of 1,107.69 kr. (A
        # whole day, 1,384.62 kr, gives 1,107.70: 0.01 kr is paid.)
        day = D('692.31')
        result = sick_pay(day, WEEK)
        self.assertEqual(result.gross, D('553.85'))
        self.assertEqual(result.karensavdrag, D('553.85'))
        self.assertEqual(result.sick_pay, D('0.00'))

    def test_rest_of_karensavdrag_later_in_the_period(self):
        "what the first days did not cover is taken from the next days"
        first = sick_pay(D('692.31'), WEEK)
        rest = sick_pay(D('1384.62'), WEEK,
            karensavdrag_taken=first.karensavdrag)
        # 1,107.69 - 553.85 = 553.84 left; 80 % x 1,384.62 = 1,107.70.
        self.assertEqual(rest.karensavdrag, D('553.84'))
        self.assertEqual(rest.sick_pay, D('553.86'))
        self.assertEqual(first.karensavdrag + rest.karensavdrag,
            karensavdrag(WEEK))

    def test_one_whole_day(self):
        "a whole day of a five-day week just covers the karensavdrag"
        result = sick_pay(D('1384.62'), WEEK)
        self.assertEqual(result.karensavdrag, D('1107.69'))
        self.assertEqual(result.sick_pay, D('0.01'))

    def test_nothing_lost(self):
        self.assertEqual(sick_pay(0, WEEK).sick_pay, D('0.00'))


class SickPeriodTestCase(unittest.TestCase):
    "Days 1-14 (7 §), the certificate (8 §), Försäkringskassan (12 §)"

    def test_dates(self):
        first = dt.date(2026, 11, 2)
        self.assertEqual(sick_pay_period_end(first), dt.date(2026, 11, 15))
        for last, certificate, notice in [
                (dt.date(2026, 11, 2), False, None),
                (dt.date(2026, 11, 8), False, None),
                (dt.date(2026, 11, 9), True, None),  # day 8
                (dt.date(2026, 11, 15), True, None),  # day 14
                # Day 15: Försäkringskassan's "senast den 21:a sjukdagen".
                (dt.date(2026, 11, 16), True, dt.date(2026, 11, 22)),
                (None, True, dt.date(2026, 11, 22)),
                ]:
            with self.subTest(last=last):
                if last is not None:
                    self.assertEqual(
                        certificate_required(first, last), certificate)
                self.assertEqual(notice_due_date(first, last), notice)


def _e(start, end):
    return Employment(dt.date.fromisoformat(start),
        end and dt.date.fromisoformat(end))


WEEKS = [_e(f'2026-03-{d:02}', f'2026-03-{d + 4:02}')
    for d in [2, 9, 16, 23]] + [
    _e('2026-03-30', '2026-04-03'), _e('2026-04-06', '2026-04-10')]


class SickPayRightTestCase(unittest.TestCase):
    """Sjuklönelagen 3 §: from the first day, but when the agreed
    employment is shorter than a month only after fourteen calendar days
    of employment; an earlier employment with the same employer counts
    when at most fourteen days passed between them"""

    def test_table(self):
        for name, employments, sick, right in [
                ("until further notice, first day", [
                        _e('2026-03-02', None)], '2026-03-02', True),
                ("a month's assignment, first day", [
                        _e('2026-03-01', '2026-03-31')], '2026-03-01', True),
                ("February is a month too", [
                        _e('2026-02-01', '2026-02-28')], '2026-02-01', True),
                ("a day short of a month, day 1", [
                        _e('2026-03-01', '2026-03-30')], '2026-03-01', False),
                ("short assignment, sick on day 14", [
                        _e('2026-03-01', '2026-03-20')], '2026-03-14', False),
                ("short assignment, sick on day 15", [
                        _e('2026-03-01', '2026-03-20')], '2026-03-15', True),
                ("not employed on the day", [
                        _e('2026-03-01', '2026-03-20')], '2026-03-21', False),
                ("two short ones, 14 days apart, make a month", [
                        _e('2026-03-01', '2026-03-16'),
                        _e('2026-03-31', '2026-04-14')], '2026-03-31', True),
                ("two short ones, 15 days apart, do not", [
                        _e('2026-03-01', '2026-03-16'),
                        _e('2026-04-01', '2026-04-14')], '2026-04-01', False),
                ("earlier days count towards the 14", [
                        _e('2026-03-02', '2026-03-11'),
                        _e('2026-03-16', '2026-03-25')], '2026-03-20', True),
                ("...but not all 14 yet", [
                        _e('2026-03-02', '2026-03-11'),
                        _e('2026-03-16', '2026-03-25')], '2026-03-18', False),
                # Weekly assignments with weekends off: each is agreed on
                # its own, so only the earlier ones count (3 § andra
                # stycket), by their days of employment: 5 + 5 + 4 days
                # before 2026-03-20, 5 + 5 before 2026-03-16.
                ("weekly assignments, day 1 of the first", WEEKS,
                    '2026-03-02', False),
                ("weekly assignments, 10 days employed", WEEKS,
                    '2026-03-16', False),
                ("weekly assignments, 14 days employed", WEEKS,
                    '2026-03-20', True),
                ("a long gap breaks the chain", [
                        _e('2026-01-01', '2026-06-30'),
                        _e('2026-09-01', '2026-09-10')], '2026-09-05', False),
                ]:
            with self.subTest(name):
                self.assertEqual(sick_pay_right(
                        employments, dt.date.fromisoformat(sick)), right)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The payout tracker's steps, without a database (issue 16)."""
import datetime as dt
import unittest

from trytond.modules.sosolo_convoy.tracker import Facts, timeline

D = dt.date
TODAY = D(2026, 12, 1)


def summary(steps):
    "(key, date, done) of each step, and the key of the next one."
    return ([(s.key, s.date, s.done) for s in steps],
        [s.key for s in steps if s.next])


class TimelineTestCase(unittest.TestCase):
    "An assignment's money, step by step"

    def test_submitted(self):
        "Waiting for approval: nothing done, approval next with no date"
        steps, following = summary(timeline(
                Facts(next_run=D(2026, 12, 25)), TODAY))
        self.assertEqual(following, ['approved'])
        self.assertEqual(steps[0], ('approved', None, False))
        # The salary can come no sooner than the next pay run.
        self.assertEqual(steps[-1], ('salary', D(2026, 12, 25), False))

    def test_invoiced_not_due(self):
        "Invoiced: the payment is expected on the due date"
        steps, following = summary(timeline(Facts(
                    approved=D(2026, 11, 20), invoiced=D(2026, 11, 20),
                    due=D(2026, 12, 20), next_run=D(2026, 12, 25)), TODAY))
        self.assertEqual(following, ['due'])
        self.assertEqual(steps, [
                ('approved', D(2026, 11, 20), True),
                ('invoiced', D(2026, 11, 20), True),
                ('due', D(2026, 12, 20), False),
                ('paid', D(2026, 12, 20), False),
                ('pay_run', D(2026, 12, 25), False),
                ('salary', D(2026, 12, 25), False),
                ])

    def test_overdue_with_reminders(self):
        "Overdue: reminders in date order, the payment has no expected date"
        steps, following = summary(timeline(Facts(
                    approved=D(2026, 10, 1), invoiced=D(2026, 10, 1),
                    due=D(2026, 10, 31),
                    reminders=((D(2026, 11, 24), 2), (D(2026, 11, 10), 1)),
                    next_run=D(2026, 12, 25)), TODAY))
        self.assertEqual(following, ['paid'])
        self.assertEqual(steps[2:5], [
                ('due', D(2026, 10, 31), True),
                ('reminder', D(2026, 11, 10), True),
                ('reminder', D(2026, 11, 24), True),
                ])
        self.assertEqual(steps[5], ('paid', None, False))

    def test_paid_then_salary(self):
        "Paid: in the pay run that pays it out, then the salary paid"
        facts = Facts(approved=D(2026, 10, 1), invoiced=D(2026, 10, 1),
            due=D(2026, 10, 31), paid=D(2026, 10, 28),
            pay_run=D(2026, 11, 25), next_run=D(2026, 12, 25))
        steps, following = summary(timeline(facts, D(2026, 11, 20)))
        self.assertEqual(following, ['salary'])
        # Paid before the due date: the due step is behind it.
        self.assertEqual(steps[2], ('due', D(2026, 10, 31), True))
        self.assertEqual(steps[-1], ('salary', D(2026, 11, 25), False))
        steps, following = summary(timeline(Facts(**{
                        **facts.__dict__, 'salary_paid': D(2026, 11, 25)}),
                TODAY))
        self.assertEqual(following, [])
        self.assertTrue(all(done for _, _, done in steps))

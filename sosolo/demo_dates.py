# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every date of the demo cooperative, from one reference day (issue 11).

The demo is built on the day someone runs ``make run``; its fiscal years
(the previous, the current and the next, in monthly periods) and its
records follow that day, so it works in any year.  The records fall in
the eleven months before the reference day's month, in the order the
demo posts them (invoice numbers follow invoice dates), and never after
the reference day.  On 1 December 2026 they are the dates the demo had
when it was written for 2026, but for the pay run: it is last month's,
the month ``sosolo agi`` declares by default.

The tests in ``tests/`` take their dates from ``demo_dates(today)`` too.
"""
import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class DemoDates:
    "The dates of the demo built on `today`."
    today: dt.date
    #: The first days of the previous, current and next fiscal years.
    fiscal_year_starts: tuple
    #: Anna and Bertil apply, the board admits them, they pay their
    #: contributions.
    application: dt.date
    decision: dt.date
    capital_payment: dt.date
    #: The yearly fee run, and Anna's payment of her fee.
    fee: dt.date
    fee_payment: dt.date
    #: The dates of demo.INVOICES, in their order.
    invoices: tuple
    #: Anna and Bertil are employed; their pay run is paid.
    employment_start: dt.date
    pay_run: dt.date
    #: Anna's assignment invoiced through the cooperative and her
    #: expense for it.
    assignment_start: dt.date
    assignment_end: dt.date
    expense: dt.date
    #: Anna's draft assignment, the work of the last two weeks.
    draft_start: dt.date
    draft_end: dt.date
    #: Anna is sick for three days before the pay run, which pays her
    #: sick pay.
    sick_start: dt.date

    @property
    def fee_year(self):
        "The year the fee run invoices."
        return self.fee.year

    @property
    def tax_years(self):
        """The years that need tax tables: the pay run's and today's
        (the salary calculator defaults to today)."""
        return tuple(sorted({self.pay_run.year, self.today.year}))

    def fiscal_year_end(self, index):
        "The last day of fiscal year `index` of fiscal_year_starts."
        return (self.fiscal_year_starts[index]
            + relativedelta(years=1, days=-1))

    def records(self):
        "Every date the demo gives a record."
        return ((self.application, self.decision, self.capital_payment,
                self.fee, self.fee_payment) + self.invoices
            + (self.employment_start, self.pay_run, self.assignment_start,
                self.assignment_end, self.expense, self.draft_start,
                self.draft_end, self.sick_start))


def demo_dates(today):
    "The DemoDates of the demo built on `today` (a date)."
    def day(months_back, day):
        "Day `day` of the month `months_back` months before today's."
        return today.replace(day=1) - relativedelta(months=months_back) \
            + relativedelta(day=day)

    decision = day(10, 2)
    fee = day(9, 2)
    return DemoDates(
        today=today,
        fiscal_year_starts=tuple(
            dt.date(today.year + n, 1, 1) for n in (-1, 0, 1)),
        application=decision - dt.timedelta(days=14),
        decision=decision,
        capital_payment=decision + dt.timedelta(days=14),
        fee=fee,
        fee_payment=fee + dt.timedelta(days=10),
        invoices=(day(9, 16), day(8, 2), day(6, 10), day(3, 1)),
        employment_start=day(11, 1),
        # Last month's pay run: `sosolo agi` declares last month.
        pay_run=day(1, 25),
        assignment_start=day(7, 4),
        assignment_end=day(7, 15),
        expense=day(7, 6),
        draft_start=today - dt.timedelta(days=14),
        draft_end=today,
        sick_start=day(1, 9),
        )

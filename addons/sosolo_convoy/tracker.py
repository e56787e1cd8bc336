# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The way of an assignment's money to the member's salary, step by step
(issue 16, "when do I get my money?"): a pure function of the dates."""
from dataclasses import dataclass
from datetime import date as Date

#: The steps, in order: approved, invoice sent, due, each reminder, paid
#: by the customer (so on the member's account), in a pay run, salary
#: paid.
KEYS = ['approved', 'invoiced', 'due', 'reminder', 'paid', 'pay_run',
    'salary']


@dataclass(frozen=True)
class Facts:
    "What has happened to an assignment's money, each date or None."
    approved: Date | None = None
    invoiced: Date | None = None
    due: Date | None = None
    #: (date, level number: 1, 2, …) of each reminder sent
    reminders: tuple = ()
    paid: Date | None = None
    #: the payment date of the pay run that pays the money out
    pay_run: Date | None = None
    salary_paid: Date | None = None
    #: the payment date of the cooperative's next pay run
    next_run: Date | None = None


@dataclass(frozen=True)
class Step:
    key: str
    #: when it happened, or when it is expected (None: not known)
    date: Date | None
    done: bool
    #: the reminder's level number
    detail: int | None = None
    #: whether this is the next step to come
    next: bool = False


def timeline(facts, today):
    """The Steps of `facts` on `today`; the first step not done is the
    next, with its expected date where one can be told:

    - the due date for the customer's payment, until it has passed;
    - the next pay run for the pay run and the salary.
    """
    overdue = facts.due is not None and today > facts.due
    steps = [
        Step('approved', facts.approved, facts.approved is not None),
        Step('invoiced', facts.invoiced, facts.invoiced is not None),
        Step('due', facts.due, facts.due is not None
            and (overdue or facts.paid is not None)),
        ]
    steps += [Step('reminder', day, True, level)
        for day, level in sorted(facts.reminders)]
    paid_expected = facts.due if facts.due and not overdue else None
    run = facts.pay_run or facts.next_run
    steps += [
        Step('paid', facts.paid or paid_expected, facts.paid is not None),
        Step('pay_run', run, facts.pay_run is not None),
        Step('salary', facts.salary_paid or run,
            facts.salary_paid is not None),
        ]
    for i, step in enumerate(steps):
        if not step.done:
            steps[i] = Step(step.key, step.date, False, step.detail, True)
            break
    return steps

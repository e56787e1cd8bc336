# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One frozen "today" for every addon's tests (issue 11).

The module tests run in-process, so time-machine moves the clock of the
whole process to REFERENCE: ``datetime``, ``time`` and everything built
on them, hence Tryton's ``ir.date.today()``, the SQLite backend's
``CURRENT_TIMESTAMP`` (trytond computes it in Python) and the proteus
scenarios, which run trytond in the same process.  The clock ticks from
there, so durations and timeouts still behave.

Each addon's ``tests/__init__.py`` calls ``start()``, so ``make test
TESTS=...`` and plain ``python -m unittest`` both get it, whatever the
real date is.  Tests still name their own dates where the date matters.
"""
import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

#: The reference "today" of the module tests: inside the test books'
#: fiscal year (books.YEAR), a month before its end.
REFERENCE = dt.datetime(2026, 12, 1, 10, 0,
    tzinfo=ZoneInfo('Europe/Stockholm'))

_traveller = None


def start():
    "Move this process's clock to REFERENCE, once."
    global _traveller
    if _traveller is None:
        _traveller = time_machine.travel(REFERENCE, tick=True)
        _traveller.start()
    return _traveller

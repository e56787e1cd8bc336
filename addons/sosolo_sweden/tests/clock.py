# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One frozen "today" for every addon's tests (issue 11).

The module tests run in-process, so time-machine moves the clock of the
whole process to REFERENCE: ``datetime``, ``time`` and everything built
on them, hence Tryton's ``ir.date.today()``, the SQLite backend's
``CURRENT_TIMESTAMP`` (trytond computes it in Python) and the proteus
scenarios, which run trytond in the same process.  The clock ticks from
there, so durations and timeouts still behave.

PostgreSQL computes ``CURRENT_TIMESTAMP`` with the server's clock, which
no test process moves; a record's create and write dates would then be
months away from the tests' now, and Tryton compares the two (web_user
drops a session whose last write is more than its timeout away from
now). So on PostgreSQL the tests render ``CURRENT_TIMESTAMP`` as this
process's time, through python-sql's function mapping.

Each addon's ``tests/__init__.py`` calls ``start()``, so ``make test
TESTS=...`` and plain ``python -m unittest`` both get it, whatever the
real date is.  Tests still name their own dates where the date matters.
"""
import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from sql import Flavor
from sql.functions import CurrentTimestamp, Function

#: The reference "today" of the module tests: inside the test books'
#: fiscal year (books.YEAR), a month before its end.
REFERENCE = dt.datetime(2026, 12, 1, 10, 0,
    tzinfo=ZoneInfo('Europe/Stockholm'))

_traveller = None


class ProcessTimestamp(Function):
    "CURRENT_TIMESTAMP as this process's (frozen) local time."
    __slots__ = ()

    def __str__(self):
        return 'CAST(%s AS TIMESTAMP)' % Flavor.get().param

    @property
    def params(self):
        return (dt.datetime.now(),)


def start():
    """Move this process's clock to REFERENCE, once.

    It travels to REFERENCE's instant, not to its zone: the process keeps
    its own time zone (UTC on CI), as trytond runs in production.
    """
    global _traveller
    if _traveller is None:
        _traveller = time_machine.travel(REFERENCE.timestamp(), tick=True)
        _traveller.start()
        _map_current_timestamp()
    return _traveller


def _map_current_timestamp():
    from trytond import backend
    if backend.name != 'postgresql':
        return
    flavor = backend.Database.flavor
    mapping = dict(flavor.function_mapping)
    mapping[CurrentTimestamp] = ProcessTimestamp
    backend.Database.flavor = Flavor(
        limitstyle=flavor.limitstyle, max_limit=flavor.max_limit,
        paramstyle=flavor.paramstyle, ilike=flavor.ilike,
        no_as=flavor.no_as, no_boolean=flavor.no_boolean,
        null_ordering=flavor.null_ordering, function_mapping=mapping,
        filter_=flavor.filter_, escape_empty=flavor.escape_empty)

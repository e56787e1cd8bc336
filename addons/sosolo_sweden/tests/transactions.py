# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Committed transactions for tests that need them.

Setting up data for several tests, or racing two transactions against
each other (PostgreSQL row locks), needs transactions of its own rather
than with_transaction's rolled-back one. A transaction that asks for a
table or row lock (TransactionError) is started again with the lock, as
trytond's dispatcher and with_transaction do.
"""
import threading
import time

from trytond import backend
from trytond.config import config
from trytond.tests.test_tryton import DB_NAME
from trytond.transaction import Transaction, TransactionError


def committed(work, user=1, context=None, commit=True, _wait=None,
        database=DB_NAME, retry=False):
    """Return `work()` run in a transaction of its own, committed.

    `commit=False` rolls it back instead. `_wait()` is called before the
    first attempt only (see `race`). `database` is the test database
    unless told. `retry=True` starts the transaction again after a
    DatabaseOperationalError (a deadlock, a lock not available), up to
    `[database] retry` times, as trytond's dispatcher and the portal's
    with_transaction do for every request that writes.
    """
    extras = {}
    retries = 0
    while True:
        with Transaction().start(database, user, context=context or {},
                **extras) as transaction:
            try:
                if _wait and not extras and not retries:
                    _wait()
                result = work()
            except TransactionError as exception:
                transaction.rollback()
                exception.fix(extras)
                continue
            except backend.DatabaseOperationalError:
                if not retry or retries >= config.getint('database', 'retry'):
                    raise
                transaction.rollback()
                retries += 1
                time.sleep(0.02 * retries)
                continue
            if commit:
                transaction.commit()
            else:
                transaction.rollback()
            return result


def race(work, context=None, refused=(), database=DB_NAME, retry=False):
    """Run `work()` in two transactions that start at the same moment.

    Returns each one's outcome, sorted: 'done' when it committed,
    'locked' when the other held the row lock (NOWAIT: trytond's
    dispatcher reports it to the user), 'refused' when it raised one of
    the `refused` exceptions. `database` and `retry` as for
    `committed`; on SQLite `database` must be a file database (the
    in-memory one is per thread).
    """
    barrier = threading.Barrier(2)
    outcomes = []

    def one():
        try:
            committed(work, context=context, _wait=barrier.wait,
                database=database, retry=retry)
            outcomes.append('done')
        except backend.DatabaseOperationalError:
            outcomes.append('locked')
        except refused:
            outcomes.append('refused')
    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)

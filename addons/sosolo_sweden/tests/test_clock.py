# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tests' frozen clock (clock.py) reaches Tryton (issue 11)."""
import datetime as dt
import unittest

import time_machine
from sql import Select
from sql.functions import CurrentTimestamp

from trytond.modules.sosolo_sweden.rules import now as swedish_now
from trytond.modules.sosolo_sweden.rules import today as swedish_today
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from .clock import REFERENCE

TODAY = REFERENCE.date()


class ClockTestCase(unittest.TestCase):
    "Every clock the module tests read says REFERENCE"

    @classmethod
    def setUpClass(cls):
        activate_module('sosolo_sweden')

    def test_python(self):
        "Python's date and time are at the reference"
        self.assertEqual(dt.date.today(), TODAY)
        now = dt.datetime.now(REFERENCE.tzinfo)
        self.assertLess(abs(now - REFERENCE), dt.timedelta(hours=1))

    @with_transaction()
    def test_ir_date(self):
        "Tryton's ir.date.today() is the reference day"
        Date = Pool().get('ir.date')
        self.assertEqual(Date.today(), TODAY)
        self.assertEqual(Date.today(timezone=REFERENCE.tzinfo), TODAY)

    @with_transaction()
    def test_swedish_today_after_midnight(self):
        """Between midnight in Sweden and midnight UTC the Swedish today
        is Tryton's in the company's zone, not Python's date.today()"""
        Date = Pool().get('ir.date')
        for instant, local in [
                # CET (UTC+1): 00:30 on 2 December in Sweden.
                ('2026-12-01T23:30:00+00:00', '2026-12-02T00:30:00'),
                # CEST (UTC+2): 00:30 on 1 July.
                ('2027-06-30T22:30:00+00:00', '2027-07-01T00:30:00'),
                # Noon: the three agree.
                ('2027-03-15T11:00:00+00:00', '2027-03-15T12:00:00'),
                ]:
            day = dt.date.fromisoformat(local[:10])
            with self.subTest(instant=instant), time_machine.travel(
                    dt.datetime.fromisoformat(instant), tick=False):
                self.assertEqual(swedish_today(), day)
                self.assertEqual(swedish_now(),
                    dt.datetime.fromisoformat(local))
                self.assertEqual(
                    Date.today(timezone=REFERENCE.tzinfo), day)
                # trytond runs in UTC (it sets TZ when imported).
                self.assertEqual(dt.date.today(),
                    dt.datetime.fromisoformat(instant).date())

    @with_transaction()
    def test_current_timestamp(self):
        """The database's CURRENT_TIMESTAMP is the tests' clock: trytond
        computes it in Python on SQLite, clock.py maps it on PostgreSQL"""
        cursor = Transaction().connection.cursor()
        cursor.execute(*Select([CurrentTimestamp()]))
        value, = cursor.fetchone()
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        self.assertLess(abs(value - dt.datetime.now()),
            dt.timedelta(minutes=10))
        self.assertEqual(value.date(), dt.date.today())
        self.assertEqual(value.date(), TODAY)

    @with_transaction()
    def test_create_date(self):
        "A new record's create date is the tests' now"
        pool = Pool()
        Party = pool.get('party.party')
        party, = Party.create([{'name': "Klockan AB"}])
        self.assertLess(abs(party.create_date - dt.datetime.now()),
            dt.timedelta(minutes=10))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tests' frozen clock (clock.py) reaches Tryton (issue 11)."""
import datetime as dt
import unittest

from sql import Select
from sql.functions import CurrentTimestamp

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

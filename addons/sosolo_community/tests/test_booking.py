# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bookings of shared resources cannot overlap (issue #15, item 5)."""
import doctest
import os
import shutil
import sqlite3
import tempfile
import unittest
from decimal import Decimal
from unittest.mock import patch

import trytond.config as config
from trytond import backend
from trytond.model.exceptions import SQLConstraintError
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_community import booking as booking_module
from trytond.modules.sosolo_community.booking import (
    BookingOverlapError,
    free_from,
)
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    DB_NAME,
    activate_module,
    drop_db,
    with_transaction,
)
from trytond.transaction import Transaction

from .tools import at, company, member, resource


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(booking_module))
    return tests


class FreeFromTestCase(unittest.TestCase):
    "When a resource is free again, without a database."

    def test_free_from(self):
        busy = [(at(8), at(10)), (at(10), at(12)), (at(13), at(14))]
        for start, end, free in [
                (at(6), at(8), at(6)),      # ends as the first begins
                (at(12), at(13), at(12)),   # fits the gap exactly
                (at(9), at(10), at(12)),    # two back to back push it on
                (at(11), at(13), at(14)),   # too long for the gap
                (at(14), at(15), at(14)),   # starts as the last ends
                ]:
            with self.subTest(start=start, end=end):
                self.assertEqual(free_from(busy, start, end), free)


class BookingTestCase(unittest.TestCase):
    "Booking, back to back, overlap refused, cancelling."

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_community')

    @with_transaction()
    def test_overlap_refused_with_when_free(self):
        "An overlap is refused in Swedish with when the resource is free"
        Booking = Pool().get('sosolo.community.booking')
        coop = company()
        anna = member(coop, "Anna")
        bertil = member(coop, "Bertil")
        trailer = resource(coop)
        Booking.book(anna, trailer, at(8), at(10))
        Booking.book(anna, trailer, at(10), at(12))
        with Transaction().set_context(language='sv'):
            with self.assertRaises(BookingOverlapError) as cm:
                Booking.book(bertil, trailer, at(9), at(11))
        # 12:00 UTC is 13:00 in Stockholm in December.
        self.assertEqual(cm.exception.message,
            "Släpvagn är redan bokad mellan 2026-12-03 10:00 och "
            "2026-12-03 12:00. Den är ledig från 2026-12-03 13:00.")

    @with_transaction()
    def test_back_to_back(self):
        "A booking may start when the last one ends, on the same resource"
        Booking = Pool().get('sosolo.community.booking')
        coop = company()
        anna = member(coop, "Anna")
        trailer = resource(coop)
        room = resource(coop, "Mötesrum", kind='premises')
        Booking.book(anna, trailer, at(8), at(10))
        Booking.book(anna, trailer, at(10), at(12))
        Booking.book(anna, trailer, at(6), at(8))
        Booking.book(anna, room, at(8), at(10))
        self.assertEqual(Booking.search_count([]), 4)

    @with_transaction()
    def test_cancel_frees_slot(self):
        "Cancelling a booking frees its slot"
        Booking = Pool().get('sosolo.community.booking')
        coop = company()
        anna = member(coop, "Anna")
        bertil = member(coop, "Bertil")
        trailer = resource(coop)
        booking = Booking.book(anna, trailer, at(8), at(10))
        Booking.cancel([booking])
        other = Booking.book(bertil, trailer, at(8), at(10))
        self.assertEqual(other.state, 'booked')
        self.assertEqual(booking.state, 'cancelled')

    @with_transaction()
    def test_end_after_start(self):
        "A booking must end after it starts"
        Booking = Pool().get('sosolo.community.booking')
        coop = company()
        with self.assertRaises(Exception):
            Booking.book(member(coop, "Anna"), resource(coop), at(10), at(10))

    @with_transaction()
    def test_amount(self):
        "A priced booking costs the price per started hour"
        Booking = Pool().get('sosolo.community.booking')
        coop = company()
        trailer = resource(coop, price=Decimal('150'), price_unit='hour')
        booking = Booking.book(member(coop, "Anna"), trailer, at(8),
            at(10, 30))
        self.assertEqual(booking.amount, Decimal('450.00'))

    @with_transaction()
    def test_constraint_without_check(self):
        "Without the Python check, the constraint still refuses an overlap"
        Booking = Pool().get('sosolo.community.booking')
        coop = company()
        anna = member(coop, "Anna")
        trailer = resource(coop)
        Booking.book(anna, trailer, at(8), at(10))
        with patch.object(Booking, 'check_free'), \
                self.assertRaises(SQLConstraintError):
            Booking.book(anna, trailer, at(9), at(11))

    @with_transaction()
    def test_postgresql_exclusion_in_database(self):
        "On PostgreSQL, btree_gist exists and the database holds the EXCLUDE"
        database = Transaction().database
        Booking = Pool().get('sosolo.community.booking')
        constraint = [c for n, c, _ in Booking._sql_constraints
            if n == 'no_overlap'][0]
        if backend.name == 'postgresql':
            self.assertTrue(database.has_extension('btree_gist'))
            cursor = Transaction().connection.cursor()
            cursor.execute("SELECT pg_get_constraintdef(oid) FROM "
                "pg_constraint WHERE conname = %s",
                ('sosolo_community_booking_no_overlap',))
            definition, = cursor.fetchone()
            self.assertIn('EXCLUDE USING gist', definition)
            self.assertTrue(database.has_constraint(constraint))
        else:
            # SQLite goes through Tryton's check in validate.
            self.assertFalse(database.has_constraint(constraint))


class BookingRaceTestCase(unittest.TestCase):
    """Two overlapping bookings made at once: exactly one wins.

    They commit, so the class has a database of its own. On SQLite the
    test database lives in memory, one per thread; the race runs on a
    file copy of it, where SQLite's single writer serialises the two
    and Tryton's fallback check in validate refuses the second.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module('sosolo_community')
        cls.addClassCleanup(drop_db)

    def test_concurrent_overlap(self):
        def setup():
            coop = company()
            with set_company(coop):
                return (coop.id, member(coop, "Anna").id,
                    member(coop, "Bertil").id, resource(coop).id)
        company_id, anna_id, bertil_id, trailer_id = committed(setup)
        database = self.race_database()

        members = iter([anna_id, bertil_id])

        def book():
            member_id = next(members)
            pool = Pool()
            Booking = pool.get('sosolo.community.booking')
            Member = pool.get('sosolo.member')
            Resource = pool.get('sosolo.community.resource')
            Booking.book(Member(member_id), Resource(trailer_id),
                at(8), at(10))
        # On PostgreSQL, two inserts that both reach the exclusion index
        # before either scans it find each other's row and wait for each
        # other; the deadlock detector aborts one (DatabaseOperationalError;
        # PostgreSQL's src/backend/executor/execIndexing.c, "Exclusion
        # Constraints"). Seen once in CI. trytond's with_transaction,
        # which runs the portal's booking, starts that one again, and
        # the second try is refused: retry=True does the same.
        outcomes = race(book, context={'company': company_id},
            refused=(SQLConstraintError, BookingOverlapError),
            database=database, retry=True)
        self.assertEqual(outcomes, ['done', 'refused'])
        with Transaction().start(database, 1):
            Booking = Pool().get('sosolo.community.booking')
            self.assertEqual(Booking.search_count(
                    [('resource', '=', trailer_id)]), 1)

    def race_database(self):
        "The database the two transactions share."
        if backend.name != 'sqlite':
            return DB_NAME
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        path = config.get('database', 'path')
        config.set('database', 'path', directory)
        self.addCleanup(config.set, 'database', 'path', path)
        with Transaction().start(DB_NAME, 0) as transaction:
            target = sqlite3.connect(os.path.join(directory, 'race.sqlite'))
            transaction.connection.backup(target)
            target.close()
        Pool('race').init()
        self.addCleanup(Pool.stop, 'race')
        return 'race'


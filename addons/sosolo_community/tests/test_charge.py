# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Priced bookings of the cooperative's resources charged to the
member's activity account (issue #15, item 5)."""
import unittest
from decimal import Decimal

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_community.charge import BookingChargedError
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction

from .tools import at, member, resource


class ChargeTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_community')
        setup_books()

    @with_transaction()
    def test_charge_ended_once(self):
        """An ended booking of the cooperative's priced trailer is charged
        to the member's account once, to the öre; a member's own
        resource, a free one and a future booking are not"""
        pool = Pool()
        Booking = pool.get('sosolo.community.booking')
        Member = pool.get('sosolo.member')
        coop = books()
        with set_company(coop):
            anna = member(coop, "Anna Lind")
            bertil = member(coop, "Bertil Nilsson")
            trailer = resource(coop, price=Decimal('149.95'),
                price_unit='hour')
            lent = resource(coop, name="Bertils kap", owner=bertil.id,
                price=Decimal(100), price_unit='hour')
            free = resource(coop, name="Mötesrum")
            charged = Booking.book(anna, trailer, at(8), at(10, 30))
            for record, start, end in [
                    (lent, at(8), at(9)), (free, at(8), at(9)),
                    (trailer, at(30), at(31))]:
                Booking.book(anna, record, start, end)

            self.assertEqual(Booking.charge_ended(at(12)), [charged])
            self.assertEqual(Booking.charge_ended(at(12)), [])
            move = Booking(charged.id).move
            self.assertEqual(move.state, 'posted')
            self.assertEqual(move.date, at(10).date())
            self.assertEqual(sorted(
                    (l.account.code, l.party, l.debit, l.credit)
                    for l in move.lines), [
                    ('2829', anna.party, Decimal('449.85'), Decimal(0)),
                    ('7690', None, Decimal(0), Decimal('449.85'))])
            row, = Member.convoy_statement(anna)
            self.assertEqual((row['debit'], row['balance']),
                (Decimal('449.85'), Decimal('-449.85')))
            self.assertEqual(row['description'],
                "Bokning av Släpvagn 2026-12-03 09:00 – 2026-12-03 11:30")
            with self.assertRaises(BookingChargedError):
                Booking.cancel([charged])

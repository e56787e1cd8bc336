# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Consortia: their states, shares, deadline reminders and the won
contract's assignments (issue #15, item 4)."""
import datetime as dt
import doctest
import unittest
from decimal import Decimal
from unittest.mock import patch

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_community import consortium as consortium_module
from trytond.modules.sosolo_community.consortium import ConsortiumError, split
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction

from .tools import DAY, company, member

SEND = ('trytond.modules.sosolo_portal.mail.'
    'send_message_transactional')


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(consortium_module))
    return tests


def tender(deadline=DAY + dt.timedelta(days=10)):
    "A notice of Lycksele kommun with lot 1 due at `deadline`."
    Tender = Pool().get('sosolo.community.tender')
    number = Tender.search_count([]) + 1
    record, = Tender.create([{'reference': f'{number}-2026', 'kind': 'cn',
                'format': 'eforms', 'title': "Snöröjning",
                'buyer': "Lycksele kommun",
                'lots': [('create', [{'lot': 'LOT-0001',
                                'title': "Centrum", 'deadline': deadline}])],
                }])
    return record


def consortium(coop, *others, percents=None):
    """Anna's consortium for lot 1 of a new tender, with `others`; the
    shares `percents` in that order, Anna first."""
    Consortium = Pool().get('sosolo.community.consortium')
    Share = Pool().get('sosolo.community.consortium.share')
    anna = member(coop, "Anna Lind")
    notice = tender()
    record = Consortium.register_interest(anna, notice, notice.lots[0])
    for other in others:
        Consortium.add_member(record, anna, other)
    if percents:
        for share, percent in zip(Consortium(record.id).shares, percents):
            Share.write([share], {'percent': Decimal(percent)})
    return Consortium(record.id)


class ConsortiumTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_community')

    def test_split(self):
        "The price is split to the öre and the parts sum to it"
        for price, percents, expected in [
                ('100000', ['60', '40'], ['60000.00', '40000.00']),
                ('1000.01', ['50', '50'], ['500.01', '500.00']),
                ('10', ['33.33', '33.33', '33.34'],
                    ['3.33', '3.33', '3.34']),
                ('0.02', ['33.33', '33.33', '33.34'],
                    ['0.01', '0.00', '0.01']),
                ('99999.99', ['12.5', '87.5'], ['12500.00', '87499.99']),
                ]:
            with self.subTest(price=price, percents=percents):
                amounts = split(Decimal(price), map(Decimal, percents))
                self.assertEqual(amounts, list(map(Decimal, expected)))
                self.assertEqual(sum(amounts), Decimal(price))

    @with_transaction()
    def test_register_and_add(self):
        "Anna registers interest and leads; only she adds members, once"
        Consortium = Pool().get('sosolo.community.consortium')
        coop = company()
        with set_company(coop):
            bertil = member(coop, "Bertil Nilsson")
            record = consortium(coop, bertil, bertil)
            self.assertEqual(record.state, 'interest')
            self.assertEqual(record.rec_name, "Snöröjning: Centrum")
            self.assertEqual(record.deadline, DAY + dt.timedelta(days=10))
            self.assertEqual([m.party.name for m in record.members],
                ["Anna Lind", "Bertil Nilsson"])
            with self.assertRaises(ConsortiumError):
                Consortium.add_member(record, bertil, member(coop, "Cilla"))
            other = tender()
            with self.assertRaises(ConsortiumError):
                Consortium.register_interest(bertil, tender(), other.lots[0])

    @with_transaction()
    def test_shares_sum_to_100(self):
        "A bid is submitted only when the shares sum to 100 %"
        pool = Pool()
        Consortium = pool.get('sosolo.community.consortium')
        Share = pool.get('sosolo.community.consortium.share')
        coop = company()
        with set_company(coop):
            bertil = member(coop, "Bertil Nilsson")
            record = consortium(coop, bertil, percents=['60', '30'])
            Consortium.prepare([record])
            with self.assertRaises(ConsortiumError) as context:
                Consortium.submit([record])
            self.assertIn("add up to 90 %; they must add up to 100 %",
                context.exception.message)
            self.assertEqual(Consortium(record.id).state, 'preparing')
            Share.write([record.shares[1]], {'percent': Decimal(40)})
            Consortium.submit([record])
            self.assertEqual(Consortium(record.id).state, 'submitted')

    @with_transaction()
    def test_share_out_of_range(self):
        "A share is more than 0 % and at most 100 %"
        Share = Pool().get('sosolo.community.consortium.share')
        coop = company()
        with set_company(coop):
            share, = consortium(coop).shares
            for percent in ['0', '100.01', '-5']:
                with self.subTest(percent=percent), \
                        self.assertRaises(ConsortiumError):
                    Share.write([share], {'percent': Decimal(percent)})
            Share.write([share], {'percent': Decimal(100)})

    @with_transaction()
    def test_states(self):
        """interest → preparing → submitted → won or lost, and back from
        preparing; nothing else"""
        Consortium = Pool().get('sosolo.community.consortium')
        coop = company()
        with set_company(coop):
            record = consortium(coop, percents=['100'])
            Consortium.submit([record])  # not from interest
            self.assertEqual(Consortium(record.id).state, 'interest')
            Consortium.prepare([record])
            Consortium.interest([record])
            self.assertEqual(Consortium(record.id).state, 'interest')
            Consortium.prepare([record])
            Consortium.submit([record])
            Consortium.prepare([record])  # not back once submitted
            self.assertEqual(Consortium(record.id).state, 'submitted')
            Consortium.lose([record])
            Consortium.win([record])
            self.assertEqual(Consortium(record.id).state, 'lost')

    @with_transaction()
    def test_reminders_once(self):
        """The members are reminded once, within the reminder days before
        the deadline, and not when the bid is in"""
        pool = Pool()
        Consortium = pool.get('sosolo.community.consortium')
        WebUser = pool.get('web.user')
        coop = company()
        with set_company(coop):
            bertil = member(coop, "Bertil Nilsson")
            record = consortium(coop, bertil)
            late = consortium(coop, percents=['100'])
            Consortium.prepare([late])
            Consortium.submit([late])
            WebUser.create([
                    {'email': 'anna@example.se', 'party': p.id}
                    for p in [record.lead.party]] + [
                    {'email': 'bertil@example.se',
                        'party': bertil.party.id}])
            deadline = record.deadline
            for now, sent in [
                    (deadline - dt.timedelta(days=8), 0),
                    (deadline - dt.timedelta(days=7), 1),
                    (deadline - dt.timedelta(days=6), 0),
                    ]:
                with self.subTest(now=now), patch(SEND) as send:
                    Consortium.send_reminders(now)
                    self.assertEqual(send.call_count, sent)
                    if sent:
                        msg = send.call_args.args[0]
            self.assertEqual(msg['To'],
                'anna@example.se, bertil@example.se')
            self.assertEqual(msg['Subject'], "Sista dagen för anbud närmar "
                "sig: Snöröjning: Centrum")
            body = msg.get_content()
            self.assertIn("som leds av Anna Lind", body)
            self.assertIn("(Lycksele kommun)", body)
            self.assertIn("status: Intresse", body)
            self.assertEqual(Consortium(record.id).reminded,
                deadline - dt.timedelta(days=7))
            self.assertIsNone(Consortium(late.id).reminded)

    @with_transaction()
    def test_won_becomes_assignments(self):
        """A won contract becomes one submitted assignment per share,
        with its part of the price to the öre"""
        pool = Pool()
        Consortium = pool.get('sosolo.community.consortium')
        Party = pool.get('party.party')
        coop = company()
        with set_company(coop):
            bertil = member(coop, "Bertil Nilsson")
            cilla = member(coop, "Cilla Berg")
            record = consortium(coop, bertil, cilla,
                percents=['50', '25', '25'])
            Consortium.prepare([record])
            Consortium.submit([record])
            with self.assertRaises(ConsortiumError):
                Consortium.win([record])
            buyer, = Party.create([{'name': "Lycksele kommun"}])
            Consortium.write([record], {'customer': buyer.id,
                    'price': Decimal('100000.03'), 'vat': '25'})
            Consortium.win([record])
            record = Consortium(record.id)
            self.assertEqual(record.state, 'won')
            assignments = [s.assignment for s in record.shares]
            self.assertEqual(
                [(a.member.party.name, a.customer, a.state,
                        a.untaxed_amount, a.tax_amount) for a in assignments],
                [("Anna Lind", buyer, 'submitted',
                        Decimal('50000.01'), Decimal('12500.00')),
                    ("Bertil Nilsson", buyer, 'submitted',
                        Decimal('25000.01'), Decimal('6250.00')),
                    ("Cilla Berg", buyer, 'submitted',
                        Decimal('25000.01'), Decimal('6250.00'))])
            self.assertEqual(sum(a.untaxed_amount for a in assignments),
                Decimal('100000.03'))
            self.assertEqual(assignments[0].description,
                "Snöröjning: Centrum åt Lycksele kommun (konsortium)")

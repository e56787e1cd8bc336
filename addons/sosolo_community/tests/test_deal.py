# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Collective deals: joining, leaving, unlocking and the provider's
list (issue #15, item 6)."""
import doctest
import unittest

from trytond.modules.sosolo_community import deal as deal_module
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from .tools import company, member


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(deal_module))
    return tests


def make_deal(coop, needed=2, shared=('name', 'email')):
    pool = Pool()
    Deal = pool.get('sosolo.community.deal')
    Party = pool.get('party.party')
    provider, = Party.create([{'name': "Norrlandsbanken"}])
    deal, = Deal.create([{'company': coop.id, 'name': "Företagskonto",
                'kind': 'bank', 'provider': provider.id,
                'members_needed': needed, 'shared_data': list(shared)}])
    return deal


def with_email(coop, name, email, identity):
    Party = Pool().get('party.party')
    record = member(coop, name, identity_number=identity)
    Party.write([record.party], {'contact_mechanisms': [('create', [
                        {'type': 'email', 'value': email}])]})
    return record


class DealTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_community')

    @with_transaction()
    def test_join_unlock_leave(self):
        "Joining counts towards the members needed; leaving undoes it"
        Deal = Pool().get('sosolo.community.deal')
        coop = company()
        anna = member(coop, "Anna")
        bertil = member(coop, "Bertil")
        deal = make_deal(coop)
        Deal.join(deal, anna)
        deal = Deal(deal.id)
        self.assertEqual((deal.joined, deal.unlocked), (1, False))
        Deal.join(deal, bertil)
        Deal.join(deal, bertil)  # twice is once
        deal = Deal(deal.id)
        self.assertEqual((deal.joined, deal.unlocked), (2, True))
        Deal.leave(deal, anna)
        deal = Deal(deal.id)
        self.assertEqual((deal.joined, deal.unlocked), (1, False))
        participation = deal.participation_of(anna)
        self.assertEqual(participation.state, 'left')
        self.assertTrue(participation.left)

    @with_transaction()
    def test_export_only_consented_and_joined(self):
        """The provider's list has the members who joined, with only the
        data the deal lists (not the identity number)"""
        Deal = Pool().get('sosolo.community.deal')
        coop = company()
        anna = with_email(coop, "Anna Lind", 'anna@lind.example',
            '811228-9874')
        bertil = with_email(coop, "Bertil Nilsson", 'bertil@example.se',
            '19121212-1212')
        deal = make_deal(coop)
        Deal.join(deal, anna)
        Deal.join(deal, bertil)
        Deal.leave(deal, bertil)
        with Transaction().set_context(language='sv'):
            data = Deal(deal.id).export_csv()
        self.assertEqual(data.decode('utf-8'),
            "Namn;E-post\r\nAnna Lind;anna@lind.example\r\n")
        self.assertNotIn(b'811228', data)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import unittest
from decimal import Decimal

from trytond import backend
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_convoy.exceptions import PayoutError
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.pyson import PYSONDecoder
from trytond.tests.test_tryton import DB_NAME, ModuleTestCase, with_transaction
from trytond.transaction import Transaction


def make_member(balance):
    "A member of the test company whose account holds `balance`."
    pool = Pool()
    Configuration = pool.get('sosolo.convoy.configuration')
    Member = pool.get('sosolo.member')
    Move = pool.get('account.move')
    Line = pool.get('account.move.line')
    Party = pool.get('party.party')
    Period = pool.get('account.period')
    company = books()
    with set_company(company):
        config = Configuration(1)
        config.save()
        party = Party(name="Anna")
        party.save()
        member = Member(party=party, kind='person', company=company)
        member.save()
        date = dt.date(2026, 6, 1)
        move = Move(journal=config.journal,
            period=Period.find(company, date=date), date=date, lines=[
                Line(account=config.member_account, party=party,
                    credit=balance, debit=0),
                Line(account=config.share_account, debit=balance,
                    credit=0),
                ])
        move.save()
        Move.post([move])
    return company, member


class SosoloConvoyTestCase(
        WebUserSecretsTestMixin, SwedishTranslationTestMixin,
        ModuleTestCase):
    "Test sosolo_convoy module"
    module = 'sosolo_convoy'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_books()

    @with_transaction()
    def test_todo_entries_open_their_records(self):
        "Each To Do entry's domain searches; an applicant is listed"
        pool = Pool()
        Action = pool.get('ir.action.act_window')
        ModelData = pool.get('ir.model.data')
        company, member = make_member(Decimal('10.00'))
        actions = Action.browse([data.db_id for data in ModelData.search([
                        ('module', '=', 'sosolo_convoy'),
                        ('fs_id', 'like', 'act_todo_%'),
                        ])])
        self.assertEqual(len(actions), 7)
        found = {}
        with set_company(company):
            for action in actions:
                Model = pool.get(action.res_model)
                domain = PYSONDecoder({}).decode(action.pyson_domain)
                found[action.res_model] = Model.search(domain)
        self.assertEqual(found['sosolo.member'], [member])
        self.assertEqual(found['account.invoice'], [])

    @with_transaction()
    def test_payout_available(self):
        "Payouts reserve the balance; more than available is refused"
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Payout = pool.get('sosolo.convoy.payout')
        Member = pool.get('sosolo.member')
        company, member = make_member(Decimal('1000.00'))
        with set_company(company):
            # The configuration takes its accounts from the BAS chart.
            config = Configuration(1)
            self.assertEqual(
                (config.member_account.code, config.share_account.code,
                    config.fee_account.code), ('2829', '7690', '3040'))
            self.assertEqual(member.plan, config.default_plan)

            Payout.create([{'member': member.id, 'amount': Decimal(600)}])
            member = Member(member.id)
            self.assertEqual(member.convoy_balance, Decimal('1000.00'))
            self.assertEqual(member.convoy_available, Decimal('400.00'))
            with self.assertRaises(PayoutError):
                # "All" beside another open request.
                Payout.create([{'member': member.id}])

    @unittest.skipIf(backend.name == 'sqlite',
        "row locks (SELECT ... FOR UPDATE) need PostgreSQL")
    def test_payout_concurrent(self):
        "Two payout requests at once do not overdraw the account"
        def setup():
            company, member = make_member(Decimal('1000.00'))
            return company.id, member.id
        company_id, member_id = committed(setup)

        def request():
            Payout = Pool().get('sosolo.convoy.payout')
            Payout.create([{'member': member_id, 'amount': Decimal(700)}])
        outcomes = race(request, context={'company': company_id},
            refused=PayoutError)
        with Transaction().start(DB_NAME, 1,
                context={'company': company_id}):
            pool = Pool()
            Member = pool.get('sosolo.member')
            Payout = pool.get('sosolo.convoy.payout')
            self.assertEqual(outcomes[0], 'done')
            self.assertIn(outcomes[1], {'refused', 'locked'})
            self.assertEqual(Payout.search_count(
                    [('member', '=', member_id)]), 1)
            self.assertEqual(
                Member(member_id).convoy_available, Decimal('300.00'))


del ModuleTestCase

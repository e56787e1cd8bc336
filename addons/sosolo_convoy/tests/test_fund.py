# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The guarantee fund and the members' advances, account by account
(issue #16, item 5)."""
import datetime as dt
import threading
import unittest
from decimal import Decimal
from unittest.mock import patch

from trytond import backend
from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_convoy.exceptions import AdvanceError
from trytond.modules.sosolo_convoy.fund import (
    advance_room,
    fund_allocation,
    loss_split,
)
from trytond.modules.sosolo_portal.tests.tools import as_portal
from trytond.modules.sosolo_sweden.tests.books import setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    DB_NAME,
    activate_module,
    drop_db,
    with_transaction,
)
from trytond.transaction import Transaction

from .test_module import customer, make_employee, make_member, values

D = Decimal
TODAY = dt.date(2026, 12, 1)  # sosolo_sweden/tests/clock.py
# 10 hours at 500 kr: 5,000 kr excl. VAT, 6,250 kr incl.; the standard
# plan's 6 % fee is 300 kr, the member's share 4,700 kr.
SHARE = D('4700.00')


def configure_fund(**values):
    "The fund's settings: all of the fee to the fund, 80 % advances."
    Configuration = Pool().get('sosolo.convoy.configuration')
    config = Configuration(1)
    config.fund_rate = D(100)
    config.advance_rate = D(80)
    config.fund_policy = "Fonden bär förskott som kunden aldrig betalar."
    for name, value in values.items():
        setattr(config, name, value)
    config.save()
    return config


def invoiced(member, description="Webbplats"):
    "A posted invoice of an approved assignment of `member`."
    Assignment = Pool().get('sosolo.convoy.assignment')
    known = member.convoy_customers
    assignment = Assignment.enter(member, values(known[0] if known
            else customer(f'{member.party.name}@kund.example',
                f"{member.party.name}s väg 1"), description), submit=True)
    with patch('trytond.modules.sosolo_portal.mail.'
            'send_message_transactional'):
        Assignment.approve([assignment])
    return Assignment(assignment.id).invoice


def pay(invoice, date=TODAY):
    "The customer pays `invoice` in full into the bank account 1930."
    pool = Pool()
    Account = pool.get('account.account')
    Invoice = pool.get('account.invoice')
    Journal = pool.get('account.journal')
    Line = pool.get('account.move.line')
    Method = pool.get('account.invoice.payment.method')
    bank, = Account.search([('code', '=', '1930'),
            ('company', '=', invoice.company.id)])
    journal, = Journal.search([('type', '=', 'cash')], limit=1)
    method, = Method.create([{'company': invoice.company.id,
                'name': "Bank", 'journal': journal.id,
                'credit_account': bank.id, 'debit_account': bank.id}])
    lines = invoice.pay_invoice(invoice.amount_to_pay, method, date)
    Line.reconcile(list(lines) + list(invoice.lines_to_pay))
    # The reconciliation queues the invoice's processing: do it now.
    Invoice.process([invoice])
    return Invoice(invoice.id)


def remind(invoice):
    "Send the customer a reminder of `invoice` (account_dunning)."
    pool = Pool()
    Dunning = pool.get('account.dunning')
    Procedure = pool.get('account.dunning.procedure')
    procedure, = Procedure.create([{'name': "Påminnelser",
                'levels': [('create', [{'sequence': 1,
                                'overdue': dt.timedelta(days=8)}])]}])
    dunnings = Dunning.create([{'company': invoice.company.id,
                'line': line.id, 'procedure': procedure.id,
                'level': procedure.levels[0].id}
            for line in invoice.lines_to_pay])
    Dunning.process(dunnings)


def balance(code, party=None):
    "The balance of the account numbered `code` (debit positive)."
    Line = Pool().get('account.move.line')
    domain = [('account.code', '=', code)]
    if party:
        domain.append(('party', '=', party.id))
    return sum((l.debit - l.credit for l in Line.search(domain)), D(0))


def web_user(member):
    WebUser = Pool().get('web.user')
    user = WebUser(email=f'{member.party.name.lower()}@example.se',
        party=member.party)
    user.save()
    return user


class FundRulesTestCase(unittest.TestCase):
    "The fund's rules, without a database"

    def test_allocation(self):
        "The fund's part of the fee follows the credit, to the öre"
        self.assertEqual(fund_allocation(SHARE, D(5000), SHARE, D(50)),
            D('150.00'))
        # A third paid: a third of 300 kr's 50 %, half up.
        self.assertEqual(fund_allocation(D('1566.67'), D(5000), SHARE,
                D(50)), D('50.00'))
        self.assertEqual(fund_allocation(-SHARE, D(5000), SHARE, D(50)),
            D('-150.00'))
        self.assertEqual(fund_allocation(SHARE, D(5000), SHARE, None), 0)

    def test_room(self):
        "An advance is its share of the invoice within both limits"
        self.assertEqual(advance_room(SHARE, D(80), 0, None, 0, None),
            D('3760.00'))
        self.assertEqual(advance_room(D('0.99'), D(50), 0, None, 0, None),
            D('0.49'))
        self.assertEqual(advance_room(SHARE, D(80), D(4000), D(5000),
                0, None), D(1000))
        self.assertEqual(advance_room(SHARE, D(80), 0, D(5000),
                D(9500), D(10000)), D(500))
        self.assertEqual(advance_room(SHARE, D(80), D(6000), D(5000),
                0, None), 0)
        self.assertEqual(advance_room(SHARE, None, 0, None, 0, None), 0)

    def test_loss_split(self):
        "The fund carries a loss as far as it holds"
        self.assertEqual(loss_split(D(400), D(300)), (D(300), D(100)))
        self.assertEqual(loss_split(D(200), D(300)), (D(200), D(0)))
        self.assertEqual(loss_split(D(200), D(-5)), (D(0), D(200)))


class FundTestCase(unittest.TestCase):
    "Test the guarantee fund and the advances"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_convoy')
        cls.addClassCleanup(drop_db)
        setup_books()

    @with_transaction()
    def test_advance_and_recovery(self):
        """An advance is lent, paid as salary and taken back when the
        customer pays; the fee sets aside the fund's part"""
        pool = Pool()
        Advance = pool.get('sosolo.convoy.advance')
        Configuration = pool.get('sosolo.convoy.configuration')
        Payout = pool.get('sosolo.convoy.payout')
        Run = pool.get('sosolo.payroll.run')
        company, anna = make_member(D(0))
        with set_company(company):
            config = configure_fund(fund_rate=D(50))
            self.assertEqual([a.code for a in [config.fund_account,
                        config.fund_source_account, config.advance_account,
                        config.loss_account]],
                ['2086', '2091', '1680', '6351'])
            make_employee(anna)
            invoice = invoiced(anna)
            self.assertEqual(Advance.available(anna, invoice), D('3760.00'))

            # Anna asks in the portal, as the portal user.
            with as_portal(web_user(anna)):
                with self.assertRaises(AdvanceError):
                    Advance.request(anna, invoice, D('3760.01'))
                advance = Advance.request(anna, invoice, D(3000))
                self.assertEqual(Advance.search([]), [advance])
            self.assertEqual(Advance.available(anna, invoice), 0)
            self.assertEqual(balance('1680'), D(3000))
            self.assertEqual(balance('2829', anna.party), D(-3000))
            self.assertEqual(Configuration(1).fund_exposure, D(3000))
            payout = advance.payout
            self.assertEqual((payout.amount, payout.state),
                (D(3000), 'requested'))

            # The next pay run pays it as salary.
            run, = Run.create([{'company': company.id,
                        'payment_date': dt.date(2026, 12, 25)}])
            Run.compute([run])
            Run.post([run])
            payout = Payout(payout.id)
            self.assertEqual(payout.state, 'paid')
            self.assertEqual(payout.payslip.run, run)
            # What the salary costs in all, contributions included.
            self.assertEqual(payout.paid_amount, D(3000))
            self.assertEqual(balance('2829', anna.party), 0)

            # The customer pays: the share is credited, the advance
            # taken back, and half of the 300 kr fee goes to the fund.
            self.assertEqual(pay(invoice).state, 'paid')
            self.assertEqual(Advance(advance.id).state, 'recovered')
            self.assertEqual(balance('1680'), 0)
            # The account holds the share less the 3,000 kr paid out.
            self.assertEqual(balance('2829', anna.party), D(3000) - SHARE)
            self.assertEqual(balance('7690'), SHARE - D(3000))
            self.assertEqual(balance('2086'), D('-150.00'))
            self.assertEqual(balance('2091'), D('150.00'))
            self.assertEqual(balance('6351'), 0)
            config = Configuration(1)
            self.assertEqual((config.fund_balance, config.fund_exposure),
                (D('150.00'), 0))

    @with_transaction()
    def test_credit_loss(self):
        """A customer who never pays: after a reminder the fund carries
        the advance as far as it holds, the member's account the rest"""
        pool = Pool()
        Advance = pool.get('sosolo.convoy.advance')
        Configuration = pool.get('sosolo.convoy.configuration')
        company, anna = make_member(D(0))
        with set_company(company):
            configure_fund()
            # A paid invoice fills the fund with all of its 300 kr fee.
            pay(invoiced(anna, "Först"))
            self.assertEqual(Configuration(1).fund_balance, D(300))
            invoice = invoiced(anna, "Aldrig betald")
            advance = Advance.request(anna, invoice, D(400))
            before = balance('2829', anna.party)

            # No reminder yet: not a credit loss.
            with self.assertRaises(AdvanceError):
                Advance.write_off([advance])
            remind(invoice)
            Advance.write_off([advance])
            advance = Advance(advance.id)
            self.assertEqual((advance.state, advance.fund_amount),
                ('lost', D(300)))
            self.assertEqual(balance('1680'), 0)
            self.assertEqual(balance('6351'), D(300))
            self.assertEqual(balance('2086'), 0)
            self.assertEqual(balance('2091'), 0)
            self.assertEqual(balance('2829', anna.party) - before, D(100))
            config = Configuration(1)
            self.assertEqual((config.fund_balance, config.fund_exposure),
                (0, 0))
            # The invoice takes no second advance.
            self.assertEqual(Advance.available(anna, invoice), 0)

    @with_transaction()
    def test_limits(self):
        """The limit per member and the limit of all advances; only a
        member's own posted, unpaid invoice takes one"""
        pool = Pool()
        Advance = pool.get('sosolo.convoy.advance')
        company, anna = make_member(D(0))
        _, bertil = make_member(D(0), name="Bertil")
        with set_company(company):
            configure_fund(advance_member_limit=D(5000),
                advance_total_limit=D(6000))
            first, second = invoiced(anna), invoiced(anna, "Andra")
            bertils = invoiced(bertil)
            self.assertEqual(Advance.available(bertil, first), 0)
            Advance.request(anna, first, D(3760))
            self.assertEqual(Advance.available(anna, second), D(1240))
            with self.assertRaises(AdvanceError):
                Advance.request(anna, second, D(1241))
            Advance.request(anna, second, D(1240))
            self.assertEqual(Advance.available(bertil, bertils), D(1000))
            with self.assertRaises(AdvanceError):
                Advance.request(bertil, bertils, D(1001))
            with self.assertRaises(AdvanceError):
                Advance.request(bertil, first, D(1))
            self.assertEqual(Advance.open_amount(), D(5000))

            # Paid, the invoice takes none.
            third = pay(invoiced(bertil, "Betald"))
            self.assertEqual(Advance.available(bertil, third), 0)

    @with_transaction()
    def test_portal_sees_own_advances(self):
        "The portal user sees the member's own advances only"
        pool = Pool()
        Advance = pool.get('sosolo.convoy.advance')
        company, anna = make_member(D(0))
        _, bertil = make_member(D(0), name="Bertil")
        with set_company(company):
            configure_fund()
            annas = Advance.request(anna, invoiced(anna), D(100))
            bertils = Advance.request(bertil, invoiced(bertil), D(100))
            with as_portal(web_user(bertil)):
                self.assertEqual(Advance.search([]), [bertils])
                with self.assertRaises(AccessError):
                    Advance.read([annas.id], ['amount'])


class FundConcurrencyTestCase(unittest.TestCase):
    """Two advance requests at once. They commit, so they have a database
    of their own, dropped after."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module('sosolo_convoy')
        setup_books()
        cls.addClassCleanup(drop_db)

    @unittest.skipIf(backend.name == 'sqlite',
        "row and table locks need PostgreSQL")
    def test_two_requests_at_once(self):
        """Two advances on two invoices at once, each within the limit
        per member, both together beyond it: one is refused"""
        def setup():
            company, anna = make_member(D(0))
            with set_company(company):
                configure_fund(advance_member_limit=D(3000))
                return company.id, anna.id, [
                    invoiced(anna, n).id for n in ["Ett", "Två"]]
        company_id, anna_id, invoice_ids = committed(setup)
        # Each thread its invoice, also when it starts again with the lock.
        mine, taken = {}, threading.Lock()

        def request():
            pool = Pool()
            Advance = pool.get('sosolo.convoy.advance')
            Invoice = pool.get('account.invoice')
            Member = pool.get('sosolo.member')
            with taken:
                if threading.get_ident() not in mine:
                    mine[threading.get_ident()] = invoice_ids[len(mine)]
                invoice_id = mine[threading.get_ident()]
            Advance.request(Member(anna_id), Invoice(invoice_id), D(2000))
        outcomes = race(request, context={'company': company_id},
            refused=AdvanceError)
        with Transaction().start(DB_NAME, 1,
                context={'company': company_id}):
            Advance = Pool().get('sosolo.convoy.advance')
            self.assertEqual(outcomes[0], 'done')
            self.assertIn(outcomes[1], {'refused', 'locked'})
            self.assertEqual(Advance.search_count([]), 1)
            self.assertEqual(Advance.open_amount(), D(2000))

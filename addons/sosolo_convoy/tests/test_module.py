# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import io
import unittest
from decimal import Decimal
from unittest.mock import patch

from pypdf import PdfReader

from trytond import backend
from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_convoy.calculator import compute_from_database
from trytond.modules.sosolo_convoy.exceptions import (
    AssignmentError,
    CustomerError,
    ExpenseError,
    PayoutError,
    ReferenceRateError,
)
from trytond.modules.sosolo_payroll.tests.tools import configure_payroll
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_portal.tests.tools import as_portal
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.pyson import PYSONDecoder
from trytond.tests.test_tryton import (
    DB_NAME,
    ModuleTestCase,
    activate_module,
    drop_db,
    with_transaction,
)
from trytond.transaction import Transaction

ORGNR = '556334-3689'


def customer(email, street, name="Kund AB"):
    "The values of a new customer, as the portal's form gives them."
    return {'name': name, 'organisation': ORGNR, 'email': email,
        'street': street, 'postal_code': '111 43', 'city': "Stockholm"}


def values(customer, description="Webbplats"):
    "The values of an assignment of one line, 10 hours at 500 kr."
    return {'customer': customer, 'description': description,
        'start_date': dt.date(2026, 11, 2), 'end_date': dt.date(2026, 11, 27),
        'lines': [{'description': "Utveckling", 'quantity': Decimal(10),
                'unit_price': Decimal(500), 'vat': '25'}]}


#: The member-owned models the portal reads, and what each member has of
#: them in `portal_records`.
PORTAL_MODELS = [
    'sosolo.member', 'party.party', 'sosolo.convoy.assignment',
    'sosolo.convoy.assignment.line', 'account.invoice', 'account.move',
    'account.move.line', 'sosolo.convoy.payout', 'sosolo.convoy.expense',
    'sosolo.payroll.employee', 'sosolo.payroll.run',
    'sosolo.payroll.payslip',
    ]


def portal_records(member, email, payment_date):
    """One record of each member-owned model for `member`, and their web
    user: {model: [ids]}, the web user under 'web.user'."""
    pool = Pool()
    Assignment = pool.get('sosolo.convoy.assignment')
    Expense = pool.get('sosolo.convoy.expense')
    Line = pool.get('account.move.line')
    Payout = pool.get('sosolo.convoy.payout')
    Run = pool.get('sosolo.payroll.run')
    WebUser = pool.get('web.user')
    assignment = Assignment.enter(member, values(
            customer(email, f"{member.party.name}s väg 1")), submit=True)
    with patch('trytond.modules.sosolo_portal.mail.'
            'send_message_transactional'):
        Assignment.approve([assignment])
    employee = make_employee(member)
    run, = Run.create([{'payment_date': payment_date,
                'payslips': [('create', [{'employee': employee.id}])]}])
    payout = Payout.request(member, Decimal(100))
    expense = Expense.claim(member, {'kind': 'mileage',
            'date': dt.date(2026, 11, 10), 'purpose': "Kundmöte",
            'distance_km': Decimal(10)})
    lines = Line.search([('party', '=', member.party.id)])
    user = WebUser(email=email, party=member.party)
    user.save()
    return {
        'web.user': user,
        'sosolo.member': [member.id],
        'party.party': [member.party.id, assignment.customer.id],
        'sosolo.convoy.assignment': [assignment.id],
        'sosolo.convoy.assignment.line': [l.id for l in assignment.lines],
        'account.invoice': [assignment.invoice.id],
        'account.move': list({l.move.id for l in lines}),
        'account.move.line': [l.id for l in lines],
        'sosolo.convoy.payout': [payout.id],
        'sosolo.convoy.expense': [expense.id],
        'sosolo.payroll.employee': [employee.id],
        'sosolo.payroll.run': [run.id],
        'sosolo.payroll.payslip': [p.id for p in run.payslips],
        }


def pdf_text(data):
    return ''.join(p.extract_text() for p in PdfReader(
            io.BytesIO(data)).pages)


def credit(member, amount, date=dt.date(2026, 6, 1)):
    "Credit `amount` to `member`'s activity account, posted."
    pool = Pool()
    Configuration = pool.get('sosolo.convoy.configuration')
    Line = pool.get('account.move.line')
    Move = pool.get('account.move')
    Period = pool.get('account.period')
    config = Configuration(1)
    move = Move(journal=config.journal,
        period=Period.find(member.company, date=date), date=date, lines=[
            Line(account=config.member_account, party=member.party,
                credit=amount, debit=0),
            Line(account=config.share_account, debit=amount, credit=0),
            ])
    move.save()
    Move.post([move])


def make_member(balance, name="Anna"):
    "A member of the test company whose account holds `balance`."
    pool = Pool()
    Configuration = pool.get('sosolo.convoy.configuration')
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    company = books()
    with set_company(company):
        Configuration(1).save()
        party = Party(name=name)
        party.save()
        member = Member(party=party, kind='person', company=company)
        member.save()
        credit(member, balance)
    return company, member


def make_employee(member):
    """`member` as an employee taxed at 30 %, with the payroll set up;
    inside the company of make_member."""
    Employee = Pool().get('sosolo.payroll.employee')
    configure_payroll(member.company)
    employee, = Employee.create([{
                'party': member.party.id,
                'identity_code': '811228-9874',
                'tax_method': 'percent', 'tax_percent': 30,
                'tax_percent_reason': 'side_income',
                'start_date': dt.date(2026, 1, 1),
                }])
    return employee


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
    def test_deadlines(self):
        """The To Do's deadlines: the next pay run and the returns due
        from the frozen 2026-12-01 (worked days in test_deadlines)"""
        pool = Pool()
        Deadlines = pool.get('sosolo.convoy.deadlines', type='wizard')
        Run = pool.get('sosolo.payroll.run')
        company, _ = make_member(Decimal(0))
        with set_company(company):
            later, sooner = Run.create([
                    {'payment_date': dt.date(2027, 1, 25)},
                    {'payment_date': dt.date(2026, 12, 25)}])
            Run.create([{'payment_date': dt.date(2026, 11, 25),
                        'state': 'paid'}])

            def deadlines():
                session_id, _, _ = Deadlines.create()
                values = Deadlines(session_id).default_start([])
                Deadlines.delete(session_id)
                return values
            self.assertEqual(deadlines(), {
                    'pay_run': sooner.id,
                    'pay_date': dt.date(2026, 12, 25),
                    # November's, on Monday 14 December (the 12th a
                    # Saturday).
                    'agi_period': '2026-11',
                    'agi_due': dt.date(2026, 12, 14),
                    'vat_period': '2026-10',
                    'vat_due': dt.date(2026, 12, 14),
                    })
            company.se_vat_period = 'quarter'
            company.save()
            found = deadlines()
            self.assertEqual((found['vat_period'], found['vat_due']),
                ('2026-10–2026-12', dt.date(2027, 2, 12)))

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

    @with_transaction()
    def test_sick_pay_bearer(self):
        """Sick pay and its contributions come from the member's account
        when the configuration says so, else the cooperative bears them
        (#16)"""
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        MoveLine = pool.get('account.move.line')
        Run = pool.get('sosolo.payroll.run')
        SickLeave = pool.get('sosolo.payroll.sick_leave')
        D = Decimal
        company, member = make_member(D('10000.00'))
        with set_company(company):
            config = Configuration(1)
            self.assertEqual(config.sick_pay_bearer, 'fund')
            employee = make_employee(member)

            def sick_run(first_date, payment_date):
                sick_leave, = SickLeave.create([{
                            'employee': employee.id,
                            'first_date': first_date,
                            'recovery_date': first_date + dt.timedelta(7),
                            'lost_pay': D('6923.08'),
                            'week_pay': D('6923.08'),
                            }])
                SickLeave.confirm([sick_leave])
                run, = Run.create([{
                            'company': company.id,
                            'payment_date': payment_date,
                            }])
                Run.compute([run])
                Run.post([run])
                return Run(run.id).payslips[0]

            def member_debits():
                return sum((l.debit for l in MoveLine.search([
                                ('account', '=', config.member_account.id),
                                ('party', '=', member.party.id),
                                ])), D(0))

            payslip = sick_run(dt.date(2026, 9, 7), dt.date(2026, 9, 25))
            self.assertEqual(payslip.gross, D('4430.77'))
            self.assertEqual(member_debits(), D(0))

            config.sick_pay_bearer = 'member'
            config.save()
            payslip = sick_run(dt.date(2026, 10, 5), dt.date(2026, 10, 26))
            # 4,430.77 sick pay + 1,392 contributions (31.42 %, öre
            # dropped): the member's account pays 5,822.77.
            self.assertEqual(payslip.contributions, D(1392))
            self.assertEqual(member_debits(), D('5822.77'))

    @with_transaction()
    def test_pension_calculator_and_pay_run_agree(self):
        """A plan's 4.5 % pension premium: the pay run splits a payout as
        the calculator does and books premium and särskild löneskatt on
        7411 / 2890 and 7533 / 2514 (#16)"""
        pool = Pool()
        MoveLine = pool.get('account.move.line')
        Payout = pool.get('sosolo.convoy.payout')
        Plan = pool.get('sosolo.convoy.plan')
        Run = pool.get('sosolo.payroll.run')
        D = Decimal
        company, member = make_member(D('37600.00'))
        with set_company(company):
            plan, = Plan.create([{'name': "Pension", 'fee_rate': D(6),
                        'pension_rate': D('4.5')}])
            member.plan = plan
            member.save()
            make_employee(member)
            date = dt.date(2026, 12, 25)
            calculation = compute_from_database(D(40000), plan,
                dt.date(1981, 12, 28), date, tax_percent=D(30))
            Payout.create([{'member': member.id, 'amount': D(37600)}])
            run, = Run.create([{'company': company.id,
                        'payment_date': date}])
            Run.compute([run])
            Run.post([run])
            payslip, = Run(run.id).payslips
            self.assertEqual(
                (payslip.gross, payslip.pension_rate,
                    payslip.pension_premium, payslip.pension_tax,
                    payslip.tax),
                (calculation.gross, calculation.pension_rate,
                    calculation.pension_premium, calculation.pension_tax,
                    calculation.tax))
            self.assertEqual(
                (payslip.gross, payslip.pension_premium, payslip.pension_tax),
                (D(27443), D('1234.94'), D('299.60')))

            def booked(code):
                return sum((l.debit - l.credit for l in MoveLine.search([
                                ('account.code', '=', code),
                                ('move', '=', payslip.move.id),
                                ])), D(0))
            self.assertEqual(
                [booked(c) for c in ['7411', '2890', '7533', '2514']],
                [D('1234.94'), D('-1234.94'), D('299.60'), D('-299.60')])
            # The member's account pays all of it: 37,600 kr.
            self.assertEqual(booked('2829'), D('37600.00'))

    @with_transaction()
    def test_dunning_fees_and_interest(self):
        """A reminder, then a final demand with dröjsmålsränta to the day:
        10,000 kr 45 days late at a referensränta of 2.00 % is 123.29 kr
        (räntelagen 6 §); the 60 kr reminder fee only where agreed, the
        450 kr förseningsersättning from businesses (lag 1981:739) (#16)"""
        pool = Pool()
        Account = pool.get('account.account')
        Category = pool.get('product.category')
        Dunning = pool.get('account.dunning')
        Fee = pool.get('account.dunning.fee')
        Journal = pool.get('account.journal')
        ModelData = pool.get('ir.model.data')
        Move = pool.get('account.move')
        MoveLine = pool.get('account.move.line')
        Party = pool.get('party.party')
        Period = pool.get('account.period')
        Procedure = pool.get('account.dunning.procedure')
        ReferenceRate = pool.get('sosolo.convoy.reference_rate')
        Template = pool.get('product.template')
        D = Decimal
        company = books()
        today = dt.date(2026, 12, 1)  # sosolo_sweden/tests/clock.py
        due = today - dt.timedelta(days=45)
        with set_company(company):
            def account(code):
                return Account.search([('code', '=', code),
                        ('company', '=', company.id)])[0]
            journal, = Journal.search([('type', '=', 'general')], limit=1)
            category, = Category.create([{'name': "Avgifter",
                        'accounting': True,
                        'account_revenue': account('8313').id}])
            template, = Template.create([{'name': "Dröjsmålsränta",
                        'type': 'service', 'list_price': D(0),
                        'default_uom': ModelData.get_id(
                            'product', 'uom_unit'),
                        'account_category': category.id,
                        'products': [('create', [{}])]}])
            product, = template.products
            reminder, late, interest = Fee.create([{
                        'name': name, 'product': product.id,
                        'journal': journal.id, 'compute_method': method,
                        } for name, method in [
                        ("Påminnelseavgift", 'reminder_fee'),
                        ("Förseningsersättning", 'late_payment'),
                        ("Dröjsmålsränta", 'interest')]])
            procedure, = Procedure.create([{'name': "Påminnelser",
                        'levels': [('create', [{
                                        'sequence': 1,
                                        'overdue': dt.timedelta(days=8),
                                        'fee': reminder.id,
                                        }, {
                                        'sequence': 2,
                                        'overdue': dt.timedelta(days=30),
                                        'fee': interest.id,
                                        }])]}])
            ReferenceRate.create([{'start_date': dt.date(2026, 7, 1),
                        'rate': D('2.00')}])
            agreed, consumer, business = Party.create([
                    {'name': "Avtal", 'reminder_fee_agreed': True,
                        'dunning_procedure': procedure.id},
                    {'name': "Konsument", 'dunning_procedure': procedure.id},
                    {'name': "Företag AB", 'dunning_procedure': procedure.id,
                        'identifiers': [('create', [{'type': 'se_orgnr',
                                        'code': '5563343689'}])]},
                    ])
            self.assertTrue(business.is_business())
            self.assertFalse(consumer.is_business())
            invoiced = due - dt.timedelta(days=30)
            period = Period.find(company, date=invoiced)
            moves = Move.create([{
                        'journal': journal.id, 'period': period.id,
                        'date': invoiced,
                        'lines': [('create', [{
                                        'account': account('1510').id,
                                        'party': party.id, 'debit': D(10000),
                                        'credit': D(0), 'maturity_date': due,
                                        }, {
                                        'account': account('3041').id,
                                        'debit': D(0), 'credit': D(10000),
                                        }])],
                        } for party in [agreed, consumer, business]])
            Move.post(moves)

            def receivable(party):
                return sum((l.debit - l.credit for l in MoveLine.search([
                                ('account.code', '=', '1510'),
                                ('party', '=', party.id)])), D(0))

            # The reminder, 10 days after the due date.
            Dunning.generate_dunnings(due + dt.timedelta(days=10))
            dunnings = Dunning.search([])
            self.assertEqual(len(dunnings), 3)
            self.assertEqual({d.level.sequence for d in dunnings}, {1})
            Dunning.process(dunnings)
            self.assertEqual(
                [receivable(p) for p in [agreed, consumer, business]],
                [D(10060), D(10000), D(10000)])

            # The final demand, today, 45 days after the due date.
            Dunning.generate_dunnings(today)
            dunnings = Dunning.search([('state', '=', 'draft')])
            self.assertEqual({d.level.sequence for d in dunnings}, {2})
            Dunning.process(dunnings)
            # 10,000 x (2.00 + 8) % x 45 / 365 = 123.2877
            self.assertEqual(
                [receivable(p) for p in [agreed, consumer, business]],
                [D('10183.29'), D('10123.29'), D('10123.29')])
            self.assertEqual(sum((l.credit for l in MoveLine.search([
                                ('account.code', '=', '8313')])), D(0)),
                D('429.87'))

            # A business owes the förseningsersättning.
            dunning, = [d for d in dunnings if d.party == business]
            self.assertEqual(late.get_amount(dunning)[0], D(450))
            dunning, = [d for d in dunnings if d.party == consumer]
            self.assertEqual(late.get_amount(dunning)[0], D(0))

            # A referensränta is set per half-year (last: the failed
            # create stays in the transaction).
            with self.assertRaises(ReferenceRateError):
                ReferenceRate.create([{'start_date': dt.date(2026, 8, 1),
                            'rate': D(1)}])


    @with_transaction()
    def test_enter_assignment(self):
        "A member enters an assignment, changes the draft and submits it"
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        company, member = make_member(Decimal(0))
        with set_company(company):
            assignment = Assignment.enter(member,
                values(customer('a@kund.example', "Kungsgatan 2")))
            self.assertEqual((assignment.state, assignment.member,
                    assignment.company, assignment.total_amount),
                ('draft', member, company, Decimal('6250.00')))
            party = assignment.customer
            self.assertEqual(member.convoy_customers, [party])
            changed = values(party, "Webbplats och logotyp")
            changed['lines'][0]['quantity'] = Decimal(12)
            Assignment.enter(member, changed, assignment, submit=True)
            self.assertEqual((assignment.state, assignment.description,
                    [l.quantity for l in assignment.lines]),
                ('submitted', "Webbplats och logotyp", [Decimal(12)]))
            with self.assertRaises(AssignmentError):
                # Only drafts change.
                Assignment.enter(member, changed, assignment)

    @with_transaction()
    def test_customers_are_each_members_own(self):
        """Two members register the same organisation number: two parties,
        neither's e-mail or address overwritten, each invoice to its own
        (#12)"""
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        company, anna = make_member(Decimal(0))
        _, bertil = make_member(Decimal(0), name="Bertil")
        with set_company(company):
            annas = Assignment.enter(anna,
                values(customer('anna@kund.example', "Annagatan 1")))
            bertils = Assignment.enter(bertil,
                values(customer('bertil@kund.example', "Bertilgatan 2")))
            self.assertNotEqual(annas.customer, bertils.customer)
            self.assertEqual(anna.convoy_customers, [annas.customer])
            self.assertEqual(bertil.convoy_customers, [bertils.customer])
            for assignment, email, street in [
                    (annas, 'anna@kund.example', "Annagatan 1"),
                    (bertils, 'bertil@kund.example', "Bertilgatan 2")]:
                party = assignment.customer
                self.assertEqual(
                    ([c.value for c in party.contact_mechanisms],
                        [a.street for a in party.addresses],
                        [i.code for i in party.identifiers]),
                    ([email], [street], [ORGNR]))

            # Bertil cannot bill Anna's customer, nor retype his own.
            with self.assertRaises(CustomerError):
                Assignment.enter(bertil, values(annas.customer))
            with self.assertRaises(CustomerError):
                Assignment.enter(bertil,
                    values(customer('ny@kund.example', "Nygatan 3")))
            with self.assertRaises(AssignmentError):
                Assignment.enter(bertil, values(bertils.customer), annas)

            Assignment.submit([annas, bertils])
            sent = {}
            with patch('trytond.modules.sosolo_portal.mail.'
                    'send_message_transactional') as send:
                for assignment in [annas, bertils]:
                    Assignment.approve([assignment])
                    message = send.call_args[0][0]
                    attachment, = message.iter_attachments()
                    sent[assignment.id] = (message['To'],
                        pdf_text(attachment.get_content()))
            for assignment, email, street, other in [
                    (annas, 'anna@kund.example', "Annagatan 1",
                        "Bertilgatan"),
                    (bertils, 'bertil@kund.example', "Bertilgatan 2",
                        "Annagatan")]:
                invoice = assignment.invoice
                self.assertEqual(invoice.party, assignment.customer)
                self.assertEqual(invoice.invoice_address.street, street)
                to, text = sent[assignment.id]
                self.assertEqual(to, email)
                self.assertIn(street, text)
                self.assertNotIn(other, text)

    @with_transaction()
    def test_payout_request_and_withdraw(self):
        "A member requests a payout and withdraws it, once"
        pool = Pool()
        Payout = pool.get('sosolo.convoy.payout')
        company, member = make_member(Decimal('1000.00'))
        with set_company(company):
            payout = Payout.request(member, Decimal(600))
            self.assertEqual((payout.state, payout.amount, payout.date),
                ('requested', Decimal(600), dt.date(2026, 12, 1)))
            Payout.withdraw([payout])
            self.assertEqual(payout.state, 'cancelled')
            with self.assertRaises(PayoutError):
                Payout.withdraw([payout])
            # Withdrawn, it reserves nothing: all is 1,000 again.
            everything = Payout.request(member, None)
            self.assertEqual(everything.get_amount(), Decimal(1000))
            with self.assertRaises(PayoutError):
                Payout.request(member, Decimal(1))

    @with_transaction()
    def test_expense_claim(self):
        "A member claims mileage: priced at the year's rate and submitted"
        pool = Pool()
        Expense = pool.get('sosolo.convoy.expense')
        company, member = make_member(Decimal('1000.00'))
        with set_company(company):
            expense = Expense.claim(member, {'kind': 'mileage',
                    'date': dt.date(2025, 11, 10),
                    'purpose': "Kundmöte", 'distance_km': Decimal(164)})
            # 2025: 25 kr/mil (allowance_data.xml).
            self.assertEqual((expense.state, expense.member, expense.amount),
                ('submitted', member, Decimal('410.00')))
            with self.assertRaises(ExpenseError):
                # A receipt needs its receipt.
                Expense.claim(member, {'kind': 'receipt',
                        'date': dt.date(2026, 11, 10), 'purpose': "Papper",
                        'amount': Decimal(100), 'vat_amount': Decimal(20)})


    @with_transaction()
    def test_portal_sees_own_records(self):
        """As the portal user, Bertil's session finds none of Anna's
        records of any member-owned model, and reads none (#12)"""
        pool = Pool()
        company, anna = make_member(Decimal(1000), name="Anna")
        _, bertil = make_member(Decimal(1000), name="Bertil")
        with set_company(company):
            annas = portal_records(anna, 'anna@kund.example',
                dt.date(2026, 11, 25))
            bertils = portal_records(bertil, 'bertil@kund.example',
                dt.date(2026, 12, 25))
        for name in PORTAL_MODELS:
            Model = pool.get(name)
            with self.subTest(model=name), as_portal(bertils['web.user']):
                self.assertTrue(bertils[name])
                found = {r.id for r in Model.search([])}
                self.assertEqual(found & set(annas[name]), set())
                self.assertLessEqual(set(bertils[name]), found)
                with self.assertRaises(AccessError):
                    Model.read(annas[name][:1], ['id'])


del ModuleTestCase


class SosoloConvoyConcurrencyTestCase(unittest.TestCase):
    """Races between transactions. They commit what they set up, so they
    have a database of their own, dropped after: other tests must not see
    their members and payouts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module('sosolo_convoy')
        setup_books()
        cls.addClassCleanup(drop_db)

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

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import unittest
from decimal import Decimal

from trytond import backend
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_convoy.calculator import compute_from_database
from trytond.modules.sosolo_convoy.exceptions import PayoutError
from trytond.modules.sosolo_payroll.tests.tools import configure_payroll
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
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

    @with_transaction()
    def test_sick_pay_bearer(self):
        """Sick pay and its contributions come from the member's account
        when the configuration says so, else the cooperative bears them
        (#16)"""
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Employee = pool.get('sosolo.payroll.employee')
        MoveLine = pool.get('account.move.line')
        Run = pool.get('sosolo.payroll.run')
        SickLeave = pool.get('sosolo.payroll.sick_leave')
        D = Decimal
        company, member = make_member(D('10000.00'))
        with set_company(company):
            configure_payroll(company)
            config = Configuration(1)
            self.assertEqual(config.sick_pay_bearer, 'fund')
            employee, = Employee.create([{
                        'party': member.party.id,
                        'identity_code': '811228-9874',
                        'tax_method': 'percent', 'tax_percent': 30,
                        'tax_percent_reason': 'side_income',
                        'start_date': dt.date(2026, 1, 1),
                        }])

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
        Employee = pool.get('sosolo.payroll.employee')
        MoveLine = pool.get('account.move.line')
        Payout = pool.get('sosolo.convoy.payout')
        Plan = pool.get('sosolo.convoy.plan')
        Run = pool.get('sosolo.payroll.run')
        D = Decimal
        company, member = make_member(D('37600.00'))
        with set_company(company):
            configure_payroll(company)
            plan, = Plan.create([{'name': "Pension", 'fee_rate': D(6),
                        'pension_rate': D('4.5')}])
            member.plan = plan
            member.save()
            Employee.create([{
                        'party': member.party.id,
                        'identity_code': '811228-9874',
                        'tax_method': 'percent', 'tax_percent': 30,
                        'tax_percent_reason': 'side_income',
                        'start_date': dt.date(2026, 1, 1),
                        }])
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


del ModuleTestCase

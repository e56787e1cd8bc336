# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import unittest
from decimal import Decimal
from pathlib import Path

from trytond import backend
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_payroll.exceptions import (
    IdentityValidationError,
    PayRunModificationError,
    SickLeaveError,
    TaxTableImportError,
    TaxTableLookupError,
)
from trytond.modules.sosolo_payroll.tests.tools import configure_payroll
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, ModuleTestCase, with_transaction
from trytond.transaction import Transaction

FIXTURE = (Path(__file__).parent / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')


class SosoloPayrollTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_payroll module"
    module = 'sosolo_payroll'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_books()

    @with_transaction()
    def test_tax_table_import_lookup(self):
        "Import the fixture, look up at row edges and in every column"
        pool = Pool()
        Row = pool.get('sosolo.payroll.tax_table.row')
        year, count = Row.import_file(FIXTURE.read_bytes())
        self.assertEqual((year, count), (2026, 1443 * 6))
        for table, column, pay, tax in [
                # 2026;30B;33;35001;35200;7185;7035;3931;7185;10990;10990
                (33, 1, 35001, 7185), (33, 1, 35200, 7185),
                (33, 1, 35201, 7235), (33, 2, 35100, 7035),
                (33, 3, 35100, 3931), (33, 4, 35100, 7185),
                (33, 5, 35100, 10990), (33, 6, 35100, 10990),
                (33, 1, 0, 0),
                ]:
            with self.subTest(table=table, column=column, pay=pay):
                self.assertEqual(Row.lookup(2026, table, column, pay), tax)
        with self.assertRaises(TaxTableLookupError):
            Row.lookup(2026, 33, 1, 80001)
        with self.assertRaises(TaxTableLookupError):
            Row.lookup(2025, 33, 1, 30000)

    @with_transaction()
    def test_tax_table_import_twice(self):
        "The same file twice replaces the year, it does not double it"
        pool = Pool()
        Row = pool.get('sosolo.payroll.tax_table.row')
        Row.import_file(FIXTURE.read_bytes())
        Row.import_file(FIXTURE.read_bytes())
        self.assertEqual(Row.search_count([('year', '=', 2026)]), 1443 * 6)
        self.assertEqual(Row.lookup(2026, 34, 1, 35100),
            Row.lookup(2026, 34, 1, 35001))

    @with_transaction()
    def test_tax_table_bad_row(self):
        "A file with one bad row is refused whole, the old year stays"
        pool = Pool()
        Row = pool.get('sosolo.payroll.tax_table.row')
        Row.import_file(FIXTURE.read_bytes())
        lines = FIXTURE.read_bytes().split(b'\r\n')
        lines[700] = lines[700].replace(b';', b';x', 1)
        with self.assertRaises(TaxTableImportError) as cm:
            Row.import_file(b'\r\n'.join(lines))
        self.assertIn('701', cm.exception.message)
        self.assertEqual(Row.search_count([]), 1443 * 6)

    @with_transaction()
    def test_tax_table_percent_rows(self):
        "Pay above the kronor rows is taxed by the percentage row"
        pool = Pool()
        Row = pool.get('sosolo.payroll.tax_table.row')
        data = FIXTURE.read_bytes().rstrip(b'\r\n') + (
            b'\r\n2026;30%;33;80001;;33;33;30;30;39;39\r\n')
        Row.import_file(data)
        self.assertEqual(Row.lookup(2026, 33, 1, 80000), 26595)
        self.assertEqual(Row.lookup(2026, 33, 1, 100000), 33000)
        self.assertEqual(Row.lookup(2026, 33, 5, 100001), 39000)

    @with_transaction()
    def test_contribution_data(self):
        "The rates loaded from XML give the law's contributions"
        pool = Pool()
        Rate = pool.get('sosolo.payroll.contribution.rate')
        for birth, paid, pay, amount in [
                (dt.date(1958, 5, 5), dt.date(2025, 6, 25), 10000, 1021),
                (dt.date(1958, 5, 5), dt.date(2026, 6, 25), 10000, 1021),
                (dt.date(1959, 5, 5), dt.date(2026, 6, 25), 10000, 3142),
                (dt.date(1937, 5, 5), dt.date(2026, 6, 25), 10000, 0),
                (dt.date(2007, 5, 5), dt.date(2026, 3, 25), 10000, 3142),
                (dt.date(2007, 5, 5), dt.date(2026, 4, 25), 10000, 2081),
                (dt.date(2007, 5, 5), dt.date(2026, 5, 25), 30000, 6773),
                # Issue 11: the law's rates stay in force after 2026.
                (dt.date(1985, 5, 5), dt.date(2027, 1, 25), 10000, 3142),
                (dt.date(1959, 5, 5), dt.date(2027, 1, 25), 10000, 1021),
                (dt.date(2007, 5, 5), dt.date(2027, 9, 25), 10000, 2081),
                (dt.date(2007, 5, 5), dt.date(2027, 10, 25), 10000, 3142),
                (dt.date(1985, 5, 5), dt.date(2028, 6, 25), 10000, 3142),
                ]:
            with self.subTest(birth=birth, paid=paid):
                result, _ = Rate.compute(birth, paid, Decimal(pay))
                self.assertEqual(result, amount)

    @with_transaction()
    def test_employee_identity(self):
        "An employee's samordningsnummer is accepted and gives a birth date"
        pool = Pool()
        Party = pool.get('party.party')
        Employee = pool.get('sosolo.payroll.employee')
        company = create_company()
        with Transaction().set_context(company=company.id):
            first, second = Employee.create([{
                        'party': Party.create([{'name': 'Anna'}])[0].id,
                        'identity_code': '701063-2391',
                        'start_date': dt.date(2026, 1, 1),
                        'tax_table': 33,
                        }, {
                        'party': Party.create([{'name': 'Bertil'}])[0].id,
                        'identity_code': '811228-9874',
                        'start_date': dt.date(2026, 1, 1),
                        'tax_table': 33,
                        }])
        self.assertEqual(first.identity_code, '197010632391')
        self.assertEqual(first.birth_date, dt.date(1970, 10, 3))
        self.assertTrue(first.coordination_number)
        self.assertEqual(
            second.specification_number, first.specification_number + 1)
        with self.assertRaises(IdentityValidationError):
            Employee.write([second], {'identity_code': '811228-9875'})

    def make_run(self, employees=2):
        "A computed run of `employees` payslips in a company with books."
        pool = Pool()
        Employee = pool.get('sosolo.payroll.employee')
        Party = pool.get('party.party')
        Run = pool.get('sosolo.payroll.run')
        company = books()
        with set_company(company):
            configure_payroll(company)
            parties = Party.create(
                [{'name': f'Anställd {i}'} for i in range(employees)])
            staff = Employee.create([{
                        'party': p.id, 'identity_code': '811228-9874',
                        'tax_method': 'percent', 'tax_percent': 30,
                        'tax_percent_reason': 'side_income',
                        'start_date': dt.date(2026, 1, 1),
                        } for p in parties])
            run, = Run.create([{
                        'company': company.id,
                        'payment_date': dt.date(2026, 6, 25),
                        'payslips': [('create', [{
                                        'employee': e.id,
                                        'lines': [('create', [{
                                                        'kind': 'salary',
                                                        'amount': 10000,
                                                        }])],
                                        } for e in staff])],
                        }])
            Run.compute([run])
        return company, run

    @with_transaction()
    def test_post_twice(self):
        "A run computed and posted twice is posted once"
        pool = Pool()
        Move = pool.get('account.move')
        Run = pool.get('sosolo.payroll.run')
        company, run = self.make_run()
        # On PostgreSQL the concurrency test commits its moves, so count
        # what this run adds.
        moves = Move.search_count([])
        with set_company(company):
            Run.compute([run])
            Run.post([run])
            Run.post(Run.browse([run.id]))
        run = Run(run.id)
        self.assertEqual(run.state, 'posted')
        self.assertEqual(Move.search_count([]), moves + 2)
        # 10,000 + 1,200 holiday pay, 30 % tax, 31.42 % contributions
        self.assertEqual(run.gross, Decimal(22400))
        self.assertEqual(run.tax, Decimal(6720))
        self.assertEqual(run.contributions, Decimal(7038))

    def month_run(self, company, date, payees):
        "A posted run on `date` of `payees` (identity, salary) at 30 %."
        pool = Pool()
        Employee = pool.get('sosolo.payroll.employee')
        Party = pool.get('party.party')
        Run = pool.get('sosolo.payroll.run')
        parties = Party.create(
            [{'name': f'Anställd {i}'} for i in range(len(payees))])
        staff = Employee.create([{
                    'party': p.id, 'identity_code': code,
                    'tax_method': 'percent', 'tax_percent': 30,
                    'tax_percent_reason': 'side_income',
                    'start_date': dt.date(2026, 1, 1),
                    } for p, (code, _) in zip(parties, payees)])
        run, = Run.create([{
                    'company': company.id, 'payment_date': date,
                    'payslips': [('create', [{
                                    'employee': e.id,
                                    'lines': [('create', [{
                                                    'kind': 'salary',
                                                    'amount': salary,
                                                    'holiday_pay_basis':
                                                        False,
                                                    }])],
                                    } for e, (_, salary) in zip(
                                        staff, payees)])],
                    }])
        Run.compute([run])
        Run.post([run])
        return Run(run.id)

    def declared(self, company, date):
        "Field 487 of the month's AGI, parsed back from the XML."
        from lxml import etree

        from trytond.modules.sosolo_payroll.files import AGD_NS
        AgiExport = Pool().get('sosolo.payroll.agi.export', type='wizard')
        root = etree.fromstring(AgiExport.get_file(company, date))
        value, = root.iterfind(f'.//{{{AGD_NS}}}SummaArbAvgSlf')
        self.assertEqual(value.get('faltkod'), '487')
        return Decimal(value.text)

    def booked(self, company, code, start, end):
        "Debit less credit on account `code` of the moves in [start, end)."
        Line = Pool().get('account.move.line')
        return sum((l.debit - l.credit for l in Line.search([
                        ('account.code', '=', code),
                        ('move.company', '=', company.id),
                        ('move.date', '>=', start),
                        ('move.date', '<', end),
                        ])), Decimal(0))

    @with_transaction()
    def test_contributions_of_the_month(self):
        """The books carry the month's contributions of the AGI, field
        487: per rate on the month's pay, öre dropped (Skatteverket's
        ställningstagande 2017-06-08, dnr 131 238881-17/111; #11)"""
        D = Decimal
        company = books()
        june, july = dt.date(2026, 6, 1), dt.date(2026, 7, 1)
        with set_company(company):
            configure_payroll(company)
            # 7 payees of 28,611 kr at 31.42 %: 8,989.5762 kr each, so
            # 8,989 on each payslip; and one born 1955 (67 at the start
            # of 2026) at 10.21 %: 10,005 x 10.21 % = 1,021.5105.
            run = self.month_run(company, dt.date(2026, 6, 25),
                [('811228-9874', 28611)] * 7 + [('550505-1234', 10005)])
            self.assertEqual([p.contributions for p in run.payslips],
                [D(8989)] * 7 + [D(1021)])
            self.assertEqual(run.contributions, D(7 * 8989 + 1021))
            # The AGI: 200,277 x 31.42 % = 62,927.0334 -> 62,927, and
            # 1,021: 63,948, 4 kr more than the payslips' 63,944.
            self.assertEqual(self.declared(company, june), D(63948))
            self.assertEqual(run.contribution_rounding, D(4))
            self.assertEqual(run.contribution_move.state, 'posted')
            self.assertEqual(
                self.booked(company, '7510', june, july), D(63948))
            self.assertEqual(
                self.booked(company, '2731', june, july), D(-63948))

            # A second run in June: 9 x 28,611 = 257,499 x 31.42 % =
            # 80,906.1858 -> 80,906, + 1,021 = 81,927; the books had
            # 63,948 + 2 x 8,989 = 81,926: 1 kr more.
            second = self.month_run(company, dt.date(2026, 6, 30),
                [('811228-9874', 28611)] * 2)
            self.assertEqual(self.declared(company, june), D(81927))
            self.assertEqual(second.contribution_rounding, D(1))
            self.assertEqual(
                self.booked(company, '7510', june, july), D(81927))
            self.assertEqual(
                self.booked(company, '2731', june, july), D(-81927))

            # A month whose total needs no rounding posts none.
            third = self.month_run(company, dt.date(2026, 7, 25),
                [('811228-9874', 10000)])
            self.assertIsNone(third.contribution_rounding)
            self.assertIsNone(third.contribution_move)
            self.assertEqual(self.declared(company, july), D(3142))

    @with_transaction()
    def test_posted_run_unchanged(self):
        "A posted run, its payslips and lines cannot be changed"
        pool = Pool()
        Run = pool.get('sosolo.payroll.run')
        Line = pool.get('sosolo.payroll.payslip.line')
        company, run = self.make_run(1)
        with set_company(company):
            Run.post([run])
        run = Run(run.id)
        with self.assertRaises(PayRunModificationError):
            Run.write([run], {'description': "x"})
        with self.assertRaises(PayRunModificationError):
            Line.write(list(run.payslips[0].lines), {'amount': 1})
        with self.assertRaises(PayRunModificationError):
            Run.delete([run])

    @unittest.skipUnless(backend.name == 'postgresql',
        "row locks (SELECT ... FOR UPDATE) need PostgreSQL")
    def test_post_concurrent(self):
        "Two staff posting the same run at once post it once"
        def setup():
            company, run = self.make_run()
            return company.id, run.id
        company_id, run_id = committed(setup)

        def post():
            Run = Pool().get('sosolo.payroll.run')
            Run.post(Run.browse([run_id]))
        outcomes = race(post, context={'company': company_id})
        with Transaction().start(DB_NAME, 1):
            pool = Pool()
            Move = pool.get('account.move')
            Run = pool.get('sosolo.payroll.run')
            run = Run(run_id)
            self.assertEqual(run.state, 'posted')
            self.assertEqual(len(outcomes), 2)
            self.assertEqual(Move.search_count([
                        ('origin', 'like', 'sosolo.payroll.payslip,%'),
                        ('company', '=', company_id),
                        ]), 2)
            self.assertEqual(
                {p.move.id for p in run.payslips if p.move}.__len__(), 2)

    def sick_employee(self, company, start=dt.date(2026, 1, 1), end=None):
        pool = Pool()
        Employee = pool.get('sosolo.payroll.employee')
        Party = pool.get('party.party')
        party, = Party.create([{'name': 'Sjuk'}])
        employee, = Employee.create([{
                    'party': party.id, 'identity_code': '811228-9874',
                    'tax_method': 'percent', 'tax_percent': 30,
                    'tax_percent_reason': 'side_income',
                    'start_date': start, 'end_date': end,
                    }])
        return employee

    @with_transaction()
    def test_sick_pay_in_pay_run(self):
        """A confirmed sick leave is paid in the next run, taxed and with
        contributions; draft takes it out, post marks it paid (#16)"""
        pool = Pool()
        Run = pool.get('sosolo.payroll.run')
        SickLeave = pool.get('sosolo.payroll.sick_leave')
        D = Decimal
        company = books()
        with set_company(company):
            configure_payroll(company)
            employee = self.sick_employee(company)
            # Sick Monday to Friday, back on Monday: a week lost.
            sick_leave, = SickLeave.create([{
                        'employee': employee.id,
                        'first_date': dt.date(2026, 11, 2),
                        'recovery_date': dt.date(2026, 11, 9),
                        'lost_pay': D('6923.08'),
                        'week_pay': D('6923.08'),
                        }])
            self.assertEqual(sick_leave.karensavdrag, D('1107.69'))
            self.assertEqual(sick_leave.sick_pay, D('4430.77'))
            self.assertFalse(sick_leave.certificate_required)
            self.assertIsNone(sick_leave.notice_due_date)
            SickLeave.confirm([sick_leave])
            run, = Run.create([{
                        'company': company.id,
                        'payment_date': dt.date(2026, 11, 25),
                        }])
            Run.compute([run])
            run = Run(run.id)
            payslip, = run.payslips
            line, = payslip.lines
            self.assertEqual((line.kind, line.amount, line.sick_leave),
                ('sick_pay', D('4430.77'), sick_leave))
            self.assertIn('1107.69', line.description)
            # Sick pay is pay: 30 % tax (öre dropped), 31.42 %
            # contributions on 4,430.77 = 1,392.148 -> 1,392.
            self.assertEqual(payslip.gross, D('4430.77'))
            self.assertEqual(payslip.tax, D(1329))
            self.assertEqual(payslip.contributions, D(1392))
            self.assertEqual(payslip.net, D('3101.77'))

            Run.draft([run])
            self.assertEqual(Run(run.id).payslips[0].lines, ())
            Run.compute([run])
            Run.post([run])
            self.assertEqual(SickLeave(sick_leave.id).state, 'paid')
            self.assertEqual(
                self.booked(company, '7210', dt.date(2026, 11, 1),
                    dt.date(2026, 12, 1)), D('4430.77'))
            # Paid once: the next run has none of it.
            second, = Run.create([{
                        'company': company.id,
                        'payment_date': dt.date(2026, 12, 25),
                        }])
            Run.compute([second])
            self.assertEqual(Run(second.id).payslips, ())

    @with_transaction()
    def test_sick_leave_checks(self):
        """No right before 14 days of a short employment (3 §), no
        confirmation from day 8 without a certificate (8 §), and the
        notice to Försäkringskassan from day 15 (12 §)"""
        pool = Pool()
        SickLeave = pool.get('sosolo.payroll.sick_leave')
        D = Decimal
        company = books()
        with set_company(company):
            configure_payroll(company)
            short = self.sick_employee(company,
                dt.date(2026, 11, 1), dt.date(2026, 11, 20))
            early, = SickLeave.create([{
                        'employee': short.id,
                        'first_date': dt.date(2026, 11, 10),
                        'recovery_date': dt.date(2026, 11, 12),
                        'lost_pay': D(2000), 'week_pay': D(5000),
                        }])
            with self.assertRaises(SickLeaveError):
                SickLeave.confirm([early])

            employee = self.sick_employee(company)
            # Today is 2026-12-01 (clock.py): sick since 2026-11-10,
            # still sick, is day 22: past the notice date, day 21.
            long, = SickLeave.create([{
                        'employee': employee.id,
                        'first_date': dt.date(2026, 11, 10),
                        'lost_pay': D(13000), 'week_pay': D(6500),
                        }])
            self.assertTrue(long.certificate_required)
            self.assertEqual(long.sick_pay_end_date, dt.date(2026, 11, 23))
            self.assertEqual(long.notice_due_date, dt.date(2026, 11, 30))
            self.assertTrue(long.notice_due)
            with self.assertRaises(SickLeaveError):
                SickLeave.confirm([long])
            long.certificate = b'%PDF-1.4 intyg'
            long.certificate_name = 'intyg.pdf'
            long.notice_date = dt.date(2026, 11, 24)
            long.save()
            SickLeave.confirm([long])
            long = SickLeave(long.id)
            self.assertEqual(long.state, 'confirmed')
            self.assertFalse(long.notice_due)


del ModuleTestCase

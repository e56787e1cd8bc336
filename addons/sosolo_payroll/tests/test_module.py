# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from decimal import Decimal
from pathlib import Path

from trytond.modules.sosolo_payroll.exceptions import (
    TaxTableImportError, TaxTableLookupError)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

FIXTURE = (Path(__file__).parent / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')


class SosoloPayrollTestCase(ModuleTestCase):
    "Test sosolo_payroll module"
    module = 'sosolo_payroll'

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
        Company = pool.get('company.company')
        Currency = pool.get('currency.currency')
        currency = Currency(name='Krona', code='SEK', symbol='kr')
        currency.save()
        company = Company(party=Party(name='Kooperativet'),
            currency=currency)
        company.save()
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
            (first.specification_number, second.specification_number),
            (1, 2))
        with self.assertRaises(Exception):
            Employee.write([second], {'identity_code': '811228-9875'})


del ModuleTestCase

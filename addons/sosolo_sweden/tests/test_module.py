# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from trytond.modules.company.tests import set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from .books import books, setup_books
from .translation import SwedishTranslationTestMixin


class SosoloSwedenTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_sweden module"
    module = 'sosolo_sweden'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_books()

    @with_transaction()
    def test_create_chart(self):
        "Create the BAS chart with its taxes and VAT return boxes"
        pool = Pool()
        Account = pool.get('account.account')
        Tax = pool.get('account.tax')
        TaxCode = pool.get('account.tax.code')

        company = books()  # its chart is made by setup_books()
        with set_company(company):

            def account(code):
                account, = Account.search([
                        ('code', '=', code),
                        ('company', '=', company.id),
                        ])
                return account

            receivable = account('1510')
            self.assertEqual(receivable.name, "Kundfordringar")
            self.assertTrue(receivable.type.receivable)
            self.assertTrue(receivable.reconcile)
            self.assertTrue(receivable.party_required)
            payable = account('2440')
            self.assertTrue(payable.type.payable)
            self.assertTrue(payable.reconcile)
            self.assertTrue(payable.party_required)
            self.assertTrue(account('3001').type.revenue)
            self.assertTrue(account('4010').type.expense)
            self.assertTrue(account('7010').type.expense)
            self.assertEqual(account('1930').type.statement, 'balance')
            self.assertEqual(account('2083').type.name, "Medlemsinsatser")
            self.assertEqual(account('2099').type.statement, 'balance')
            self.assertEqual(account('8999').type.statement, 'income')
            self.assertIsNone(account('15').type)
            self.assertEqual(account('1510').parent, account('15'))
            self.assertEqual(account('15').parent, account('1'))

            self.assertEqual(
                receivable.company.party.account_receivable_used, receivable)

            tax, = Tax.search([('company', '=', company.id),
                    ('template.name', '=', "Utgående moms 25 %")])
            self.assertEqual(tax.rate, Decimal('0.25'))
            self.assertEqual(tax.invoice_account, account('2611'))
            self.assertEqual(tax.credit_note_account, account('2611'))
            self.assertEqual(tax.group.kind, 'sale')
            self.assertIn(tax, account('3001').taxes)

            reverse, = Tax.search([
                    ('company', '=', company.id),
                    ('template.name', '=',
                        "Inköp av byggtjänster i Sverige, omvänd "
                        "betalningsskyldighet, 25 %"),
                    ])
            self.assertEqual(reverse.type, 'none')
            self.assertEqual(
                sorted((c.rate, c.invoice_account.code)
                    for c in reverse.childs),
                [(Decimal('-0.25'), '2614'), (Decimal('0.25'), '2647')])

            codes = {c.code for c in TaxCode.search([]) if c.code}
            self.assertGreaterEqual(codes, {
                    '05', '06', '07', '08', '10', '11', '12', '20', '21',
                    '22', '23', '24', '30', '31', '32', '35', '36', '37',
                    '38', '39', '40', '41', '42', '48', '49'})


del ModuleTestCase

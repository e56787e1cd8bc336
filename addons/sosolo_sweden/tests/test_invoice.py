# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Customer invoices: OCR reference and the Swedish PDF (issue #3)."""
import datetime as dt
import io
import unittest
from decimal import Decimal

from pypdf import PdfReader

from trytond.i18n import gettext
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_sweden.exceptions import (
    BankgiroError,
    InvoiceBankgiroError,
)
from trytond.modules.sosolo_sweden.ocr import is_valid_ocr, ocr_reference
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction

from .books import books, setup_books


def post_invoice(company, party, amount, tax_name=None):
    "Post a customer invoice of `amount` on 3001, with the tax `tax_name`."
    pool = Pool()
    Invoice = pool.get('account.invoice')
    Account = pool.get('account.account')
    Tax = pool.get('account.tax')
    Journal = pool.get('account.journal')
    journal, = Journal.search([('type', '=', 'revenue')], limit=1)
    revenue, = Account.search([
            ('company', '=', company.id), ('code', '=', '3001')])
    taxes = (Tax.search([('company', '=', company.id),
                ('name', '=', tax_name)]) if tax_name else [])
    invoice = Invoice(type='out', company=company, party=party,
        invoice_date=dt.date(2026, 2, 1), currency=company.currency,
        account=party.account_receivable_used,
        invoice_address=party.address_get(), journal=journal)
    invoice.lines = [{'account': revenue, 'quantity': 1,
            'unit_price': Decimal(amount), 'description': "Konsultarbete",
            'currency': company.currency, 'type': 'line',
            'taxes': taxes}]
    invoice.save()
    Invoice.post([invoice])
    return invoice


class InvoiceTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_sweden')
        setup_books()

    @with_transaction()
    def test_ocr_and_pdf(self):
        "The posted invoice has its OCR; the PDF has what the law asks"
        pool = Pool()
        Party = pool.get('party.party')
        Invoice = pool.get('account.invoice')
        Report = pool.get('sosolo.invoice', type='report')
        company = books()
        with set_company(company):
            party, = Party.create([{'name': "Björk & Söner AB",
                        'addresses': [('create', [{}])]}])
            invoice = post_invoice(
                company, party, '1000', "Utgående moms 25 %")
            reverse = post_invoice(company, party, '2000',
                "Försäljning av byggtjänster, omvänd betalningsskyldighet")

            self.assertEqual(invoice.se_ocr, ocr_reference(invoice.number))
            self.assertTrue(is_valid_ocr(invoice.se_ocr))
            self.assertEqual(invoice.customer_payment_reference,
                invoice.se_ocr)
            self.assertEqual(Invoice.search([
                        ('rec_name', '=', invoice.se_ocr)]), [invoice])
            self.assertEqual(invoice.total_amount, Decimal('1250.00'))

            _, content, _, _ = Report.execute([invoice.id], {})
            text = ''.join(page.extract_text()
                for page in PdfReader(io.BytesIO(content)).pages)
            for expected in [
                    "Faktura", invoice.number, f"OCR: {invoice.se_ocr}",
                    "Godkänd för F-skatt", "769600-1994",
                    "SE769600199401", "Bankgiro: 5555-5551",
                    "Fakturadatum: 2026-02-01", "Förfallodatum",
                    "250,00", "Björk & Söner AB"]:
                self.assertIn(expected, text)
            # Total with or without the thousands separator.
            self.assertRegex(text, r"Att betala 1\s?250,00 SEK")
            self.assertNotIn("Omvänd betalningsskyldighet", text)

            _, content, _, _ = Report.execute([reverse.id], {})
            text = ''.join(page.extract_text()
                for page in PdfReader(io.BytesIO(content)).pages)
            self.assertIn("Omvänd betalningsskyldighet", text)
            self.assertIn(f"OCR: {reverse.se_ocr}", text)

    @with_transaction()
    def test_no_bankgiro_refused(self):
        "A customer invoice is not posted while the company has no bankgiro"
        pool = Pool()
        Company = pool.get('company.company')
        Party = pool.get('party.party')
        Invoice = pool.get('account.invoice')
        company = books()
        Company.write([company], {'se_bankgiro': None})
        with set_company(company):
            party, = Party.create([{'name': "Utan Bankgiro AB",
                        'addresses': [('create', [{}])]}])
            with self.assertRaises(InvoiceBankgiroError) as caught:
                post_invoice(company, party, '1000')
            invoice, = Invoice.search([('party', '=', party.id)])
            self.assertEqual(invoice.state, 'draft')
            self.assertIsNone(invoice.move)
            self.assertEqual(caught.exception.message, gettext(
                    'sosolo_sweden.msg_invoice_no_bankgiro',
                    company=company.rec_name))

    @with_transaction()
    def test_bankgiro_checked(self):
        "The company's bankgiro must have its Luhn check digit"
        Company = Pool().get('company.company')
        company = books()
        for number in ['5050-1055', '505-1057', '5050 1055']:
            with self.subTest(number=number):
                Company.write([company], {'se_bankgiro': number})
        for number in ['5050-1056', '12345', 'bankgiro', '5050-10555']:
            with self.subTest(number=number):
                with self.assertRaises(BankgiroError) as caught:
                    Company.write([company], {'se_bankgiro': number})
                self.assertEqual(caught.exception.message, gettext(
                        'sosolo_sweden.msg_company_bankgiro_invalid',
                        bankgiro=number, company=company.rec_name))

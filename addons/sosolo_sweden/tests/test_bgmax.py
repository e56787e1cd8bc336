# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""BgMax files, parsed and imported against invoices (issue #3).

The test files are written here from the record layout of Bankgirot's
"Bankgiro Inbetalningar, Teknisk manual BgMax" (see bgmax_format).
"""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_sweden.bgmax import BgMaxImporter
from trytond.modules.sosolo_sweden.bgmax_format import (
    BgMaxError,
    BgMaxFile,
    Deposit,
    Payment,
    check,
    read,
    write,
)
from trytond.modules.sosolo_sweden.exceptions import BgMaxImportError
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction

from .books import BANKGIRO, books, setup_books
from .test_invoice import post_invoice

D = Decimal
TIMESTAMP = dt.datetime(2026, 3, 2, 6, 15, 0, 123456)


def bgmax_file(*deposits, test=False):
    return write(BgMaxFile(timestamp=TIMESTAMP, test=test,
            deposits=list(deposits)))


def deposit(date, *payments, serial='1', bankgiro=BANKGIRO,
        currency='SEK'):
    "A deposit to the test company's bankgiro (books.BANKGIRO)."
    return Deposit(bankgiro=bankgiro.replace('-', ''), date=date,
        account='1234567', serial=serial, currency=currency,
        amount=sum((p.amount for p in payments), D(0)),
        payments=list(payments))


class BgMaxFormatTestCase(unittest.TestCase):

    def test_write_read(self):
        "Records are 80 characters at the manual's positions"
        content = bgmax_file(deposit(dt.date(2026, 3, 2),
                Payment('1234574', D('1250.50'), serial='000000000001',
                    sender_bankgiro='55551234', name="Kund AB"),
                Payment('99', D('-50'), reference_code='4', deduction=True,
                    serial='2')))
        lines = content.decode('latin-1').split('\r\n')[:-1]
        self.assertEqual({len(line) for line in lines}, {80})
        self.assertEqual(lines[0][:24], '01BGMAX               01')
        self.assertEqual(lines[2][:2] + lines[2][12:19], '201234574')
        self.assertEqual(lines[2][37:55], '000000000000125050')
        self.assertEqual(lines[2][55], '2')
        self.assertEqual(lines[-2][37:45], '20260302')
        result = read(content)
        self.assertEqual(result.timestamp, TIMESTAMP)
        self.assertFalse(result.test)
        found, = result.deposits
        self.assertEqual(found.amount, D('1200.50'))
        self.assertEqual(found.date, dt.date(2026, 3, 2))
        payment, deduction = found.payments
        self.assertEqual((payment.reference, payment.amount, payment.name,
                payment.sender_bankgiro, payment.serial),
            ('1234574', D('1250.50'), "Kund AB", '55551234',
                '000000000001'))
        self.assertEqual((deduction.amount, deduction.deduction),
            (D('-50'), True))

    def test_refused(self):
        "Wrong sums, counts and headers are refused with the line"
        good = bgmax_file(deposit(dt.date(2026, 3, 2),
                Payment('1234574', D('10'), serial='1')))
        lines = good.decode('latin-1').split('\r\n')
        for index, replace, code in [
                (0, lambda l: '01XGMAX' + l[7:], 'bad_header'),
                (3, lambda l: l[:50] + '000000000000000999' + l[68:],
                    'deposit_sum'),
                (4, lambda l: '70' + '00000002' + l[10:], 'count_mismatch'),
                (2, lambda l: l[:37] + '00000000000000001X' + l[55:],
                    'bad_amount'),
                # #12, found by fuzzing: int() failed on these
                (4, lambda l: '70' + '0000000x' + l[10:], 'bad_count'),
                (3, lambda l: l[:71] + '\x00' * 8 + l[79:], 'bad_count'),
                (2, lambda l: l[:37] + '00000000000000001\xb2' + l[55:],
                    'bad_amount'),
                (3, lambda l: l[:50] + '\x1c' + l[51:], 'bad_amount'),
                ]:
            changed = list(lines)
            changed[index] = replace(changed[index])
            with self.assertRaises(BgMaxError) as cm:
                read('\r\n'.join(changed).encode('latin-1'))
            self.assertEqual(cm.exception.code, code)
            self.assertEqual(cm.exception.line, index + 1)
        # A payment before its deposit names the record; its `code` took
        # the place of the reason's, a TypeError (#12, found by fuzzing).
        with self.assertRaises(BgMaxError) as cm:
            read('\r\n'.join([lines[0], lines[2], *lines[1:]]).encode())
        self.assertEqual((cm.exception.line, cm.exception.code,
                cm.exception.params), (2, 'unexpected_record', {'code': '20'}))


class BgMaxCheckTestCase(unittest.TestCase):
    "What must not be booked (#11): test files, other payees, not SEK"

    def refused(self, content, bankgiro=BANKGIRO, test_file=False):
        with self.assertRaises(BgMaxError) as cm:
            check(read(content), bankgiro, test_file=test_file)
        return cm.exception.line, cm.exception.code, cm.exception.params

    def test_check(self):
        day = dt.date(2026, 3, 2)
        payment = Payment('1234574', D('10'), serial='1')
        test = bgmax_file(deposit(day, payment), test=True)
        self.assertEqual(read(test).test, True)
        # TK01 position 45 is "T"
        self.assertEqual(test.decode('latin-1')[44], 'T')
        self.assertEqual(self.refused(test), (1, 'test_file', {}))
        check(read(test), BANKGIRO, test_file=True)
        # The payee's bankgiro, digits compared: 5555-5551 is 55555551.
        check(read(bgmax_file(deposit(day, payment))), '5555-5551')
        check(read(bgmax_file(deposit(day, payment))), '5555 5551')
        other = bgmax_file(deposit(day, payment),
            deposit(day, payment, serial='2', bankgiro='991-2346'))
        self.assertEqual(self.refused(other), (5, 'foreign_bankgiro',
                {'bankgiro': '9912346', 'company': BANKGIRO}))
        self.assertEqual(
            self.refused(bgmax_file(deposit(day, payment)), bankgiro=None),
            (2, 'no_company_bankgiro', {'bankgiro': '55555551'}))
        euro = bgmax_file(deposit(day, payment, currency='EUR'))
        self.assertEqual(self.refused(euro),
            (2, 'currency', {'currency': 'EUR'}))
        # TK15 positions 69-71 name the currency of the deposit too.
        lines = bgmax_file(deposit(day, payment)).split(b'\r\n')
        self.assertEqual(lines[3][:2] + lines[3][68:71], b'15SEK')
        lines[3] = lines[3][:68] + b'NOK' + lines[3][71:]
        self.assertEqual(self.refused(b'\r\n'.join(lines)),
            (4, 'currency', {'currency': 'NOK'}))


class BgMaxImportTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_sweden')
        setup_books()

    @with_transaction()
    def test_import(self):
        "Payments pay invoices by OCR; the rest is reported; never twice"
        pool = Pool()
        Party = pool.get('party.party')
        Invoice = pool.get('account.invoice')
        Payment_ = pool.get('sosolo.bgmax.payment')
        Line = pool.get('account.move.line')
        company = books()
        with set_company(company):
            party, = Party.create([{'name': "Kund AB",
                        'addresses': [('create', [{}])]}])
            full, under, over, credit = [
                post_invoice(company, party, a)
                for a in ['1000', '500', '200', '-120']]
            for invoice in [full, under, over, credit]:
                self.assertTrue(invoice.se_ocr)
                self.assertEqual(Invoice.search([
                            ('customer_payment_reference', '=',
                                invoice.se_ocr)]), [invoice])
            content = bgmax_file(
                deposit(dt.date(2026, 3, 2),
                    Payment(full.se_ocr, D('1000'), serial='11'),
                    Payment(under.se_ocr, D('100'), serial='12'),
                    serial='1'),
                deposit(dt.date(2026, 3, 3),
                    Payment(over.se_ocr, D('250'), serial='13'),
                    Payment('1234574', D('75'), serial='14'),
                    Payment('Faktura 7', D('20'), reference_code='4',
                        serial='15'),
                    Payment(full.se_ocr, D('-30'), reference_code='2',
                        deduction=True, serial='16'),
                    # The customer deducts its credit note.
                    Payment(credit.se_ocr, D('-120'), deduction=True,
                        serial='17'),
                    serial='2'))
            record = BgMaxImporter(company, content, 'bgmax.txt').run()
            results = {p.serial.lstrip('0'): (p.result, p.invoice)
                for p in record.payments}
            self.assertEqual(results, {
                    '11': ('paid', full), '12': ('underpaid', under),
                    '13': ('overpaid', over), '14': ('unmatched', None),
                    '15': ('unmatched', None), '16': ('deduction', full),
                    '17': ('paid', credit)})
            full, under, over, credit = Invoice.browse(
                [full, under, over, credit])
            self.assertEqual(full.state, 'paid')
            self.assertEqual(under.state, 'posted')
            self.assertEqual(under.amount_to_pay, D('400'))
            self.assertEqual(over.state, 'paid')
            self.assertEqual(credit.state, 'paid')
            # The bank moved by what was matched: 1000 + 100 + 250 - 120
            # (not the 75 and 20 without an invoice, nor the deduction
            # whose invoice was already paid).
            bank = Line.search([('account.code', '=', '1930')])
            self.assertEqual(sum(l.debit - l.credit for l in bank),
                D('1230'))

            with self.assertRaises(BgMaxImportError):
                BgMaxImporter(company, content, 'again.txt')
            # The same payments in another file pay nothing twice.
            copy = content.replace(
                b'20260302061500123456', b'20260302061500999999', 1)
            self.assertNotEqual(copy, content)
            again = BgMaxImporter(company, copy, 'copy.txt').run()
            self.assertEqual({p.result for p in again.payments},
                {'duplicate'})
            self.assertEqual(
                Invoice(under.id).amount_to_pay, D('400'))
            self.assertEqual(Payment_.search([], count=True), 14)

    def counts(self):
        "Moves, BgMax files and payments in the database."
        pool = Pool()
        return [pool.get(name).search_count([]) for name in [
                'account.move', 'account.move.line', 'sosolo.bgmax.file',
                'sosolo.bgmax.payment']]

    @with_transaction()
    def test_import_refused(self):
        """A test file, another payee's file, a deposit not in SEK: one
        line each and nothing booked (#11)"""
        pool = Pool()
        Party = pool.get('party.party')
        Import = pool.get('sosolo.bgmax.import', type='wizard')
        company = books()
        day = dt.date(2026, 3, 2)
        with set_company(company):
            party, = Party.create([{'name': "Kund AB",
                        'addresses': [('create', [{}])]}])
            invoice = post_invoice(company, party, '1000')
            payment = Payment(invoice.se_ocr, D('1000'), serial='21')
            before = self.counts()
            for content, words in [
                    (bgmax_file(deposit(day, payment), test=True),
                        "Line 1: this is a test file from Bankgirot"),
                    (bgmax_file(deposit(day, payment, bankgiro='991-2346')),
                        "Line 2: the deposit is to bankgiro 9912346, not "
                        "the company's bankgiro (5555-5551)"),
                    (bgmax_file(deposit(day, payment, currency='EUR')),
                        "Line 2: the deposit is in EUR, not SEK"),
                    ]:
                with self.subTest(words=words):
                    with self.assertRaises(BgMaxImportError) as cm:
                        BgMaxImporter(company, content, 'bgmax.txt').run()
                    message = cm.exception.message
                    self.assertTrue(message.startswith(words), message)
                    self.assertNotIn('\n', message)
                    # and through the back office's wizard
                    session, _, _ = Import.create()
                    wizard = Import(session)
                    wizard.start.file = content
                    wizard.start.filename = 'bgmax.txt'
                    wizard.start.test_file = False
                    with self.assertRaises(BgMaxImportError):
                        wizard.transition_import_()
                    self.assertEqual(self.counts(), before)
            # A company without a bankgiro books no deposit at all.
            Company = pool.get('company.company')
            Company.write([company], {'se_bankgiro': None})
            with self.assertRaises(BgMaxImportError) as cm:
                BgMaxImporter(Company(company.id),
                    bgmax_file(deposit(day, payment)), 'bgmax.txt').run()
            self.assertTrue(cm.exception.message.startswith(
                    "Line 2: the deposit is to bankgiro 55555551 and the "
                    "company has no bankgiro"), cm.exception.message)
            self.assertEqual(self.counts(), before)
            self.assertEqual(invoice.state, 'posted')

    @with_transaction()
    def test_import_test_file(self):
        "A test file is booked when asked for (wizard checkbox) (#11)"
        pool = Pool()
        Party = pool.get('party.party')
        Invoice = pool.get('account.invoice')
        Import = pool.get('sosolo.bgmax.import', type='wizard')
        company = books()
        with set_company(company):
            party, = Party.create([{'name': "Kund AB",
                        'addresses': [('create', [{}])]}])
            invoice = post_invoice(company, party, '1000')
            content = bgmax_file(deposit(dt.date(2026, 3, 2),
                    Payment(invoice.se_ocr, D('1000'), serial='31')),
                test=True)
            moves, _, files, payments = self.counts()
            session, _, _ = Import.create()
            wizard = Import(session)
            wizard.start.file = content
            wizard.start.filename = 'test.txt'
            wizard.start.test_file = True
            self.assertEqual(wizard.transition_import_(), 'open_')
            record = wizard.start.result
            self.assertEqual([p.result for p in record.payments], ['paid'])
            self.assertEqual(Invoice(invoice.id).state, 'paid')
            now = self.counts()
            self.assertEqual((now[0], now[2], now[3]),
                (moves + 1, files + 1, payments + 1))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue #6 end to end: from the application to the year's SIE file.

Elin applies through the portal, is approved and pays her contribution
by bankgiro; she enters an assignment in the portal, staff approve it,
the customer pays the invoice by bankgiro (a BgMax file), her activity
account is credited, she takes it all as salary, the pay run posts it,
she reads her payslip in the portal, the month's AGI reports her and
the year's SIE file imports into an empty company with the same
balances.

The portal goes through its HTTP routes (werkzeug's test client); staff
work in transactions of their own, committed, as the back office would.

The numbers are Frilans Finans' published worked example ("Hur beräknar
Frilans Finans min lön?",
https://www.frilansfinans.se/fragor-och-svar/hur-beraknar-frilans-finans-min-lon/):
40,000 kr excl. VAT + 25 % VAT = 50,000 kr invoiced, 6 % fee 2,400 kr,
37,600 kr on the account, gross pay 28,611 kr including holiday pay
3,065 kr, employer contributions 8,989 kr (31.42 %). The tax is
Skatteverket's 2026 table 33, column 1 (sosolo_payroll/tests/data):
row 28,601-28,800 withholds 5,577 kr, so the net pay is 23,034 kr.
"""
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from unittest.mock import patch

from lxml import etree
from pypdf import PdfReader

import trytond.modules.sosolo_payroll.tests as payroll_tests
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_membership.tests.test_routes import (
    configure_membership,
)
from trytond.modules.sosolo_payroll.tests.tools import configure_payroll
from trytond.modules.sosolo_portal.tests.tools import (
    configure_email_links,
    csrf,
    login,
)
from trytond.modules.sosolo_sweden.bgmax import BgMaxImporter
from trytond.modules.sosolo_sweden.bgmax_format import (
    BgMaxFile,
    Deposit,
    Payment,
    write,
)
from trytond.modules.sosolo_sweden.ocr import is_valid_ocr
from trytond.modules.sosolo_sweden.tests.books import (
    BANKGIRO,
    ORGNR,
    YEAR,
    books,
    setup_books,
)
from trytond.modules.sosolo_sweden.tests.test_sie import (
    book_balances,
    export,
    import_file,
    new_company,
)
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool
from trytond.tests import test_tryton
from trytond.tests.test_tryton import DB_NAME, RouteTestCase

D = Decimal
TAX_TABLES = (Path(payroll_tests.__file__).parent / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')
NAME = "Elin Ek"
EMAIL = 'elin@example.se'
PASSWORD = 'elins-eget-losen-1'
PERSONNUMMER = '19811228-9874'
CUSTOMER_EMAIL = 'faktura@kund.example'
NS = {'a': 'http://xmls.skatteverket.se/se/skatteverket/da/'
    'komponent/schema/1.1'}


def kr(text):
    "An amount as the portal shows it: 37 600,00 kr."
    return text.replace(' ', '\u00a0') + '\u00a0kr'


def configure(company):
    "Membership, payroll and convoy on the test company's BAS chart."
    pool = Pool()
    ConvoyConfiguration = pool.get('sosolo.convoy.configuration')
    TaxTableRow = pool.get('sosolo.payroll.tax_table.row')
    configure_membership(company)
    configure_payroll(company)
    # Saving takes the defaults: 2829, 7690, 3040, journal, plan.
    ConvoyConfiguration(1).save()
    TaxTableRow.import_file(TAX_TABLES.read_bytes())


def bgmax(date, reference, amount, serial):
    "A BgMax file of one deposit to the cooperative's bankgiro."
    payment = Payment(reference, amount, serial=serial,
        sender_bankgiro='55551234', name="Kund AB")
    return write(BgMaxFile(
            timestamp=dt.datetime.combine(date, dt.time(6, 15)),
            deposits=[Deposit(bankgiro=BANKGIRO.replace('-', ''),
                    date=date, account='1234567', serial='1',
                    amount=amount, payments=[payment])]))


def text_of(message):
    "The text parts of an e-mail message."
    return ''.join(
        part.get_payload(decode=True).decode(
            part.get_content_charset() or 'utf-8')
        for part in message.walk()
        if part.get_content_maintype() == 'text')


def pdf_text(data):
    text = ''.join(p.extract_text() for p in PdfReader(
            io.BytesIO(data)).pages)
    return text.replace('\u00a0', ' ')


class EndToEndTestCase(RouteTestCase):
    "From the application to the year's SIE file (issue #6)"
    module = 'sosolo_convoy'

    @classmethod
    def setUpClass(cls):
        # As sosolo_membership's route tests: the chart's table locks
        # need with_transaction's retry, which setUpDatabase lacks.
        super(test_tryton.RouteTestCase, cls).setUpClass()
        configure_email_links(cls)
        setup_books(configure)

    def setUp(self):
        super().setUp()
        Date = Pool(DB_NAME).get('ir.date')
        self.today = patch.object(Date, 'today').start()
        self.addCleanup(patch.stopall)

    def on(self, date):
        "The day the next steps happen."
        self.today.return_value = date

    def url(self, path=''):
        return f'/{self.db_name}/portal/{path}'

    def staff(self, work, commit=True):
        """Run `work()` as the administrator of the company, committed.

        Retried as with_transaction does when a lock needs it; returns
        what `work` returns (plain values: records die with the
        transaction).
        """
        def in_company():
            with set_company(books()):
                return work()
        return committed(in_company, commit=commit)

    def page(self, client, path):
        response = client.get(self.url(path))
        self.assertEqual(response.status_code, 200, path)
        return response.get_data(as_text=True)

    def test_end_to_end(self):
        "Apply, invoice, get paid, take salary, report and export the year"
        pool = Pool(DB_NAME)
        Member = pool.get('sosolo.member')
        Invoice = pool.get('account.invoice')
        Assignment = pool.get('sosolo.convoy.assignment')
        WebUser = pool.get('web.user')

        # 1. Elin applies through the public form; the e-mail that
        # confirms her address links back to the portal.
        self.on(dt.date(YEAR, 2, 2))
        client = self.client()
        with patch('trytond.modules.web_user.user.'
                'send_message_transactional') as sent:
            response = client.post(self.url('bli-medlem'), data={
                    'csrf_token': csrf(client, self.url('bli-medlem')),
                    'kind': 'person', 'name': NAME,
                    'identity_number': PERSONNUMMER, 'email': EMAIL,
                    'street': "Storgatan 1", 'postal_code': '921 31',
                    'city': "Lycksele", 'municipality': '2481',
                    'password': PASSWORD, 'password2': PASSWORD,
                    'consent_statutes': '1', 'consent_data': '1'})
        self.assertEqual(response.status_code, 200)
        token = re.search(r'bekrafta-epost\?token=([^"\s&<]+)',
            text_of(sent.call_args[0][0])).group(1)
        self.assertEqual(client.get(
                self.url(f'bekrafta-epost?token={token}')).status_code, 200)

        # 2. Staff approve her: member number and the capital invoice of
        # her 500 kr contribution, posted with an OCR reference; and
        # register her as an employee on tax table 33, column 1.
        self.on(dt.date(YEAR, 2, 3))

        def approve_member():
            Employee = pool.get('sosolo.payroll.employee')
            member, = Member.search([('party.name', '=', NAME)])
            self.assertEqual(member.state, 'applicant')
            self.assertEqual(member.plan.fee_rate, D(6))
            user, = WebUser.search([('email', '=', EMAIL)])
            self.assertTrue(user.email_valid)
            Member.approve([member])
            Employee.create([{'party': member.party.id,
                        'identity_code': PERSONNUMMER,
                        'tax_table': 33, 'tax_column': 1,
                        'start_date': dt.date(YEAR, 2, 3)}])
            invoice = member.capital_invoice
            self.assertEqual((member.state, invoice.state,
                    invoice.total_amount), ('approved', 'posted', D(500)))
            self.assertTrue(is_valid_ocr(invoice.se_ocr))
            return member.id, invoice.se_ocr
        member_id, capital_ocr = self.staff(approve_member)

        # 3. She pays the contribution to the bankgiro with its OCR; the
        # BgMax file of the day pays the invoice and makes her active.
        self.on(dt.date(YEAR, 2, 10))

        def import_contribution():
            record = BgMaxImporter(books(), bgmax(dt.date(YEAR, 2, 10),
                    capital_ocr, D(500), '000000000001'),
                'bgmax-0210.txt').run()
            self.assertEqual([p.result for p in record.payments], ['paid'])
            member = Member(member_id)
            self.assertEqual((member.state, member.paid_amount,
                    member.entry_date),
                ('active', D(500), dt.date(YEAR, 2, 10)))
        self.staff(import_contribution)

        # 4. She logs in with her own password and enters an assignment
        # for a new customer (organisation number checked): 80 hours at
        # 500 kr, 25 % VAT, and submits it.
        self.on(dt.date(YEAR, 2, 27))
        client = self.client()
        self.assertEqual(login(client, self.db_name, EMAIL, PASSWORD)
            .status_code, 303)
        response = client.post(self.url('uppdrag/nytt'), data={
                'csrf_token': csrf(client, self.url('uppdrag/nytt')),
                'customer': 'new', 'customer_name': "Kund AB",
                'customer_orgnr': '5563343689',
                'customer_email': CUSTOMER_EMAIL,
                'customer_street': "Kungsgatan 2",
                'customer_postal_code': '111 43',
                'customer_city': "Stockholm",
                'description': "Webbplats",
                'start_date': '2026-02-02', 'end_date': '2026-02-27',
                'line-0-description': "Utveckling",
                'line-0-quantity': '80', 'line-0-unit_price': '500',
                'line-0-vat': '25', 'action': 'submit'})
        self.assertEqual(response.status_code, 303,
            response.get_data(as_text=True))
        assignment_path = re.search(r'/portal/(uppdrag/\d+)\?',
            response.location).group(1)
        body = self.page(client, assignment_path)
        self.assertIn("Inskickat", body)
        for amount in ['40 000,00', '10 000,00', '50 000,00']:
            self.assertIn(kr(amount), body)

        # 5. Staff approve it: the invoice in the cooperative's name,
        # naming Elin, posted with an OCR reference and e-mailed.
        self.on(dt.date(YEAR, 3, 2))

        def approve_assignment():
            assignment, = Assignment.search([('member', '=', member_id)])
            customer = assignment.customer
            self.assertEqual((assignment.state,
                    [(i.type, i.code) for i in customer.identifiers],
                    assignment.untaxed_amount, assignment.total_amount),
                ('submitted', [('se_orgnr', '556334-3689')],
                    D('40000.00'), D('50000.00')))
            with patch('trytond.modules.sosolo_portal.mail.'
                    'send_message_transactional') as sent:
                Assignment.approve([assignment])
            invoice = assignment.invoice
            self.assertEqual((assignment.state, assignment.fee_rate),
                ('invoiced', D(6)))
            self.assertEqual((invoice.state, invoice.invoice_date,
                    invoice.untaxed_amount, invoice.tax_amount,
                    invoice.total_amount),
                ('posted', dt.date(YEAR, 3, 2), D('40000.00'),
                    D('10000.00'), D('50000.00')))
            line, = invoice.lines
            self.assertEqual(line.account.code, '3041')
            self.assertIn(NAME, invoice.description)
            self.assertTrue(is_valid_ocr(invoice.se_ocr))
            message = sent.call_args[0][0]
            self.assertEqual(message['To'], CUSTOMER_EMAIL)
            attachment, = message.iter_attachments()
            text = pdf_text(attachment.get_content())
            self.assertIn(invoice.se_ocr, text)
            self.assertIn(NAME, text)
            return invoice.id, invoice.number, invoice.se_ocr
        invoice_id, invoice_number, ocr = self.staff(approve_assignment)

        # Elin sees the invoice, unpaid, and its PDF with the OCR.
        body = self.page(client, 'kundfakturor')
        self.assertIn(f"Faktura {invoice_number}", body)
        self.assertIn(f"kvar att betala {kr('50 000,00')}", body)
        response = client.get(self.url(f'kundfakturor/{invoice_id}.pdf'))
        self.assertEqual(response.status_code, 200)
        self.assertIn(ocr, pdf_text(response.data))

        # 6. The customer pays 50,000 kr to the bankgiro with the OCR:
        # the BgMax file pays the invoice, and Elin's account is
        # credited 40,000 less 6 % = 37,600.00.
        self.on(dt.date(YEAR, 3, 20))

        def import_payment():
            record = BgMaxImporter(books(), bgmax(dt.date(YEAR, 3, 20),
                    ocr, D('50000.00'), '000000000002'),
                'bgmax-0320.txt').run()
            payment, = record.payments
            self.assertEqual((payment.result, payment.invoice.id),
                ('paid', invoice_id))
            self.assertEqual(Invoice(invoice_id).state, 'paid')
            assignment, = Assignment.search([('member', '=', member_id)])
            self.assertEqual(assignment.state, 'paid')
            member = Member(member_id)
            self.assertEqual((member.convoy_balance, member.convoy_available),
                (D('37600.00'), D('37600.00')))
            statement = Member.convoy_statement(member)
            self.assertEqual(
                [(r['date'], r['credit'], r['balance']) for r in statement],
                [(dt.date(YEAR, 3, 20), D('37600.00'), D('37600.00'))])
        self.staff(import_payment)
        body = self.page(client, 'konto')
        self.assertIn(f'<dd id="balance">{kr("37 600,00")}</dd>', body)
        self.assertIn("Betald", self.page(client, 'kundfakturor'))

        # 7. Elin asks for all of it as salary in the portal.
        self.on(dt.date(YEAR, 3, 21))
        response = client.post(self.url('konto/uttag'), data={
                'csrf_token': csrf(client, self.url('konto/uttag')),
                'amount': 'allt'})
        self.assertEqual(response.status_code, 303)
        body = self.page(client, 'konto')
        self.assertIn(f'<dd id="balance">{kr("37 600,00")}</dd>', body)
        self.assertIn(f'<dd id="available">{kr("0,00")}</dd>', body)

        # 8. The March pay run makes the payout a payslip: 37,600 at
        # 31.42 % is 28,611 gross incl. 3,066 holiday pay (28,611 x 12 /
        # 112 rounded up, semesterlagen 16 b §, #11) and 8,989
        # contributions; table 33 column 1 withholds 5,577. Posting it
        # pays the payout and empties the account.
        self.on(dt.date(YEAR, 3, 25))

        def pay_run():
            Run = pool.get('sosolo.payroll.run')
            Payout = pool.get('sosolo.convoy.payout')
            run, = Run.create([{'payment_date': dt.date(YEAR, 3, 25),
                        'description': "Mars"}])
            Run.compute([run])
            payslip, = run.payslips
            self.assertEqual(sorted((l.kind, l.amount)
                    for l in payslip.lines),
                [('holiday_pay', D('3066.00')), ('salary', D('25545.00'))])
            self.assertEqual((payslip.gross, payslip.contributions,
                    payslip.contribution_rate, payslip.tax, payslip.net),
                (D('28611.00'), D('8989.00'), D('31.42'), D('5577.00'),
                    D('23034.00')))
            Run.post([run])
            payout, = Payout.search([('member', '=', member_id)])
            self.assertEqual((payout.state, payout.paid_amount,
                    payout.payslip), ('paid', D('37600.00'), payslip))
            member = Member(member_id)
            self.assertEqual((member.convoy_balance, member.convoy_available),
                (D('0.00'), D('0.00')))
            self.assertEqual(sorted((l.account.code, l.debit - l.credit)
                    for l in payslip.move.lines),
                [('2710', D('-5577.00')), ('2731', D('-8989.00')),
                    ('2820', D('-23034.00')), ('2829', D('37600.00')),
                    ('7210', D('28611.00')), ('7510', D('8989.00')),
                    ('7690', D('-37600.00'))])
            return payslip.id
        payslip_id = self.staff(pay_run)

        # 9. The payslip is in the portal, as a PDF.
        body = self.page(client, 'lonebesked')
        self.assertIn(f'lonebesked/{payslip_id}.pdf', body)
        self.assertIn(kr('28 611,00'), body)
        self.assertIn(kr('23 034,00'), body)
        response = client.get(self.url(f'lonebesked/{payslip_id}.pdf'))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.mimetype, 'application/pdf')
        text = pdf_text(response.data)
        for expected in ["Lönespecifikation", NAME,
                "Skattetabell 33, kolumn 1", "25 545,00", "3 066,00",
                "28 611,00", "5 577,00", "23 034,00"]:
            self.assertIn(expected, text)
        body = self.page(client, 'konto')
        self.assertIn(f'<dd id="balance">{kr("0,00")}</dd>', body)

        # 10. The AGI of March reports Elin: field 215 her personnummer,
        # 011 the gross pay, 001 the tax; the HU the month's totals.
        Agi = pool.get('sosolo.payroll.agi.export', type='wizard')
        root = etree.fromstring(self.staff(lambda: Agi.get_file(
                    books(), dt.date(YEAR, 3, 1)), commit=False))
        iu, = root.findall('.//a:IU', NS)
        self.assertEqual(
            [iu.findtext(f'.//a:{name}[@faltkod="{code}"]', namespaces=NS)
                for name, code in [('BetalningsmottagarId', '215'),
                    ('KontantErsattningUlagAG', '011'),
                    ('AvdrPrelSkatt', '001')]],
            ['198112289874', '28611', '5577'])
        hu, = root.findall('.//a:HU', NS)
        self.assertEqual(
            [hu.findtext(f'.//a:{name}[@faltkod="{code}"]', namespaces=NS)
                for name, code in [('AgRegistreradId', '201'),
                    ('RedovisningsPeriod', '006'),
                    ('SummaArbAvgSlf', '487'),
                    ('SummaSkatteavdr', '497')]],
            ['16' + ORGNR.replace('-', ''), '202603', '8989', '5577'])

        # 11. The SIE file of 2026 imports into an empty company with the
        # same balance on every account. The books hold what the story
        # posted: the cooperative keeps the fee, 2,400 kr, as its result.
        def export_and_import():
            FiscalYear = pool.get('account.fiscalyear')
            company = books()
            fiscalyear, = FiscalYear.search([
                    ('company', '=', company.id),
                    ('start_date', '=', dt.date(YEAR, 1, 1))])
            closing, result = book_balances(company, fiscalyear)
            self.assertEqual(closing, {
                    '1930': D('50500.00'),  # 500 + 50,000 by bankgiro
                    '2083': D('-500.00'),  # Elin's contribution
                    '2611': D('-10000.00'),  # output VAT 25 %
                    '2710': D('-5577.00'),
                    '2731': D('-8989.00'),
                    '2820': D('-23034.00'),
                    })
            self.assertEqual(result, {
                    '3041': D('-40000.00'),
                    '7210': D('28611.00'),
                    '7510': D('8989.00'),
                    })
            self.assertEqual(sum(result.values()), D('-2400.00'))
            content, _ = export(fiscalyear)
            copy = new_company()
            import_file(copy, 'export.se', content)
            copy_year, = FiscalYear.search([
                    ('company', '=', copy.id),
                    ('start_date', '=', dt.date(YEAR, 1, 1))])
            self.assertEqual(book_balances(copy, copy_year),
                (closing, result))
        # Nothing of the copy is kept.
        self.staff(export_and_import, commit=False)


del RouteTestCase

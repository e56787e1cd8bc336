# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The convoy pages of the portal, through werkzeug's test client: each
member's customers are their own, and another member's ids answer 404
(#12)."""
import datetime as dt
import re
from decimal import Decimal
from unittest.mock import patch

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_membership.tests.test_routes import (
    PASSWORD,
    active_member,
)
from trytond.modules.sosolo_portal.portal import own
from trytond.modules.sosolo_portal.tests.tools import PortalRouteTestCase, csrf
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool

from .test_end_to_end import configure
from .test_fund import configure_fund
from .test_module import (
    ORGNR,
    credit,
    customer,
    make_employee,
    pdf_text,
    values,
)

RECEIPT = b'%PDF-1.4 kvitto'


def approve(assignment):
    "Approve `assignment` as staff: its invoice, posted and e-mailed."
    Assignment = Pool().get('sosolo.convoy.assignment')
    with patch('trytond.modules.sosolo_portal.mail.'
            'send_message_transactional') as send:
        Assignment.approve([assignment])
    return send.call_args[0][0]


def annas_records():
    """Anna's records, one of each kind, by the portal's paths.

    A draft and an invoiced assignment, an expense with its receipt, a
    payslip of a posted run and a requested payout.
    """
    pool = Pool()
    Assignment = pool.get('sosolo.convoy.assignment')
    Expense = pool.get('sosolo.convoy.expense')
    Member = pool.get('sosolo.member')
    Payout = pool.get('sosolo.convoy.payout')
    Run = pool.get('sosolo.payroll.run')
    company = books()
    anna, = Member.search([('party.name', '=', "Anna Lind")])
    draft = Assignment.enter(anna, values(
            customer('anna@annas-kund.example', "Annas väg 1"),
            "Annas utkast"))
    invoiced = Assignment.enter(anna,
        values(draft.customer, "Annas faktura"), submit=True)
    approve(invoiced)
    expense = Expense.claim(anna, {'kind': 'receipt',
            'date': dt.date(2026, 11, 3), 'purpose': "Papper",
            'amount': Decimal(125), 'vat_amount': Decimal(25),
            'receipt': RECEIPT, 'receipt_name': 'kvitto.pdf'})
    employee = make_employee(anna)
    run, = Run.create([{'company': company.id,
                'payment_date': dt.date(2026, 11, 25),
                'payslips': [('create', [{'employee': employee.id,
                                'lines': [('create', [{'kind': 'salary',
                                                'amount': 1000}])]}])]}])
    Run.compute([run])
    Run.post([run])
    payslip, = Run(run.id).payslips
    # After the run, which would pay it.
    credit(anna, Decimal(1000), dt.date(2026, 11, 2))
    payout = Payout.request(anna, Decimal(100))
    return {
        'draft': draft.id,
        'invoiced': invoiced.id,
        'invoice': invoiced.invoice.id,
        'expense': expense.id,
        'payslip': payslip.id,
        'payout': payout.id,
        }


class ConvoyRouteTestCase(PortalRouteTestCase):
    "Test the convoy pages of the portal"
    module = 'sosolo_convoy'
    password = PASSWORD

    @classmethod
    def setUpData(cls):
        setup_books(configure)

        def members():
            company = books()
            with set_company(company):
                for name, email in [("Anna Lind", 'anna@example.se'),
                        ("Bertil Nilsson", 'bertil@example.se')]:
                    active_member(company, name, email)
                # The modules' sv.po load only once sv exists, as `sosolo
                # init` does it (as sosolo_membership's route tests): the
                # refusals beside the fields are in Swedish.
                Lang = Pool().get('ir.lang')
                Lang.load_translations(Lang.search([('code', '=', 'sv')]))
                return annas_records()
        cls.anna = committed(members)

    def staff(self, work):
        "Run `work()` in the company, committed; return what it returns."
        def in_company():
            with set_company(books()):
                return work()
        return committed(in_company)

    def new_assignment(self, client, email, street):
        "Enter an assignment for a new customer Kund AB and submit it."
        response = client.post(self.url('uppdrag/nytt'), data={
                'csrf_token': csrf(client, self.url('uppdrag/nytt')),
                'customer': 'new', 'customer_name': "Kund AB",
                'customer_orgnr': ORGNR.replace('-', ''),
                'customer_email': email, 'customer_street': street,
                'customer_postal_code': '111 43',
                'customer_city': "Stockholm",
                'description': f"Uppdrag för {street}",
                'start_date': '2026-11-02', 'end_date': '2026-11-06',
                'line-0-description': "Arbete", 'line-0-quantity': '8',
                'line-0-unit_price': '500', 'line-0-vat': '25',
                'action': 'submit'})
        return response

    def test_same_customer_two_members(self):
        """Two members register the same organisation number: each has
        their own customer, invoice and PDF (#12)"""
        clients = {}
        for email, street in [('cilla@example.se', "Cillas gata 1"),
                ('david@example.se', "Davids gata 2")]:
            def add_member(email=email):
                active_member(books(), email.split('@')[0].title(), email)
            self.staff(add_member)
            client = clients[street] = self.logged_in(email)
            response = self.new_assignment(client,
                f'faktura@{email.split("@")[0]}.example', street)
            self.assertEqual(response.status_code, 303,
                response.get_data(as_text=True))

        def approve_both():
            Assignment = Pool().get('sosolo.convoy.assignment')
            sent = {}
            for assignment in Assignment.search([
                        ('description', 'like', "Uppdrag för %")]):
                message = approve(assignment)
                sent[assignment.customer.addresses[0].street] = (
                    message['To'], assignment.invoice.id,
                    assignment.invoice.number,
                    [a.street for a in assignment.customer.addresses],
                    [c.value for c in assignment.customer.contact_mechanisms])
            return sent
        sent = self.staff(approve_both)
        self.assertEqual(sorted(sent), ["Cillas gata 1", "Davids gata 2"])
        for street, other in [("Cillas gata 1", "Davids gata 2"),
                ("Davids gata 2", "Cillas gata 1")]:
            to, invoice_id, number, streets, emails = sent[street]
            client = clients[street]
            self.assertEqual((streets, emails), ([street], [to]))
            page = client.get(self.url('kundfakturor')).get_data(
                as_text=True)
            self.assertIn(number, page)
            self.assertNotIn(sent[other][2], page)
            response = client.get(self.url(f'kundfakturor/{invoice_id}.pdf'))
            self.assertEqual(response.status_code, 200)
            text = pdf_text(response.data)
            self.assertIn(street, text)
            self.assertNotIn(other, text)
            response = client.get(
                self.url(f'kundfakturor/{sent[other][1]}.pdf'))
            self.assertEqual(response.status_code, 404)

        # A member retyping their own customer is told to choose it.
        client = clients["Cillas gata 1"]
        response = self.new_assignment(
            client, 'ny@example.se', "Ny gata 3")
        self.assertEqual(response.status_code, 400)
        self.assertRegex(response.get_data(as_text=True),
            r'id="e-customer_orgnr">Du har redan kunden Kund AB')

    def test_numbers_refused_beside_the_field(self):
        """An exponent, NaN or too many digits is an error beside the
        field, not an error page (#12)"""
        client = self.logged_in('bertil@example.se')
        for text in ['1e30', 'NaN', '9' * 40]:
            for path, data, field in [
                    ('konto/uttag', {'amount': text}, 'amount'),
                    ('utlagg/nytt', {'date': '2026-11-03',
                            'purpose': "Papper", 'amount': text,
                            'vat_amount': '0'}, 'amount'),
                    ('uppdrag/nytt', {'customer': 'new',
                            'line-0-description': "Arbete",
                            'line-0-quantity': '1',
                            'line-0-unit_price': text, 'line-0-vat': '25'},
                        'line-0-unit_price'),
                    ('utlagg/mil', {'date': '2026-11-03',
                            'purpose': "Resa", 'quantity': text},
                        'quantity'),
                    ]:
                with self.subTest(text=text, path=path):
                    token = csrf(client, self.url(path))
                    response = client.post(self.url(path),
                        data={'csrf_token': token, **data})
                    self.assertEqual(response.status_code, 400)
                    self.assertRegex(response.get_data(as_text=True),
                        f'<p class="error" id="e-{field}">[^<]*[a-zåäö]')

    def annas_paths(self):
        "The requests for Anna's records, by method and path."
        anna = self.anna
        return [
            ('GET', f'uppdrag/{anna["draft"]}'),
            ('POST', f'uppdrag/{anna["draft"]}'),
            ('GET', f'uppdrag/{anna["invoiced"]}'),
            ('GET', f'kundfakturor/{anna["invoice"]}.pdf'),
            ('GET', f'utlagg/{anna["expense"]}/kvitto'),
            ('GET', f'lonebesked/{anna["payslip"]}.pdf'),
            ('POST', f'konto/uttag/{anna["payout"]}/avbryt'),
            ('GET', f'kundfakturor/{anna["invoice"]}/forskott'),
            ('POST', f'kundfakturor/{anna["invoice"]}/forskott'),
            ]

    def assert_404(self, client):
        token = csrf(client, self.url('uppdrag/nytt'))
        for method, path in self.annas_paths():
            with self.subTest(method=method, path=path):
                response = client.open(self.url(path), method=method,
                    data={'csrf_token': token, 'action': 'save',
                        'description': "Bertils"})
                self.assertEqual(response.status_code, 404)

    def test_payout_tracker(self):
        """The invoiced assignment's page shows its money's way: approved
        and invoiced today, next the due date (#16)"""
        def due():
            Invoice = Pool().get('account.invoice')
            invoice = Invoice(self.anna['invoice'])
            return (invoice.invoice_date,
                invoice.lines_to_pay[0].maturity_date)
        invoiced, due = self.staff(due)
        client = self.logged_in('anna@example.se')
        page = client.get(self.url(f'uppdrag/{self.anna["invoiced"]}'))
        self.assertEqual(page.status_code, 200)
        text = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ',
                page.get_data(as_text=True)))
        self.assertIn(f"Klart: uppdraget godkänt {invoiced}", text)
        self.assertIn(f"Klart: fakturan skickad till kunden {invoiced}", text)
        self.assertIn(f"Nästa steg: fakturan förfaller (väntas {due})", text)
        self.assertIn(f"kunden betalar, och pengarna kommer in på ditt konto "
            f"(väntas {due})", text)

    def test_advance(self):
        """Anna asks for an advance on her invoice and reads the fund's
        policy; more than the share set is refused beside the field
        (#16)"""
        def setup():
            configure_fund()
            Invoice = Pool().get('account.invoice')
            return Invoice(self.anna['invoice']).number
        number = self.staff(setup)
        client = self.logged_in('anna@example.se')
        path = f'kundfakturor/{self.anna["invoice"]}/forskott'
        self.assertIn(self.url(path), client.get(
                self.url('kundfakturor')).get_data(as_text=True))
        page = client.get(self.url(path)).get_data(as_text=True)
        self.assertIn(f"Förskott på faktura {number}", page)
        self.assertIn("Fonden bär förskott som kunden aldrig betalar.", page)
        # 80 % of the 4,700 kr share of 5,000 kr at the 6 % fee.
        self.assertRegex(page, r'id="available">3\xa0760,00\xa0kr')
        token = csrf(client, self.url(path))
        response = client.post(self.url(path),
            data={'csrf_token': token, 'amount': '3760,01'})
        self.assertEqual(response.status_code, 400)
        self.assertRegex(response.get_data(as_text=True),
            r'id="e-amount">Ett förskott på 3.760,01.SEK är mer')
        response = client.post(self.url(path),
            data={'csrf_token': token, 'amount': '1000'})
        self.assertEqual(response.status_code, 303)
        page = client.get(response.headers['Location']).get_data(
            as_text=True)
        self.assertIn("Ditt förskott är begärt.", page)
        self.assertRegex(page, r'1\xa0000,00\xa0kr</td>\s*<td>Öppet')

    def test_bertil_gets_404_without_route_check(self):
        """With the routes' own check of the member removed, the record
        rules still answer 404 for Anna's records (#12)"""
        bertil = self.logged_in('bertil@example.se')
        with patch('trytond.modules.sosolo_convoy.routes._own',
                lambda Model, record_id, member: own(Model, record_id)):
            self.assert_404(bertil)

    def test_bertil_gets_404(self):
        "Anna's ids through Bertil's session answer 404 (#12)"
        anna = self.anna
        bertil = self.logged_in('bertil@example.se')
        self.assert_404(bertil)
        # Anna's own pages show them; Bertil's show nothing of hers.
        client = self.logged_in('anna@example.se')
        for path in [f'uppdrag/{anna["draft"]}',
                f'kundfakturor/{anna["invoice"]}.pdf',
                f'utlagg/{anna["expense"]}/kvitto',
                f'lonebesked/{anna["payslip"]}.pdf']:
            with self.subTest(path=path):
                response = client.get(self.url(path))
                self.assertEqual(response.status_code, 200,
                    response.data[:1000])
        for path in ['uppdrag', 'kundfakturor', 'konto', 'konto/uttag',
                'utlagg', 'lonebesked']:
            with self.subTest(path=path):
                page = bertil.get(self.url(path)).get_data(as_text=True)
                self.assertNotIn("Annas", page)


del PortalRouteTestCase

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the membership, through werkzeug's test client."""
import email
import email.policy
import io
import re
import time
from decimal import Decimal
from unittest.mock import patch

import time_machine
from aiosmtpd.controller import Controller
from pypdf import PdfReader

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_membership.exceptions import MemberError
from trytond.modules.sosolo_portal.tests.tools import (
    Mailbox,
    as_portal,
    configure_email_links,
    csrf,
    free_port,
    login,
    set_config,
)
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool
from trytond.tests import test_tryton
from trytond.tests.test_tryton import RouteTestCase
from trytond.transaction import Transaction

PASSWORD = 'a-long-secret'
LINK = re.compile(r'href="([^"]+)"')
ANNA = 'Anna <script>alert(1)</script> Lind'


def configure_membership(company):
    "The membership configuration on the company's BAS accounts."
    pool = Pool()
    Account = pool.get('account.account')
    Config = pool.get('sosolo.membership.configuration')
    config = Config(1)
    config.capital_account, = Account.search([
            ('company', '=', company.id), ('code', '=', '2083')])
    config.fee_account, = Account.search([
            ('company', '=', company.id), ('code', '=', '3990')])
    config.contribution_person = Decimal('500')
    config.fee_amount = Decimal('300')
    config.save()


def active_member(company, name, email):
    "An active member with a portal account."
    pool = Pool()
    Party = pool.get('party.party')
    Address = pool.get('party.address')
    Member = pool.get('sosolo.member')
    WebUser = pool.get('web.user')
    party = Party(name=name, addresses=[Address(street="Storgatan 1",
                postal_code='921 31', city="Lycksele")])
    party.save()
    member = Member(company=company, party=party, kind='person')
    member.save()
    with set_company(company):
        Member.approve([member])
        Member.activate([member])
    WebUser(email=email, party=party, password=PASSWORD).save()
    return member


class MembershipRouteTestCase(RouteTestCase):
    "Test the membership pages of the portal"
    module = 'sosolo_membership'

    @classmethod
    def setUpClass(cls):
        # RouteTestCase starts one plain transaction for setUpDatabase;
        # the data needs a committed one with the lock retry.
        super(test_tryton.RouteTestCase, cls).setUpClass()
        configure_email_links(cls)
        setup_books(configure_membership)

        def members():
            company = books()
            active_member(company, ANNA, 'anna@example.se')
            active_member(company, "Bertil Nilsson", 'bertil@example.se')
            active_member(company, "Cilla Resign", 'cilla@example.se')
            doris = active_member(company, "Doris Bank", 'doris@example.se')
            doris.party.se_bank_account = '6000, 123456789'
            doris.party.save()
            # sosolo_sweden's sv.po (the form parsers' messages) loads only
            # once sv exists, as `sosolo init` does it.
            Lang = Pool().get('ir.lang')
            Lang.load_translations(Lang.search([('code', '=', 'sv')]))
        committed(members, user=0)

    def setUp(self):
        super().setUp()
        # Each test starts with no applications counted against it.
        with Transaction().start(self.db_name, 0) as transaction:
            Attempt = Pool().get('sosolo.membership.application.attempt')
            Attempt.delete(Attempt.search([]))
            transaction.commit()

    def url(self, path=''):
        return f'/{self.db_name}/portal/{path}'

    def logged_in(self, email):
        client = self.client()
        response = login(client, self.db_name, email, PASSWORD)
        self.assertEqual(response.status_code, 303)
        return client

    def anna_links(self, client):
        "Every portal URL that Anna's pages link to."
        pages = ['', 'medlemskap', 'fakturor', 'uppgifter', 'uttrade']
        links = set()
        for page in pages:
            response = client.get(self.url(page))
            self.assertEqual(response.status_code, 200, page)
            links.update(link for link in LINK.findall(
                    response.get_data(as_text=True))
                if link.startswith(self.url()))
        return links

    def test_anna_sees_her_pages(self):
        "Anna sees her membership, invoices, certificate and details"
        client = self.logged_in('anna@example.se')
        page = client.get(self.url('medlemskap')).get_data(as_text=True)
        self.assertIn('<dt>Status</dt><dd>Aktiv</dd>', page)
        self.assertIn('500,00\u00a0kr', page)
        links = self.anna_links(client)
        self.assertIn(self.url('medlemskap/medlemsbevis.pdf'), links)
        invoice_links = [l for l in links if re.search(r'/\d+\.pdf$', l)]
        self.assertEqual(len(invoice_links), 1)
        for link in [self.url('medlemskap/medlemsbevis.pdf')] + invoice_links:
            response = client.get(link)
            self.assertEqual(response.status_code, 200, link)
            self.assertEqual(response.mimetype, 'application/pdf')
            text = PdfReader(io.BytesIO(response.data)).pages[0] \
                .extract_text()
            self.assertIn('Anna', text)
        certificate = PdfReader(io.BytesIO(client.get(
                    self.url('medlemskap/medlemsbevis.pdf')).data))
        text = certificate.pages[0].extract_text()
        self.assertIn('Medlemsbevis', text)
        self.assertIn(f'Medlemsnummer\n{self.number(client)}', text)

    def test_figures(self):
        """The cooperative in figures: the register's counts as charts
        with their tables, no script and no member's name (#17)"""
        client = self.logged_in('anna@example.se')
        response = client.get(self.url('nyckeltal'))
        self.assertEqual(response.status_code, 200)
        page = response.get_data(as_text=True)
        # The four active members of setUpClass, none of whom answered.
        self.assertIn('<dd id="active">4 (mål: 50)</dd>', page)
        self.assertIn(
            '<th scope="row">Vill inte uppge</th><td class="num">4</td>',
            page)
        self.assertEqual(page.count('<figure'), 5)
        self.assertEqual(page.count('<svg aria-hidden="true"'), 5)
        self.assertNotIn('<script', page)
        for name in ["Lind", "Bertil", "Doris"]:
            self.assertNotIn(name, page)
        # Not without a session.
        self.assertIn(
            self.client().get(self.url('nyckeltal')).status_code, {302, 303})

    def test_labels_in_swedish(self):
        "States, kinds and the menu come from the Swedish translations"
        client = self.logged_in('anna@example.se')
        page = client.get(self.url('medlemskap')).get_data(as_text=True)
        self.assertIn('<dt>Status</dt><dd>Aktiv</dd>', page)
        self.assertIn('<dt>Medlemskategori</dt><dd>Person</dd>', page)
        for label in ['Mitt medlemskap', 'Mina fakturor', 'Mina uppgifter']:
            self.assertIn(f'>{label}</a>', page)
        start = client.get(self.url()).get_data(as_text=True)
        self.assertIn('ladda ner ditt medlemsbevis', start)
        page = client.get(self.url('fakturor')).get_data(as_text=True)
        # The contribution invoice, posted and not paid (the glossary's
        # word, as sosolo_sweden's Swedish for account_invoice has it).
        self.assertIn('<td>Bokförd</td>', page)
        page = self.client().get(self.url('bli-medlem')).get_data(
            as_text=True)
        for label in ['Enskild näringsidkare', 'Företag',
                'Investerande medlem', 'Kvinna', 'Annan kommun']:
            self.assertIn(f'>{label}<', page)

    def number(self, client):
        "The member number the membership page shows."
        body = client.get(self.url('medlemskap')).get_data(as_text=True)
        return re.search(
            r'<dt>Medlemsnummer</dt><dd>(\d+)</dd>', body).group(1)

    def test_bertil_gets_404_on_annas_links(self):
        "Logged in as Bertil, Anna's record URLs answer 404"
        anna = self.logged_in('anna@example.se')
        links = self.anna_links(anna)
        # Sequences are not rolled back on PostgreSQL: read the number.
        number = self.number(anna).encode()
        bertil = self.logged_in('bertil@example.se')
        record_links = [l for l in links if re.search(r'/\d+', l)]
        self.assertTrue(record_links)
        for link in record_links:
            with self.subTest(link=link):
                self.assertEqual(bertil.get(link).status_code, 404)
        # Pages without an id show Bertil's own records, never Anna's.
        for link in set(links) - set(record_links):
            with self.subTest(link=link):
                response = bertil.get(link)
                self.assertIn(response.status_code, {200, 303})
                body = response.data
                # "Annat eller ickebinär" is a gender, not Anna.
                self.assertNotIn(b'Anna ', body)
                self.assertNotIn(b'Lind', body)
                self.assertNotIn(b'<dd>' + number + b'</dd>', body)
        # A missing invoice answers the same.
        self.assertEqual(
            bertil.get(self.url('fakturor/999999.pdf')).status_code, 404)

    def web_users(self):
        "Anna's and Bertil's portal accounts, in the current transaction."
        WebUser = Pool().get('web.user')
        return [WebUser.search([('email', '=', email)])[0]
            for email in ['anna@example.se', 'bertil@example.se']]

    def test_portal_sees_own_records(self):
        "As the portal user Bertil finds his membership and invoices only"
        with Transaction().start(self.db_name, 0):
            pool = Pool()
            Member = pool.get('sosolo.member')
            Invoice = pool.get('account.invoice')
            anna, bertil = self.web_users()
            for Model, field in [(Member, 'party'), (Invoice, 'party')]:
                annas = Model.search([(field, '=', anna.party.id)])
                self.assertTrue(annas)
                with self.subTest(model=Model.__name__), as_portal(bertil):
                    records = Model.search([])
                    self.assertTrue(records)
                    self.assertEqual(
                        {getattr(r, field) for r in records}, {bertil.party})
                    self.assertFalse(
                        Model.search([('id', 'in', [r.id for r in annas])]))
                    with self.assertRaises(AccessError):
                        Model.read([annas[0].id], ['id'])

    def test_portal_cannot_write_others(self):
        "The portal user resigns no other member and touches no invoice"
        with Transaction().start(self.db_name, 0):
            pool = Pool()
            Member = pool.get('sosolo.member')
            Invoice = pool.get('account.invoice')
            Fee = pool.get('sosolo.member.fee')
            anna, bertil = self.web_users()
            member, = Member.search([('party', '=', anna.party.id)])
            invoice, = Invoice.search([('party', '=', bertil.party.id)])
            with as_portal(bertil):
                with self.assertRaises(AccessError):
                    Member.write([Member(member.id)], {'exit_date': None})
                with self.assertRaises(AccessError):
                    Invoice.write([Invoice(invoice.id)], {'comment': 'x'})
                # Fees are the back office's: the portal reads none.
                with self.assertRaises(AccessError):
                    Fee.search([])

    def test_invoice_route_without_check(self):
        "Bertil gets 404 for Anna's invoice even if the route forgot (#12)"
        anna = self.logged_in('anna@example.se')
        link, = [link for link in self.anna_links(anna)
            if re.search(r'/fakturor/\d+\.pdf$', link)]
        bertil = self.logged_in('bertil@example.se')
        Invoice = Pool(self.db_name).get('account.invoice')

        def member_invoices(party, domain=None):
            # The ownership clause forgotten: only the rules are left.
            return Invoice.search(domain or [])
        with patch.object(Invoice, 'member_invoices', member_invoices):
            response = bertil.get(link)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b'%PDF', response.data)

    def test_name_is_escaped(self):
        "A name with <script> shows as text"
        client = self.logged_in('anna@example.se')
        for page in ['', 'medlemskap']:
            body = client.get(self.url(page)).get_data(as_text=True)
            self.assertNotIn('<script>', body)
            self.assertIn('Anna &lt;script&gt;alert(1)&lt;/script&gt;', body)

    def test_details_errors_beside_field(self):
        "A wrong postal code is shown beside its field in Swedish, input kept"
        client = self.logged_in('bertil@example.se')
        token = csrf(client, self.url('uppgifter'))
        data = {'csrf_token': token, 'street': 'Skolgatan 17',
            'postal_code': '12', 'city': '<b>Lycksele</b>',
            'phone': '070-123 45 67'}
        response = client.post(self.url('uppgifter'), data=data)
        self.assertEqual(response.status_code, 400)
        body = response.get_data(as_text=True)
        self.assertIn('<p class="error" id="e-postal_code">Skriv postnumret '
            'med fem siffror', body)
        self.assertIn('value="&lt;b&gt;Lycksele&lt;/b&gt;"', body)
        self.assertIn('value="Skolgatan 17"', body)
        data['postal_code'] = '92133'
        data['city'] = 'Lycksele'
        response = client.post(self.url('uppgifter'), data=data)
        self.assertEqual(response.status_code, 303)
        body = client.get(response.location).get_data(as_text=True)
        self.assertIn('Dina uppgifter är sparade', body)
        self.assertIn('value="070-123 45 67"', body)
        self.assertIn('value="921 33"', body)
        del data['csrf_token']
        self.assertEqual(
            client.post(self.url('uppgifter'), data=data).status_code, 403)

    def change_bank_account(self, client, account, password, **kwargs):
        url = self.url('uppgifter/bankkonto')
        return client.post(url, data={'csrf_token': csrf(client, url),
                'bank_account': account, 'password': password}, **kwargs)

    def salary_account(self, email):
        with Transaction().start(self.db_name, 0):
            WebUser = Pool().get('web.user')
            user, = WebUser.search([('email', '=', email)])
            return str(user.party.salary_bank_account())

    def test_bank_account(self):
        "A new bank account asks for the password, e-mails, waits (#12)"
        mailbox = Mailbox()
        smtp = Controller(mailbox, hostname='127.0.0.1', port=free_port())
        smtp.start()
        self.addCleanup(smtp.stop)
        set_config(self, 'email', 'uri', f'smtp://127.0.0.1:{smtp.port}')
        client = self.logged_in('doris@example.se')
        body = client.get(self.url('uppgifter')).get_data(as_text=True)
        self.assertIn('<dd id="bank-account">6000, 123456789</dd>', body)
        with patch('time.sleep'):
            response = self.change_bank_account(
                client, '8327-9, 123 456 789-0', 'not-the-password')
        self.assertEqual(response.status_code, 400)
        body = response.get_data(as_text=True)
        self.assertIn('<p class="error" id="e-password">Lösenordet är fel',
            body)
        self.assertIn('value="8327-9, 123 456 789-0"', body)
        response = self.change_bank_account(client, '6000 12', PASSWORD)
        self.assertEqual(response.status_code, 400)
        self.assertIn('<p class="error" id="e-bank_account">Skriv '
            'clearing- och kontonumret', response.get_data(as_text=True))
        self.assertEqual(mailbox.messages, [])
        # The session cookie goes to the portal's own host only: a proxy's
        # forged header is what could reach a link built from the request.
        forged = {'X-Forwarded-Host': 'evil.example'}
        response = self.change_bank_account(
            client, '8327-9, 123 456 789-0', PASSWORD, headers=forged)
        self.assertEqual(response.status_code, 303)
        body = client.get(response.location).get_data(as_text=True)
        self.assertIn('Det nya bankkontot är sparat', body)
        self.assertIn('doris@example.se', body)
        self.assertIn('<dd id="bank-account">6000, 123456789</dd>', body)
        self.assertIn('<dd id="bank-account-new">8327-9, 1234567890</dd>',
            body)
        self.assertEqual(self.salary_account('doris@example.se'),
            '6000, 123456789')
        message, = mailbox.messages
        self.assertEqual(message.rcpt_tos, ['doris@example.se'])
        mail = email.message_from_bytes(message.content,
            policy=email.policy.default)
        self.assertEqual(mail['Subject'], 'Nytt bankkonto för din lön')
        text = mail.get_body(('plain', 'html')).get_content()
        self.assertIn('8327-9, …7890', text)
        self.assertIn(
            'http://127.0.0.1:8000/sosolo/portal/glomt-losenord', text)
        self.assertNotIn('evil.example', message.content.decode())
        # Bertil sees nothing of it.
        bertil = self.logged_in('bertil@example.se')
        body = bertil.get(self.url('uppgifter')).data
        self.assertNotIn(b'1234567890', body)
        self.assertNotIn(b'123456789', body)

    def test_resign(self):
        "The earliest exit date is shown, and confirmed by the resignation"
        client = self.logged_in('cilla@example.se')
        body = client.get(self.url('uttrade')).get_data(as_text=True)
        exit_date = re.search(
            r'id="exit-date">([\d-]+)<', body).group(1)
        token = csrf(client, self.url('uttrade'))
        self.assertEqual(client.post(self.url('uttrade'), data={
                    'confirm': '1'}).status_code, 403)
        response = client.post(self.url('uttrade'), data={
                'csrf_token': token})
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="e-confirm"', response.get_data(as_text=True))
        response = client.post(self.url('uttrade'), data={
                'csrf_token': token, 'confirm': '1'})
        self.assertEqual(response.status_code, 303)
        body = client.get(self.url('medlemskap')).get_data(as_text=True)
        self.assertIn(f'id="exit-date">{exit_date}<', body)
        self.assertTrue(exit_date.endswith('-12-31'))

    def application(self, client, environ_base=None, **values):
        data = {
            'csrf_token': csrf(client, self.url('bli-medlem'),
                environ_base=environ_base),
            'kind': 'person', 'name': 'Dora <i>Ny</i>',
            'identity_number': '19811288-9871',
            'email': 'dora@example.se', 'street': 'Blå vägen 1',
            'postal_code': '923 31', 'city': 'Storuman',
            'municipality': '2421', 'gender': '',
            'password': 'dora-secret-1', 'password2': 'dora-secret-1',
            'consent_statutes': '1', 'consent_data': '1',
            }
        data.update(values)
        return client.post(self.url('bli-medlem'), data={
                k: v for k, v in data.items() if v is not None},
            environ_base=environ_base)

    def test_apply(self):
        "Applying creates an applicant with consents and a web user"
        client = self.client()
        self.assertEqual(client.get(self.url('bli-medlem')).status_code, 200)
        response = self.application(client, identity_number='19811228-9875',
            consent_data=None)
        self.assertEqual(response.status_code, 400)
        body = response.get_data(as_text=True)
        self.assertIn('id="e-identity_number"', body)
        self.assertIn('id="e-consent_data"', body)
        self.assertIn('value="Dora &lt;i&gt;Ny&lt;/i&gt;"', body)
        self.assertNotIn('dora-secret-1', body)
        self.assertEqual(self.application(client, csrf_token=None)
            .status_code, 403)
        with patch('trytond.modules.web_user.user.'
                'send_message_transactional') as send:
            response = self.application(client)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(send.called)
        with Transaction().start(self.db_name, 0):
            pool = Pool()
            Member = pool.get('sosolo.member')
            WebUser = pool.get('web.user')
            member, = Member.search([('party.name', '=', 'Dora <i>Ny</i>')])
            self.assertEqual(member.state, 'applicant')
            self.assertEqual(member.identity_number, '19811288-9871')
            self.assertEqual(member.municipality, '2421')
            self.assertIsNone(member.gender)
            self.assertTrue(member.consent_statutes)
            self.assertTrue(member.consent_data)
            user, = WebUser.search([('email', '=', 'dora@example.se')])
            self.assertEqual(user.party, member.party)
            self.assertFalse(user.email_valid)
            self.assertTrue(user.email_token)
        # The same address cannot apply twice.
        response = self.application(client)
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="e-email"', response.get_data(as_text=True))


    def test_apply_throttled_per_ip(self):
        "After 10 applications an hour from a network: 429 at once (#12)"
        client = self.client()
        environ = {'REMOTE_ADDR': '192.0.2.7'}
        statuses = []
        for _ in range(11):
            start = time.monotonic()
            response = self.application(client, consent_data=None,
                environ_base=environ)
            statuses.append(response.status_code)
            self.assertLess(time.monotonic() - start, 1)
        self.assertEqual(statuses, [400] * 10 + [429])
        body = response.get_data(as_text=True)
        self.assertIn('För många ansökningar', body)
        self.assertIn('value="Dora &lt;i&gt;Ny&lt;/i&gt;"', body)
        self.assertEqual(response.headers['Retry-After'], '3600')
        # A full application is refused too, and makes nothing.
        with patch('trytond.modules.web_user.user.'
                'send_message_transactional') as send:
            response = self.application(client, email='flood@example.se',
                environ_base=environ)
        self.assertEqual(response.status_code, 429)
        self.assertFalse(send.called)
        # Another network still applies.
        response = self.application(client, consent_data=None,
            environ_base={'REMOTE_ADDR': '198.51.100.1'})
        self.assertEqual(response.status_code, 400)
        # After the hour the network is let through again.
        with time_machine.travel(time.time() + 61 * 60):
            response = self.application(client, consent_data=None,
                environ_base=environ)
        self.assertEqual(response.status_code, 400)

    def test_approve_needs_validated_email(self):
        "An applicant is approved only once the e-mail is confirmed (#12)"
        with Transaction().start(self.db_name, 0) as transaction:
            pool = Pool()
            Party = pool.get('party.party')
            Address = pool.get('party.address')
            Member = pool.get('sosolo.member')
            WebUser = pool.get('web.user')
            company = books()
            party = Party(name="Erik Obekräftad", addresses=[Address(
                        street="Storgatan 2", postal_code='921 31',
                        city="Lycksele")])
            party.save()
            member = Member(company=company, party=party, kind='person')
            member.save()
            user = WebUser(email='erik@example.se', party=party)
            user.save()
            with set_company(company), \
                    transaction.set_context(language='sv'), \
                    self.assertRaises(MemberError) as error:
                Member.approve([member])
            self.assertIn('e-postadressen till portalkontot',
                error.exception.message)
            self.assertEqual(member.state, 'applicant')
            # Confirmed, the check lets it through (approving itself locks
            # the invoice sequence, which wants committed()'s retry).
            user.email_valid = True
            user.save()
            Member.check_email_validated([member])
            # Without a portal account (applied on paper) too.
            WebUser.delete([user])
            Member.check_email_validated([member])
            transaction.rollback()


del RouteTestCase

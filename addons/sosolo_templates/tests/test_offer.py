# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offers from the portal (issue #13, item 3): a member sends one from a
draft assignment; the customer answers on a public page through the
e-mail's personal link; used, expired and wrong links answer 409, 410
and 404."""
import datetime as dt
import hashlib
import io
import re
from unittest.mock import patch

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_convoy.tests.test_end_to_end import configure
from trytond.modules.sosolo_convoy.tests.test_module import customer, values
from trytond.modules.sosolo_membership.tests.test_routes import (
    PASSWORD,
    active_member,
)
from trytond.modules.sosolo_portal.tests.tools import PortalRouteTestCase, csrf
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.modules.sosolo_templates.verify_routes import MAX_SIZE
from trytond.pool import Pool

from .test_seal import seal_folder

#: Where configure_email_links points the portal's e-mail links.
PUBLIC = 'http://127.0.0.1:8000/sosolo/portal/'
SEND = 'trytond.modules.sosolo_portal.mail.send_message_transactional'
LINK = re.compile(re.escape(PUBLIC) + r'offert/([A-Za-z0-9_-]+)')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
SHA = re.compile(r'name="pdf_sha256" value="([0-9a-f]{64})"')
FREE = {'pristyp': "Fast pris", 'kundtyp': "Företag",
    'betalningsvillkor': '30'}


def publish_offer_template():
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Version = pool.get('sosolo.template.version')
    Version.publish([Version(ModelData.get_id(
                    'sosolo_templates', 'version_offer'))])


class OfferRouteTestCase(PortalRouteTestCase):
    "Offers from the portal, answered by the customer"
    module = 'sosolo_templates'
    password = PASSWORD

    @classmethod
    def setUpClass(cls):
        seal_folder(cls)
        super().setUpClass()

    @classmethod
    def setUpData(cls):
        setup_books(configure)

        def data():
            pool = Pool()
            Address = pool.get('party.address')
            Assignment = pool.get('sosolo.convoy.assignment')
            company = books()
            Address.create([{'party': company.party.id,
                        'street': "Storgatan 1", 'postal_code': '919 32',
                        'city': "Åsele"}])
            publish_offer_template()
            drafts = {}
            with set_company(company):
                for name, email in [("Anna Lind", 'anna@example.se'),
                        ("Bertil Nilsson", 'bertil@example.se')]:
                    member = active_member(company, name, email)
                    first = name.split()[0]
                    party = customer(f'kund@{first.lower()}.example',
                        f"{first}s kunds väg 1", name=f"{first}s kund AB")
                    for i in range(3):
                        draft = Assignment.enter(member,
                            values(party, f"{first}s uppdrag {i}"))
                        party = draft.customer
                        drafts[first, i] = draft.id
            return drafts
        cls.drafts = committed(data)

    def send_offer(self, client, assignment, email='kund@example.se',
            headers=None, **form):
        "Post the offer form; (response, the e-mail sent or None)."
        token = csrf(client, self.url('offert/ny'))
        with patch(SEND) as send:
            response = client.post(self.url('offert/ny'), data={
                    'csrf_token': token, 'assignment': str(assignment),
                    'email': email, **FREE, **form}, headers=headers)
        return response, send.call_args[0][0] if send.called else None

    def offer_by_email(self, assignment, member='bertil@example.se'):
        "The member sends an offer of `assignment`; the link's token."
        client = self.logged_in(member)
        response, message = self.send_offer(client, assignment)
        self.assertEqual(response.status_code, 303,
            response.get_data(as_text=True))
        body = message.get_body(('plain',)).get_content()
        return LINK.search(body).group(1)

    def answer(self, token, client=None, **form):
        client = client or self.client()
        page = client.get(self.url(f'offert/{token}'))
        self.assertEqual(page.status_code, 200)
        text = page.get_data(as_text=True)
        data = {'csrf_token': CSRF.search(text).group(1),
            'pdf_sha256': SHA.search(text).group(1),
            'name': "Karin Ek", 'email': 'karin@example.se',
            'consent': '1', 'action': 'accept'}
        data.update(form)
        return client.post(self.url(f'offert/{token}'), data=data,
            environ_base={'REMOTE_ADDR': '192.0.2.44'},
            headers={'User-Agent': 'Mozilla/5.0 (Android 14) Mobile'})

    def test_accept(self):
        """Bertil's offer goes out with a link from the configured address;
        the customer accepts: trail, seal, assignment submitted, link used"""
        assignment = self.drafts["Bertil", 0]
        client = self.logged_in('bertil@example.se')
        form = client.get(self.url('offert/ny')).get_data(as_text=True)
        self.assertIn("Bertils uppdrag 0 – Bertils kund AB", form)
        self.assertNotIn("Anna", form)
        response, message = self.send_offer(client, assignment)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(message['To'], 'kund@example.se')
        self.assertEqual(message['Subject'],
            "Offert från Kooperativet Åsele ek. för.")
        body = message.get_body(('plain',)).get_content()
        # The configured address, not the request's (http://localhost/).
        self.assertNotIn('localhost', body)
        token = LINK.search(body).group(1)
        attached, = [p.get_content() for p in message.iter_attachments()]

        customer_client = self.client()
        page = customer_client.get(self.url(f'offert/{token}'))
        text = page.get_data(as_text=True)
        self.assertIn("Jag har läst offerten och antar den.", text)
        pdf = customer_client.get(self.url(f'offert/{token}/offert.pdf'))
        self.assertEqual((pdf.status_code, pdf.content_type),
            (200, 'application/pdf'))
        shown = pdf.get_data()
        self.assertEqual(shown, attached)

        response = self.answer(token, client=customer_client)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Du har antagit offerten",
            response.get_data(as_text=True))

        def check():
            pool = Pool()
            Assignment = pool.get('sosolo.convoy.assignment')
            Document = pool.get('sosolo.template.document')
            Offer = pool.get('sosolo.template.offer')
            offer, = Offer.search([('document.assignment', '=', assignment)])
            document = offer.document
            signature, = document.signatures
            self.assertEqual(
                (offer.state, offer.answer_name, offer.valid_until,
                    offer.token_hash),
                ('accepted', "Karin Ek", dt.date(2026, 12, 31),
                    hashlib.sha256(token.encode()).hexdigest()))
            self.assertEqual(
                (signature.name, signature.email, signature.method,
                    signature.ip_address, signature.user_agent,
                    signature.pdf_sha256, signature.consent_text),
                ("Karin Ek", 'karin@example.se', 'link', '192.0.2.44',
                    'Mozilla/5.0 (Android 14) Mobile',
                    hashlib.sha256(shown).hexdigest(),
                    Offer.consent_text()))
            self.assertEqual(document.state, 'sealed')
            self.assertEqual(Document.verify(document.sealed_pdf), document)
            self.assertEqual(Assignment(assignment).state, 'submitted')
        committed(check, commit=False)

        # The link is used now: 409, for the page, the PDF and a post.
        self.assertEqual(
            customer_client.get(self.url(f'offert/{token}')).status_code,
            409)
        self.assertEqual(customer_client.get(
                self.url(f'offert/{token}/offert.pdf')).status_code, 409)
        response = customer_client.post(self.url(f'offert/{token}'),
            data={'csrf_token': CSRF.search(text).group(1),
                'name': "X", 'email': 'x@example.se', 'consent': '1'})
        self.assertEqual(response.status_code, 409)
        used = customer_client.get(self.url(f'offert/{token}'))
        self.assertIn("Offerten är redan besvarad",
            used.get_data(as_text=True))

        # Bertil's documents show the offer as accepted.
        documents = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertIn("Offert: antagen 2026-12-01", documents)

    def test_decline(self):
        "the customer declines: the offer says so, the assignment is a draft"
        assignment = self.drafts["Bertil", 1]
        token = self.offer_by_email(assignment)
        response = self.answer(token, action='decline', consent='')
        self.assertEqual(response.status_code, 200)
        self.assertIn("Du har tackat nej", response.get_data(as_text=True))

        def check():
            pool = Pool()
            Assignment = pool.get('sosolo.convoy.assignment')
            Offer = pool.get('sosolo.template.offer')
            offer, = Offer.search([('document.assignment', '=', assignment)])
            self.assertEqual((offer.state, offer.document.state,
                    offer.document.signatures, Assignment(assignment).state),
                ('declined', 'issued', (), 'draft'))
        committed(check, commit=False)
        self.assertEqual(
            self.client().get(self.url(f'offert/{token}')).status_code, 409)
        client = self.logged_in('bertil@example.se')
        documents = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertIn("Offert: avböjd", documents)

    def test_expired_and_wrong_links(self):
        "an expired link answers 410 and a wrong token 404, in Swedish"
        assignment = self.drafts["Bertil", 2]
        token = self.offer_by_email(assignment)

        def expire():
            Offer = Pool().get('sosolo.template.offer')
            offers = Offer.search([('document.assignment', '=', assignment)])
            Offer.write(offers, {'valid_until': dt.date(2026, 11, 30)})
        committed(expire)
        client = self.client()
        for path in [f'offert/{token}', f'offert/{token}/offert.pdf']:
            response = client.get(self.url(path))
            self.assertEqual(response.status_code, 410)
            self.assertIn("Offerten har gått ut",
                response.get_data(as_text=True))
        for wrong in [token[:-1] + ('A' if token[-1] != 'A' else 'B'), 'x']:
            response = client.get(self.url(f'offert/{wrong}'))
            self.assertEqual(response.status_code, 404)
            self.assertIn("Offerten finns inte",
                response.get_data(as_text=True))
            # The customer has no login to be led to.
            self.assertNotIn("Till inloggningen",
                response.get_data(as_text=True))
        client = self.logged_in('bertil@example.se')
        documents = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertIn("Offert: utgången", documents)

    def test_answer_errors(self):
        "bad input gives Swedish field errors, and nothing is recorded"
        assignment = self.drafts["Anna", 1]
        client = self.logged_in('anna@example.se')
        response, message = self.send_offer(client, assignment,
            email='kund@', pristyp="Gratis")
        self.assertEqual((response.status_code, message), (400, None))
        text = response.get_data(as_text=True)
        self.assertIn('id="e-email"', text)
        self.assertIn('id="e-pristyp"', text)
        self.assertIn("Offerten är inte skickad", text)

        response, message = self.send_offer(client, assignment)
        token = LINK.search(
            message.get_body(('plain',)).get_content()).group(1)
        response = self.answer(token, name=' ', email='karin', consent='')
        self.assertEqual(response.status_code, 400)
        text = response.get_data(as_text=True)
        for error in ["Fyll i fältet.",
                "Kryssa i rutan för att anta offerten.", 'id="e-email"']:
            with self.subTest(error=error):
                self.assertIn(error, text)
        # A PDF other than the one issued is refused by the trail.
        response = self.answer(token, pdf_sha256='0' * 64)
        self.assertEqual(response.status_code, 400)

        def check():
            Offer = Pool().get('sosolo.template.offer')
            offer, = Offer.search([('document.assignment', '=', assignment)])
            self.assertEqual((offer.state, offer.document.signatures),
                ('sent', ()))
        committed(check, commit=False)

    def test_other_members_assignment_404(self):
        """Bertil cannot offer from Anna's assignment, to Anna's customer:
        404, and no e-mail"""
        client = self.logged_in('bertil@example.se')
        response, message = self.send_offer(client, self.drafts["Anna", 0])
        self.assertEqual((response.status_code, message), (404, None))
        page = client.get(self.url('offert/ny')).get_data(as_text=True)
        self.assertNotIn("Annas kund", page)
        # Without the hand check, own() alone finds nothing of Anna's.
        with patch('trytond.modules.sosolo_templates.offer_routes.abort'):
            response, message = self.send_offer(
                client, self.drafts["Anna", 0])
        self.assertEqual((response.status_code, message), (404, None))

    def verify(self, data, filename='dokument.pdf'):
        "Upload `data` to the page verifiera; (status, page text)."
        response = self.client().post(self.url('verifiera'),
            data={'file': (io.BytesIO(data), filename)},
            content_type='multipart/form-data')
        return response.status_code, response.get_data(as_text=True)

    def test_verify_page(self):
        """verifiera answers as document-verify: a sealed offer with its
        signer, else one Swedish line; empty, non-PDF and too large files
        are refused"""
        token = self.offer_by_email(self.drafts["Anna", 2], 'anna@example.se')
        self.assertEqual(self.answer(token).status_code, 200)

        def sealed():
            Offer = Pool().get('sosolo.template.offer')
            offer, = Offer.search([
                    ('document.assignment', '=', self.drafts["Anna", 2])])
            return offer.document.sealed_pdf, offer.document.pdf
        sealed, issued = committed(sealed, commit=False)
        self.assertEqual(self.client().get(
                self.url('verifiera')).status_code, 200)

        status, page = self.verify(sealed)
        self.assertEqual(status, 200)
        for fact in ["Äkta och oförändrat: Offert – Anna Lind",
                "undertecknat av Karin Ek &lt;karin@example.se&gt;, "
                "personlig länk, 2026-12-01", "Europe/Stockholm"]:
            with self.subTest(fact=fact):
                self.assertIn(fact, page)

        altered = bytearray(sealed)
        altered[len(altered) // 3] ^= 0x01
        for data, line in [
                (bytes(altered), "Filen har ändrats sedan den förseglades."),
                (issued, "Filen är inte förseglad")]:
            status, page = self.verify(data)
            with self.subTest(line=line):
                self.assertEqual(status, 200)
                self.assertIn(line, page)
                self.assertNotIn("Äkta", page)
        for data, status, line in [
                (b'', 400, "Välj en PDF-fil."),
                (b'GIF89a not a pdf', 400, "Filen är ingen PDF."),
                (b'%PDF-' + b'0' * (MAX_SIZE + 64 * 1024), 413,
                    "Filen är för stor: högst 20 MB.")]:
            with self.subTest(line=line):
                answer = self.verify(data)
                self.assertEqual(answer[0], status)
                self.assertIn(line, answer[1])

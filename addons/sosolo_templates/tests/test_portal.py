# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The member's documents in the portal: only one's own, as the portal
user (issue #13, item 8 in part, and the acknowledgement of item 7)."""
import hashlib

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_portal.tests.tools import as_portal, csrf, login
from trytond.pool import Pool
from trytond.tests.test_tryton import RouteTestCase, with_transaction
from trytond.transaction import Transaction

PASSWORD = 'a-long-secret'


def make_documents():
    """Anna's and Bertil's web users, and an issued document for each;
    returns {name: (web user, document)}."""
    pool = Pool()
    Document = pool.get('sosolo.template.document')
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    Template = pool.get('sosolo.template')
    User = pool.get('web.user')
    Version = pool.get('sosolo.template.version')
    company = create_company()
    template = Template(name="Anställningsinformation", kind='letter',
        versions=[{'text': '<p>Till {{namn}}</p>', 'variables': [{
                        'name': 'namn', 'label': 'Namn',
                        'source': 'member', 'path': 'party.name'}]}])
    template.save()
    version, = template.versions
    Version.publish([version])
    result = {}
    with set_company(company):
        for name in ["Anna", "Bertil"]:
            party = Party(name=name)
            party.save()
            user = User(email=f'{name.lower()}@example.se',
                password=PASSWORD, party=party)
            user.save()
            member = Member(party=party, kind='person', company=company)
            member.save()
            document = Document.make(version, company, member=member)
            Document.issue([document])
            result[name] = (user, document)
    return result


class PortalRulesTestCase(RouteTestCase):
    "The portal's documents"
    module = 'sosolo_templates'

    @classmethod
    def setUpDatabase(cls):
        cls.records = {n: (u.id, d.id)
            for n, (u, d) in make_documents().items()}
        Transaction().commit()

    def url(self, path=''):
        return f'/{self.db_name}/portal/{path}'

    @with_transaction()
    def test_portal_sees_own_documents(self):
        "as the portal user, Bertil sees his documents and none of Anna's"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Signature = pool.get('sosolo.template.document.signature')
        User = pool.get('web.user')
        bertil = User(self.records["Bertil"][0])
        anna_document = self.records["Anna"][1]
        with as_portal(bertil):
            self.assertEqual([d.id for d in Document.search([])],
                [self.records["Bertil"][1]])
            self.assertEqual(Signature.search([]), [])
            with self.assertRaises(AccessError):
                Document.read([anna_document], ['pdf_sha256'])

    def test_other_members_document_404(self):
        "Bertil's session gets 404 for Anna's PDF and her acknowledgement"
        client = self.client()
        login(client, self.db_name, 'bertil@example.se', PASSWORD)
        anna_document = self.records["Anna"][1]
        response = client.get(self.url(f'dokument/{anna_document}.pdf'))
        self.assertEqual(response.status_code, 404)
        token = csrf(client, self.url('dokument'))
        response = client.post(
            self.url(f'dokument/{anna_document}/bekrafta'),
            data={'csrf_token': token})
        self.assertEqual(response.status_code, 404)
        page = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertNotIn(f'dokument/{anna_document}.pdf', page)
        self.assertIn(f'dokument/{self.records["Bertil"][1]}.pdf', page)

    def test_acknowledge(self):
        "Anna opens her document and acknowledges it: a signature in the trail"
        client = self.client()
        login(client, self.db_name, 'anna@example.se', PASSWORD)
        document_id = self.records["Anna"][1]
        response = client.get(self.url(f'dokument/{document_id}.pdf'))
        self.assertEqual(
            (response.status_code, response.content_type),
            (200, 'application/pdf'))
        shown = response.get_data()
        token = csrf(client, self.url('dokument'))
        response = client.post(self.url(f'dokument/{document_id}/bekrafta'),
            data={'csrf_token': token},
            environ_base={'REMOTE_ADDR': '192.0.2.9'},
            headers={'User-Agent': 'Mozilla/5.0 (Android 14)'})
        self.assertEqual(response.status_code, 303)
        page = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertIn("Bekräftad", page)
        with Transaction().start(self.db_name, 0):
            pool = Pool()
            Document = pool.get('sosolo.template.document')
            document = Document(document_id)
            signature, = document.signatures
            self.assertEqual(
                (signature.name, signature.email, signature.method,
                    signature.ip_address, signature.user_agent,
                    signature.pdf_sha256, signature.member_party),
                ("Anna", 'anna@example.se', 'link', '192.0.2.9',
                    'Mozilla/5.0 (Android 14)',
                    hashlib.sha256(shown).hexdigest(),
                    document.member.party))
            self.assertTrue(document.acknowledged_at)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A member signs their own document with BankID in the portal (the
local stand-in); another member's session gets 404."""
import trytond.config as config
from trytond.modules.sosolo_portal.tests.tools import csrf, login, unset_config
from trytond.pool import Pool
from trytond.tests.test_tryton import RouteTestCase
from trytond.transaction import Transaction

from .bankid_standin import BankIDStandIn
from .test_portal import PASSWORD, make_documents


class EidRoutesTestCase(RouteTestCase):
    "Signing a document with BankID in the portal"
    module = 'sosolo_templates'

    @classmethod
    def setUpClass(cls):
        cls.standin = BankIDStandIn()
        cls.addClassCleanup(cls.standin.stop)
        if not config._config.has_section('bankid'):
            config._config.add_section('bankid')
        for option, value in [('url', cls.standin.url),
                ('certificate', cls.standin.certificate),
                ('ca', cls.standin.ca)]:
            config.set('bankid', option, value)
            cls.addClassCleanup(unset_config, 'bankid', option)
        super().setUpClass()

    @classmethod
    def setUpDatabase(cls):
        cls.records = {n: (u.id, d.id)
            for n, (u, d) in make_documents().items()}
        # The hint texts are Swedish: sv.po loads once sv exists, as
        # `sosolo init` does it.
        Lang = Pool().get('ir.lang')
        Lang.load_translations(Lang.search([('code', '=', 'sv')]))
        Transaction().commit()

    def setUp(self):
        self.standin.orders.clear()
        self.standin.next_scenario = None
        self.standin.person = ('198001011234', "Anna Lind")

    def url(self, path=''):
        return f'/{self.db_name}/portal/{path}'

    def start(self, client, document_id):
        token = csrf(client, self.url('dokument'))
        return client.post(self.url(f'dokument/{document_id}/bankid'),
            data={'csrf_token': token},
            environ_base={'REMOTE_ADDR': '192.0.2.9'},
            headers={'User-Agent': 'Mozilla/5.0 (Android 14)'})

    def test_member_signs(self):
        "Anna signs with BankID: QR, autostart, hints, then the trail"
        client = self.client()
        login(client, self.db_name, 'anna@example.se', PASSWORD)
        document_id = self.records["Anna"][1]
        page = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertIn(f'dokument/{document_id}/bankid', page)
        self.assertIn("Underteckna med BankID", page)

        response = self.start(client, document_id)
        self.assertEqual(response.status_code, 303)
        location = response.headers['Location']
        self.assertIn(f'dokument/{document_id}/bankid/', location)

        response = client.get(location)
        page = response.get_data(as_text=True)
        self.assertEqual((response.status_code, response.headers['Refresh']),
            (200, '2'))
        self.assertIn("Starta BankID-appen.", page)
        self.assertIn('src="data:image/svg+xml', page)
        self.assertIn('href="bankid:///?autostarttoken=', page)
        self.assertIn('redirect=null', page)
        page = client.get(location).get_data(as_text=True)
        self.assertIn("Skriv in din säkerhetskod i BankID-appen", page)
        response = client.get(location)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers['Location'].endswith(
                '/portal/dokument'))
        self.assertEqual(self.standin.calls[-1][0], 'collect')
        with Transaction().start(self.db_name, 0):
            Document = Pool().get('sosolo.template.document')
            document = Document(document_id)
            signature, = document.signatures
            self.assertEqual(
                (signature.method, signature.name, signature.email,
                    signature.ip_address, signature.user_agent,
                    signature.pdf_sha256, signature.member_party,
                    signature.eid_personal_number),
                ('eid', "Anna Lind", 'anna@example.se', '192.0.2.9',
                    'Mozilla/5.0 (Android 14)', document.pdf_sha256,
                    document.member.party, '19800101-****'))
        page = client.get(self.url('dokument')).get_data(as_text=True)
        self.assertIn("Bekräftad", page)

    def test_user_cancel(self):
        "Bertil cancels in the app: the page says so and offers to retry"
        self.standin.next_scenario = 'userCancel'
        client = self.client()
        login(client, self.db_name, 'bertil@example.se', PASSWORD)
        location = self.start(client, self.records["Bertil"][1]
            ).headers['Location']
        client.get(location)
        response = client.get(location)
        page = response.get_data(as_text=True)
        self.assertNotIn('Refresh', response.headers)
        self.assertIn("Åtgärden avbruten.", page)
        self.assertIn("Försök igen", page)

    def test_other_members_document_404(self):
        "Bertil cannot start or collect an order for Anna's document"
        anna = self.client()
        login(anna, self.db_name, 'anna@example.se', PASSWORD)
        anna_document = self.records["Anna"][1]
        anna_order = self.start(anna, anna_document).headers['Location']
        order_id = anna_order.rsplit('/', 1)[-1]
        calls = len(self.standin.calls)

        client = self.client()
        login(client, self.db_name, 'bertil@example.se', PASSWORD)
        self.assertEqual(self.start(client, anna_document).status_code, 404)
        response = client.get(
            self.url(f'dokument/{anna_document}/bankid/{order_id}'))
        self.assertEqual(response.status_code, 404)
        bertil_document = self.records["Bertil"][1]
        response = client.get(
            self.url(f'dokument/{bertil_document}/bankid/{order_id}'))
        self.assertEqual(response.status_code, 404)
        # Nothing reached BankID for Bertil's tries.
        self.assertEqual(len(self.standin.calls), calls)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import unittest

from trytond.config import config
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_portal.tests.tools import set_config
from trytond.modules.sosolo_sweden.tests.books import setup_books
from trytond.modules.sosolo_templates import eid
from trytond.modules.sosolo_templates.exceptions import DocumentError
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

from .bankid_standin import BankIDStandIn
from .test_module import demo_like, pdf_text, setup_convoy
from .test_seal import seal_folder

IP = '192.0.2.7'
AGENT = 'Mozilla/5.0 (Android)'


class EidSigningTestCase(unittest.TestCase):
    "Signing a document with e-ID (BankID, the local stand-in)"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_templates')
        cls.addClassCleanup(drop_db)
        setup_books(setup_convoy)
        cls.standin = BankIDStandIn()
        cls.addClassCleanup(cls.standin.stop)
        seal_folder(cls)

    def setUp(self):
        for option, value in [('url', self.standin.url),
                ('certificate', self.standin.certificate),
                ('ca', self.standin.ca)]:
            set_config(self, 'bankid', option, value)
        self.standin.person = ('198112289874', "Anna Lind")
        self.standin.scenarios.clear()
        self.standin.orders.clear()

    def issued(self):
        "Anna's issued agreement, and Anna."
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Template = pool.get('sosolo.template')
        Version = pool.get('sosolo.template.version')
        company, member, customer, _ = demo_like()
        template = Template(name="Avtal", kind='agreement', versions=[{
                    'text': '<p>Avtal med {{kund}}</p>',
                    'variables': [{'name': 'kund', 'label': 'Kund',
                            'source': 'free'}]}])
        template.save()
        Version.publish(list(template.versions))
        with set_company(company):
            document = Document.make(template.versions[0], company,
                member=member, free={'kund': customer.name})
            Document.issue([document])
        return document, member

    @with_transaction()
    def test_member_signs_with_bankid(self):
        "Anna signs her document with BankID: the trail keeps the proof"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Lang = pool.get('ir.lang')
        Order = pool.get('sosolo.template.document.eid_order')
        # The text signed is Swedish: sv.po loads once sv exists, as
        # `sosolo init` does it.
        Lang.load_translations(Lang.search([('code', '=', 'sv')]))
        document, member = self.issued()
        order = Order.start(document, 'anna@example.se', IP,
            user_agent=AGENT, member_party=member.party)
        endpoint, body = self.standin.calls[-1]
        self.assertEqual(endpoint, 'sign')
        # Her personal number is required; the PDF's hash signed unseen.
        self.assertEqual(body['requirement'],
            {'personalNumber': '198112289874'})
        self.assertEqual(base64.b64decode(body['userNonVisibleData']
                ).decode(), document.pdf_sha256)
        shown = base64.b64decode(body['userVisibleData']).decode()
        self.assertIn(document.pdf_sha256, shown)
        self.assertIn("Jag undertecknar", shown)
        self.assertTrue(order.qr_data().startswith(
                f'bankid.{order.qr_start_token}.'))
        self.assertEqual(order.start_url(), 'bankid:///?autostarttoken='
            f'{order.auto_start_token}&redirect=null')

        hints = []
        while (result := order.collect()).status == eid.PENDING:
            hints.append(result.hint)
        self.assertEqual(hints, ['outstandingTransaction', 'userSign'])
        self.assertEqual((order.state, result.status),
            ('complete', eid.COMPLETE))
        signature = order.signature
        self.assertEqual(
            (signature.method, signature.name, signature.email,
                signature.member_party, signature.pdf_sha256,
                signature.ip_address, signature.user_agent,
                signature.consent_text, signature.eid_provider,
                signature.eid_personal_number, signature.eid_order),
            ('eid', "Anna Lind", 'anna@example.se', member.party,
                document.pdf_sha256, IP, AGENT, shown, 'BankID',
                '19811228-****', order.ref))
        self.assertIn(body['userNonVisibleData'],
            base64.b64decode(signature.eid_signature).decode())
        self.assertTrue(signature.eid_ocsp_response)
        self.assertEqual(document.acknowledged_at, signature.signed_at)
        self.assertTrue(signature.signed_at_stockholm.endswith('+01:00'))
        # Collecting again changes nothing.
        self.assertEqual(order.collect().status, 'complete')
        self.assertEqual(len(document.signatures), 1)

        Document.seal([document])
        text = pdf_text(document.sealed_pdf)
        for fact in ["Personnummer 19811228-****", "BankID", order.ref]:
            with self.subTest(fact=fact):
                self.assertIn(fact, text)

    @with_transaction()
    def test_cancelled_and_expired_record_nothing(self):
        "a cancelled or expired order leaves the trail empty"
        pool = Pool()
        Order = pool.get('sosolo.template.document.eid_order')
        document, member = self.issued()
        for scenario in ['userCancel', 'expiredTransaction']:
            with self.subTest(scenario=scenario):
                self.standin.scenarios['198112289874'] = scenario
                order = Order.start(document, 'anna@example.se', IP,
                    member_party=member.party)
                while order.collect().status == eid.PENDING:
                    pass
                self.assertEqual((order.state, order.hint, order.signature),
                    ('failed', scenario, None))
        self.standin.scenarios.clear()
        order = Order.start(document, 'anna@example.se', IP,
            member_party=member.party)
        order.cancel()
        self.assertEqual((order.state, order.collect().status),
            ('failed', 'failed'))
        self.assertEqual(document.signatures, ())

    @with_transaction()
    def test_second_order_at_once(self):
        "a second order for Anna while one is pending: refused, both end"
        pool = Pool()
        Order = pool.get('sosolo.template.document.eid_order')
        document, member = self.issued()
        first = Order.start(document, 'anna@example.se', IP,
            member_party=member.party)
        with self.assertRaises(eid.EidError) as context:
            Order.start(document, 'anna@example.se', IP,
                member_party=member.party)
        self.assertEqual(context.exception.code, 'alreadyInProgress')
        self.assertEqual(Order.search([]), [first])
        self.assertEqual((first.collect().status, first.hint),
            ('failed', 'cancelled'))

    @with_transaction()
    def test_short_personal_number(self):
        "a member's number written with ten digits is asked with twelve"
        pool = Pool()
        Order = pool.get('sosolo.template.document.eid_order')
        document, member = self.issued()
        member.identity_number = '811228-9874'
        member.save()
        order = Order.start(document, 'anna@example.se', IP,
            member_party=member.party)
        _, body = self.standin.calls[-1]
        self.assertEqual(body['requirement'],
            {'personalNumber': '198112289874'})
        while order.collect().status == 'pending':
            pass
        self.assertEqual(order.state, 'complete')

    @with_transaction()
    def test_only_the_member_signs(self):
        "another party cannot start an order for Anna's document"
        pool = Pool()
        Order = pool.get('sosolo.template.document.eid_order')
        Party = pool.get('party.party')
        document, _ = self.issued()
        bertil = Party(name="Bertil Ek")
        bertil.save()
        calls = len(self.standin.calls)
        with self.assertRaises(DocumentError):
            Order.start(document, 'bertil@example.se', IP,
                member_party=bertil)
        self.assertEqual(len(self.standin.calls), calls)

    def test_not_configured(self):
        "without [bankid] url no provider is offered"
        config.set('bankid', 'url', '')
        with self.assertRaises(eid.EidError) as context:
            eid.provider()
        self.assertEqual(context.exception.code, 'not_configured')
        self.assertFalse(eid.offered())

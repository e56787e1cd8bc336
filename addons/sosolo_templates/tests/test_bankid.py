# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import datetime as dt
import hashlib
import hmac
import ssl
import unittest

from trytond.modules.sosolo_templates import bankid, eid

from .bankid_standin import PERSON, BankIDStandIn

IP = '192.0.2.7'


class BankIDTestCase(unittest.TestCase):
    "The BankID RP API v6 client against the local stand-in"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.standin = BankIDStandIn()
        cls.addClassCleanup(cls.standin.stop)
        cls.client = bankid.BankID(cls.standin.url, cls.standin.certificate,
            ca=cls.standin.ca)

    def setUp(self):
        self.standin.scenarios.clear()
        self.standin.next_scenario = None
        self.standin.orders.clear()

    def collect_until_done(self, ref):
        "The hint codes while pending, and the final Result."
        hints = []
        for _ in range(10):
            result = self.client.collect(ref)
            if result.status != eid.PENDING:
                return hints, result
            hints.append(result.hint)
        self.fail("still pending")

    def test_sign_complete(self):
        "sign: pending, then complete with the person and BankID's proof"
        digest = hashlib.sha256(b'the PDF').hexdigest()
        order = self.client.sign(IP, "Avtal med Umeå Kaffe", hidden=digest)
        endpoint, body = self.standin.calls[-1]
        self.assertEqual(endpoint, 'sign')
        self.assertEqual(body['endUserIp'], IP)
        self.assertEqual(base64.b64decode(body['userVisibleData']).decode(),
            "Avtal med Umeå Kaffe")
        self.assertEqual(body['userVisibleDataFormat'], 'simpleMarkdownV1')
        self.assertEqual(base64.b64decode(body['userNonVisibleData']
                ).decode(), digest)
        self.assertNotIn('requirement', body)

        hints, result = self.collect_until_done(order.ref)
        self.assertEqual(hints, ['outstandingTransaction', 'userSign'])
        self.assertEqual((result.ref, result.status, result.hint),
            (order.ref, eid.COMPLETE, None))
        self.assertEqual(result.identity, eid.Identity(PERSON[0], PERSON[1],
                'Anna', 'Lind'))
        signed = base64.b64decode(result.signature).decode()
        self.assertIn(body['userNonVisibleData'], signed)
        self.assertTrue(base64.b64decode(result.ocsp_response))

    def test_auth_with_personal_number(self):
        "auth: the personal number goes as requirement; its person completes"
        order = self.client.auth(IP, personal_number='199002022389')
        self.assertEqual(self.standin.calls[-1][1]['requirement'],
            {'personalNumber': '199002022389'})
        _, result = self.collect_until_done(order.ref)
        self.assertEqual((result.status, result.identity.personal_number),
            (eid.COMPLETE, '199002022389'))

    def test_user_cancel(self):
        "the person cancels in the app: failed userCancel, no identity"
        self.standin.scenarios['199002022389'] = 'userCancel'
        order = self.client.sign(IP, "Avtal",
            personal_number='199002022389')
        hints, result = self.collect_until_done(order.ref)
        self.assertEqual(hints, ['outstandingTransaction'])
        self.assertEqual((result.status, result.hint, result.identity),
            (eid.FAILED, 'userCancel', None))

    def test_expired(self):
        "nobody starts the app in time: failed expiredTransaction"
        self.standin.next_scenario = 'expiredTransaction'
        order = self.client.auth(IP)
        _, result = self.collect_until_done(order.ref)
        self.assertEqual((result.status, result.hint),
            (eid.FAILED, 'expiredTransaction'))

    def test_cancel(self):
        "the relying party cancels: the order is no longer pending"
        order = self.client.sign(IP, "Avtal")
        self.assertEqual(self.client.collect(order.ref).status, eid.PENDING)
        self.client.cancel(order.ref)
        _, result = self.collect_until_done(order.ref)
        self.assertEqual(result.status, eid.FAILED)

    def test_already_in_progress(self):
        "two orders at once for one person: the second refused, both cancelled"
        first = self.client.sign(IP, "Avtal 1",
            personal_number='198001011234')
        self.assertEqual(self.client.collect(first.ref).status, eid.PENDING)
        with self.assertRaises(eid.EidError) as context:
            self.client.sign(IP, "Avtal 2", personal_number='198001011234')
        self.assertEqual(context.exception.code, 'alreadyInProgress')
        _, result = self.collect_until_done(first.ref)
        self.assertEqual((result.status, result.hint),
            (eid.FAILED, 'cancelled'))
        # Another person is not affected, and this one may start again.
        other = self.client.sign(IP, "Avtal", personal_number='199002022389')
        again = self.client.sign(IP, "Avtal", personal_number='198001011234')
        self.assertNotEqual(other.ref, again.ref)

    def test_unknown_order(self):
        "collecting an order BankID does not know: invalidParameters"
        with self.assertRaises(eid.EidError) as context:
            self.client.collect('0' * 32)
        self.assertEqual(context.exception.code, 'invalidParameters')

    def test_client_certificate_required(self):
        "without the relying party's certificate the service is unreachable"
        client = bankid.BankID.__new__(bankid.BankID)
        client.url, client.timeout = self.standin.url, 5
        client.context = ssl.create_default_context(cafile=self.standin.ca)
        with self.assertRaises(eid.EidError) as context:
            client.auth(IP)
        self.assertEqual(context.exception.code, 'unreachable')

    def test_qr_and_autostart(self):
        "the animated QR code changes each second; the autostart link"
        order = eid.Order(ref='r', auto_start_token='a1b2',
            qr_start_token='67df3917-fa0d-44e5-b327-edcc928297f8',
            qr_start_secret='d28db9a7-4cde-429e-a983-359be676944c',
            started_at=dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC))
        at = order.started_at + dt.timedelta(seconds=1, milliseconds=700)
        code = hmac.new(order.qr_start_secret.encode(), b'1',
            hashlib.sha256).hexdigest()
        self.assertEqual(self.client.qr_data(order, at),
            f'bankid.{order.qr_start_token}.1.{code}')
        # The example of BankID's QR guide: secret, time 0 and its code.
        self.assertEqual(bankid.qr_data(order.qr_start_token,
                order.qr_start_secret, 0),
            'bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.'
            'dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8')
        self.assertNotEqual(self.client.qr_data(order, at),
            self.client.qr_data(order, at + dt.timedelta(seconds=1)))
        self.assertEqual(self.client.start_url(order),
            'bankid:///?autostarttoken=a1b2&redirect=null')

    def test_mask(self):
        "the trail prints the date of birth, the last four hidden"
        self.assertEqual(eid.mask('198001011234'), '19800101-****')
        self.assertEqual(eid.mask('19800101-1234'), '19800101-****')
        self.assertEqual(eid.mask(''), '****')

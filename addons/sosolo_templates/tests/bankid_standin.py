# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A local stand-in for BankID's test environment (RP API v6.0, see
bankid.py for the shapes it answers with), over HTTPS that requires the
relying party's client certificate, as BankID does.

Each order plays a scenario, chosen by the personal number of its
`requirement` (`scenarios`), else by `next_scenario` (a control hook for
orders without one, as with a QR code), else 'complete':

- complete: collect answers pending outstandingTransaction, then
  pending userSign, then complete with completionData for the person;
- userCancel, expiredTransaction, startFailed: pending
  outstandingTransaction, then failed with that hint code.

A second order for a personal number while one is pending answers 400
alreadyInProgress, and the pending one fails with hint cancelled (as
BankID does: both are cancelled). An unknown orderRef answers 400
invalidParameters. Who completes an order without a personal number is
`person` (personal number, name).
"""
import base64
import json
import secrets
import tempfile
import threading

from . import standin

#: Whom BankID's test environment identifies: a test personal number.
PERSON = ('198001011234', "Anna Lind")
FINAL = {
    'userCancel': ('failed', 'userCancel'),
    'expiredTransaction': ('failed', 'expiredTransaction'),
    'startFailed': ('failed', 'startFailed'),
    }


class BankIDStandIn:
    """The server, with its files: `url` (…/rp/v6.0), `certificate` (the
    relying party's client certificate and key, PEM), `ca` (the CA that
    signed the server's certificate)."""

    def __init__(self):
        self.folder = tempfile.TemporaryDirectory()
        folder = self.folder.name
        ca = standin.certificate("Test BankID Root CA")
        server = standin.certificate("appapi2.test.bankid.com", issuer=ca,
            server=True)
        client = standin.certificate("FP Testcert SOSOLO", issuer=ca)
        self.ca = standin.write_pem(folder, 'ca', cert=ca[1])
        self.certificate = standin.write_pem(folder, 'client', *client)
        server_file = standin.write_pem(folder, 'server', *server)
        self.scenarios = {}
        self.next_scenario = None
        self.person = PERSON
        self.orders = {}
        self.calls = []
        self.lock = threading.Lock()
        stand_in = self

        class Handler(standin.QuietHandler):
            def do_POST(self):
                body = json.loads(self.body() or b'{}')
                status, answer = stand_in.answer(self.path, body)
                self.reply(status, json.dumps(answer).encode(),
                    'application/json')

        self.server = standin.Server(Handler, tls=(server_file, self.ca))
        self.url = f'{self.server.url}/rp/v6.0'

    def stop(self):
        self.server.stop()
        self.folder.cleanup()

    def answer(self, path, body):
        "(HTTP status, JSON answer) of a POST to `path` with `body`."
        endpoint = path.rsplit('/', 1)[-1]
        with self.lock:
            self.calls.append((endpoint, body))
            if endpoint in {'auth', 'sign'}:
                return self.start(endpoint, body)
            order = self.orders.get(body.get('orderRef'))
            if order is None or endpoint not in {'collect', 'cancel'}:
                return 400, {'errorCode': 'invalidParameters',
                    'details': 'No such order'}
            if endpoint == 'cancel':
                if order['final'] is None:
                    order['final'] = ('failed', 'userCancel')
                return 200, {}
            return 200, self.collect(order)

    def start(self, endpoint, body):
        if 'endUserIp' not in body or (
                endpoint == 'sign' and 'userVisibleData' not in body):
            return 400, {'errorCode': 'invalidParameters',
                'details': 'Invalid parameters'}
        number = body.get('requirement', {}).get('personalNumber')
        if number:
            for other in self.orders.values():
                if other['number'] == number and other['final'] is None:
                    other['final'] = ('failed', 'cancelled')
                    return 400, {'errorCode': 'alreadyInProgress',
                        'details': 'Order already in progress for pno'}
        scenario = (self.scenarios.get(number) or self.next_scenario
            or 'complete')
        ref = secrets.token_hex(16)
        self.orders[ref] = {'endpoint': endpoint, 'body': body,
            'number': number, 'scenario': scenario, 'collects': 0,
            'final': None}
        return 200, {'orderRef': ref, 'autoStartToken': secrets.token_hex(8),
            'qrStartToken': secrets.token_hex(8),
            'qrStartSecret': secrets.token_hex(16)}

    def collect(self, order):
        ref = next(r for r, o in self.orders.items() if o is order)
        order['collects'] += 1
        if order['final'] is None:
            if order['collects'] == 1:
                return {'orderRef': ref, 'status': 'pending',
                    'hintCode': 'outstandingTransaction'}
            if order['scenario'] == 'complete' and order['collects'] == 2:
                return {'orderRef': ref, 'status': 'pending',
                    'hintCode': 'userSign'}
            order['final'] = FINAL.get(order['scenario'],
                ('complete', None))
        status, hint = order['final']
        if status == 'failed':
            return {'orderRef': ref, 'status': status, 'hintCode': hint}
        return {'orderRef': ref, 'status': 'complete',
            'completionData': self.completion(order)}

    def completion(self, order):
        number = order['number'] or self.person[0]
        name = self.person[1] if number == self.person[0] else "Test Testsson"
        given, _, surname = name.partition(' ')
        body = order['body']
        # What BankID's signature is: an XML signature over what was shown
        # and what was signed unseen; here the same data, unsigned.
        signature = (
            '<Signature><usrVisibleData>%s</usrVisibleData>'
            '<usrNonVisibleData>%s</usrNonVisibleData>'
            '<personalNumber>%s</personalNumber></Signature>') % (
            body.get('userVisibleData', ''),
            body.get('userNonVisibleData', ''), number)
        return {
            'user': {'personalNumber': number, 'name': name,
                'givenName': given, 'surname': surname},
            'device': {'ipAddress': body['endUserIp'],
                'uhi': 'OZvYM9VvyiAmG7NA5jU5zqGcVpo='},
            'bankIdIssueDate': '2026-01-02',
            'signature': base64.b64encode(signature.encode()).decode(),
            'ocspResponse': base64.b64encode(
                b'stand-in OCSP response').decode(),
            }

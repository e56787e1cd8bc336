# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A client of BankID's relying-party API, version 6.0: auth, sign,
collect and cancel, the animated QR code and the autostart link.

The shapes follow BankID's documentation (developers.bankid.com, "API
references: auth, sign, collect, cancel", RP API v6.0, and its OpenAPI
specification openapi-auth-sign-6.1.x.yaml; the earlier v5.1 collect
page bankid.com/utvecklare/guider/teknisk-integrationsguide/
graenssnittsbeskrivning/collect describes the same hint codes):

- POST {url}/auth and {url}/sign with JSON ``{"endUserIp": ...,
  "userVisibleData": base64, "userVisibleDataFormat": "simpleMarkdownV1",
  "userNonVisibleData": base64, "requirement": {"personalNumber": ...}}``
  (userVisibleData required for sign) answer 200 ``{"orderRef",
  "autoStartToken", "qrStartToken", "qrStartSecret"}``.
- POST {url}/collect ``{"orderRef"}`` answers ``{"orderRef", "status":
  "pending"|"failed"|"complete", "hintCode", "completionData"}``; pending
  hint codes outstandingTransaction, noClient, started, userMrtd,
  userCallConfirm, userSign; failed ones expiredTransaction,
  certificateErr, userCancel, cancelled, startFailed, userDeclinedCall,
  notSupportedByUserApp, transactionRiskBlocked. completionData is
  ``{"user": {"personalNumber", "name", "givenName", "surname"},
  "device": {"ipAddress", "uhi"}, "bankIdIssueDate", "stepUp",
  "signature": base64 XML, "ocspResponse": base64}``. RP should collect
  every two seconds while pending.
- POST {url}/cancel ``{"orderRef"}`` answers 200 ``{}``.
- Errors: HTTP 4xx/5xx with ``{"errorCode", "details"}``; errorCode
  alreadyInProgress (400: an order for this personal number is already
  pending; BankID cancels it too and creates none), invalidParameters
  (400, also for an unknown orderRef), unauthorized (401/403), notFound
  (404), requestTimeout (408), unsupportedMediaType (415),
  internalError (500), maintenance (503).
- Animated QR (developers.bankid.com, "How-to guides: QR code"): the
  code shows ``bankid.<qrStartToken>.<time>.<qrAuthCode>``, time the
  whole seconds since the auth/sign response, qrAuthCode the hex
  HMAC-SHA256 of time (as text) keyed with qrStartSecret; shown anew
  each second. qrStartSecret never leaves the server.
- Autostart ("How-to guides: autostart"):
  ``bankid:///?autostarttoken=<autoStartToken>&redirect=null``.

The service is reached over TLS with the relying party's client
certificate, its server checked against BankID's CA:
`[bankid] url`, `certificate` (PEM, the key in it or in `key`), `ca`.
"""
import base64
import datetime as dt
import hashlib
import hmac
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request

from trytond.config import config

from . import eid

#: BankID's test environment; production is appapi2.bankid.com.
TEST_URL = 'https://appapi2.test.bankid.com/rp/v6.0'


def _b64(data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    return base64.b64encode(data).decode('ascii')


def qr_data(qr_start_token, qr_start_secret, seconds):
    """The animated QR code's content `seconds` (whole) after the order
    was started."""
    seconds = str(int(seconds))
    code = hmac.new(qr_start_secret.encode('ascii'),
        seconds.encode('ascii'), hashlib.sha256).hexdigest()
    return f'bankid.{qr_start_token}.{seconds}.{code}'


class BankID(eid.Provider):
    "BankID's RP API v6.0 at `url` with the client certificate."
    name = 'bankid'
    title = 'BankID'

    def __init__(self, url, certificate, key=None, ca=None, timeout=10):
        self.url = url.rstrip('/')
        self.timeout = timeout
        self.context = ssl.create_default_context(cafile=ca)
        self.context.load_cert_chain(certificate, key)

    @classmethod
    def configured(cls):
        return bool(config.get('bankid', 'url')
            and config.get('bankid', 'certificate'))

    @classmethod
    def from_config(cls):
        if not cls.configured():
            raise eid.EidError('not_configured', 'bankid')
        return cls(config.get('bankid', 'url'),
            config.get('bankid', 'certificate'),
            key=config.get('bankid', 'key'),
            ca=config.get('bankid', 'ca'),
            timeout=config.getint('bankid', 'timeout', default=10))

    def call(self, endpoint, body):
        "POST `body` (a dict) as JSON to `endpoint`; the answer's dict."
        request = urllib.request.Request(f'{self.url}/{endpoint}',
            data=json.dumps(body).encode('utf-8'), method='POST',
            headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, context=self.context,
                    timeout=self.timeout) as response:
                return json.loads(response.read() or b'{}')
        except urllib.error.HTTPError as error:
            try:
                answer = json.loads(error.read())
            except ValueError:
                answer = {}
            raise eid.EidError(answer.get('errorCode', str(error.code)),
                answer.get('details', ''))
        except (urllib.error.URLError, OSError) as error:
            raise eid.EidError('unreachable', str(error))

    def _start(self, endpoint, end_user_ip, text=None, hidden=None,
            personal_number=None):
        body = {'endUserIp': end_user_ip}
        if text:
            body['userVisibleData'] = _b64(text)
            body['userVisibleDataFormat'] = 'simpleMarkdownV1'
        if hidden:
            body['userNonVisibleData'] = _b64(hidden)
        if personal_number:
            body['requirement'] = {'personalNumber': personal_number}
        answer = self.call(endpoint, body)
        return eid.Order(ref=answer['orderRef'],
            auto_start_token=answer.get('autoStartToken'),
            qr_start_token=answer.get('qrStartToken'),
            qr_start_secret=answer.get('qrStartSecret'),
            started_at=dt.datetime.now(dt.timezone.utc))

    def auth(self, end_user_ip, text=None, personal_number=None):
        return self._start('auth', end_user_ip, text=text,
            personal_number=personal_number)

    def sign(self, end_user_ip, text, hidden=None, personal_number=None):
        return self._start('sign', end_user_ip, text=text, hidden=hidden,
            personal_number=personal_number)

    def collect(self, ref):
        answer = self.call('collect', {'orderRef': ref})
        data = answer.get('completionData') or {}
        user = data.get('user')
        identity = eid.Identity(
            personal_number=user['personalNumber'], name=user['name'],
            given_name=user.get('givenName'),
            surname=user.get('surname')) if user else None
        return eid.Result(ref=answer['orderRef'], status=answer['status'],
            hint=answer.get('hintCode'), identity=identity,
            signature=data.get('signature'),
            ocsp_response=data.get('ocspResponse'), raw=answer)

    def cancel(self, ref):
        self.call('cancel', {'orderRef': ref})

    @classmethod
    def qr_data(cls, order, now):
        if not order.qr_start_token:
            return None
        return qr_data(order.qr_start_token, order.qr_start_secret,
            (now - order.started_at).total_seconds())

    @classmethod
    def start_url(cls, order):
        query = urllib.parse.urlencode(
            {'autostarttoken': order.auto_start_token, 'redirect': 'null'})
        return f'bankid:///?{query}'


eid.PROVIDERS[BankID.name] = BankID

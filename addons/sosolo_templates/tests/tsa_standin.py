# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A local RFC 3161 timestamp authority for the tests: pyHanko's
DummyTimeStamper (its own test TSA) answering over HTTP, with a
certificate made on the spot (extended key usage timeStamping)."""
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from . import standin


class TimestampAuthority:
    "The TSA: `url` to post requests to, `certificate` (PEM) to trust."

    def __init__(self):
        key, cert = standin.certificate("SOSOLO test-TSA",
            usage=ExtendedKeyUsageOID.TIME_STAMPING)
        self.certificate = standin.cert_pem(cert)
        self.requests = 0
        authority = self
        stamper = DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(standin.cert_der(cert)),
            tsa_key=keys.PrivateKeyInfo.load(standin.key_der(key)))

        class Handler(standin.QuietHandler):
            def do_POST(self):
                request = tsp.TimeStampReq.load(self.body())
                authority.requests += 1
                response = stamper.request_tsa_response(request)
                self.reply(200, response.dump(),
                    'application/timestamp-reply')

        self.server = standin.Server(Handler)
        self.url = self.server.url

    def stop(self):
        self.server.stop()

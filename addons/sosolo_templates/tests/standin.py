# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the local stand-in servers of the tests share: certificates made
on the spot and an HTTP(S) server in a thread of the test process."""
import datetime as dt
import http.server
import ipaddress
import ssl
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID


def certificate(name, issuer=None, usage=None, server=False, years=5):
    """(key, certificate) of `name`: signed by `issuer` (key, certificate)
    or self-signed (a CA) without one; `usage` an extended key usage OID;
    `server` a TLS server certificate for 127.0.0.1."""
    # RSA: pyHanko's DummyTimeStamper signs with PKCS#1 v1.5 only.
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.timezone.utc)
    issuer_key, issuer_cert = issuer or (key, None)
    builder = (x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_cert.subject if issuer_cert else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=issuer is None,
                path_length=None), critical=True))
    if usage:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([usage]), critical=True)
    if server:
        builder = builder.add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address('127.0.0.1'))]),
            critical=False)
    return key, builder.sign(issuer_key, hashes.SHA256())


def key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def cert_pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def key_der(key):
    return key.private_bytes(serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def cert_der(cert):
    return cert.public_bytes(serialization.Encoding.DER)


def write_pem(folder, name, key=None, cert=None):
    "Write `name`.pem (certificate, then key if given) in `folder`."
    path = Path(folder, f'{name}.pem')
    path.write_bytes((cert_pem(cert) if cert else b'')
        + (key_pem(key) if key else b''))
    return str(path)


class Server:
    """`handler` (a BaseHTTPRequestHandler class) served on 127.0.0.1 in a
    thread; with `tls` (server cert file, CA file of the clients) over
    HTTPS that requires a client certificate."""

    def __init__(self, handler, tls=None):
        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0),
            handler)
        scheme = 'http'
        if tls:
            server_file, client_ca = tls
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(server_file)
            context.load_verify_locations(client_ca)
            context.verify_mode = ssl.CERT_REQUIRED
            self.httpd.socket = context.wrap_socket(self.httpd.socket,
                server_side=True)
            scheme = 'https'
        host, port = self.httpd.server_address
        self.url = f'{scheme}://{host}:{port}'
        self.thread = threading.Thread(target=self.httpd.serve_forever,
            daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class QuietHandler(http.server.BaseHTTPRequestHandler):
    "A handler that does not log each request to stderr."

    def log_message(self, format, *args):
        pass

    def reply(self, status, body, content_type):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        return self.rfile.read(int(self.headers.get('Content-Length', 0)))

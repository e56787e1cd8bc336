# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The cooperative's seal on a PDF: a PAdES signature made with pyHanko,
and its check. Plain functions of bytes; no database.

ETSI EN 319 142-1 (PAdES baseline B-B, B-T with an RFC 3161 timestamp
where a timestamp authority is given).
"""
import datetime as dt
import io
from dataclasses import dataclass

from asn1crypto import keys, pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

FIELD = 'Sigill'


class SealError(Exception):
    """A PDF that is not sealed, altered, or sealed by someone else; its
    argument is the reason: one of REASONS."""


#: Why a PDF is refused; the models give each a message (msg_seal_*).
REASONS = ['unreadable', 'unsealed', 'stranger', 'unverifiable', 'altered',
    'untrusted']


@dataclass(frozen=True)
class Seal:
    signer: str
    signed_at: dt.datetime
    #: The time of the RFC 3161 timestamp token, when there is one.
    timestamp: dt.datetime = None


def self_signed(name, now, years=10):
    """(key PEM, certificate PEM) of a self-signed seal certificate for
    `name`, valid `years` either side of `now` (CI runs the demo's tests
    with the clock moved, on one var/seal/): what the demo uses instead of
    a certificate from a trust service provider."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, 'SE'),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            ])
    certificate = (x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=365 * years))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None),
            critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True,
                content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False,
                key_cert_sign=True, crl_sign=False, encipher_only=False,
                decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256()))
    return (
        key.private_bytes(serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()),
        certificate.public_bytes(serialization.Encoding.PEM))


def _der(data):
    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    return data


def _certificate(cert_pem):
    return asn1_x509.Certificate.load(_der(cert_pem))


def seal(pdf, key_pem, cert_pem, reason, location='Sverige',
        timestamp_url=None):
    "`pdf` (bytes) sealed with the key and certificate, as bytes."
    signer = signers.SimpleSigner(
        signing_cert=_certificate(cert_pem),
        signing_key=keys.PrivateKeyInfo.load(_der(key_pem)),
        cert_registry=None)
    timestamper = (timestamps.HTTPTimeStamper(timestamp_url)
        if timestamp_url else None)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name=FIELD, reason=reason,
        location=location, subfilter=fields.SigSeedSubFilter.PADES)
    out = signers.sign_pdf(writer, meta, signer=signer,
        timestamper=timestamper)
    return out.getvalue()


def verify(pdf, cert_pem):
    """The Seal of `pdf` when it is sealed by `cert_pem` and unaltered
    since; SealError with the reason otherwise."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        signatures = reader.embedded_signatures
    except Exception as exception:
        raise SealError('unreadable') from exception
    if not signatures:
        raise SealError('unsealed')
    signature = signatures[-1]
    certificate = _certificate(cert_pem)
    # Before validating: pyHanko logs a path error for a stranger's one.
    if signature.signer_cert.dump() != certificate.dump():
        raise SealError('stranger')
    context = ValidationContext(trust_roots=[certificate])
    try:
        status = validate_pdf_signature(signature, context)
    except Exception as exception:
        raise SealError('unverifiable') from exception
    if not status.intact or not status.valid:
        raise SealError('altered')
    if not status.trusted:
        raise SealError('untrusted')
    if status.coverage != status.coverage.ENTIRE_FILE:
        raise SealError('altered')
    token = status.timestamp_validity
    return Seal(
        signer=status.signing_cert.subject.human_friendly,
        signed_at=status.signer_reported_dt,
        timestamp=token.timestamp if token and token.intact else None)

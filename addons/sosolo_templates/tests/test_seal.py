# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import hashlib
import io
import tempfile
import unittest
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from trytond.config import config
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_portal.tests.tools import set_config, unset_config
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_templates import seal
from trytond.modules.sosolo_templates.exceptions import DocumentError
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

from .test_module import pdf_text, setup_convoy
from .tsa_standin import TimestampAuthority

CONSENT = "Jag har läst avtalet och godkänner det."


def seal_folder(cls):
    """A self-signed seal of the cooperative in a folder of its own, set
    as [sosolo_templates] seal_directory for the class; its certificate
    (PEM)."""
    folder = tempfile.TemporaryDirectory()
    cls.addClassCleanup(folder.cleanup)
    key, certificate = seal.self_signed("Kooperativet Åsele ek. för.",
        dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    Path(folder.name, 'key.pem').write_bytes(key)
    Path(folder.name, 'certificate.pem').write_bytes(certificate)
    previous = config.get('sosolo_templates', 'seal_directory')
    if not config.has_section('sosolo_templates'):
        config.add_section('sosolo_templates')
    config.set('sosolo_templates', 'seal_directory', folder.name)
    if previous is None:
        cls.addClassCleanup(
            unset_config, 'sosolo_templates', 'seal_directory')
    else:
        cls.addClassCleanup(
            config.set, 'sosolo_templates', 'seal_directory', previous)
    return certificate


class SealTestCase(unittest.TestCase):
    "The signing trail, the seal and its check"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_templates')
        # Dropped after, closing its connections: a scenario that follows
        # restores the database from a template, and PostgreSQL refuses
        # to drop one that pooled connections still use.
        cls.addClassCleanup(drop_db)
        setup_books(setup_convoy)
        cls.certificate = seal_folder(cls)

    def issued(self):
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Template = pool.get('sosolo.template')
        Version = pool.get('sosolo.template.version')
        template = Template(name="Avtal", kind='agreement', versions=[{
                    'text': '<p>Avtal med {{kund}}</p>',
                    'variables': [{'name': 'kund', 'label': 'Kund',
                            'source': 'free'}]}])
        template.save()
        Version.publish(list(template.versions))
        company = books()
        with set_company(company):
            document = Document.make(template.versions[0], company,
                free={'kund': "Umeå Kaffe & Bröd AB"})
            Document.issue([document])
        return document

    @with_transaction()
    def test_trail_and_seal(self):
        "the trail keeps the hash shown; the sealed PDF verifies, altered not"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Signature = pool.get('sosolo.template.document.signature')
        document = self.issued()
        shown = hashlib.sha256(document.pdf).hexdigest()
        with self.assertRaises(DocumentError):
            Signature.record(document, "Karin Ek", 'karin@example.se',
                'link', CONSENT, hashlib.sha256(b'other').hexdigest())
        signature = Signature.record(document, "Karin Ek",
            'karin@example.se', 'link', CONSENT, shown,
            ip_address='192.0.2.7', user_agent='Mozilla/5.0 (Android)',
            signed_at=dt.datetime(2026, 12, 1, 13, 5, 0))
        self.assertEqual((signature.pdf_sha256, document.pdf_sha256),
            (shown, shown))
        self.assertEqual(signature.signed_at_stockholm,
            '2026-12-01 14:05:00+01:00')
        with self.assertRaises(DocumentError):
            Signature.write([signature], {'name': "Någon annan"})
        with self.assertRaises(DocumentError):
            Signature.delete([signature])

        Document.seal([document])
        sealed = document.sealed_pdf
        self.assertEqual((document.state, document.sealed_sha256),
            ('sealed', hashlib.sha256(sealed).hexdigest()))
        text = pdf_text(sealed)
        for fact in ["Avtal med Umeå Kaffe & Bröd AB", "Verifikat",
                "Karin Ek", "karin@example.se", "Personlig länk",
                "2026-12-01 13:05:00", "2026-12-01 14:05:00+01:00",
                "192.0.2.7", "Mozilla/5.0 (Android)", CONSENT]:
            with self.subTest(fact=fact):
                self.assertIn(fact, text)
        self.assertIn(shown, text.replace(' ', ''))
        # The audit page's time of the seal is the document's.
        self.assertIn("Förseglat (UTC) "
            + document.sealed_at.strftime('%Y-%m-%d %H:%M:%S'), text)

        # pyHanko itself: intact, valid, trusted, covering the whole file.
        embedded, = PdfFileReader(io.BytesIO(sealed)).embedded_signatures
        status = validate_pdf_signature(embedded, ValidationContext(
                trust_roots=[seal._certificate(self.certificate)]))
        self.assertEqual((status.intact, status.valid, status.trusted,
                status.coverage), (True, True, True,
                status.coverage.ENTIRE_FILE))
        # No timestamp authority configured: no timestamp.
        self.assertIsNone(status.timestamp_validity)
        self.assertIsNone(seal.verify(sealed, self.certificate).timestamp)

        self.assertEqual(Document.verify(sealed), document)
        altered = bytearray(sealed)
        altered[len(altered) // 3] ^= 0x01
        with self.assertRaisesRegex(DocumentError, 'changed'):
            Document.verify(bytes(altered))
        with self.assertRaisesRegex(DocumentError, 'not sealed'):
            Document.verify(document.pdf)
        with self.assertRaises(DocumentError):
            Signature.record(document, "Sen", 'sen@example.se', 'link',
                CONSENT, shown)

    @with_transaction()
    def test_stranger_seal_refused(self):
        "a PDF sealed with another certificate is not the cooperative's"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        document = self.issued()
        key, certificate = seal.self_signed("Någon annan",
            dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
        forged = seal.seal(document.pdf, key, certificate, reason="x")
        with self.assertRaisesRegex(DocumentError, 'not sealed by'):
            Document.verify(forged)


    @with_transaction()
    def test_timestamp(self):
        "with timestamp_url set the seal carries a valid RFC 3161 token"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        authority = TimestampAuthority()
        self.addCleanup(authority.stop)
        set_config(self, 'sosolo_templates', 'timestamp_url', authority.url)
        document = self.issued()
        Document.seal([document])
        sealed = document.sealed_pdf
        # pyHanko asks once more first, to size the signature.
        self.assertGreater(authority.requests, 0)

        embedded, = PdfFileReader(io.BytesIO(sealed)).embedded_signatures
        tsa = seal._certificate(authority.certificate)
        status = validate_pdf_signature(embedded, ValidationContext(
                trust_roots=[seal._certificate(self.certificate)]),
            ts_validation_context=ValidationContext(trust_roots=[tsa]))
        self.assertEqual((status.intact, status.valid, status.trusted),
            (True, True, True))
        token = status.timestamp_validity
        self.assertIsNotNone(token)
        self.assertEqual((token.intact, token.valid, token.trusted),
            (True, True, True))
        # The token was made now (the tests' clock), for this signature.
        self.assertLess(abs(token.timestamp - dt.datetime.now(
                    dt.timezone.utc)), dt.timedelta(minutes=1))
        self.assertEqual(token.signing_cert.dump(), tsa.dump())

        # document-verify: the seal still verifies, its time the TSA's.
        self.assertEqual(Document.verify(sealed), document)
        self.assertEqual(seal.verify(sealed, self.certificate).timestamp,
            token.timestamp)

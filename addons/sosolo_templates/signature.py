# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from zoneinfo import ZoneInfo

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields

from .exceptions import DocumentError

METHODS = [
    ('link', "Link"),
    ('eid', "e-ID"),
    ]
#: The time zone the trail shows beside UTC.
STOCKHOLM = ZoneInfo('Europe/Stockholm')


class Signature(ModelSQL, ModelView):
    """Document Signature

    One acceptance or signature of an issued document, as the trail keeps
    it: who, how, when (UTC, and Europe/Stockholm), from where, what they
    consented to, and the SHA-256 of the exact PDF they were shown. It is
    never changed or deleted.
    """
    __name__ = 'sosolo.template.document.signature'

    document = fields.Many2One('sosolo.template.document', "Document",
        required=True, ondelete='RESTRICT', readonly=True)
    name = fields.Char("Name", required=True, readonly=True)
    email = fields.Char("E-mail", required=True, readonly=True)
    method = fields.Selection(METHODS, "Method", required=True,
        readonly=True)
    signed_at = fields.Timestamp("Signed at (UTC)", required=True,
        readonly=True)
    signed_at_stockholm = fields.Function(
        fields.Char("Signed at (Europe/Stockholm)"), 'get_signed_at_stockholm')
    ip_address = fields.Char("IP Address", readonly=True)
    user_agent = fields.Char("User Agent", readonly=True)
    consent_text = fields.Text("Consent Text", required=True, readonly=True)
    pdf_sha256 = fields.Char("SHA-256 of the PDF Shown", required=True,
        readonly=True)
    member_party = fields.Many2One('party.party', "Member", readonly=True,
        ondelete='RESTRICT',
        help="The member who signed, when it was the document's member "
        "through the portal.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('document')
        cls._order = [('signed_at', 'ASC'), ('id', 'ASC')]

    def get_signed_at_stockholm(self, name):
        return stockholm(self.signed_at)

    @classmethod
    def check_modification(cls, mode, signatures, values=None,
            external=False):
        super().check_modification(
            mode, signatures, values=values, external=external)
        if mode in {'write', 'delete'}:
            raise DocumentError(gettext(
                    'sosolo_templates.msg_signature_immutable'))

    @classmethod
    def record(cls, document, name, email, method, consent_text,
            pdf_sha256, ip_address=None, user_agent=None, signed_at=None,
            member_party=None):
        """Add a signature of the issued `document`, refused unless the
        PDF shown (`pdf_sha256`) is the one issued."""
        if document.state != 'issued':
            raise DocumentError(gettext(
                    'sosolo_templates.msg_signature_state',
                    document=document.rec_name))
        if pdf_sha256 != document.pdf_sha256:
            raise DocumentError(gettext(
                    'sosolo_templates.msg_signature_hash',
                    document=document.rec_name))
        if signed_at is None:
            signed_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        signature = cls(document=document, name=name, email=email,
            method=method, consent_text=consent_text, pdf_sha256=pdf_sha256,
            ip_address=ip_address, user_agent=user_agent,
            member_party=member_party, signed_at=signed_at)
        signature.save()
        return signature


def stockholm(timestamp):
    "A naive UTC `timestamp` as Stockholm's local time, with its offset."
    if timestamp is None:
        return None
    local = timestamp.replace(tzinfo=dt.timezone.utc).astimezone(STOCKHOLM)
    return local.isoformat(sep=' ', timespec='seconds')

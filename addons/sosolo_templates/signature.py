# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.sosolo_sweden.rules import local
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .exceptions import DocumentError

METHODS = [
    ('link', "Link"),
    ('eid', "e-ID"),
    ]


class Signature(ModelSQL, ModelView):
    """Document Signature

    One acceptance or signature of an issued document, as the trail keeps
    it: who, how, when (UTC, and Europe/Stockholm), from where, what they
    consented to, and the SHA-256 of the exact PDF they were shown. It is
    never changed or deleted (check_modification); its fields are not
    readonly so that a client or script can create one, checked the same.
    """
    __name__ = 'sosolo.template.document.signature'

    _states = {'readonly': Eval('id', -1) >= 0}

    document = fields.Many2One('sosolo.template.document', "Document",
        required=True, ondelete='RESTRICT', states=_states)
    name = fields.Char("Name", required=True, states=_states)
    email = fields.Char("E-mail", required=True, states=_states)
    method = fields.Selection(METHODS, "Method", required=True,
        states=_states)
    signed_at = fields.Timestamp("Signed at (UTC)", required=True,
        states=_states)
    signed_at_stockholm = fields.Function(
        fields.Char("Signed at (Europe/Stockholm)"), 'get_signed_at_stockholm')
    ip_address = fields.Char("IP Address", states=_states)
    user_agent = fields.Char("User Agent", states=_states)
    consent_text = fields.Text("Consent Text", required=True,
        states=_states)
    pdf_sha256 = fields.Char("SHA-256 of the PDF Shown", required=True,
        states=_states)
    member_party = fields.Many2One('party.party', "Member",
        ondelete='RESTRICT', states=_states,
        help="The member who signed, when it was the document's member "
        "through the portal.")

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('document')
        cls._order = [('signed_at', 'ASC'), ('id', 'ASC')]

    @classmethod
    def method_names(cls):
        """{method: its Swedish name}, as the audit page and
        document-verify print it whatever the user's language."""
        with Transaction().set_context(language='sv'):
            return dict(cls.fields_get(['method'])['method']['selection'])

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
        # However a signature is made (record, the client, a script): only
        # of an issued document, and of the very PDF that was issued.
        for signature in signatures:
            document = signature.document
            if document.state != 'issued':
                raise DocumentError(gettext(
                        'sosolo_templates.msg_signature_state',
                        document=document.rec_name))
            if signature.pdf_sha256 != document.pdf_sha256:
                raise DocumentError(gettext(
                        'sosolo_templates.msg_signature_hash',
                        document=document.rec_name))

    @classmethod
    def record(cls, document, name, email, method, consent_text,
            pdf_sha256, ip_address=None, user_agent=None, signed_at=None,
            member_party=None, **values):
        """Add a signature of the issued `document`, refused unless the
        PDF shown (`pdf_sha256`) is the one issued (check_modification);
        `values` are further fields (the e-ID proof, eid_signing.py)."""
        if signed_at is None:
            signed_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        signature = cls(document=document, name=name, email=email,
            method=method, consent_text=consent_text, pdf_sha256=pdf_sha256,
            ip_address=ip_address, user_agent=user_agent,
            member_party=member_party, signed_at=signed_at, **values)
        signature.save()
        return signature


def stockholm(timestamp):
    "A naive UTC `timestamp` as Stockholm's local time, with its offset."
    if timestamp is None:
        return None
    return local(timestamp).isoformat(sep=' ', timespec='seconds')

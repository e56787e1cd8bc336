# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signing an issued document with e-ID (eid.py): an order is started for
the document and a signer, collected until the person has signed in
their app, and then recorded in the signing trail (signature.py) with
method e-ID and the provider's proof."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.sosolo_sweden.identity import parse_personal
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval

from . import eid
from .exceptions import DocumentError

STATES = [
    ('pending', "Pending"),
    ('complete', "Complete"),
    ('failed', "Failed"),
    ]


def _now():
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _personal_number(number):
    """The member's personal number as e-ID knows it (12 digits,
    YYYYMMDDNNNN), whichever way it was written, or None."""
    parsed = parse_personal(number)
    return parsed.code if parsed else None


class Signature(metaclass=PoolMeta):
    __name__ = 'sosolo.template.document.signature'

    _states = {'readonly': Eval('id', -1) >= 0,
        'invisible': Eval('method') != 'eid'}

    eid_provider = fields.Char("e-ID Provider", states=_states)
    eid_personal_number = fields.Char("Personal Number", states=_states,
        help="As the trail prints it: the date of birth, the rest hidden; "
        "the provider's signature holds it whole.")
    eid_order = fields.Char("e-ID Order", states=_states)
    eid_signature = fields.Text("e-ID Signature", states=_states,
        help="The provider's signature as it sent it (BankID: base64 XML "
        "over the text shown and the PDF's SHA-256).")
    eid_ocsp_response = fields.Text("e-ID OCSP Response", states=_states)

    del _states


class EidOrder(ModelSQL, ModelView):
    """Document e-ID Order

    One e-ID sign order for an issued document: the provider's reference
    and start tokens, what the signer is asked to sign (the text and the
    SHA-256 of the PDF), and how it ended.
    """
    __name__ = 'sosolo.template.document.eid_order'

    document = fields.Many2One('sosolo.template.document', "Document",
        required=True, ondelete='CASCADE', readonly=True)
    member_party = fields.Many2One('party.party', "Member", readonly=True,
        ondelete='RESTRICT')
    email = fields.Char("E-mail", required=True, readonly=True)
    provider = fields.Char("Provider", required=True, readonly=True)
    ref = fields.Char("Order Reference", required=True, readonly=True)
    auto_start_token = fields.Char("Autostart Token", readonly=True)
    qr_start_token = fields.Char("QR Start Token", readonly=True)
    qr_start_secret = fields.Char("QR Start Secret", readonly=True)
    started_at = fields.Timestamp("Started at (UTC)", required=True,
        readonly=True)
    text = fields.Text("Text Signed", required=True, readonly=True)
    pdf_sha256 = fields.Char("SHA-256 of the PDF", required=True,
        readonly=True)
    ip_address = fields.Char("IP Address", readonly=True)
    user_agent = fields.Char("User Agent", readonly=True)
    state = fields.Selection(STATES, "State", required=True, readonly=True)
    hint = fields.Char("Hint", readonly=True,
        help="Why the order is pending or failed: the provider's code.")
    signature = fields.Many2One('sosolo.template.document.signature',
        "Signature", readonly=True, ondelete='RESTRICT')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('document')
        cls._order = [('started_at', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_state():
        return 'pending'

    @classmethod
    def start(cls, document, email, ip_address, user_agent=None,
            member_party=None):
        """Start an e-ID order in which the signer signs `document` (issued)
        as it was issued: the text names it and its SHA-256, which is
        also signed unseen. When `member_party` signs, it must be the
        document's member, and the order requires their personal number.
        """
        if document.state != 'issued':
            raise DocumentError(gettext(
                    'sosolo_templates.msg_signature_state',
                    document=document.rec_name))
        personal_number = None
        if member_party:
            if not document.member or document.member.party != member_party:
                raise DocumentError(gettext(
                        'sosolo_templates.msg_document_not_member',
                        document=document.rec_name))
            personal_number = _personal_number(
                document.member.identity_number)
        text = gettext('sosolo_templates.msg_eid_sign_text', 'sv',
            document=document.rec_name, sha256=document.pdf_sha256)
        provider = eid.provider()
        order = provider.sign(ip_address, text, hidden=document.pdf_sha256,
            personal_number=personal_number)
        record = cls(document=document, member_party=member_party,
            email=email, provider=provider.name, ref=order.ref,
            auto_start_token=order.auto_start_token,
            qr_start_token=order.qr_start_token,
            qr_start_secret=order.qr_start_secret,
            started_at=order.started_at.replace(tzinfo=None), text=text,
            pdf_sha256=document.pdf_sha256, ip_address=ip_address,
            user_agent=user_agent)
        record.save()
        return record

    def order(self):
        "The eid.Order this record keeps."
        return eid.Order(ref=self.ref, auto_start_token=self.auto_start_token,
            qr_start_token=self.qr_start_token,
            qr_start_secret=self.qr_start_secret,
            started_at=self.started_at.replace(tzinfo=dt.timezone.utc))

    def qr_data(self, now=None):
        "The QR code's content now."
        now = now or dt.datetime.now(dt.timezone.utc)
        return eid.PROVIDERS[self.provider].qr_data(self.order(), now)

    def start_url(self):
        "The link that starts the signer's app on this device."
        return eid.PROVIDERS[self.provider].start_url(self.order())

    def collect(self):
        """Ask the provider how the order stands; when the signer has
        signed, record the Signature (method e-ID) with the provider's
        proof. Returns the eid.Result."""
        pool = Pool()
        Signature = pool.get('sosolo.template.document.signature')
        if self.state != 'pending':
            return eid.Result(ref=self.ref, status=self.state,
                hint=self.hint)
        result = eid.provider().collect(self.ref)
        self.hint = result.hint
        if result.status == eid.COMPLETE:
            identity = result.identity
            expected = (_personal_number(
                self.document.member.identity_number)
                if self.member_party else None)
            if expected and identity.personal_number != expected:
                result = eid.Result(ref=self.ref, status=eid.FAILED,
                    hint='wrongPerson')
                self.hint = result.hint
            else:
                self.signature = Signature.record(self.document,
                    identity.name, self.email, 'eid', self.text,
                    self.pdf_sha256, ip_address=self.ip_address,
                    user_agent=self.user_agent, signed_at=_now(),
                    member_party=self.member_party,
                    eid_provider=eid.PROVIDERS[self.provider].title,
                    eid_personal_number=eid.mask(identity.personal_number),
                    eid_order=self.ref, eid_signature=result.signature,
                    eid_ocsp_response=result.ocsp_response)
        self.state = result.status
        self.save()
        return result

    def cancel(self):
        "Cancel the pending order at the provider."
        if self.state == 'pending':
            eid.provider().cancel(self.ref)
            self.state, self.hint = 'failed', 'cancelled'
            self.save()

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offers a member makes from the portal (issue #13, item 3).

The cooperative makes the offer in its own name from a draft assignment
of the member: an issued document of the offer template, e-mailed to the
customer with a personal link. The link's token is kept only as its
SHA-256. The customer answers once, before the offer expires: an
acceptance is a signature in the trail, seals the PDF and submits the
assignment for approval.
"""
import datetime as dt
import hashlib
import secrets

from trytond.config import config
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.sosolo_portal.web_user import portal_link
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from .exceptions import DocumentError

#: The offer template of the starter library.
OFFER_TEMPLATE = 'template_offer'
#: The free values an offer fills itself: its date and its last day.
AUTOMATIC = {'datum', 'giltig_till'}
#: Days an offer's link stays open, unless [sosolo_templates] offer_days.
OFFER_DAYS = 30
STATES = [
    ('sent', "Sent"),
    ('accepted', "Accepted"),
    ('declined', "Declined"),
    ]
STATUSES = STATES + [('expired', "Expired")]


def token_hash(token):
    "What the offer keeps of its link's token."
    return hashlib.sha256(token.encode()).hexdigest()


def offer_days():
    return config.getint('sosolo_templates', 'offer_days',
        default=OFFER_DAYS)


class Offer(ModelSQL, ModelView):
    """Offer

    An issued offer document sent to the customer with a personal link,
    and the customer's answer.
    """
    __name__ = 'sosolo.template.offer'

    document = fields.Many2One('sosolo.template.document', "Document",
        required=True, readonly=True, ondelete='RESTRICT')
    assignment = fields.Function(fields.Many2One(
            'sosolo.convoy.assignment', "Assignment"), 'get_document_field')
    member = fields.Function(fields.Many2One('sosolo.member', "Member"),
        'get_document_field')
    customer = fields.Function(fields.Many2One('party.party', "Customer"),
        'get_document_field')
    email = fields.Char("E-mail", required=True, readonly=True,
        help="Where the offer and its link were sent.")
    token_hash = fields.Char("Token SHA-256", required=True, readonly=True)
    valid_until = fields.Date("Valid Until", required=True, readonly=True,
        help="The last day the link takes an answer.")
    state = fields.Selection(STATES, "State", required=True, readonly=True,
        sort=False)
    status = fields.Function(fields.Selection(STATUSES, "Status",
            sort=False), 'get_status')
    status_string = status.translated('status')
    answer_name = fields.Char("Answered by", readonly=True)
    answer_email = fields.Char("Answer E-mail", readonly=True)
    answered_at = fields.Timestamp("Answered at (UTC)", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('document')
        cls._order = [('id', 'DESC')]
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.token_hash, Index.Equality())))

    @classmethod
    def default_state(cls):
        return 'sent'

    def get_rec_name(self, name):
        return self.document.rec_name

    def get_document_field(self, name):
        record = getattr(self.document, name)
        return record.id if record else None

    def get_status(self, name):
        Date = Pool().get('ir.date')
        if self.state == 'sent' and Date.today() > self.valid_until:
            return 'expired'
        return self.state

    @classmethod
    def check_modification(cls, mode, offers, values=None, external=False):
        super().check_modification(
            mode, offers, values=values, external=external)
        if mode == 'delete':
            raise DocumentError(gettext(
                    'sosolo_templates.msg_offer_delete'))

    @classmethod
    def make(cls, member, assignment, email, free=None, token=None):
        """The offer of `member`'s draft `assignment` to its customer at
        `email`, made in the cooperative's name from the current version
        of the offer template with the free values `free` ({name: text}):
        issued and e-mailed with its link. Returns (offer, token); the
        token is random unless given (the demo's is known)."""
        pool = Pool()
        Date = pool.get('ir.date')
        Document = pool.get('sosolo.template.document')
        if assignment.member != member or assignment.state != 'draft':
            raise DocumentError(gettext(
                    'sosolo_templates.msg_offer_not_own',
                    assignment=assignment.rec_name))
        version = offer_version()
        today = Date.today()
        valid_until = today + dt.timedelta(days=offer_days())
        free = dict(free or {}, datum=today.isoformat(),
            giltig_till=valid_until.isoformat())
        token = token or secrets.token_urlsafe(32)
        # The portal user may read its documents, not make them: the
        # assignment was checked to be this member's just above.
        with without_check_access():
            document = Document.make(version, assignment.company,
                member=member, customer=assignment.customer,
                assignment=assignment, free=free)
            Document.issue([document])
            offer = cls(document=document, email=email,
                token_hash=token_hash(token), valid_until=valid_until)
            offer.save()
            offer.send(token)
        return offer, token

    @classmethod
    def link(cls, token):
        """The customer's link: the portal's configured public address
        (never the request's), as the other e-mails of the portal."""
        return portal_link(f'offert/{token}')

    def send(self, token):
        "E-mail the customer the offer, its PDF and its link."
        document = self.document
        company = document.company.rec_name
        document.send(self.email,
            gettext('sosolo_templates.msg_offer_email_subject', 'sv',
                company=company),
            gettext('sosolo_templates.msg_offer_email_body', 'sv',
                customer=document.customer.rec_name,
                member=document.member.party.rec_name,
                assignment=document.assignment.description,
                link=self.link(token), valid_until=self.valid_until,
                company=company))

    @classmethod
    def find(cls, token):
        "The offer of the link's `token`, or None."
        offers = cls.search([('token_hash', '=', token_hash(token))],
            limit=1)
        return offers[0] if offers else None

    @classmethod
    def consent_text(cls):
        "What the customer consents to by accepting, as the page shows it."
        return gettext('sosolo_templates.msg_offer_consent', 'sv')

    def _answer(self, name, email):
        "Lock the offer and refuse unless it still takes an answer."
        self.__class__.lock([self])
        offer = self.__class__(self.id)
        if offer.status != 'sent':
            raise DocumentError(gettext(
                    'sosolo_templates.msg_offer_answered',
                    offer=offer.rec_name))
        offer.answer_name = name
        offer.answer_email = email
        offer.answered_at = dt.datetime.now(dt.timezone.utc).replace(
            tzinfo=None)
        return offer

    def accept(self, name, email, pdf_sha256, ip_address=None,
            user_agent=None):
        """The customer accepts the offer whose PDF had `pdf_sha256`: a
        signature (method link) in the trail, the sealed PDF, and the
        assignment submitted for approval. Convoy's plan has no setting
        to approve without staff, so the assignment is only submitted."""
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        Document = pool.get('sosolo.template.document')
        Signature = pool.get('sosolo.template.document.signature')
        offer = self._answer(name, email)
        offer.state = 'accepted'
        offer.save()
        document = offer.document
        Signature.record(document, name, email, 'link', self.consent_text(),
            pdf_sha256, ip_address=ip_address, user_agent=user_agent,
            signed_at=offer.answered_at)
        Document.seal([document])
        if document.assignment.state == 'draft':
            with Transaction().set_context(company=document.company.id):
                Assignment.submit([document.assignment])
        return offer

    def decline(self, name, email):
        "The customer declines the offer."
        offer = self._answer(name, email)
        offer.state = 'declined'
        offer.save()
        return offer


def offer_version():
    "The current published version of the offer template."
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Template = pool.get('sosolo.template')
    template = Template(ModelData.get_id('sosolo_templates', OFFER_TEMPLATE))
    version = template.current_version
    if not version:
        raise DocumentError(gettext(
                'sosolo_templates.msg_offer_no_version',
                template=template.rec_name))
    return version

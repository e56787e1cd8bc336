# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import hashlib
import io
from pathlib import Path

from pypdf import PdfWriter

from trytond.config import config
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_portal.mail import send_email
from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.amount import format_number
from trytond.modules.sosolo_sweden.exceptions import InputError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import rules
from . import seal as seal_
from .exceptions import DocumentError

STATES = [
    ('draft', "Draft"),
    ('issued', "Issued"),
    ('sealed', "Sealed"),
    ]
#: The fields issuing, sealing and sending fill in: the only ones written
#: once a document is issued, and left empty in a copy.
ISSUED_FIELDS = ['issue_date', 'pdf', 'pdf_sha256', 'sealed_pdf',
    'sealed_sha256', 'sealed_at', 'sent_to', 'sent_at']


class Document(Workflow, ModelSQL, ModelView):
    """Document

    A text made from one published template version with the values it
    was filled with; once issued, its PDF and the PDF's SHA-256 are kept
    as they were.
    """
    __name__ = 'sosolo.template.document'

    _states = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    version = fields.Many2One('sosolo.template.version', "Version",
        required=True, ondelete='RESTRICT', states=_states,
        domain=[('state', '=', 'published')])
    template = fields.Function(fields.Many2One('sosolo.template',
            "Template"), 'on_change_with_template')
    member = fields.Many2One('sosolo.member', "Member", states=_states,
        domain=[('company', '=', Eval('company', -1))])
    customer = fields.Many2One('party.party', "Customer", states=_states)
    assignment = fields.Many2One('sosolo.convoy.assignment', "Assignment",
        ondelete='RESTRICT', states=_states,
        domain=[('company', '=', Eval('company', -1))])
    values = fields.One2Many('sosolo.template.document.value', 'document',
        "Values", states=_states)
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    state_string = state.translated('state')
    issue_date = fields.Date("Issue Date", readonly=True)
    pdf = fields.Binary("PDF", readonly=True, filename='pdf_name')
    pdf_name = fields.Function(fields.Char("PDF Name"), 'get_pdf_name')
    pdf_sha256 = fields.Char("PDF SHA-256", readonly=True,
        help="The SHA-256 of the issued PDF, in hexadecimal.")
    signatures = fields.One2Many('sosolo.template.document.signature',
        'document', "Signatures", readonly=True)
    sealed_pdf = fields.Binary("Sealed PDF", readonly=True,
        filename='sealed_pdf_name')
    sealed_pdf_name = fields.Function(fields.Char("Sealed PDF Name"),
        'get_pdf_name')
    sealed_sha256 = fields.Char("Sealed PDF SHA-256", readonly=True,
        help="The SHA-256 of the sealed PDF: what document-verify finds.")
    sealed_at = fields.Timestamp("Sealed at (UTC)", readonly=True)
    acknowledged_at = fields.Function(fields.Timestamp(
            "Acknowledged at (UTC)"), 'get_acknowledged_at')
    sent_to = fields.Char("Sent To", readonly=True)
    sent_at = fields.Timestamp("Sent at (UTC)", readonly=True)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'DESC')]
        cls._transitions |= {('draft', 'issued'), ('issued', 'sealed')}
        cls._buttons.update({
                'fill': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'issue': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'seal': {
                    'invisible': Eval('state') != 'issued',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'draft'

    @fields.depends('version')
    def on_change_with_template(self, name=None):
        return self.version.template if self.version else None

    def get_rec_name(self, name):
        party = self.member.party.rec_name if self.member else (
            self.customer.rec_name if self.customer else '')
        return ' – '.join(
            filter(None, [self.version.template.name, party]))

    def get_acknowledged_at(self, name):
        "When the member signed the document, if they have."
        if self.member:
            for signature in self.signatures:
                if signature.member_party == self.member.party:
                    return signature.signed_at

    def get_pdf_name(self, name):
        if name == 'sealed_pdf_name':
            return f'{self.rec_name} (förseglad).pdf'
        return f'{self.rec_name}.pdf'

    @classmethod
    def check_modification(cls, mode, documents, values=None,
            external=False):
        super().check_modification(
            mode, documents, values=values, external=external)
        if mode == 'delete' or (mode == 'write'
                and values.keys() - {'state', *ISSUED_FIELDS}):
            for document in documents:
                if document.state != 'draft':
                    raise DocumentError(gettext(
                            'sosolo_templates.msg_document_issued',
                            document=document.rec_name))

    @classmethod
    def copy(cls, documents, default=None):
        default = default.copy() if default else {}
        default.setdefault('signatures')
        for name in ISSUED_FIELDS:
            default.setdefault(name)
        return super().copy(documents, default=default)

    @classmethod
    def make(cls, version, company, member=None, customer=None,
            assignment=None, free=None):
        """A draft document of `version`, its field values read and its
        free values ({name: text}) taken from `free`."""
        document = cls(version=version, company=company, member=member,
            customer=customer, assignment=assignment)
        document.save()
        cls.fill([document], free=free)
        return document

    def sources(self):
        "{variable source: record}, as Version.values reads them."
        return {
            'member': self.member,
            'customer': self.customer,
            'assignment': self.assignment,
            'company': self.company,
            }

    @classmethod
    @ModelView.button
    def fill(cls, documents, free=None):
        """Read the field variables again; keep free values already
        given, or take them from `free`."""
        pool = Pool()
        Value = pool.get('sosolo.template.document.value')
        free = free or {}
        to_delete, to_save = [], []
        for document in documents:
            if document.state != 'draft':
                continue
            old = {v.variable.name: v.value for v in document.values}
            read = document.version.values(document.sources())
            to_delete.extend(document.values)
            for variable in document.version.variables:
                if variable.source == 'free':
                    value = free.get(variable.name, old.get(variable.name))
                else:
                    value = read[variable.name]
                to_save.append(Value(document=document, variable=variable,
                        value=value))
        Value.delete(to_delete)
        Value.save(to_save)

    def printed_values(self):
        "{name: printed text} of the document's values."
        return {v.variable.name: v.printed() for v in self.values}

    @property
    def body(self):
        "The version's text filled with the document's values, as HTML."
        return rules.fill(self.version.text, self.printed_values())

    @classmethod
    @ModelView.button
    @Workflow.transition('issued')
    def issue(cls, documents):
        """Check every value, then print the PDF once and keep it with its
        SHA-256: what is shown and signed later is this very file."""
        pool = Pool()
        Date = pool.get('ir.date')
        Report = pool.get('sosolo.template.document', type='report')
        for document in documents:
            for value in document.values:
                value.check()
        today = Date.today()
        for document in documents:
            _, content, _, _ = Report.execute([document.id], {})
            content = bytes(content)
            document.issue_date = today
            document.pdf = content
            document.pdf_sha256 = hashlib.sha256(content).hexdigest()
        cls.save(documents)

    @classmethod
    @ModelView.button
    @Workflow.transition('sealed')
    def seal(cls, documents):
        """The final PDF: the issued one with an audit page of its
        signatures, sealed with the cooperative's certificate."""
        pool = Pool()
        Audit = pool.get('sosolo.template.document.audit', type='report')
        key, certificate = seal_files()
        timestamp_url = config.get('sosolo_templates', 'timestamp_url')
        # First: the audit page prints the time of the seal.
        cls.write(documents, {'sealed_at': dt.datetime.now(dt.timezone.utc
                    ).replace(tzinfo=None)})
        for document in documents:
            _, audit, _, _ = Audit.execute([document.id], {})
            sealed = seal_.seal(join_pdfs(document.pdf, bytes(audit)), key,
                certificate, reason=gettext(
                    'sosolo_templates.msg_seal_reason',
                    company=document.company.rec_name),
                timestamp_url=timestamp_url)
            document.sealed_pdf = sealed
            document.sealed_sha256 = hashlib.sha256(sealed).hexdigest()
        cls.save(documents)

    def send(self, to, subject, body):
        """E-mail the issued PDF to `to` when the transaction commits,
        and note to whom and when."""
        send_email(to, subject, body, self.pdf, self.pdf_name)
        self.sent_to = to
        self.sent_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        self.save()

    def acknowledge(self, web_user, ip_address=None, user_agent=None):
        """The member of `web_user` signs that they have received the
        document (method link), in the trail."""
        pool = Pool()
        Signature = pool.get('sosolo.template.document.signature')
        if not self.member or self.member.party != web_user.party:
            raise DocumentError(gettext(
                    'sosolo_templates.msg_document_not_member',
                    document=self.rec_name))
        if self.acknowledged_at:
            return
        # The portal user may read its documents, not write the trail:
        # the document was checked to be this member's just above.
        with without_check_access():
            Signature.record(self, web_user.party.rec_name, web_user.email,
                'link', gettext('sosolo_templates.msg_acknowledge_consent',
                    'sv'), self.pdf_sha256, ip_address=ip_address,
                user_agent=user_agent, member_party=web_user.party)

    @classmethod
    def verify(cls, data):
        """The sealed document whose PDF is exactly `data`, checked
        against the cooperative's certificate; DocumentError naming the
        reason otherwise."""
        _, certificate = seal_files()
        try:
            seal_.verify(data, certificate)
        except seal_.SealError as error:
            raise DocumentError(gettext(
                    f'sosolo_templates.msg_seal_{error.args[0]}'))
        documents = cls.search([
                ('sealed_sha256', '=', hashlib.sha256(data).hexdigest()),
                ], limit=1)
        if not documents:
            raise DocumentError(gettext('sosolo_templates.msg_seal_unknown'))
        return documents[0]


def seal_files():
    """(key PEM, certificate PEM) of the cooperative's seal, from the
    folder `[sosolo_templates] seal_directory` (key.pem, certificate.pem).
    """
    directory = config.get('sosolo_templates', 'seal_directory')
    try:
        folder = Path(directory)
        return ((folder / 'key.pem').read_bytes(),
            (folder / 'certificate.pem').read_bytes())
    except (TypeError, OSError):
        raise DocumentError(gettext(
                'sosolo_templates.msg_seal_not_configured',
                directory=directory or ''))


def join_pdfs(*pdfs):
    "One PDF of the pages of `pdfs`, in order."
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class DocumentValue(ModelSQL, ModelView):
    """Document Value

    The value one variable had when the document was made.
    """
    __name__ = 'sosolo.template.document.value'

    document = fields.Many2One('sosolo.template.document', "Document",
        required=True, ondelete='CASCADE')
    variable = fields.Many2One('sosolo.template.variable', "Variable",
        required=True, ondelete='RESTRICT',
        domain=[('version', '=', Eval('_parent_document.version', -1))])
    value = fields.Text("Value")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('document')

    @classmethod
    def check_modification(cls, mode, values, values_=None,
            external=False):
        super().check_modification(
            mode, values, values=values_, external=external)
        for value in values:
            if value.document.state != 'draft':
                raise DocumentError(gettext(
                        'sosolo_templates.msg_document_issued',
                        document=value.document.rec_name))

    def check(self):
        "Refuse an empty value, or a free value not of its type."
        variable = self.variable
        text = (self.value or '').strip()
        if not text:
            raise DocumentError(gettext(
                    'sosolo_templates.msg_document_missing_value',
                    document=self.document.rec_name, name=variable.label))
        if variable.source != 'free':
            return
        parse = variable.parser()
        if not parse:
            return
        try:
            parse(text)
        except InputError:
            raise DocumentError(gettext(
                    'sosolo_templates.msg_document_value_type',
                    document=self.document.rec_name, name=variable.label,
                    value=self.value))

    def printed(self):
        "The value as the document prints it."
        text = (self.value or '').strip()
        if self.variable.source == 'free' and self.variable.type == 'amount':
            try:
                return format_number(parsers.amount(text))
            except InputError:
                return text
        return text

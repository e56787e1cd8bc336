# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import Workflow, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from .exceptions import DocumentError

#: The template of the employment information (LAS 6 c §).
EMPLOYMENT_TEMPLATE = 'template_employment_information'


class Assignment(metaclass=PoolMeta):
    __name__ = 'sosolo.convoy.assignment'

    documents = fields.One2Many('sosolo.template.document', 'assignment',
        "Documents", readonly=True)
    employment_information = fields.Function(fields.Many2One(
            'sosolo.template.document', "Employment Information"),
        'get_employment_information')

    def get_employment_information(self, name):
        template = _employment_template()
        for document in self.documents:
            if document.version.template == template:
                return document.id

    @classmethod
    @Workflow.transition('approved')
    def _approve(cls, assignments):
        super()._approve(assignments)
        cls.make_employment_information(assignments)

    @classmethod
    def make_employment_information(cls, assignments):
        """Issue the written information of LAS 6 c § for each assignment:
        every assignment is a särskild visstidsanställning (LAS 5 § 1 p)
        of the member by the cooperative. Made from the current published
        version of the template, the assignment and the member's plan."""
        pool = Pool()
        Date = pool.get('ir.date')
        Document = pool.get('sosolo.template.document')
        template = _employment_template()
        version = template.current_version
        if not version:
            raise DocumentError(gettext(
                    'sosolo_templates.msg_employment_no_version',
                    template=template.rec_name))
        # The employer owes this document whoever approves: the staff
        # member approving need not be allowed to write documents.
        with without_check_access():
            documents = [Document.make(version, a.company, member=a.member,
                    customer=a.customer, assignment=a,
                    free={'datum': Date.today().isoformat()})
                for a in assignments if not a.employment_information]
            Document.issue(documents)
            for document in documents:
                document.assignment.send_employment_information(document)
        return documents

    def send_employment_information(self, document):
        """E-mail the member the employment information at once: LAS 6 c §
        wants most of it within 7 days of the start."""
        party = self.member.party
        if not party.email:
            return
        language = party.lang.code if party.lang else 'sv'
        document.send(party.email,
            gettext('sosolo_templates.msg_employment_email_subject',
                language, assignment=self.description,
                company=self.company.rec_name),
            gettext('sosolo_templates.msg_employment_email_body',
                language, member=party.rec_name,
                assignment=self.description, customer=self.customer.rec_name,
                start=self.start_date or '', company=self.company.rec_name))


def _employment_template():
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Template = pool.get('sosolo.template')
    return Template(ModelData.get_id('sosolo_templates', EMPLOYMENT_TEMPLATE))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The arbetsgivarintyg: the employer's certificate for the a-kassa
(issue 16), and the member's income history.

Since 2025-10-01 the a-kassa takes the income from Skatteverket's
monthly AGI data (lag 2024:506 om arbetslöshetsförsäkring). The joint
form of the a-kassor (Arbetsgivarintyg.nu) then still asks the employer
for each employment's start and end, its form, the organisation number
and the reason it ended, and no longer for the pay and hours month by
month (Nilssons affärsbyrå, "New income-based unemployment insurance",
https://www.nilssonsaffarsbyra.se/en-se/insights/blog/new-income-based-unemployment-insurance;
Akademikernas a-kassa, "Certificate from the employer",
https://www.akademikernasakassa.se/en/compensation/application-and-reporting/employer-certificate).
Decisions under the old rules still ask for the pay per month, so the
certificate carries it too, as the AGI reported it. For a member each
assignment is one employment (a särskild visstidsanställning, LAS 5 §
1; sosolo_payroll.rules.sick_pay_right) of varying working time.
"""

from trytond.i18n import gettext
from trytond.modules.sosolo_payroll import rules
from trytond.modules.sosolo_portal.mail import send_email
from trytond.modules.sosolo_portal.web_user import portal_link
from trytond.modules.sosolo_sweden.amount import format_number
from trytond.pool import Pool, PoolMeta
from trytond.report import Report

#: The assignments that are employments: approved, whatever came after.
EMPLOYED = ['approved', 'invoiced', 'paid', 'settled']
PORTAL_PATH = 'arbetsgivarintyg'


class Employee(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.employee'

    def certificate_periods(self):
        "The employee's employments: the member's assignments, oldest first."
        Assignment = Pool().get('sosolo.convoy.assignment')
        return Assignment.search([
                ('member.party', '=', self.party.id),
                ('company', '=', self.company.id),
                ('state', 'in', EMPLOYED),
                ('start_date', '!=', None),
                ], order=[('start_date', 'ASC'), ('id', 'ASC')])

    def income_history(self, today):
        """The pay the AGI reported in the 12 months up to `today`'s, and
        the a-kassa's income condition on it: (months, IncomeCondition)."""
        AgiExport = Pool().get('sosolo.payroll.agi.export', type='wizard')
        months = AgiExport.reported_pay(self, today, rules.INCOME_MONTHS)
        return months, rules.income_condition(p for _, p in months)

    def send_certificate(self, email):
        "E-mail the certificate PDF to `email`, the member's own address."
        pool = Pool()
        Report = pool.get('sosolo.convoy.employer_certificate', type='report')
        link = portal_link(PORTAL_PATH)
        _, content, _, _ = Report.execute([self.id], {})
        send_email(email,
            gettext('sosolo_convoy.msg_certificate_email_subject', 'sv',
                company=self.company.rec_name),
            gettext('sosolo_convoy.msg_certificate_email_body', 'sv',
                member=self.party.rec_name, link=link,
                company=self.company.rec_name),
            content, 'arbetsgivarintyg.pdf')


class EmployerCertificate(Report):
    "Employer Certificate"
    __name__ = 'sosolo.convoy.employer_certificate'

    @classmethod
    def get_context(cls, records, header, data):
        Date = Pool().get('ir.date')
        context = super().get_context(records, header, data)
        today = Date.today()
        context['today'] = today
        context['ended'] = lambda a: a.end_date is not None and (
            a.end_date < today)
        context['krona'] = format_number
        return context

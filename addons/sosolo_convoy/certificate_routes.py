# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the arbetsgivarintyg (issue 16), on routes.py's
pattern: the session's own records through the record rules (an
employee only as the member's own employment, payroll.xml), 404 for
anything else."""
from trytond.modules.sosolo_portal.portal import (
    own,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.protocols.wrappers import HTTPStatus, abort
from trytond.wsgi import app

from .certificate import PORTAL_PATH
from .routes import _notice, member_page


def _employee(pool, user, employee_id):
    "The session's own employment with the id, or 404."
    employee = own(pool.get('sosolo.payroll.employee'), employee_id)
    if employee.party != user.party:
        abort(HTTPStatus.NOT_FOUND)
    return employee


@app.route(f'/<database_name>/portal/{PORTAL_PATH}', methods=['GET'])
@member_page
def certificate(request, pool, user, member):
    "The member's employments and AGI-reported income, and the PDF."
    Employee = pool.get('sosolo.payroll.employee')
    Date = pool.get('ir.date')
    employees = Employee.search([('party', '=', user.party.id)],
        order=[('start_date', 'DESC'), ('id', 'DESC')])
    return render(request, 'certificate.html', user=user,
        employees=employees, today=Date.today(), message=_notice(request))


@app.route(f'/<database_name>/portal/{PORTAL_PATH}/<int:employee_id>.pdf',
    methods=['GET'])
@member_page
def certificate_pdf(request, pool, user, member, employee_id):
    Report = pool.get('sosolo.convoy.employer_certificate', type='report')
    employee = _employee(pool, user, employee_id)
    _, content, _, _ = Report.execute([employee.id], {})
    return pdf_response(content, 'arbetsgivarintyg.pdf')


@app.route(f'/<database_name>/portal/{PORTAL_PATH}/<int:employee_id>/skicka',
    methods=['POST'])
@member_page
def send_certificate(request, pool, user, member, employee_id):
    "E-mail the certificate to the member's own address, the login's."
    _employee(pool, user, employee_id).send_certificate(user.email)
    return see_other(portal_url(f'{PORTAL_PATH}?meddelande=intyg'))


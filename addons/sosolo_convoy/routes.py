# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the member's business: assignments, customer
invoices, the activity account, payouts, expenses and payslips.

Routes run as the restricted portal user (sosolo_portal's
``member_session``): the record rules of sosolo_convoy's portal group
bind assignments, their invoices, payouts, expenses, payslips, ledger
lines and customers to the session's party. Each route still reads only
the session member's records and answers 404 for anything else. A route
parses the form, calls one model method and renders.
"""
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.modules.sosolo_membership import portal as membership
from trytond.modules.sosolo_portal.portal import (
    own,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.modules.sosolo_sweden.amount import format_number
from trytond.protocols.wrappers import (
    HTTPStatus,
    Response,
    abort,
    set_max_request_size,
)
from trytond.transaction import Transaction
from trytond.wsgi import app

from .assignment import VAT
from .exceptions import CustomerError, PayoutError
from .forms import (
    CUSTOMER,
    LINE_FIELDS,
    MAX_LINES,
    PAYOUT,
    RECEIPT,
    allowance_form,
    assignment_form,
    line_form,
)
from .tracker_mail import step_text

#: The first bytes of the receipt files we take, and their media types.
RECEIPT_TYPES = [(b'%PDF-', 'application/pdf', 'pdf'),
    (b'\xff\xd8\xff', 'image/jpeg', 'jpg'),
    (b'\x89PNG\r\n\x1a\n', 'image/png', 'png')]
MAX_RECEIPT = 10 * 1024 * 1024
NOTICES = {
    'sparat': 'sosolo_convoy.msg_portal_assignment_saved',
    'inskickat': 'sosolo_convoy.msg_portal_assignment_submitted',
    'uttag': 'sosolo_convoy.msg_portal_payout_requested',
    'uttag_avbrutet': 'sosolo_convoy.msg_portal_payout_cancelled',
    'utlagg': 'sosolo_convoy.msg_portal_expense_sent',
    'epost': 'sosolo_convoy.msg_portal_tracker_email_saved',
    'intyg': 'sosolo_convoy.msg_portal_certificate_sent',
    'forskott': 'sosolo_convoy.msg_portal_advance_requested',
    }


def _notice(request):
    key = request.args.get('meddelande')
    if key in NOTICES:
        return gettext(NOTICES[key])


#: A page of the member's own records, behind the portal session: for
#: members approved, active, or resigned and not yet left.
member_page = membership.member_page(
    lambda member: member.state in {'approved', 'active', 'resigned'})


def _own(Model, record_id, member):
    "The member's record of `Model` with the id, or 404."
    record = own(Model, record_id)
    if record.member != member:
        abort(HTTPStatus.NOT_FOUND)
    return record


def _failed(exception):
    "Undo what the refused write did; the message for the member."
    Transaction().rollback()
    return exception.message


# Assignments

@app.route('/<database_name>/portal/uppdrag', methods=['GET'])
@member_page
def assignments(request, pool, user, member):
    Assignment = pool.get('sosolo.convoy.assignment')
    records = Assignment.search([('member', '=', member.id)],
        order=[('start_date', 'DESC'), ('id', 'DESC')])
    return render(request, 'assignments.html', user=user,
        assignments=records, member=member,
        message=_notice(request))


@app.route('/<database_name>/portal/uppdrag/epost', methods=['POST'])
@member_page
def tracker_email(request, pool, user, member):
    "Start or stop the e-mail at each step of the tracker: field wanted."
    pool.get('sosolo.member').set_tracker_email(
        member, request.form.get('wanted') == 'yes')
    return see_other(portal_url('uppdrag?meddelande=epost'))


@app.route('/<database_name>/portal/uppdrag/nytt', methods=['GET', 'POST'])
@member_page
def new_assignment(request, pool, user, member):
    return _assignment_form(request, pool, user, member, None)


@app.route('/<database_name>/portal/uppdrag/<int:assignment_id>',
    methods=['GET', 'POST'])
@member_page
def assignment(request, pool, user, member, assignment_id):
    Assignment = pool.get('sosolo.convoy.assignment')
    record = _own(Assignment, assignment_id, member)
    if record.state != 'draft':
        if request.method == 'POST':
            abort(HTTPStatus.CONFLICT)
        return render(request, 'assignment.html', user=user,
            assignment=record, number=_number, message=_notice(request),
            steps=record.payout_steps(pool.get('ir.date').today()),
            step_text=step_text)
    return _assignment_form(request, pool, user, member, record)


def _assignment_form(request, pool, user, member, record):
    "The form of a new or draft assignment: save, or save and submit."
    Assignment = pool.get('sosolo.convoy.assignment')
    customers = member.convoy_customers
    page = {'assignment': record, 'customers': customers, 'vats': VAT,
        'message': _notice(request)}
    if request.method == 'GET':
        form = _form_of(record, customers)
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 1), **page)
    form = request.form
    action = form.get('action')
    if action == 'more':
        # More line rows without JavaScript: the same form, longer.
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 3), **page)
    values, errors = _assignment_values(form, customers)
    if errors:
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 0), errors=errors,
            status=HTTPStatus.BAD_REQUEST, **page)
    try:
        record = Assignment.enter(member, values, record,
            submit=action == 'submit')
    except CustomerError as exception:
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 0),
            errors={'customer_orgnr': _failed(exception)},
            status=HTTPStatus.BAD_REQUEST, **page)
    except UserError as exception:
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 0), error=_failed(exception),
            status=HTTPStatus.BAD_REQUEST, **page)
    notice = 'inskickat' if action == 'submit' else 'sparat'
    return see_other(portal_url(
            f'uppdrag/{record.id}?meddelande={notice}'))


def _form_of(record, customers):
    if record is None:
        return {'customer': str(customers[0].id) if customers else 'new',
            'line-0-vat': '25'}
    form = {
        'customer': str(record.customer.id),
        'description': record.description or '',
        'start_date': record.start_date.isoformat()
        if record.start_date else '',
        'end_date': record.end_date.isoformat() if record.end_date else '',
        }
    for i, line in enumerate(record.lines):
        form[f'line-{i}-description'] = line.description or ''
        form[f'line-{i}-quantity'] = _number(line.quantity)
        form[f'line-{i}-unit_price'] = _number(line.unit_price)
        form[f'line-{i}-vat'] = line.vat
    return form


def _number(value):
    "A number as the member would type it: 2,5."
    if value is None:
        return ''
    return format_number(value, None, space='')


def _filled(form, i):
    "Whether the member wrote in line row `i`."
    return any((form.get(f'line-{i}-{n}') or '').strip()
        for n in LINE_FIELDS[:3])


def _rows(form, blank):
    "How many line rows the form shows: the filled ones and `blank` more."
    used = [i for i in range(MAX_LINES) if _filled(form, i)]
    return min(MAX_LINES, max(used, default=-1) + 1 + blank) or 1


def _assignment_values(form, customers):
    "The values for Assignment.enter, and the errors by field name."
    values, errors = assignment_form(customers).parse(form)
    if values['customer'] == 'new':
        new, new_errors = CUSTOMER.parse(form)
        errors.update(new_errors)
        customer = {name: new[f'customer_{name}'] for name in [
                'name', 'email', 'street', 'postal_code', 'city']}
        customer['organisation'] = new['customer_orgnr']
    else:
        customer = next(
            (c for c in customers if str(c.id) == values['customer']), None)
    start, end = values['start_date'], values['end_date']
    if start and end and end < start:
        errors['end_date'] = gettext('sosolo_convoy.msg_portal_period')
    lines = []
    for i in [i for i in range(MAX_LINES) if _filled(form, i)]:
        line, line_errors = line_form(i).parse(form)
        errors.update(line_errors)
        lines.append({n: line[f'line-{i}-{n}'] for n in LINE_FIELDS})
    if not lines:
        errors['line-0-description'] = gettext(
            'sosolo_convoy.msg_portal_lines_required')
    return {'customer': customer, 'description': values['description'],
        'start_date': start, 'end_date': end, 'lines': lines}, errors


# Customer invoices

def _assignment_invoices(pool, member):
    Assignment = pool.get('sosolo.convoy.assignment')
    records = Assignment.search([('member', '=', member.id),
            ('invoice', '!=', None),
            ('invoice.state', 'in', ['posted', 'paid', 'cancelled'])])
    return sorted(records, key=lambda a: (a.invoice.invoice_date,
            a.invoice.id), reverse=True)


@app.route('/<database_name>/portal/kundfakturor', methods=['GET'])
@member_page
def customer_invoices(request, pool, user, member):
    return render(request, 'customer_invoices.html', user=user,
        assignments=_assignment_invoices(pool, member))


def _own_invoice(pool, member, invoice_id,
        states=('posted', 'paid', 'cancelled')):
    """The invoice of one of the member's assignments with the id, in
    one of `states`, or 404: another member's invoice answers as a
    missing one."""
    Assignment = pool.get('sosolo.convoy.assignment')
    assignments = Assignment.search([('member', '=', member.id),
            ('invoice', '=', invoice_id),
            ('invoice.state', 'in', list(states))], limit=1)
    if not assignments:
        abort(HTTPStatus.NOT_FOUND)
    return assignments[0].invoice


@app.route('/<database_name>/portal/kundfakturor/<int:invoice_id>.pdf',
    methods=['GET'])
@member_page
def customer_invoice_pdf(request, pool, user, member, invoice_id):
    Report = pool.get('sosolo.invoice', type='report')
    invoice = _own_invoice(pool, member, invoice_id)
    _, content, _, _ = Report.execute([invoice.id], {})
    return pdf_response(content, f'faktura-{invoice.number}.pdf')


# The activity account and payouts

@app.route('/<database_name>/portal/konto', methods=['GET'])
@member_page
def account(request, pool, user, member):
    Member = pool.get('sosolo.member')
    return render(request, 'account.html', user=user, member=member,
        statement=Member.convoy_statement(member), message=_notice(request))


@app.route('/<database_name>/portal/konto/uttag', methods=['GET', 'POST'])
@member_page
def payout(request, pool, user, member):
    Payout = pool.get('sosolo.convoy.payout')
    payouts = Payout.search([('member', '=', member.id)],
        order=[('date', 'DESC'), ('id', 'DESC')])
    values = {'member': member, 'payouts': payouts,
        'message': _notice(request)}
    if request.method == 'GET':
        return render(request, 'payout.html', user=user, **values)
    form = request.form
    parsed, errors = PAYOUT.parse(form)
    if errors:
        return render(request, 'payout.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST, **values)
    try:
        Payout.request(member, parsed['amount'])
    except UserError as exception:
        return render(request, 'payout.html', user=user, form=form,
            errors={'amount': _failed(exception)},
            status=HTTPStatus.BAD_REQUEST, **values)
    return see_other(portal_url('konto?meddelande=uttag'))


@app.route('/<database_name>/portal/konto/uttag/<int:payout_id>/avbryt',
    methods=['POST'])
@member_page
def cancel_payout(request, pool, user, member, payout_id):
    "Withdraw a payout request that no pay run has taken yet."
    Payout = pool.get('sosolo.convoy.payout')
    record = _own(Payout, payout_id, member)
    try:
        Payout.withdraw([record])
    except PayoutError:
        abort(HTTPStatus.CONFLICT)
    return see_other(portal_url('konto/uttag?meddelande=uttag_avbrutet'))


# Expenses

@app.route('/<database_name>/portal/utlagg', methods=['GET'])
@member_page
def expenses(request, pool, user, member):
    Expense = pool.get('sosolo.convoy.expense')
    records = Expense.search([('member', '=', member.id)],
        order=[('date', 'DESC'), ('id', 'DESC')])
    return render(request, 'expenses.html', user=user, expenses=records,
        message=_notice(request))


@app.route('/<database_name>/portal/utlagg/nytt', methods=['GET', 'POST'])
@set_max_request_size(MAX_RECEIPT + 64 * 1024)
@member_page
def new_expense(request, pool, user, member):
    Expense = pool.get('sosolo.convoy.expense')
    Date = pool.get('ir.date')
    if request.method == 'GET':
        return render(request, 'expense_form.html', user=user,
            form={'date': Date.today().isoformat()})
    form = request.form
    values, errors = RECEIPT.parse(form)
    amount, vat = values['amount'], values['vat_amount']
    if amount and vat and vat * 5 > amount:
        # 25 % VAT on the price is a fifth of the amount incl. VAT.
        errors['vat_amount'] = gettext('sosolo_convoy.msg_portal_vat_high')
    receipt = request.files.get('receipt')
    data = receipt.read(MAX_RECEIPT + 1) if receipt else b''
    kind = next((t for t in RECEIPT_TYPES if data.startswith(t[0])), None)
    if not data:
        errors['receipt'] = gettext('sosolo_portal.msg_form_required')
    elif len(data) > MAX_RECEIPT:
        errors['receipt'] = gettext('sosolo_convoy.msg_portal_receipt_large')
    elif not kind:
        errors['receipt'] = gettext('sosolo_convoy.msg_portal_receipt_type')
    if errors:
        return render(request, 'expense_form.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST)
    try:
        Expense.claim(member, {'kind': 'receipt', **values,
                'receipt': data, 'receipt_name': f'kvitto.{kind[2]}'})
    except UserError as exception:
        return render(request, 'expense_form.html', user=user, form=form,
            error=_failed(exception), status=HTTPStatus.BAD_REQUEST)
    return see_other(portal_url('utlagg?meddelande=utlagg'))


#: The portal's allowance forms: {path: (expense kind, quantity field,
#: smallest step of the quantity, message for a bad quantity)}.
ALLOWANCES = {
    'mil': ('mileage', 'distance_km', Decimal('0.1'),
        'sosolo_convoy.msg_portal_distance_invalid'),
    'traktamente': ('per_diem', 'days', Decimal('0.5'),
        'sosolo_convoy.msg_portal_days_invalid'),
    }


@app.route('/<database_name>/portal/utlagg/<any(mil, traktamente):path>',
    methods=['GET', 'POST'])
@member_page
def new_allowance(request, pool, user, member, path):
    "Mileage for a trip by one's own car, or a per diem for a trip."
    Expense = pool.get('sosolo.convoy.expense')
    Date = pool.get('ir.date')
    kind, quantity_field, step, invalid = ALLOWANCES[path]
    values = {'path': path, 'mileage': kind == 'mileage'}
    if request.method == 'GET':
        return render(request, 'allowance_form.html', user=user,
            form={'date': Date.today().isoformat()}, **values)
    form = request.form
    parsed, errors = allowance_form(step, invalid).parse(form)
    if errors:
        return render(request, 'allowance_form.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST, **values)
    try:
        # Claiming prices it at Skatteverket's rate of its year.
        Expense.claim(member, {'kind': kind, 'date': parsed['date'],
                'purpose': parsed['purpose'],
                quantity_field: parsed['quantity']})
    except UserError as exception:
        return render(request, 'allowance_form.html', user=user, form=form,
            error=_failed(exception), status=HTTPStatus.BAD_REQUEST,
            **values)
    return see_other(portal_url('utlagg?meddelande=utlagg'))


@app.route('/<database_name>/portal/utlagg/<int:expense_id>/kvitto',
    methods=['GET'])
@member_page
def receipt(request, pool, user, member, expense_id):
    Expense = pool.get('sosolo.convoy.expense')
    expense = _own(Expense, expense_id, member)
    data = bytes(expense.receipt or b'')
    kind = next((t for t in RECEIPT_TYPES if data.startswith(t[0])), None)
    if not kind:
        abort(HTTPStatus.NOT_FOUND)
    response = Response(data, content_type=kind[1])
    response.headers['Content-Disposition'] = (
        f'attachment; filename="kvitto-{expense.id}.{kind[2]}"')
    response.headers['Cache-Control'] = 'no-store'
    response.headers['X-Content-Type-Options'] = 'nosniff'
    return response


# Payslips

def _payslips(pool, user, domain=()):
    "The user's payslips of posted pay runs."
    Payslip = pool.get('sosolo.payroll.payslip')
    if not user.party:
        return []
    return Payslip.search([('employee.party', '=', user.party.id),
            ('run.state', 'in', ['posted', 'paid']), *domain],
        order=[('run.payment_date', 'DESC'), ('id', 'DESC')])


@app.route('/<database_name>/portal/lonebesked', methods=['GET'])
@member_page
def payslips(request, pool, user, member):
    return render(request, 'payslips.html', user=user,
        payslips=_payslips(pool, user))


@app.route('/<database_name>/portal/lonebesked/<int:payslip_id>.pdf',
    methods=['GET'])
@member_page
def payslip_pdf(request, pool, user, member, payslip_id):
    Report = pool.get('sosolo.payroll.payslip', type='report')
    payslips = _payslips(pool, user, [('id', '=', payslip_id)])
    if not payslips:
        abort(HTTPStatus.NOT_FOUND)
    payslip, = payslips
    _, content, _, _ = Report.execute([payslip.id], {})
    return pdf_response(content,
        f'lonebesked-{payslip.run.payment_date}.pdf')

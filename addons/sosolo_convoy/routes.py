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
import datetime as dt
from decimal import Decimal
from functools import wraps

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.modules.sosolo_membership.portal import member_of
from trytond.modules.sosolo_membership.routes import POSTAL_CODE
from trytond.modules.sosolo_portal.portal import (
    member_session,
    own,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.modules.sosolo_sweden.amount import NumberError, parse_number
from trytond.modules.sosolo_sweden.identity import normalize_orgnr
from trytond.protocols.wrappers import (
    HTTPStatus,
    Response,
    abort,
    set_max_request_size,
    with_pool,
    with_transaction,
)
from trytond.tools.email_ import (
    EmailNotValidError,
    normalize_email,
    validate_email,
)
from trytond.transaction import Transaction
from trytond.wsgi import app

from .exceptions import CustomerError, PayoutError

SV = {'language': 'sv'}
VATS = [('25', "25 %"), ('12', "12 %"), ('6', "6 %"), ('0', "0 %")]
LINE_FIELDS = ['description', 'quantity', 'unit_price', 'vat']
MAX_LINES = 30
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
    }


def _notice(request):
    key = request.args.get('meddelande')
    if key in NOTICES:
        return gettext(NOTICES[key])


def convoy_member(func):
    """Resolve the session's membership, or answer 404.

    Goes under ``member_session``; the route is called as
    ``func(request, pool, user, member, ...)`` in the context of the
    member's company, as the back office would be.
    """
    @wraps(func)
    def wrapper(request, pool, user, *args, **kwargs):
        member = member_of(user)
        if not member or member.state not in {
                'approved', 'active', 'resigned'}:
            abort(HTTPStatus.NOT_FOUND)
        Member = pool.get('sosolo.member')
        with Transaction().set_context(company=member.company.id):
            # Read again: records keep the context they were read in.
            member = Member(member.id)
            return func(request, pool, user, member, *args, **kwargs)
    return wrapper


def member_page(func):
    "A page of the member's own records, behind the portal session."
    return with_pool(with_transaction(context=SV)(
            member_session(convoy_member(func))))


def _own(Model, record_id, member):
    "The member's record of `Model` with the id, or 404."
    record = own(Model, record_id)
    if record.member != member:
        abort(HTTPStatus.NOT_FOUND)
    return record


def _required():
    return gettext('sosolo_membership.msg_field_required')


def parse_amount(text):
    "A non-negative amount typed the Swedish way (1 234,50), or None."
    try:
        value = parse_number(text or '')
    except NumberError:
        return None
    return value if value >= 0 else None


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


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
        assignments=records,
        message=_notice(request))


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
            assignment=record, number=_number, message=_notice(request))
    return _assignment_form(request, pool, user, member, record)


def _assignment_form(request, pool, user, member, record):
    "The form of a new or draft assignment: save, or save and submit."
    Assignment = pool.get('sosolo.convoy.assignment')
    customers = member.convoy_customers
    page = {'assignment': record, 'customers': customers, 'vats': VATS,
        'message': _notice(request)}
    if request.method == 'GET':
        form = _form_of(record, customers)
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 1), **page)
    form = {k: request.form.get(k, '').strip() for k in [
            'customer', 'customer_name', 'customer_orgnr', 'customer_email',
            'customer_street', 'customer_postal_code', 'customer_city',
            'description', 'start_date', 'end_date']}
    for i in range(MAX_LINES):
        for name in LINE_FIELDS:
            key = f'line-{i}-{name}'
            if key in request.form:
                form[key] = request.form[key].strip()
    action = request.form.get('action')
    if action == 'more':
        # More line rows without JavaScript: the same form, longer.
        return render(request, 'assignment_form.html', user=user,
            form=form, rows=_rows(form, 3), **page)
    errors, values = _assignment_values(form, customers)
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
    return format(Decimal(value).normalize(), 'f').replace('.', ',')


def _rows(form, blank):
    "How many line rows the form shows: the filled ones and `blank` more."
    used = [i for i in range(MAX_LINES)
        if any(form.get(f'line-{i}-{n}') for n in LINE_FIELDS[:3])]
    return min(MAX_LINES, max(used, default=-1) + 1 + blank) or 1


def _assignment_values(form, customers):
    "The errors by field name, and the values for Assignment.enter."
    errors = {}
    customer_ids = {str(c.id) for c in customers}
    if form['customer'] == 'new':
        for name in ['customer_name', 'customer_orgnr', 'customer_email',
                'customer_street', 'customer_postal_code', 'customer_city']:
            if not form[name]:
                errors[name] = _required()
        if form['customer_orgnr'] and 'customer_orgnr' not in errors:
            number = normalize_orgnr(form['customer_orgnr'])
            if number:
                form['customer_orgnr'] = number
            else:
                errors['customer_orgnr'] = gettext(
                    'sosolo_membership.msg_identity_invalid_company')
        if form['customer_email'] and 'customer_email' not in errors:
            try:
                validate_email(form['customer_email'])
            except EmailNotValidError:
                errors['customer_email'] = gettext(
                    'sosolo_membership.msg_email_invalid')
            else:
                form['customer_email'] = normalize_email(
                    form['customer_email'])
        if (form['customer_postal_code']
                and not POSTAL_CODE.match(form['customer_postal_code'])):
            errors['customer_postal_code'] = gettext(
                'sosolo_membership.msg_postal_code_invalid')
    elif form['customer'] not in customer_ids:
        errors['customer'] = gettext('sosolo_convoy.msg_portal_customer')
    for name in ['description', 'start_date', 'end_date']:
        if not form[name]:
            errors[name] = _required()
        elif name != 'description' and not _date(form[name]):
            errors[name] = gettext('sosolo_convoy.msg_portal_date_invalid')
    start, end = _date(form['start_date']), _date(form['end_date'])
    if start and end and end < start:
        errors['end_date'] = gettext('sosolo_convoy.msg_portal_period')
    lines = []
    for i in range(MAX_LINES):
        key = f'line-{i}-%s'
        if not any(form.get(key % n) for n in LINE_FIELDS[:3]):
            continue
        if not form.get(key % 'description'):
            errors[key % 'description'] = _required()
        quantity = parse_amount(form.get(key % 'quantity'))
        if not quantity:
            errors[key % 'quantity'] = gettext(
                'sosolo_convoy.msg_portal_quantity_invalid')
        price = parse_amount(form.get(key % 'unit_price'))
        if price is None:
            errors[key % 'unit_price'] = gettext(
                'sosolo_convoy.msg_portal_amount_invalid')
        vat = form.get(key % 'vat')
        if vat not in dict(VATS):
            errors[key % 'vat'] = _required()
        lines.append({'description': form.get(key % 'description'),
                'quantity': quantity, 'unit_price': price, 'vat': vat})
    if not lines:
        errors['line-0-description'] = gettext(
            'sosolo_convoy.msg_portal_lines_required')
    if form['customer'] == 'new':
        customer = {name: form[f'customer_{name}'] for name in [
                'name', 'email', 'street', 'postal_code', 'city']}
        customer['organisation'] = form['customer_orgnr']
    else:
        customer = next(
            (c for c in customers if str(c.id) == form['customer']), None)
    return errors, {'customer': customer,
        'description': form['description'],
        'start_date': _date(form['start_date']),
        'end_date': _date(form['end_date']),
        'lines': lines}


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


@app.route('/<database_name>/portal/kundfakturor/<int:invoice_id>.pdf',
    methods=['GET'])
@member_page
def customer_invoice_pdf(request, pool, user, member, invoice_id):
    Assignment = pool.get('sosolo.convoy.assignment')
    Report = pool.get('sosolo.invoice', type='report')
    # Another member's invoice answers as a missing one.
    assignments = Assignment.search([('member', '=', member.id),
            ('invoice', '=', invoice_id),
            ('invoice.state', 'in', ['posted', 'paid', 'cancelled'])])
    if not assignments:
        abort(HTTPStatus.NOT_FOUND)
    invoice = assignments[0].invoice
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
    form = {'amount': request.form.get('amount', '').strip()}
    amount = None
    if form['amount'].lower() not in {'', 'allt'}:
        amount = parse_amount(form['amount'])
        if not amount:
            return render(request, 'payout.html', user=user, form=form,
                errors={'amount': gettext(
                        'sosolo_convoy.msg_portal_amount_invalid')},
                status=HTTPStatus.BAD_REQUEST, **values)
    try:
        Payout.request(member, amount)
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
    form = {k: request.form.get(k, '').strip() for k in [
            'date', 'purpose', 'amount', 'vat_amount']}
    errors = {}
    for name in form:
        if not form[name]:
            errors[name] = _required()
    date = _date(form['date'])
    if form['date'] and not date:
        errors['date'] = gettext('sosolo_convoy.msg_portal_date_invalid')
    amount = parse_amount(form['amount'])
    vat = parse_amount(form['vat_amount'])
    if form['amount'] and not amount:
        errors['amount'] = gettext('sosolo_convoy.msg_portal_amount_invalid')
    if form['vat_amount'] and vat is None:
        errors['vat_amount'] = gettext(
            'sosolo_convoy.msg_portal_amount_invalid')
    elif amount and vat and vat * 5 > amount:
        # 25 % VAT on the price is a fifth of the amount incl. VAT.
        errors['vat_amount'] = gettext('sosolo_convoy.msg_portal_vat_high')
    receipt = request.files.get('receipt')
    data = receipt.read(MAX_RECEIPT + 1) if receipt else b''
    kind = next((t for t in RECEIPT_TYPES if data.startswith(t[0])), None)
    if not data:
        errors['receipt'] = _required()
    elif len(data) > MAX_RECEIPT:
        errors['receipt'] = gettext('sosolo_convoy.msg_portal_receipt_large')
    elif not kind:
        errors['receipt'] = gettext('sosolo_convoy.msg_portal_receipt_type')
    if errors:
        return render(request, 'expense_form.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST)
    try:
        Expense.claim(member, {'kind': 'receipt', 'date': date,
                'purpose': form['purpose'], 'amount': amount,
                'vat_amount': vat, 'receipt': data,
                'receipt_name': f'kvitto.{kind[2]}'})
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
    form = {k: request.form.get(k, '').strip() for k in [
            'date', 'purpose', 'quantity']}
    errors = {name: _required() for name in form if not form[name]}
    date = _date(form['date'])
    if form['date'] and not date:
        errors['date'] = gettext('sosolo_convoy.msg_portal_date_invalid')
    quantity = parse_amount(form['quantity'])
    if form['quantity'] and (not quantity or quantity % step):
        errors['quantity'] = gettext(invalid)
    if errors:
        return render(request, 'allowance_form.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST, **values)
    try:
        # Claiming prices it at Skatteverket's rate of its year.
        Expense.claim(member, {'kind': kind, 'date': date,
                'purpose': form['purpose'], quantity_field: quantity})
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

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the membership: apply, membership, invoices, details,
resignation.

Routes run as root (``with_transaction()``); each one reads only the
session party's records and answers 404 for anything else.
"""
import re

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import (
    csrf_protected,
    member_session,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.protocols.wrappers import (
    HTTPStatus,
    abort,
    with_pool,
    with_transaction,
)
from trytond.tools.email_ import (
    EmailNotValidError,
    normalize_email,
    validate_email,
)
from trytond.wsgi import app

from . import identity
from .exceptions import MemberFieldError
from .member import GENDERS, MUNICIPALITIES
from .portal import member_of

SV = {'language': 'sv'}
POSTAL_CODE = re.compile(r'^\d{3} ?\d{2}$')
PHONE = re.compile(r'^\+?[\d \-()]{6,20}$')
BANK_ACCOUNT = re.compile(r'^[\d \-,.]{6,30}$')


def _required(form, names, errors):
    for name in names:
        if not form.get(name):
            errors.setdefault(name,
                gettext('sosolo_membership.msg_field_required'))


@app.route('/<database_name>/portal/bli-medlem', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@csrf_protected
def apply(request, pool):
    "The public application form: no login."
    Config = pool.get('sosolo.membership.configuration')
    Member = pool.get('sosolo.member')
    Attempt = pool.get('sosolo.membership.application.attempt')
    config = Config(1)
    values = {
        'kinds': Member.selection_labels('kind'),
        'genders': Member.selection_labels('gender'),
        'municipalities': Member.selection_labels('municipality'),
        'statutes_url': config.statutes_url,
        }
    if request.method == 'GET':
        return render(request, 'apply.html', form={'kind': 'person'},
            **values)
    form = {k: request.form.get(k, '').strip() for k in [
            'name', 'kind', 'identity_number', 'email', 'phone', 'street',
            'postal_code', 'city', 'municipality', 'gender']}
    form['consent_statutes'] = bool(request.form.get('consent_statutes'))
    form['consent_data'] = bool(request.form.get('consent_data'))
    # Refused at once: each application hashes a password, makes records
    # and sends an e-mail.
    if Attempt.throttled():
        response = render(request, 'apply.html',
            status=HTTPStatus.TOO_MANY_REQUESTS, form=form,
            message=gettext('sosolo_membership.msg_apply_throttled'),
            **values)
        response.headers['Retry-After'] = str(Attempt.window())
        return response
    Attempt.add()
    password = request.form.get('password', '')
    errors = _application_errors(form, password,
        request.form.get('password2', ''), dict(values['kinds']))
    if not errors:
        try:
            Member.create_applicant(form, password)
        except MemberFieldError as exception:
            errors[exception.field] = exception.message
    if errors:
        return render(request, 'apply.html', status=HTTPStatus.BAD_REQUEST,
            form=form, errors=errors, **values)
    return render(request, 'applied.html', email=form['email'])


def _application_errors(form, password, password2, kinds):
    "What is wrong with the form as typed, by field."
    errors = {}
    _required(form, ['name', 'identity_number', 'email', 'street',
            'postal_code', 'city'], errors)
    if form['kind'] not in kinds:
        form['kind'] = 'person'
    if form['identity_number'] and 'identity_number' not in errors:
        number = identity.normalize(form['identity_number'], form['kind'])
        if not number:
            errors['identity_number'] = gettext(
                'sosolo_membership.msg_identity_invalid_company'
                if form['kind'] == 'company'
                else 'sosolo_membership.msg_identity_invalid_person')
        else:
            form['identity_number'] = number
    if form['email'] and 'email' not in errors:
        try:
            validate_email(form['email'])
        except EmailNotValidError:
            errors['email'] = gettext('sosolo_membership.msg_email_invalid')
        else:
            form['email'] = normalize_email(form['email']).lower()
    if form['postal_code'] and not POSTAL_CODE.match(form['postal_code']):
        errors['postal_code'] = gettext(
            'sosolo_membership.msg_postal_code_invalid')
    if form['phone'] and not PHONE.match(form['phone']):
        errors['phone'] = gettext('sosolo_membership.msg_phone_invalid')
    if form['municipality'] not in dict(MUNICIPALITIES):
        form['municipality'] = ''
    if form['gender'] not in dict(GENDERS):
        form['gender'] = ''
    if not password:
        errors['password'] = gettext('sosolo_membership.msg_field_required')
    elif password != password2:
        errors['password2'] = gettext(
            'sosolo_membership.msg_password_mismatch')
    for name in ['consent_statutes', 'consent_data']:
        if not form[name]:
            errors[name] = gettext('sosolo_membership.msg_consent_required')
    return errors


@app.route('/<database_name>/portal/medlemskap', methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def membership(request, pool, user):
    member = member_of(user)
    return render(request, 'membership.html', user=user, member=member)


@app.route('/<database_name>/portal/medlemskap/medlemsbevis.pdf',
    methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def certificate(request, pool, user):
    Certificate = pool.get('sosolo.member.certificate', type='report')
    member = member_of(user)
    if not member or member.state not in {'active', 'resigned'}:
        abort(HTTPStatus.NOT_FOUND)
    _, content, _, _ = Certificate.execute([member.id], {})
    return pdf_response(content, f'medlemsbevis-{member.number}.pdf')


@app.route('/<database_name>/portal/fakturor', methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def invoices(request, pool, user):
    Invoice = pool.get('account.invoice')
    invoices = Invoice.member_invoices(user.party) if user.party else []
    return render(request, 'invoices.html', user=user, invoices=invoices)


@app.route('/<database_name>/portal/fakturor/<int:invoice_id>.pdf',
    methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def invoice_pdf(request, pool, user, invoice_id):
    Invoice = pool.get('account.invoice')
    Report = pool.get('sosolo.member.invoice', type='report')
    # Another member's invoice answers as a missing one.
    invoices = Invoice.member_invoices(user.party,
        [('id', '=', invoice_id)]) if user.party else []
    if not invoices:
        abort(HTTPStatus.NOT_FOUND)
    invoice, = invoices
    _, content, _, _ = Report.execute([invoice.id], {})
    return pdf_response(content, f'faktura-{invoice.number}.pdf')


@app.route('/<database_name>/portal/uppgifter', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@member_session
def details(request, pool, user):
    party = user.party
    if not party:
        abort(HTTPStatus.NOT_FOUND)
    address = party.address_get()
    if request.method == 'GET':
        form = {
            'street': address.street if address else '',
            'postal_code': address.postal_code if address else '',
            'city': address.city if address else '',
            'phone': party.phone or '',
            'bank_account': party.se_bank_account or '',
            }
        message = (gettext('sosolo_membership.msg_details_saved')
            if request.args.get('sparat') else None)
        return render(request, 'details.html', user=user, form=form,
            message=message)
    form = {k: request.form.get(k, '').strip() for k in [
            'street', 'postal_code', 'city', 'phone', 'bank_account']}
    errors = {}
    _required(form, ['street', 'postal_code', 'city'], errors)
    if form['postal_code'] and not POSTAL_CODE.match(form['postal_code']):
        errors['postal_code'] = gettext(
            'sosolo_membership.msg_postal_code_invalid')
    if form['phone'] and not PHONE.match(form['phone']):
        errors['phone'] = gettext('sosolo_membership.msg_phone_invalid')
    if (form['bank_account']
            and not BANK_ACCOUNT.match(form['bank_account'])):
        errors['bank_account'] = gettext(
            'sosolo_membership.msg_bank_account_invalid')
    if errors:
        return render(request, 'details.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST)
    party.update_portal_details(form)
    return see_other(portal_url('uppgifter?sparat=1'))


@app.route('/<database_name>/portal/uttrade', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@member_session
def resign(request, pool, user):
    Member = pool.get('sosolo.member')
    Date = pool.get('ir.date')
    member = member_of(user)
    if not member or member.state not in {'active', 'resigned'}:
        abort(HTTPStatus.NOT_FOUND)
    today = Date.today()
    values = {'member': member, 'today': today}
    if member.state == 'active':
        values['exit_date'] = member.earliest_exit_date(today)
    if request.method == 'GET' or member.state != 'active':
        return render(request, 'resign.html', user=user, **values)
    if not request.form.get('confirm'):
        return render(request, 'resign.html', user=user,
            status=HTTPStatus.BAD_REQUEST, errors={
                'confirm': gettext(
                    'sosolo_membership.msg_resign_confirm_required')},
            **values)
    Member.resign([member], today)
    return see_other(portal_url('medlemskap'))

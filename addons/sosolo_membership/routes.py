# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the membership: apply, membership, invoices, details,
bank account, resignation.

The application is public (root, no session). The member pages run as
the restricted portal user (``member_session``): the record rules of
member.xml and invoice.xml bind what they read to the session's party,
and each route still answers 404 for what is not the member's own.
A route parses its form, calls one model method and renders.
"""
import re

from genshi.core import Markup

from trytond.exceptions import RateLimitException
from trytond.i18n import gettext
from trytond.modules.sosolo_portal.exceptions import EmailLinkError
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_portal.portal import (
    csrf_protected,
    member_session,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.exceptions import InputError
from trytond.protocols.wrappers import (
    HTTPStatus,
    abort,
    with_pool,
    with_transaction,
)
from trytond.transaction import without_check_access
from trytond.wsgi import app

from . import charts, kpi
from .exceptions import MemberFieldError
from .member import GENDERS, KINDS, MUNICIPALITIES
from .party import local_time
from .portal import member_of

SV = {'language': 'sv'}
_PHONE = re.compile(r'\+?[\d \-()]{6,20}', re.ASCII)
CONSENT = 'sosolo_membership.msg_consent_required'


def phone(text):
    "A phone number as typed: digits, spaces, hyphens, brackets, a +."
    text = text.strip()
    if not _PHONE.fullmatch(text):
        raise InputError(gettext('sosolo_membership.msg_phone_invalid'))
    return text


def _choice(selection):
    return parsers.choice([value for value, _ in selection if value])


PASSWORD = parsers.text(1024, strip=False)
ADDRESS = (
    Field('street', parsers.text(200), required=True),
    Field('postal_code', parsers.postal_code, required=True),
    Field('city', parsers.text(100), required=True),
    Field('phone', phone),
    )
APPLICATION = Form(
    Field('kind', _choice(KINDS), required=True),
    Field('name', parsers.text(200), required=True),
    # Which number is valid depends on the kind: create_applicant reads it.
    Field('identity_number', parsers.text(40), required=True),
    Field('email', parsers.email, required=True),
    *ADDRESS,
    Field('municipality', _choice(MUNICIPALITIES)),
    Field('gender', _choice(GENDERS)),
    Field('password', PASSWORD, required=True),
    Field('password2', PASSWORD, required=True),
    Field('consent_statutes', parsers.choice(['1']), required=CONSENT),
    Field('consent_data', parsers.choice(['1']), required=CONSENT),
    )
DETAILS = Form(*ADDRESS)
BANK_ACCOUNT = Form(
    Field('bank_account', parsers.bank_account, required=True),
    Field('password', PASSWORD, required=True),
    )
RESIGN = Form(
    Field('confirm', parsers.choice(['1']),
        required='sosolo_membership.msg_resign_confirm_required'),
    )


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
    # Refused at once: each application hashes a password, makes records
    # and sends an e-mail.
    if Attempt.throttled():
        response = render(request, 'apply.html',
            status=HTTPStatus.TOO_MANY_REQUESTS, form=request.form,
            message=gettext('sosolo_membership.msg_apply_throttled'),
            **values)
        response.headers['Retry-After'] = str(Attempt.window())
        return response
    Attempt.add()
    form, errors = APPLICATION.parse(request.form)
    if (form['password'] and form['password2']
            and form['password'] != form['password2']):
        errors['password2'] = gettext(
            'sosolo_membership.msg_password_mismatch')
    # What the model refuses too, shown with what the form refused.
    errors = {**Member.application_errors(form, form['password']), **errors}
    if not errors:
        Member.create_applicant(form, form['password'])
    if errors:
        return render(request, 'apply.html', status=HTTPStatus.BAD_REQUEST,
            form=request.form, errors=errors, **values)
    return render(request, 'applied.html', email=form['email'])


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


@app.route('/<database_name>/portal/nyckeltal', methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def figures(request, pool, user):
    "The cooperative's follow-up figures today, as charts and tables."
    Date = pool.get('ir.date')
    Figure = pool.get('sosolo.member.figure')
    # Counts over the whole register and the books: no member's own data,
    # which the portal user's rules would hide.
    with without_check_access():
        found = Figure.follow_up(Date.today())
    return render(request, 'figures.html', user=user, figures=found,
        sections=charts.charts(found, kpi.labels(pool.get('sosolo.member'))),
        tables=Figure.follow_up_tables(found), Markup=Markup)


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


def _details_form(party):
    address = party.address_get()
    return {
        'street': address.street if address else '',
        'postal_code': address.postal_code if address else '',
        'city': address.city if address else '',
        'phone': party.phone or '',
        }


@app.route('/<database_name>/portal/uppgifter', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@member_session
def details(request, pool, user):
    party = user.party
    if not party:
        abort(HTTPStatus.NOT_FOUND)
    if request.method == 'GET':
        notice = {
            'sparat': 'sosolo_membership.msg_details_saved',
            'bankkonto': 'sosolo_membership.msg_bank_account_requested',
            }.get(request.args.get('meddelande'))
        message = gettext(notice, email=user.email) if notice else None
        return render(request, 'details.html', user=user, party=party,
            form=_details_form(party), message=message,
            local_time=local_time)
    form, errors = DETAILS.parse(request.form)
    if errors:
        return render(request, 'details.html', user=user, party=party,
            form=request.form, errors=errors, status=HTTPStatus.BAD_REQUEST,
            local_time=local_time)
    party.update_portal_details(form)
    return see_other(portal_url('uppgifter?meddelande=sparat'))


@app.route('/<database_name>/portal/uppgifter/bankkonto',
    methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@member_session
def bank_account(request, pool, user):
    "Change the account salary goes to: password again, then pending."
    Party = pool.get('party.party')
    party = user.party
    if not party:
        abort(HTTPStatus.NOT_FOUND)
    if request.method == 'GET':
        return render(request, 'bank_account.html', user=user, party=party)
    form, errors = BANK_ACCOUNT.parse(request.form)
    status = HTTPStatus.BAD_REQUEST
    if not errors:
        try:
            Party.request_bank_account(user, form['password'],
                form['bank_account'])
        except MemberFieldError as exception:
            errors[exception.field] = exception.message
        except RateLimitException:
            status = HTTPStatus.TOO_MANY_REQUESTS
            errors['password'] = gettext(
                'sosolo_portal.msg_login_throttled')
        except EmailLinkError as exception:
            status = HTTPStatus.SERVICE_UNAVAILABLE
            errors['bank_account'] = exception.message
    if errors:
        return render(request, 'bank_account.html', user=user, party=party,
            form=request.form, errors=errors, status=status)
    return see_other(portal_url('uppgifter?meddelande=bankkonto'))


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
    _, errors = RESIGN.parse(request.form)
    if errors:
        return render(request, 'resign.html', user=user,
            status=HTTPStatus.BAD_REQUEST, errors=errors, **values)
    Member.resign([member], today)
    return see_other(portal_url('medlemskap'))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offers in the portal (issue #13, item 3): the member's form that makes
one from a draft assignment, and the customer's page, with no login,
where the offer's personal link leads.

The customer's page answers a wrong token 404, a used link 409 and an
expired one 410, each with a Swedish page.
"""
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.modules.sosolo_convoy.routes import member_page
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_portal.portal import (
    csrf_protected,
    own,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.modules.sosolo_sweden import parsers
from trytond.protocols.wrappers import (
    HTTPStatus,
    abort,
    with_pool,
    with_transaction,
)
from trytond.transaction import Transaction
from trytond.wsgi import app

from .offer import AUTOMATIC, offer_version

TEXT = parsers.text(200)
#: The customer's answer; `consent` only when they accept.
ANSWER = Form(
    Field('name', TEXT, required=True),
    Field('email', parsers.email, required=True))
CONSENT = Form(
    Field('consent', parsers.choice(['1']),
        required='sosolo_templates.msg_offer_consent_required'),
    Field('pdf_sha256', parsers.text(64)))
#: The page and status of a link that takes no answer, by offer status.
CLOSED = {
    'accepted': (HTTPStatus.CONFLICT, 'used'),
    'declined': (HTTPStatus.CONFLICT, 'used'),
    'expired': (HTTPStatus.GONE, 'expired'),
    }


def _free_variables(version):
    "The free variables of the offer the member fills in."
    return [v for v in version.variables
        if v.source == 'free' and v.name not in AUTOMATIC]


def _offer_form(variables):
    return Form(
        Field('assignment', parsers.integer(minimum=1),
            required='sosolo_templates.msg_offer_no_assignment',
            invalid='sosolo_templates.msg_offer_no_assignment'),
        Field('email', parsers.email, required=True),
        *[Field(v.name, v.parser() or TEXT, required=True)
            for v in variables])


@app.route('/<database_name>/portal/offert/ny', methods=['GET', 'POST'])
@member_page
def new_offer(request, pool, user, member):
    """The member's offer to the customer of one of their draft
    assignments, in the cooperative's name."""
    Assignment = pool.get('sosolo.convoy.assignment')
    Offer = pool.get('sosolo.template.offer')
    drafts = Assignment.search([
            ('member', '=', member.id), ('state', '=', 'draft')],
        order=[('id', 'DESC')])
    try:
        variables = _free_variables(offer_version())
    except UserError as exception:
        # No published offer template yet: staff publish it.
        return render(request, 'offer_form.html', user=user,
            assignments=[], variables=[], error=exception.message)
    page = {'assignments': drafts, 'variables': variables}
    if request.method == 'GET':
        form = {v.name: v.choice_list[0] for v in variables
            if v.type == 'choice'}
        form['assignment'] = request.args.get('uppdrag', '')
        return render(request, 'offer_form.html', user=user, form=form,
            **page)
    form = request.form
    values, errors = _offer_form(variables).parse(form)
    if errors:
        return render(request, 'offer_form.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST, **page)
    # Through the rules, and the member's own: 404 for anyone else's.
    assignment = own(Assignment, values['assignment'])
    if assignment.member != member:
        abort(HTTPStatus.NOT_FOUND)
    try:
        Offer.make(member, assignment, values['email'],
            free={v.name: values[v.name] for v in variables})
    except UserError as exception:
        Transaction().rollback()
        return render(request, 'offer_form.html', user=user, form=form,
            error=exception.message, status=HTTPStatus.BAD_REQUEST, **page)
    return see_other(portal_url('dokument?meddelande=offert'))


def _closed(request, status):
    "The page of a link that takes no answer, or None when it does."
    code, name = CLOSED.get(status, (None, None))
    if code is None:
        return None
    return _notice(request, code, name)


def _notice(request, code, name):
    title = gettext(f'sosolo_templates.msg_offer_{name}_title')
    # The portal's notice, without its link to the login: the customer
    # has none.
    return render(request, 'notice.html', status=code, title=title,
        text=gettext(f'sosolo_templates.msg_offer_{name}'), login=False)


def _open_offer(request, pool, token):
    "(offer, None) for a link that takes an answer, else (None, page)."
    Offer = pool.get('sosolo.template.offer')
    offer = Offer.find(token)
    if offer is None:
        return None, _notice(request, HTTPStatus.NOT_FOUND, 'not_found')
    return offer, _closed(request, offer.status)


@app.route('/<database_name>/portal/offert/<token>',
    methods=['GET', 'POST'])
@with_pool
@with_transaction(context={'language': 'sv'})
@csrf_protected
def offer(request, pool, token):
    "The customer's page of the offer: the PDF, and accept or decline."
    Offer = pool.get('sosolo.template.offer')
    offer, closed = _open_offer(request, pool, token)
    if closed:
        return closed
    page = {'offer': offer, 'token': token,
        'consent_text': Offer.consent_text()}
    if request.method == 'GET':
        return render(request, 'offer.html', **page)
    form = request.form
    accept = form.get('action') != 'decline'
    values, errors = ANSWER.parse(form)
    if accept:
        consent, consent_errors = CONSENT.parse(form)
        errors.update(consent_errors)
    if errors:
        return render(request, 'offer.html', form=form, errors=errors,
            status=HTTPStatus.BAD_REQUEST, **page)
    try:
        if accept:
            offer = offer.accept(values['name'], values['email'],
                consent['pdf_sha256'], ip_address=request.remote_addr,
                user_agent=request.headers.get('User-Agent'))
        else:
            offer = offer.decline(values['name'], values['email'])
    except UserError as exception:
        Transaction().rollback()
        # Another answer may have come first: then the link is used.
        offer = Offer(offer.id)
        closed = _closed(request, offer.status)
        if closed:
            return closed
        return render(request, 'offer.html', form=form,
            error=exception.message, status=HTTPStatus.BAD_REQUEST, **page)
    return render(request, 'offer_answered.html', offer=offer)


@app.route('/<database_name>/portal/offert/<token>/offert.pdf',
    methods=['GET'])
@with_pool
@with_transaction(context={'language': 'sv'})
def offer_pdf(request, pool, token):
    "The PDF of the offer, as issued: what the customer accepts."
    offer, closed = _open_offer(request, pool, token)
    if closed:
        return closed
    return pdf_response(offer.document.pdf, 'offert.pdf')

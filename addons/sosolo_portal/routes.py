# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal routes: start page, login, logout, password and e-mail.

Every route runs as root (``with_transaction()``): what it reads is
limited to the session's web user and party by the route itself.
"""
import os

from trytond.exceptions import RateLimitException, UserError
from trytond.i18n import gettext
from trytond.modules.sosolo_sweden import parsers
from trytond.protocols.wrappers import (
    HTTPStatus,
    Response,
    with_pool,
    with_transaction,
)
from trytond.wsgi import app

from .attempt import limit
from .exceptions import EmailLinkError
from .form import Field, Form
from .portal import (
    add_security_headers,
    csrf_protected,
    login,
    logout,
    member_session,
    portal_url,
    render,
    safe_next,
    see_other,
    session_user,
)

CSS = os.path.join(os.path.dirname(__file__), 'static', 'portal.css')
NOTICES = {
    'utloggad': 'sosolo_portal.msg_logged_out',
    'losenord': 'sosolo_portal.msg_password_changed',
    'skickat': 'sosolo_portal.msg_reset_sent',
    }
SV = {'language': 'sv'}
LOGIN = Form(
    Field('email', parsers.email,
        required='sosolo_portal.msg_email_required'),
    Field('password', parsers.text(1024, strip=False),
        required='sosolo_portal.msg_password_required'),
    )


def _notice(request):
    key = request.args.get('meddelande')
    if key in NOTICES:
        return gettext(NOTICES[key])


@app.route('/<database_name>/portal/portal.css', methods=['GET'])
def stylesheet(request, database_name):
    with open(CSS, 'rb') as file:
        response = Response(file.read(), content_type='text/css')
    response.headers['Cache-Control'] = 'public, max-age=3600'
    return response


@app.route('/<database_name>/portal/', methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def start(request, pool, user):
    Portal = pool.get('sosolo.portal')
    return render(request, 'start.html', user=user,
        items=sorted(Portal.start_items(user)),
        message=_notice(request))


@app.route('/<database_name>/portal/logga-in', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@csrf_protected
def login_page(request, pool):
    User = pool.get('web.user')
    next_ = safe_next(request.values.get('next'))
    Portal = pool.get('sosolo.portal')
    values = {'next': next_, 'apply_path': Portal.application_path(),
        'public_pages': Portal.public_pages()}
    if request.method == 'GET':
        if session_user(request):
            return see_other(next_)
        return render(request, 'login.html', message=_notice(request),
            **values)
    form, errors = LOGIN.parse(request.form)
    status = HTTPStatus.OK
    if not errors:
        try:
            user = User.authenticate(form['email'], form['password'])
        except RateLimitException:
            user = None
            status = HTTPStatus.TOO_MANY_REQUESTS
            errors['password'] = gettext('sosolo_portal.msg_login_throttled')
        else:
            if user and user.active:
                response = see_other(next_)
                login(request, response, user)
                return add_security_headers(response)
            errors['password'] = gettext('sosolo_portal.msg_login_failed')
        if status == HTTPStatus.OK:
            status = HTTPStatus.UNAUTHORIZED
    else:
        status = HTTPStatus.BAD_REQUEST
    return render(request, 'login.html', status=status, errors=errors,
        form=request.form, **values)


@app.route('/<database_name>/portal/logga-ut', methods=['POST'])
@with_pool
@with_transaction(context=SV)
@member_session
def logout_page(request, pool, user):
    response = see_other(portal_url('logga-in?meddelande=utloggad'))
    logout(request, response)
    return response


@app.route('/<database_name>/portal/glomt-losenord', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@csrf_protected
def forgotten_password(request, pool):
    User = pool.get('web.user')
    Attempt = pool.get('sosolo.portal.reset.attempt')
    if request.method == 'GET':
        return render(request, 'forgot.html')
    email = request.form.get('email', '').strip().lower()
    if not email:
        return render(request, 'forgot.html', status=HTTPStatus.BAD_REQUEST,
            errors={'email': gettext('sosolo_portal.msg_email_required')})
    # Refused at once, with no sleep: a flood must not pin the workers.
    if Attempt.throttled(email):
        response = render(request, 'forgot.html',
            status=HTTPStatus.TOO_MANY_REQUESTS, form={'email': email},
            errors={'email': gettext('sosolo_portal.msg_reset_throttled')})
        response.headers['Retry-After'] = str(
            limit('reset_address_window'))
        return response
    Attempt.add(email)
    users = User.search([('email', '=', email), ('active', '=', True)])
    try:
        # web_user limits resets to one per validity period.
        User.reset_password(users)
    except EmailLinkError as exception:
        return render(request, 'forgot.html',
            status=HTTPStatus.SERVICE_UNAVAILABLE, form={'email': email},
            errors={'email': exception.message})
    # The same answer whether or not the address has an account.
    return see_other(portal_url('logga-in?meddelande=skickat'))


@app.route('/<database_name>/portal/nytt-losenord', methods=['GET', 'POST'])
@with_pool
@with_transaction(context=SV)
@csrf_protected
def new_password(request, pool):
    User = pool.get('web.user')
    ResUser = pool.get('res.user')
    token = request.values.get('token', '')
    email = request.values.get('email', '')
    values = {'token': token, 'email': email}
    if request.method == 'GET':
        return render(request, 'reset.html', **values)
    password = request.form.get('password', '')
    errors = {}
    if not password:
        errors['password'] = gettext('sosolo_portal.msg_password_required')
    elif password != request.form.get('password2', ''):
        errors['password2'] = gettext('sosolo_portal.msg_password_mismatch')
    else:
        users = User.search([('email', '=', email.lower())])
        try:
            # web_user checks the password only for a logged-in Tryton
            # user; the portal runs as root, so check it here.
            ResUser.validate_password(password, users)
        except UserError as exception:
            errors['password'] = gettext(
                'sosolo_portal.msg_password_invalid',
                reason=exception.message)
    if errors:
        return render(request, 'reset.html', status=HTTPStatus.BAD_REQUEST,
            errors=errors, **values)
    if not (email and token
            and User.set_password_token(email, token, password)):
        return render(request, 'reset.html', status=HTTPStatus.BAD_REQUEST,
            errors={'password': gettext('sosolo_portal.msg_reset_invalid')},
            **values)
    return see_other(portal_url('logga-in?meddelande=losenord'))


@app.route('/<database_name>/portal/bekrafta-epost', methods=['GET'])
@with_pool
@with_transaction(readonly=False, context=SV)
def validate_email(request, pool):
    User = pool.get('web.user')
    token = request.args.get('token', '')
    users = User.validate_email_token([token]) if token else []
    if users:
        title = text = gettext('sosolo_portal.msg_email_validated')
        status = HTTPStatus.OK
    else:
        title = text = gettext('sosolo_portal.msg_email_validation_invalid')
        status = HTTPStatus.NOT_FOUND
    return render(request, 'notice.html', status=status, title=title,
        text=text)

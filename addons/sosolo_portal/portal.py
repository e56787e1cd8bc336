# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The member portal: page registry, layout, session and CSRF.

Other modules add their pages by extending ``sosolo.portal`` with
``PoolMeta`` (``navigation`` and ``template_directories``), so a page
shows only in databases where its module is activated.
"""
import hmac
import os
import secrets
from collections import namedtuple
from contextlib import contextmanager
from functools import wraps

from genshi.template import MarkupTemplate, TemplateLoader
from werkzeug.exceptions import NotFound

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import Model
from trytond.model.exceptions import AccessError
from trytond.modules.sosolo_sweden.amount import format_money
from trytond.pool import Pool
from trytond.protocols.wrappers import HTTPStatus, Response, abort, redirect
from trytond.transaction import Transaction, without_check_access

from .web_user import session_max_age

SESSION_COOKIE = 'sosolo_portal'
CSRF_COOKIE = 'sosolo_csrf'
CSRF_FIELD = 'csrf_token'
TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')

#: One entry of the portal navigation; ``path`` is relative to the
#: portal root, so ``''`` is the start page.
NavItem = namedtuple('NavItem', 'sequence path label')
#: One card of the start page.
StartItem = namedtuple('StartItem', 'sequence path title text')


class Portal(Model):
    "Member Portal"
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        "The menu entries for the logged-in web user, by sequence."
        return [NavItem(10, '', "Start")]

    @classmethod
    def start_items(cls, user):
        "The cards of the start page: what the member can do."
        return []

    @classmethod
    def application_path(cls):
        "The public page where one applies for membership, if any."
        return None

    @classmethod
    def public_pages(cls):
        "Pages anyone may open, as (path, label), linked from the login."
        return []

    @classmethod
    def template_directories(cls):
        "Where the portal looks up Genshi templates, first match wins."
        return [TEMPLATES]


_loaders = {}


def _loader(directories):
    key = tuple(directories)
    if key not in _loaders:
        _loaders[key] = TemplateLoader(list(key), auto_reload=False,
            default_class=MarkupTemplate)
    return _loaders[key]


def portal_url(path='', database=None):
    "The absolute path of a portal page."
    if database is None:
        database = Transaction().database.name
    return f'/{database}/portal/{path}'


def secure_cookies(request):
    """Whether cookies get the Secure flag.

    Set when the request came over TLS, or when ``[web] portal_tls``
    says the portal runs behind a TLS proxy.
    """
    return bool(request.is_secure
        or config.getboolean('web', 'portal_tls', default=False))


def _set_cookie(request, response, name, value, max_age=None):
    database = Transaction().database.name
    response.set_cookie(name, value, max_age=max_age,
        path=f'/{database}/portal', httponly=True, samesite='Lax',
        secure=secure_cookies(request))


def csrf_token(request):
    "The CSRF token of this browser, made on first use."
    token = request.cookies.get(CSRF_COOKIE)
    if not token or len(token) < 32:
        token = getattr(request, '_sosolo_csrf', None)
        if token is None:
            token = request._sosolo_csrf = secrets.token_urlsafe(32)
    return token


def check_csrf(request):
    """Refuse a form post whose token is not the browser's cookie.

    Double-submit: the token lives in an HttpOnly SameSite=Lax cookie and
    in a hidden field of every form; another site can set neither.
    """
    cookie = request.cookies.get(CSRF_COOKIE, '')
    field = request.form.get(CSRF_FIELD, '')
    if (not cookie or len(cookie) < 32
            or not hmac.compare_digest(cookie.encode(), field.encode())):
        abort(HTTPStatus.FORBIDDEN)


def csrf_protected(func):
    "Check the CSRF token of POST requests to a public route."
    @wraps(func)
    def wrapper(request, pool, *args, **kwargs):
        if request.method == 'POST':
            check_csrf(request)
        return func(request, pool, *args, **kwargs)
    return wrapper


def session_user(request):
    "The web user of the request's portal session, or None."
    key = request.cookies.get(SESSION_COOKIE)
    if not key:
        return None
    pool = Pool()
    User = pool.get('web.user')
    Session = pool.get('web.user.session')
    # web.user.session refuses it after [session] web_timeout idle or
    # [sosolo_portal] session_max_age from login (sosolo_portal.web_user).
    user = User.get_user(key)
    if user and user.active:
        Session.touch(key)
        return user
    return None


@contextmanager
def as_portal(web_user):
    """Run what follows as the restricted portal user for `web_user`.

    Model access and the record rules of ``sosolo_portal.group_portal``
    apply (``_check_access``); the rules bind member-owned records to
    ``portal_party``, the web user's party (see ``ir.py``). The company
    is the cooperative's, as a staff user's would be.
    """
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Company = pool.get('company.company')
    transaction = Transaction()
    with transaction.set_user(0):
        # Both cached: no query per request.
        portal_user = ModelData.get_id('sosolo_portal', 'user_portal')
        companies = Company.cooperative_ids()
        party = web_user.party.id if web_user.party else -1
    with transaction.set_user(portal_user), transaction.set_context(
            _check_access=True,
            portal_party=party,
            portal_web_user=web_user.id,
            company=companies[0] if companies else None,
            _companies=companies,
            language='sv'):
        yield


def member_session(func):
    """Resolve the portal session's web user, or refuse.

    The wrapped route is called as ``func(request, pool, user, ...)``,
    as the restricted portal user (``as_portal``): a search finds only
    the member's own records, and a read of another's raises AccessError,
    answered 404 like a missing page. Routes take records named in the
    request through ``own``, and still check what they show belongs to
    ``user.party``. Without a valid session a GET is sent to the
    login page and anything else gets 401. POSTs must carry the CSRF
    token.
    """
    @wraps(func)
    def wrapper(request, pool, *args, **kwargs):
        user = session_user(request)
        if user is None:
            if request.method in {'GET', 'HEAD'}:
                target = portal_url('logga-in')
                path = request.full_path.rstrip('?')
                return redirect(
                    f'{target}?next={_quote(path)}', code=303)
            abort(HTTPStatus.UNAUTHORIZED)
        if request.method == 'POST':
            check_csrf(request)
        with as_portal(user):
            # The session user again, read as the portal user.
            user = pool.get('web.user')(user.id)
            try:
                return func(request, pool, user, *args, **kwargs)
            except (AccessError, NotFound):
                Transaction().rollback()
                return not_found(request, user)
    return wrapper


def own(Model, record_id):
    """The record `record_id` of `Model` if the session may see it, or 404.

    Take every record named by the request through this. It searches,
    so the record rules of the portal user apply: ``Model(record_id)``
    would not, as Tryton reads instance attributes without access
    checks (ModelStorage.__getattr__). Routes still check what the
    record belongs to.
    """
    records = Model.search([('id', '=', record_id)], limit=1)
    if not records:
        abort(HTTPStatus.NOT_FOUND)
    return records[0]


def not_found(request, user=None):
    "The portal's 404 page: for what is missing and what is not one's own."
    text = gettext('sosolo_portal.msg_not_found')
    return render(request, 'notice.html', user=user,
        status=HTTPStatus.NOT_FOUND, title=text, text=text)


def _quote(value):
    from urllib.parse import quote
    return quote(value, safe='/')


def safe_next(value):
    "A post-login target only if it is a page of this portal."
    root = portal_url()
    if (value and value.startswith(root) and '//' not in value
            and '\\' not in value):
        return value
    return root


def login(request, response, user):
    "Start a portal session for `user` on `response`."
    key = user.new_session()
    _set_cookie(request, response, SESSION_COOKIE, key,
        max_age=session_max_age())
    # A new CSRF token with the new session (login fixation).
    token = secrets.token_urlsafe(32)
    _set_cookie(request, response, CSRF_COOKIE, token)
    return key


def logout(request, response):
    "End the portal session of the request."
    Session = Pool().get('web.user.session')
    key = request.cookies.get(SESSION_COOKIE)
    if key:
        # The key of the browser's own cookie is all one needs to end
        # its session; the portal user may not search keys (field
        # access on web.user.session.key).
        with without_check_access():
            Session.remove(key)
    database = Transaction().database.name
    for name in [SESSION_COOKIE, CSRF_COOKIE]:
        response.delete_cookie(name, path=f'/{database}/portal',
            httponly=True, samesite='Lax', secure=secure_cookies(request))


def render(request, template, user=None, status=200, **values):
    """Render a Genshi template of the portal as an HTML response.

    Genshi escapes every ``${}`` value, so what members type is shown as
    text, never as markup.
    """
    pool = Pool()
    Portal = pool.get('sosolo.portal')
    loader = _loader(Portal.template_directories())
    tmpl = loader.load(template)
    navigation = []
    if user is not None:
        navigation = sorted(Portal.navigation(user))
    values.setdefault('errors', {})
    values.setdefault('form', {})
    values.setdefault('message', None)
    body = tmpl.generate(
        user=user,
        navigation=navigation,
        url=portal_url,
        money=format_money,
        current=request.path,
        csrf_field=CSRF_FIELD,
        csrf_token=csrf_token(request),
        **values).render('html', doctype='html5', encoding='utf-8')
    response = Response(body, status=status,
        content_type='text/html; charset=utf-8')
    add_security_headers(response)
    new_token = getattr(request, '_sosolo_csrf', None)
    if new_token:
        _set_cookie(request, response, CSRF_COOKIE, new_token)
    return response


def add_security_headers(response):
    response.headers['Content-Security-Policy'] = (
        "default-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    response.headers['X-Content-Type-Options'] = 'nosniff'
    response.headers['Referrer-Policy'] = 'same-origin'
    response.headers['Cache-Control'] = 'no-store'
    return response


def see_other(path):
    "Redirect after a successful POST (post/redirect/get)."
    return redirect(path, code=303)


def pdf_response(content, filename):
    response = Response(bytes(content), content_type='application/pdf')
    response.headers['Content-Disposition'] = (
        f'attachment; filename="{filename}"')
    response.headers['Cache-Control'] = 'no-store'
    response.headers['X-Content-Type-Options'] = 'nosniff'
    return response

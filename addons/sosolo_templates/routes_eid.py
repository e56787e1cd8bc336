# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages where a member signs their own issued document with
e-ID (BankID): start the order, then a page with the animated QR code
and the autostart link that collects the order each time it is shown
and asks the browser to show it again after two seconds (the HTTP
header Refresh; no script), until the signature is in the trail.

The routes run as the restricted portal user (member_session); own()
finds only the member's documents and orders (document.xml,
eid_signing.xml).
"""
from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import (
    member_session,
    own,
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
from trytond.transaction import without_check_access
from trytond.wsgi import app

from . import eid
from .exceptions import DocumentError
from .routes import _document

#: The hint codes (BankID's, and ours: wrongPerson, unreachable,
#: not_configured) that have their own Swedish text, msg_eid_hint_*.
HINTS = {'outstandingTransaction', 'noClient', 'started', 'userSign',
    'userMrtd', 'expiredTransaction', 'userCancel', 'cancelled',
    'startFailed', 'certificateErr', 'alreadyInProgress', 'wrongPerson',
    'unreachable', 'not_configured'}
#: Seconds until the browser asks again while the order is pending: BankID
#: wants collect every two seconds, and the QR code changes each second.
REFRESH = 2


def hint_text(code):
    "The Swedish text for a hint or error `code`."
    code = code if code in HINTS else 'unknown'
    return gettext(f'sosolo_templates.msg_eid_hint_{code}', 'sv')


def qr_svg(data):
    "The QR code of `data` as an SVG data URI (the CSP allows data: images)."
    # Imported here: segno takes some 35 ms to import, and only this
    # page needs it, not every server start.
    import segno
    return segno.make(data, error='l').svg_data_uri(scale=5, border=4)


@app.route('/<database_name>/portal/dokument/<int:document_id>/bankid',
    methods=['POST'])
@with_pool
@with_transaction()
@member_session
def document_eid_start(request, pool, user, document_id):
    Order = pool.get('sosolo.template.document.eid_order')
    document = _document(pool, document_id)
    try:
        # The portal user may read its documents, not make orders: start()
        # checks that the document is this member's.
        with without_check_access():
            order = Order.start(document, user.email, request.remote_addr,
                user_agent=request.headers.get('User-Agent'),
                member_party=user.party)
    except eid.EidError as error:
        return render(request, 'eid_sign.html', user=user,
            document=document, order=None, status_code='failed',
            hint=hint_text(error.code), status=200)
    except DocumentError:
        abort(HTTPStatus.NOT_FOUND)
    return see_other(portal_url(f'dokument/{document.id}/bankid/{order.id}'))


@app.route('/<database_name>/portal/dokument/<int:document_id>/bankid/'
    '<int:order_id>', methods=['GET'])
@with_pool
# Collecting records the order's result (and the signature): a write on
# the GET that the page's Refresh header repeats, which PostgreSQL
# refuses in the read-only transaction a GET gets by default.
@with_transaction(readonly=False)
@member_session
def document_eid_collect(request, pool, user, document_id, order_id):
    Order = pool.get('sosolo.template.document.eid_order')
    order = own(Order, order_id)
    if order.document.id != document_id:
        abort(HTTPStatus.NOT_FOUND)
    try:
        # Collecting writes the order and, once signed, the trail, which
        # the portal user may only read: the order is this member's (own).
        with without_check_access():
            result = order.collect()
    except eid.EidError as error:
        result = eid.Result(ref=order.ref, status='failed', hint=error.code)
    if result.status == eid.COMPLETE:
        return see_other(portal_url('dokument'))
    pending = result.status == eid.PENDING
    response = render(request, 'eid_sign.html', user=user,
        document=order.document, order=order, status_code=result.status,
        hint=hint_text(result.hint),
        qr=qr_svg(order.qr_data()) if pending else None,
        start_url=order.start_url() if pending else None)
    if pending:
        response.headers['Refresh'] = str(REFRESH)
    return response

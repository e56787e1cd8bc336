# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the member's documents: the list, each PDF, and the
member's acknowledgement of their employment information (LAS 6 c §).

The routes run as the restricted portal user (member_session): the
record rules of document.xml show a member only their own documents.
"""
from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import (
    member_session,
    own,
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
from trytond.wsgi import app

from . import eid

#: What a member sees: documents that have been issued.
SHOWN = ['issued', 'sealed']


@app.route('/<database_name>/portal/dokument', methods=['GET'])
@with_pool
@with_transaction()
@member_session
def documents(request, pool, user):
    Document = pool.get('sosolo.template.document')
    Offer = pool.get('sosolo.template.offer')
    message = None
    if request.args.get('meddelande') == 'offert':
        message = gettext('sosolo_templates.msg_offer_sent_notice')
    return render(request, 'documents.html', user=user,
        documents=Document.search([('state', 'in', SHOWN)],
            order=[('issue_date', 'DESC'), ('id', 'DESC')]),
        offers={o.document.id: o for o in Offer.search([])},
        message=message,
        eid_offered=eid.offered())


def _document(pool, document_id):
    document = own(pool.get('sosolo.template.document'), document_id)
    if document.state not in SHOWN:
        abort(HTTPStatus.NOT_FOUND)
    return document


@app.route('/<database_name>/portal/dokument/<int:document_id>.pdf',
    methods=['GET'])
@with_pool
@with_transaction()
@member_session
def document_pdf(request, pool, user, document_id):
    document = _document(pool, document_id)
    return pdf_response(document.sealed_pdf or document.pdf,
        f'dokument-{document.id}.pdf')


@app.route('/<database_name>/portal/dokument/<int:document_id>/bekrafta',
    methods=['POST'])
@with_pool
@with_transaction()
@member_session
def document_acknowledge(request, pool, user, document_id):
    document = _document(pool, document_id)
    document.acknowledge(user, ip_address=request.remote_addr,
        user_agent=request.headers.get('User-Agent'))
    return see_other(portal_url('dokument'))

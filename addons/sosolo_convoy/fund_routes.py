# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The portal page of an advance on a customer invoice (fund.py): what
the member may get, the fund's policy, the request and its state.

As routes.py: run as the restricted portal user, and the invoice is
found among the member's own assignments, or 404.
"""
from trytond.exceptions import UserError
from trytond.modules.sosolo_portal.portal import portal_url, render, see_other
from trytond.protocols.wrappers import HTTPStatus
from trytond.wsgi import app

from .forms import ADVANCE
from .routes import _failed, _notice, _own_invoice, member_page


@app.route('/<database_name>/portal/kundfakturor/<int:invoice_id>/forskott',
    methods=['GET', 'POST'])
@member_page
def advance(request, pool, user, member, invoice_id):
    Advance = pool.get('sosolo.convoy.advance')
    Configuration = pool.get('sosolo.convoy.configuration')
    invoice = _own_invoice(pool, member, invoice_id, ['posted', 'paid'])
    values = {
        'invoice': invoice,
        'advances': Advance.search([('invoice', '=', invoice.id)]),
        'available': Advance.available(member, invoice),
        'policy': Configuration(1).fund_policy,
        'message': _notice(request),
        }
    if request.method == 'GET':
        return render(request, 'advance.html', user=user, **values)
    form = request.form
    parsed, errors = ADVANCE.parse(form)
    if not errors:
        try:
            Advance.request(member, invoice, parsed['amount'])
        except UserError as exception:
            errors = {'amount': _failed(exception)}
    if errors:
        return render(request, 'advance.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST, **values)
    return see_other(portal_url(
            f'kundfakturor/{invoice.id}/forskott?meddelande=forskott'))

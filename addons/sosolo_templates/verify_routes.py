# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The public page verifiera (issue #13, item 5): anyone uploads a PDF
and gets the answer of `sosolo document-verify` (verify.verify)."""
from werkzeug.exceptions import RequestEntityTooLarge

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import render
from trytond.protocols.wrappers import (
    HTTPStatus,
    set_max_request_size,
    with_pool,
    with_transaction,
)
from trytond.wsgi import app

from .verify import verify

#: The largest PDF the page checks.
MAX_SIZE = 20 * 1024 * 1024


@app.route('/<database_name>/portal/verifiera', methods=['GET', 'POST'])
@set_max_request_size(MAX_SIZE + 64 * 1024)
@with_pool
@with_transaction(readonly=True, context={'language': 'sv'})
def verify_page(request, pool):
    """Check an uploaded PDF. No CSRF token: the page changes nothing,
    and anyone may ask."""
    if request.method == 'GET':
        return render(request, 'verify.html')
    large = gettext('sosolo_templates.msg_verify_large',
        size=MAX_SIZE // (1024 * 1024))
    try:
        upload = request.files.get('file')
    except RequestEntityTooLarge:
        return render(request, 'verify.html', error=large,
            status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    data = upload.read(MAX_SIZE + 1) if upload else b''
    if not data:
        error = gettext('sosolo_templates.msg_verify_required')
    elif len(data) > MAX_SIZE:
        error = large
    elif not data.startswith(b'%PDF-'):
        error = gettext('sosolo_templates.msg_verify_not_pdf')
    else:
        verified, lines = verify(data)
        return render(request, 'verify.html', verified=verified,
            lines=lines)
    return render(request, 'verify.html', error=error,
        status=HTTPStatus.BAD_REQUEST)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The portal's list of open public tenders (issue 15): the ones that
match the member's CPV interests first, each with its deadline.

Runs as the restricted portal user: notices are public and readable by
all; the member's interests are bound to the member by interest.xml's
rule."""
import datetime as dt

from trytond.modules.sosolo_membership.party import local_time
from trytond.modules.sosolo_membership.portal import member_of
from trytond.modules.sosolo_portal.portal import (
    member_session,
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

SV = {'language': 'sv'}


@app.route('/<database_name>/portal/upphandlingar', methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def tenders(request, pool, user):
    Tender = pool.get('sosolo.community.tender')
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    member = member_of(user)
    listed = Tender.open_tenders(member, now)
    return render(request, 'tenders.html', user=user, tenders=listed,
        now=now, local_time=local_time, member=member)


@app.route('/<database_name>/portal/upphandlingar/veckobrev',
    methods=['POST'])
@with_pool
@with_transaction(context=SV)
@member_session
def digest(request, pool, user):
    "Start or stop the weekly tender e-mail: field digest, on or off."
    Member = pool.get('sosolo.member')
    member = member_of(user)
    wanted = request.form.get('digest')
    if not member or wanted not in {'on', 'off'}:
        abort(HTTPStatus.BAD_REQUEST)
    Member.set_tender_digest(member, wanted == 'on')
    return see_other(portal_url('upphandlingar'))

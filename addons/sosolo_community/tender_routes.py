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
from trytond.modules.sosolo_portal.portal import member_session, render
from trytond.protocols.wrappers import with_pool, with_transaction
from trytond.wsgi import app

SV = {'language': 'sv'}


@app.route('/<database_name>/portal/upphandlingar', methods=['GET'])
@with_pool
@with_transaction(context=SV)
@member_session
def tenders(request, pool, user):
    Tender = pool.get('sosolo.community.tender')
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    listed = Tender.open_tenders(member_of(user), now)
    return render(request, 'tenders.html', user=user, tenders=listed,
        now=now, local_time=local_time)

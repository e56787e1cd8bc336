# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The portal's consortia (issue 15, item 4): the member's consortia,
interest in a tender or lot, and the lead adding members.

Runs as the restricted portal user: consortium.xml's rules show a member
only the consortia they are in, and let only the lead add members."""
from trytond.i18n import gettext
from trytond.modules.sosolo_membership.party import local_time
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_portal.portal import (
    own,
    portal_url,
    render,
    see_other,
)
from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.amount import format_number
from trytond.protocols.wrappers import HTTPStatus, abort
from trytond.wsgi import app

from .consortium import OPEN
from .routes import member_page

NOTICES = {
    'registrerad': 'sosolo_community.msg_portal_consortium_registered',
    'tillagd': 'sosolo_community.msg_portal_consortium_member_added',
    }
INTEREST = Form(Field('lot', parsers.integer(minimum=1)))
ADD = Form(Field('profile', parsers.integer(minimum=1), required=True))


@app.route('/<database_name>/portal/konsortier', methods=['GET'])
@member_page
def consortia(request, pool, user, member):
    Consortium = pool.get('sosolo.community.consortium')
    Profile = pool.get('sosolo.community.profile')
    records = Consortium.search([('shares.member', '=', member.id)])
    led = [c for c in records if c.lead == member and c.state in OPEN]
    # Whom the lead may add: the members listed in the directory.
    profiles = Profile.search([('member', '!=', member.id)],
        order=[('name', 'ASC')]) if led else []
    message = NOTICES.get(request.args.get('meddelande'))
    return render(request, 'consortia.html', user=user, member=member,
        consortia=records, led=led, profiles=profiles,
        local_time=local_time, number=format_number,
        message=gettext(message) if message else None)


@app.route('/<database_name>/portal/upphandlingar/<int:tender_id>/intresse',
    methods=['POST'])
@member_page
def interest(request, pool, user, member, tender_id):
    "Register interest in the tender, or its lot: field lot."
    Consortium = pool.get('sosolo.community.consortium')
    Tender = pool.get('sosolo.community.tender')
    Lot = pool.get('sosolo.community.tender.lot')
    values, errors = INTEREST.parse(request.form)
    if errors:
        abort(HTTPStatus.BAD_REQUEST)
    tender = own(Tender, tender_id)
    lot = own(Lot, values['lot']) if values['lot'] else None
    if lot is not None and lot.tender != tender:
        abort(HTTPStatus.NOT_FOUND)
    Consortium.register_interest(member, tender, lot)
    return see_other(portal_url('konsortier?meddelande=registrerad'))


@app.route('/<database_name>/portal/konsortier/<int:consortium_id>/medlem',
    methods=['POST'])
@member_page
def add_member(request, pool, user, member, consortium_id):
    "The lead adds a member listed in the directory: field profile."
    Consortium = pool.get('sosolo.community.consortium')
    Profile = pool.get('sosolo.community.profile')
    consortium = own(Consortium, consortium_id)
    if consortium.lead != member:
        abort(HTTPStatus.NOT_FOUND)
    values, errors = ADD.parse(request.form)
    if errors:
        abort(HTTPStatus.BAD_REQUEST)
    profile = own(Profile, values['profile'])
    Consortium.add_member(consortium, member, profile.member)
    return see_other(portal_url('konsortier?meddelande=tillagd'))

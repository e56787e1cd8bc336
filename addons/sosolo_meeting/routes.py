# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The general meeting in the portal, under /<db>/portal/stamma.

Routes run as the restricted portal user (sosolo_portal's
``member_session``): the record rules of portal.xml show members the
meetings that have been called, the roll entries whose vote they cast,
and the proxies they gave or hold. Votes go through Ballot.vote, which
answers 409 for a second vote or a closed ballot and 403 for someone not
on the roll; a form without JavaScript posts them.
"""
from trytond.i18n import gettext
from trytond.modules.sosolo_membership import portal as membership
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_portal.portal import (
    own,
    pdf_response,
    portal_url,
    render,
    see_other,
)
from trytond.modules.sosolo_sweden import parsers
from trytond.protocols.wrappers import HTTPStatus, abort
from trytond.transaction import Transaction
from trytond.wsgi import app

from .exceptions import MeetingError, VoteRefused

NOTICES = {
    'fullmakt': 'sosolo_meeting.msg_portal_proxy_given',
    'aterkallad': 'sosolo_meeting.msg_portal_proxy_revoked',
    'motion': 'sosolo_meeting.msg_portal_motion_sent',
    }
MOTION_MISSING = 'sosolo_meeting.msg_motion_missing'
MOTION = Form(
    Field('title', parsers.text(), required=MOTION_MISSING),
    Field('text', parsers.text(multiline=True), required=MOTION_MISSING))


#: The meeting pages: for anyone who has entered the cooperative (a
#: member who has resigned votes until the exit date).
member_page = membership.member_page(lambda member: bool(member.entry_date))


def _notice(request):
    key = request.args.get('meddelande')
    if key in NOTICES:
        return gettext(NOTICES[key])


def _meetings_page(request, pool, user, member, status=200, **values):
    Meeting = pool.get('sosolo.meeting')
    Proxy = pool.get('sosolo.meeting.proxy')
    meetings = Meeting.search([], order=[('meeting_date', 'DESC')])
    coming = [m for m in meetings if m.state in {'called', 'open'}]
    past = [m for m in meetings if m not in coming]
    proxies = Proxy.search([('revoked', '=', False)],
        order=[('issue_date', 'DESC')])
    return render(request, 'meetings.html', user=user, status=status,
        member=member, coming=coming, past=past, proxies=proxies,
        message=values.pop('message', None) or _notice(request), **values)


@app.route('/<database_name>/portal/stamma', methods=['GET'])
@member_page
def meetings(request, pool, user, member):
    return _meetings_page(request, pool, user, member)


def _meeting_page(request, pool, user, meeting, status=200, **values):
    Roll = pool.get('sosolo.meeting.roll')
    Voter = pool.get('sosolo.meeting.ballot.voter')
    mine = Roll.search([
            ('meeting', '=', meeting.id), ('voter', '=', user.party.id)])
    voted = {(v.ballot.id, v.entry.id) for v in Voter.search([
                ('entry', 'in', [e.id for e in mine])])}
    Motion = pool.get('sosolo.meeting.motion')
    motions = Motion.search([('meeting', '=', meeting.id)])
    values.setdefault('message', _notice(request))
    return render(request, 'meeting.html', user=user, status=status,
        meeting=meeting, entries=mine, voted=voted, motions=motions,
        **values)


@app.route('/<database_name>/portal/stamma/<int:meeting_id>',
    methods=['GET'])
@member_page
def meeting(request, pool, user, member, meeting_id):
    record = own(pool.get('sosolo.meeting'), meeting_id)
    return _meeting_page(request, pool, user, record)


@app.route('/<database_name>/portal/stamma/<int:meeting_id>/kallelse.pdf',
    methods=['GET'])
@member_page
def notice_pdf(request, pool, user, member, meeting_id):
    "The notice PDF as the members were sent it when the meeting was called."
    record = own(pool.get('sosolo.meeting'), meeting_id)
    if not record.notice_pdf:
        abort(HTTPStatus.NOT_FOUND)
    return pdf_response(record.notice_pdf, record.notice_pdf_name)


@app.route('/<database_name>/portal/stamma/<int:meeting_id>/protokoll.pdf',
    methods=['GET'])
@member_page
def minutes_pdf(request, pool, user, member, meeting_id):
    "The signed minutes, once published (6 kap. 40 §)."
    record = own(pool.get('sosolo.meeting'), meeting_id)
    if record.state != 'published' or not record.signed_minutes:
        abort(HTTPStatus.NOT_FOUND)
    return pdf_response(record.signed_minutes, gettext(
            'sosolo_meeting.msg_minutes_filename',
            date=record.meeting_date))


@app.route('/<database_name>/portal/stamma/<int:meeting_id>/'
    'omrostning/<int:ballot_id>', methods=['POST'])
@member_page
def vote(request, pool, user, member, meeting_id, ballot_id):
    """Cast a vote: 200 with the receipt of a secret vote, 409 for a
    second vote or a closed ballot, 403 when not on the roll."""
    Ballot = pool.get('sosolo.meeting.ballot')
    Roll = pool.get('sosolo.meeting.roll')
    record = own(pool.get('sosolo.meeting'), meeting_id)
    ballot = own(Ballot, ballot_id)
    if ballot.meeting != record:
        abort(HTTPStatus.NOT_FOUND)
    try:
        entry_id = int(request.form.get('entry', ''))
    except ValueError:
        entry_id = None
    # The rules show only the entries whose vote the session casts.
    entries = Roll.search([('id', '=', entry_id)]) if entry_id else []
    if not entries or entries[0].voter != user.party:
        return _meeting_page(request, pool, user, record,
            status=HTTPStatus.FORBIDDEN,
            error=gettext('sosolo_meeting.msg_vote_not_on_roll',
                ballot=ballot.title))
    try:
        receipt = Ballot.vote(
            ballot, entries[0], request.form.get('choice', ''))
    except VoteRefused as refusal:
        Transaction().rollback()
        return _meeting_page(request, pool, user,
            own(pool.get('sosolo.meeting'), meeting_id),
            status=refusal.status, error=refusal.message)
    return _meeting_page(request, pool, user, record,
        message=gettext('sosolo_meeting.msg_portal_voted',
            ballot=ballot.title), receipt=receipt)


@app.route('/<database_name>/portal/stamma/<int:meeting_id>/motion',
    methods=['POST'])
@member_page
def submit_motion(request, pool, user, member, meeting_id):
    "A motion of the session's member, before the statutes' deadline."
    Motion = pool.get('sosolo.meeting.motion')
    record = own(pool.get('sosolo.meeting'), meeting_id)
    values, errors = MOTION.parse(request.form)
    if errors:
        return _meeting_page(request, pool, user, record,
            status=HTTPStatus.BAD_REQUEST, form=request.form, errors=errors,
            error=next(iter(errors.values())))
    try:
        Motion.submit(member, record, values['title'], values['text'])
    except MeetingError as error:
        Transaction().rollback()
        return _meeting_page(request, pool, user,
            own(pool.get('sosolo.meeting'), meeting_id),
            status=HTTPStatus.BAD_REQUEST, form=request.form,
            error=error.message)
    return see_other(portal_url(f'stamma/{meeting_id}?meddelande=motion'))


@app.route('/<database_name>/portal/stamma/fullmakt', methods=['POST'])
@member_page
def give_proxy(request, pool, user, member):
    Proxy = pool.get('sosolo.meeting.proxy')
    try:
        Proxy.give(member, request.form.get('number', '').strip())
    except MeetingError as error:
        Transaction().rollback()
        return _meetings_page(request, pool, user, member,
            status=HTTPStatus.BAD_REQUEST, error=error.message)
    return see_other(portal_url('stamma?meddelande=fullmakt'))


@app.route('/<database_name>/portal/stamma/fullmakt/<int:proxy_id>/'
    'aterkalla', methods=['POST'])
@member_page
def revoke_proxy(request, pool, user, member, proxy_id):
    Proxy = pool.get('sosolo.meeting.proxy')
    proxy = own(Proxy, proxy_id)
    if proxy.principal != member:
        abort(HTTPStatus.NOT_FOUND)
    Proxy.revoke([proxy])
    return see_other(portal_url('stamma?meddelande=aterkallad'))

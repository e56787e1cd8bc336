# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal pages of the community: the directory and shared resources.

Routes run as the restricted portal user (sosolo_portal's
``member_session``): the record rules of profile.xml hide unlisted
profiles and unpublished contacts of other members, those of
booking.xml bind bookings to the session's party.
"""
import datetime as dt

from trytond.i18n import gettext
from trytond.model.exceptions import SQLConstraintError
from trytond.modules.sosolo_convoy.routes import RECEIPT_TYPES
from trytond.modules.sosolo_membership import portal as membership
from trytond.modules.sosolo_membership.member import MUNICIPALITIES
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_portal.portal import (
    own,
    portal_url,
    render,
    see_other,
    session_user,
)
from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.exceptions import InputError
from trytond.protocols.wrappers import (
    HTTPStatus,
    Response,
    abort,
    set_max_request_size,
    with_pool,
    with_transaction,
)
from trytond.transaction import Transaction
from trytond.wsgi import app

from .booking import BookingOverlapError, format_local, utc
from .portal import PUBLIC_DIRECTORY
from .profile import LISTED, LISTINGS, PLACES, SHOWN_STATES

NOTICES = {
    'bokad': 'sosolo_community.msg_portal_booked',
    'avbokad': 'sosolo_community.msg_portal_booking_cancelled',
    }
DEAL_NOTICES = {
    'med': 'sosolo_community.msg_portal_deal_joined',
    'lamnat': 'sosolo_community.msg_portal_deal_left',
    }


def local_time(text):
    "A Stockholm time typed as YYYY-MM-DD HH:MM (or with a T), as UTC."
    try:
        value = dt.datetime.strptime(
            text.strip().replace('T', ' '), '%Y-%m-%d %H:%M')
    except ValueError:
        raise InputError(gettext('sosolo_community.msg_portal_time_invalid'))
    return utc(value)


BOOKING = Form(
    Field('resource', parsers.integer(minimum=1), required=True),
    Field('start', local_time, required=True),
    Field('end', local_time, required=True),
    Field('note', parsers.text(200)),
    )


#: The community pages: for approved and active members.
member_page = membership.member_page(
    lambda member: member.state in {'approved', 'active'})


# Directory

def municipality_labels(pool):
    "The (code, name) of each municipality, 'other' in Swedish too."
    return pool.get('sosolo.member').selection_labels('municipality')


def shown_contacts(profile_ids):
    """The contacts the directory shows of `profile_ids`: the published
    ones, one's own included. The record rules hide another member's
    unpublished contacts even without this."""
    return [('profile', 'in', profile_ids), ('published', '=', True)]


def _directory(request, pool, user, listings, public=False):
    "The directory searched by the request's q, kompetens and kommun."
    Profile = pool.get('sosolo.community.profile')
    Contact = pool.get('sosolo.community.profile.contact')
    text = (request.args.get('q') or '').strip()[:100]
    skill = (request.args.get('kompetens') or '').strip()[:100]
    municipality = request.args.get('kommun') or None
    if municipality not in dict(MUNICIPALITIES):
        municipality = None
    searched = bool(text or skill or municipality)
    profiles = Profile.find(text=text or None, skill=skill or None,
        municipality=municipality, listings=listings) \
        if searched or public else []
    contacts = {}
    for contact in Contact.search(
            shown_contacts([p.id for p in profiles])):
        contacts.setdefault(contact.profile.id, []).append(contact)
    return render(request, 'directory.html', user=user, public=public,
        profiles=profiles, contacts=contacts, searched=searched,
        form={'q': text, 'kompetens': skill, 'kommun': municipality or ''},
        municipalities=municipality_labels(pool))


@app.route('/<database_name>/portal/katalog', methods=['GET'])
@member_page
def directory(request, pool, user, member):
    return _directory(request, pool, user, LISTED)


@app.route('/<database_name>/portal/' + PUBLIC_DIRECTORY, methods=['GET'])
@with_pool
@with_transaction(context={'language': 'sv'})
def public_directory(request, pool):
    """The publicly listed members and their published contacts, for
    anyone: no login, so no record rules; the listing and shown_contacts
    are the only filters."""
    return _directory(request, pool, session_user(request), ['public'],
        public=True)


#: The contacts the profile form shows, each with its published box.
FORM_CONTACTS = ['email', 'phone']
PROFILE = Form(
    Field('name', parsers.text(100), required=True),
    Field('listing', parsers.choice(dict(LISTINGS)), required=True),
    Field('skills', parsers.text(500)),
    Field('services', parsers.text(2000, multiline=True)),
    Field('sni_code', parsers.text(5)),
    Field('municipality', parsers.choice(
            [c for c, _ in MUNICIPALITIES if c])),
    Field('languages', parsers.text(200)),
    Field('email', parsers.email),
    Field('phone', parsers.text(30)),
    )


#: The photos the directory takes: the images among the receipt types.
PHOTO_TYPES = [t for t in RECEIPT_TYPES if t[1].startswith('image/')]
MAX_PHOTO = 2 * 1024 * 1024


def photo_kind(data):
    "The entry of PHOTO_TYPES whose first bytes `data` has, or None."
    return next((t for t in PHOTO_TYPES if data.startswith(t[0])), None)


def photo_upload(request, errors):
    """The uploaded photo's bytes, None when none was chosen; a size
    or type error goes into `errors`."""
    upload = request.files.get('photo')
    data = upload.read(MAX_PHOTO + 1) if upload else b''
    if not data:
        return None
    if len(data) > MAX_PHOTO:
        errors['photo'] = gettext('sosolo_community.msg_portal_photo_large')
    elif not photo_kind(data):
        errors['photo'] = gettext('sosolo_community.msg_portal_photo_type')
    return data


def photo_response(profile):
    "The profile's photo with its media type, or 404."
    data = bytes(profile.photo or b'')
    kind = photo_kind(data)
    if not kind:
        abort(HTTPStatus.NOT_FOUND)
    response = Response(data, content_type=kind[1])
    response.headers['X-Content-Type-Options'] = 'nosniff'
    return response


@app.route('/<database_name>/portal/katalog/<int:profile_id>/foto',
    methods=['GET'])
@member_page
def photo(request, pool, user, member, profile_id):
    "A photo of a profile the member finds (profile.xml's rules)."
    return photo_response(own(pool.get('sosolo.community.profile'),
            profile_id))


@app.route('/<database_name>/portal/' + PUBLIC_DIRECTORY
    + '/<int:profile_id>/foto', methods=['GET'])
@with_pool
@with_transaction(context={'language': 'sv'})
def public_photo(request, pool, profile_id):
    "A photo of a publicly listed profile: no login, so no rules."
    Profile = pool.get('sosolo.community.profile')
    profiles = Profile.search([
            ('id', '=', profile_id), ('listing', '=', 'public'),
            ('member.state', 'in', SHOWN_STATES)])
    if not profiles:
        abort(HTTPStatus.NOT_FOUND)
    return photo_response(profiles[0])


@app.route('/<database_name>/portal/katalog/min-profil',
    methods=['GET', 'POST'])
@set_max_request_size(MAX_PHOTO + 64 * 1024)
@member_page
def my_profile(request, pool, user, member):
    "The member's own profile: whether and how others find them."
    Profile = pool.get('sosolo.community.profile')
    Contact = pool.get('sosolo.community.profile.contact')
    values = {'municipalities': PLACES, 'photo_id': None,
        'choices': municipality_labels(pool)}
    if request.method == 'GET':
        profiles = Profile.search([('member', '=', member.id)], limit=1)
        form = {'name': member.party.name, 'listing': 'unlisted',
            'served': []}
        if profiles:
            profile, = profiles
            form.update({name: getattr(profile, name) or ''
                    for name in ['name', 'listing', 'skills', 'services',
                        'sni_code', 'municipality', 'languages']})
            form['served'] = list(profile.municipalities or [])
            values['photo_id'] = profile.id if profile.photo else None
            for contact in Contact.search([('profile', '=', profile.id)]):
                if contact.kind in FORM_CONTACTS:
                    form[contact.kind] = contact.value
                    form[f'{contact.kind}_published'] = contact.published
        saved = request.args.get('meddelande') == 'sparad'
        return render(request, 'profile_form.html', user=user, form=form,
            message=gettext('sosolo_community.msg_portal_profile_saved')
            if saved else None, **values)
    parsed, errors = PROFILE.parse(request.form)
    photo = photo_upload(request, errors)
    served = [c for c in request.form.getlist('served')
        if c in dict(PLACES)]
    form = {**request.form.to_dict(), 'served': served}
    for kind in FORM_CONTACTS:
        form[f'{kind}_published'] = (
            request.form.get(f'{kind}_published') == 'yes')
    if errors:
        return render(request, 'profile_form.html', user=user, form=form,
            errors=errors, status=HTTPStatus.BAD_REQUEST, **values)
    contacts = {kind: (parsed.pop(kind), form[f'{kind}_published'])
        for kind in FORM_CONTACTS}
    if photo is not None:
        parsed['photo'] = photo
    elif request.form.get('photo_remove') == 'yes':
        parsed['photo'] = None
    Profile.keep(member, {**parsed, 'municipalities': served}, contacts)
    return see_other(portal_url('katalog/min-profil?meddelande=sparad'))


# Shared resources

def _resources_page(request, pool, user, member, status=HTTPStatus.OK,
        **values):
    Resource = pool.get('sosolo.community.resource')
    Booking = pool.get('sosolo.community.booking')
    Date = pool.get('ir.date')
    now = dt.datetime.combine(Date.today(), dt.time())
    resources = Resource.search([])
    mine = Booking.search([
            ('member', '=', member.id),
            ('state', '=', 'booked'),
            ('end', '>', now),
            ], order=[('start', 'ASC')])
    values.setdefault('form', {})
    message = NOTICES.get(request.args.get('meddelande'))
    return render(request, 'resources.html', user=user,
        resources=resources, bookings=mine,
        busy=Booking.busy_times(resources, now),
        local=format_local, status=status,
        message=gettext(message) if message else None, **values)


@app.route('/<database_name>/portal/resurser', methods=['GET'])
@member_page
def resources(request, pool, user, member):
    return _resources_page(request, pool, user, member)


@app.route('/<database_name>/portal/resurser/boka', methods=['POST'])
@member_page
def book(request, pool, user, member):
    Resource = pool.get('sosolo.community.resource')
    Booking = pool.get('sosolo.community.booking')
    values, errors = BOOKING.parse(request.form)
    if errors:
        return _resources_page(request, pool, user, member,
            status=HTTPStatus.BAD_REQUEST, form=request.form, errors=errors)
    resource = own(Resource, values['resource'])
    try:
        Booking.book(member, resource, values['start'], values['end'],
            note=values['note'])
    except (BookingOverlapError, SQLConstraintError) as exception:
        # Taken, or taken a moment ago by another member (the exclusion
        # constraint): the member chooses another time.
        Transaction().rollback()
        return _resources_page(request, pool, user, member,
            status=HTTPStatus.CONFLICT, form=request.form,
            error=exception.message)
    return see_other(portal_url('resurser?meddelande=bokad'))


@app.route('/<database_name>/portal/resurser/bokning/<int:booking_id>/avboka',
    methods=['POST'])
@member_page
def cancel(request, pool, user, member, booking_id):
    Booking = pool.get('sosolo.community.booking')
    booking = own(Booking, booking_id)
    if booking.member != member:
        abort(HTTPStatus.NOT_FOUND)
    Booking.cancel([booking])
    return see_other(portal_url('resurser?meddelande=avbokad'))


# Collective deals

@app.route('/<database_name>/portal/erbjudanden', methods=['GET'])
@member_page
def deals(request, pool, user, member):
    Deal = pool.get('sosolo.community.deal')
    Participation = pool.get('sosolo.community.deal.participation')
    records = Deal.search([])
    joined = {p.deal.id for p in Participation.search([
                ('deal', 'in', [d.id for d in records]),
                ('member', '=', member.id),
                ('state', '=', 'joined'),
                ])}
    message = DEAL_NOTICES.get(request.args.get('meddelande'))
    return render(request, 'deals.html', user=user, deals=records,
        joined=joined, message=gettext(message) if message else None)


@app.route('/<database_name>/portal/erbjudanden/<int:deal_id>/'
    '<any("ga-med", lamna):action>', methods=['POST'])
@member_page
def join_or_leave(request, pool, user, member, deal_id, action):
    Deal = pool.get('sosolo.community.deal')
    deal = own(Deal, deal_id)
    if action == 'ga-med':
        if request.form.get('consent') != 'yes':
            abort(HTTPStatus.BAD_REQUEST)
        Deal.join(deal, member)
        notice = 'med'
    else:
        Deal.leave(deal, member)
        notice = 'lamnat'
    return see_other(portal_url(f'erbjudanden?meddelande={notice}'))

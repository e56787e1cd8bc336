# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
from functools import wraps

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import (
    NavItem,
    StartItem,
    member_session,
)
from trytond.pool import Pool, PoolMeta
from trytond.protocols.wrappers import (
    HTTPStatus,
    abort,
    with_pool,
    with_transaction,
)
from trytond.transaction import Transaction

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(20, 'medlemskap',
                gettext('sosolo_membership.msg_portal_membership')),
            NavItem(30, 'fakturor',
                gettext('sosolo_membership.msg_portal_invoices')),
            NavItem(40, 'uppgifter',
                gettext('sosolo_membership.msg_portal_details')),
            NavItem(95, 'nyckeltal',
                gettext('sosolo_membership.msg_portal_figures')),
            ]

    @classmethod
    def start_items(cls, user):
        items = super().start_items(user) + [
            StartItem(20, 'medlemskap',
                gettext('sosolo_membership.msg_portal_membership'),
                gettext('sosolo_membership.msg_portal_membership_text')),
            StartItem(30, 'fakturor',
                gettext('sosolo_membership.msg_portal_invoices'),
                gettext('sosolo_membership.msg_portal_invoices_text')),
            StartItem(40, 'uppgifter',
                gettext('sosolo_membership.msg_portal_details'),
                gettext('sosolo_membership.msg_portal_details_text')),
            StartItem(95, 'nyckeltal',
                gettext('sosolo_membership.msg_portal_figures'),
                gettext('sosolo_membership.msg_portal_figures_text')),
            ]
        member = member_of(user)
        if member and member.state == 'active':
            items.append(StartItem(90, 'uttrade',
                    gettext('sosolo_membership.msg_portal_resign'),
                    gettext('sosolo_membership.msg_portal_resign_text')))
        return items

    @classmethod
    def application_path(cls):
        return 'bli-medlem'

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()


def member_of(user):
    "The membership of the web user's party (the latest), or None."
    Member = Pool().get('sosolo.member')
    if not user or not user.party:
        return None
    members = Member.search([('party', '=', user.party.id)],
        order=[('application_date', 'DESC'), ('id', 'DESC')], limit=1)
    return members[0] if members else None


def member_route(admits):
    """A decorator of portal routes that go under ``member_session``:
    the session's membership, if `admits(member)`, else 404. The route
    is called as ``func(request, pool, user, member, ...)`` in the
    context of the member's company, as the back office would be."""
    def decorator(func):
        @wraps(func)
        def wrapper(request, pool, user, *args, **kwargs):
            member = member_of(user)
            if not member or not admits(member):
                abort(HTTPStatus.NOT_FOUND)
            with Transaction().set_context(company=member.company.id):
                # Read again: records keep the context they were read in.
                member = pool.get('sosolo.member')(member.id)
                return func(request, pool, user, member, *args, **kwargs)
        return wrapper
    return decorator


def member_page(admits):
    """A page of the member's own records behind the portal session, in
    Swedish, for the memberships that `admits(member)` (member_route)."""
    def decorator(func):
        return with_pool(with_transaction(context={'language': 'sv'})(
                member_session(member_route(admits)(func))))
    return decorator

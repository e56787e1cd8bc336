# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The use of the community in the follow-up figures (issue 17).

At a date: the profiles listed in the directory, the consortia formed,
the bookings of shared resources begun and the members in collective
deals. Profiles and consortia keep no history of their own: a record
counts from its creation, as it is now (a profile listed since, or
unlisted since, counts as it is today).
"""
import datetime as dt

from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .booking import utc
from .profile import LISTED, SHOWN_STATES

#: The order of the community's figures in the JSON and the tables.
KEYS = ['profiles_listed', 'consortia', 'bookings', 'deals_joined']


def day_end(date):
    "The end of `date` in Stockholm, as the naive UTC timestamps stored."
    return utc(dt.datetime.combine(date + dt.timedelta(days=1), dt.time()))


def community_figures(date, company):
    """The use of the community at the end of `date`: listed profiles,
    consortia, bookings not cancelled that began, and members in a deal
    (joined and not left)."""
    pool = Pool()
    Profile = pool.get('sosolo.community.profile')
    Consortium = pool.get('sosolo.community.consortium')
    Booking = pool.get('sosolo.community.booking')
    Participation = pool.get('sosolo.community.deal.participation')
    end = day_end(date)
    return {
        'profiles_listed': Profile.search_count([
                ('member.company', '=', company),
                ('listing', 'in', LISTED),
                ('member.state', 'in', SHOWN_STATES),
                ('create_date', '<', end),
                ]),
        'consortia': Consortium.search_count([
                ('company', '=', company),
                ('create_date', '<', end),
                ]),
        'bookings': Booking.search_count([
                ('resource.company', '=', company),
                ('state', '!=', 'cancelled'),
                ('start', '<', end),
                ]),
        'deals_joined': Participation.search_count([
                ('deal.company', '=', company),
                ('consent', '<', end),
                ['OR', ('left', '=', None), ('left', '>=', end)],
                ]),
        }


class Figure(metaclass=PoolMeta):
    __name__ = 'sosolo.member.figure'

    @classmethod
    def follow_up(cls, date, company=None):
        figures = super().follow_up(date, company)
        figures['community'] = community_figures(
            date, company or Transaction().context.get('company'))
        return figures

    @classmethod
    def follow_up_tables(cls, figures):
        tables = super().follow_up_tables(figures)
        community = figures.get('community')
        if community:
            tables.append(('community',
                    gettext('sosolo_community.msg_figures_community'),
                    [(gettext('sosolo_community.msg_figures_' + key),
                            community[key])
                        for key in KEYS]))
        return tables

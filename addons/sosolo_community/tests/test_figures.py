# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The use of the community in the follow-up figures (issue 17)."""
import datetime as dt
import unittest

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_community.booking import utc
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from .test_consortium import consortium
from .test_deal import make_deal
from .tools import company, member, resource


def local(day, hour):
    "Naive UTC of `hour` o'clock in Stockholm on `day`."
    return utc(dt.datetime.combine(day, dt.time(hour)))


class CommunityFiguresTestCase(unittest.TestCase):
    "Profiles, bookings and deals counted at a date."

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_community')

    @with_transaction()
    def test_community_at_dates(self):
        """Before the records exist nothing counts; then the listed
        profiles, the consortia, the bookings begun and the members still
        in a deal"""
        pool = Pool()
        Booking = pool.get('sosolo.community.booking')
        Deal = pool.get('sosolo.community.deal')
        Figure = pool.get('sosolo.member.figure')
        Profile = pool.get('sosolo.community.profile')
        today = pool.get('ir.date').today()
        yesterday = today - dt.timedelta(days=1)
        next_week = today + dt.timedelta(days=7)
        coop = company()
        anna = member(coop, "Anna", entry_date=yesterday,
            state='active', decision_date=yesterday)
        bertil = member(coop, "Bertil", entry_date=yesterday,
            state='active', decision_date=yesterday)
        cecilia = member(coop, "Cecilia", entry_date=yesterday,
            state='active', decision_date=yesterday)
        Profile.create([
                {'member': anna.id, 'name': "Anna", 'listing': 'public'},
                {'member': bertil.id, 'name': "Bertil",
                    'listing': 'cooperative'},
                {'member': cecilia.id, 'name': "Cecilia",
                    'listing': 'unlisted'},
                ])
        trailer = resource(coop)
        # Late in the evening of today in Stockholm is still today.
        Booking.book(anna, trailer, local(today, 22), local(today, 23))
        Booking.book(bertil, trailer, local(today + dt.timedelta(days=3), 8),
            local(today + dt.timedelta(days=3), 12))
        Booking.cancel([Booking.book(cecilia, trailer,
                    local(today, 8), local(today, 10))])
        deal = make_deal(coop)
        Deal.join(deal, anna)
        Deal.join(deal, bertil)
        Deal.leave(deal, bertil)
        consortium(coop, bertil)

        with set_company(coop):
            for date, profiles, consortia, bookings, deals in [
                    (yesterday, 0, 0, 0, 0),
                    (today, 2, 1, 1, 1),
                    (next_week, 2, 1, 2, 1),
                    ]:
                with self.subTest(date=date):
                    figures = Figure.follow_up(date)
                    self.assertEqual(figures['community'], {
                            'profiles_listed': profiles,
                            'consortia': consortia,
                            'bookings': bookings,
                            'deals_joined': deals,
                            })
                    # The members' figures are still there.
                    self.assertEqual(figures['members']['active'], 3)

            with Transaction().set_context(language='sv'):
                (key, title, rows), = Figure.follow_up_tables(
                    Figure.follow_up(today))
        self.assertEqual((key, title),
            ('community', "Gemenskapens användning"))
        self.assertEqual(rows, [("Profiler i medlemskatalogen", 2),
                ("Konsortier", 1), ("Bokningar av delade resurser", 1),
                ("Medlemmar i gemensamma erbjudanden", 1)])

    @with_transaction()
    def test_other_company_not_counted(self):
        "The figures of one cooperative leave another's records out"
        pool = Pool()
        Figure = pool.get('sosolo.member.figure')
        Profile = pool.get('sosolo.community.profile')
        Booking = pool.get('sosolo.community.booking')
        Deal = pool.get('sosolo.community.deal')
        today = pool.get('ir.date').today()
        coop = company()
        other = create_company("Kusten")
        anna = member(other, "Anna", entry_date=today, state='active',
            decision_date=today)
        Profile.create([{'member': anna.id, 'name': "Anna",
                    'listing': 'public'}])
        Booking.book(anna, resource(other), local(today, 8),
            local(today, 9))
        Deal.join(make_deal(other), anna)
        for cooperative, counts in [(coop, [0, 0, 0]), (other, [1, 1, 1])]:
            with set_company(cooperative):
                community = Figure.follow_up(today)['community']
            self.assertEqual([community[k] for k in [
                        'profiles_listed', 'bookings', 'deals_joined']],
                counts)

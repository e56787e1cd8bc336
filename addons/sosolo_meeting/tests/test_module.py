# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The general meeting with a database; "today" is 2026-12-01.

Lag (2018:672) om ekonomiska föreningar 6 kap.: calling is refused
outside 17 § (ordinary) and 18 § (extra) and the six months after the
year end; the voter roll is the register's members entitled to vote; a
proxy holds a dated power of attorney at most a year old; the demand
for an extra meeting is called within two weeks.
"""
import datetime as dt

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_meeting.exceptions import (
    MeetingError,
    MeetingWarning,
)
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

D = dt.date
TODAY = D(2026, 12, 1)


def create_members(company):
    """Members of the register in several states; returns them by name.

    Anna and Bertil active, Cecilia entered after the meeting date,
    David left at the end of 2025, Erik resigned to leave at the end of
    2027, Frida an investing member, Gustav an applicant.
    """
    pool = Pool()
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    rows = [
        # name, kind, state, entry, exit
        ("Anna", 'person', 'active', D(2024, 5, 2), None),
        ("Bertil", 'sole_trader', 'active', D(2025, 2, 3), None),
        ("Cecilia", 'person', 'active', D(2027, 2, 1), None),
        ("David", 'person', 'left', D(2024, 1, 10), D(2025, 12, 31)),
        ("Erik", 'person', 'resigned', D(2025, 6, 1), D(2027, 12, 31)),
        ("Frida", 'investing', 'active', D(2025, 1, 1), None),
        ("Gustav", 'person', 'applicant', None, None),
        ]
    members = {}
    for i, (name, kind, state, entry, exit) in enumerate(rows):
        party, = Party.create([{'name': name}])
        members[name], = Member.create([{
                    'company': company.id,
                    'party': party.id,
                    'number': f'{i + 1:04d}',
                    'kind': kind,
                    'state': state,
                    'application_date': entry or D(2026, 11, 1),
                    'decision_date': entry,
                    'entry_date': entry,
                    'resignation_date': entry if exit else None,
                    'exit_date': exit,
                    }])
    return members


def create_meeting(company, **values):
    Meeting = Pool().get('sosolo.meeting')
    values = {
        'company': company.id,
        'name': "Föreningsstämma",
        'kind': 'ordinary',
        'form': 'physical',
        'place': "Umeå",
        'meeting_date': D(2027, 1, 12),
        'fiscal_year_end': D(2026, 12, 31),
        **values}
    meeting, = Meeting.create([values])
    return meeting


class SosoloMeetingTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_meeting module"
    module = 'sosolo_meeting'

    @with_transaction()
    def test_call_within_window(self):
        "A notice six weeks before an ordinary meeting is accepted (17 §)"
        Meeting = Pool().get('sosolo.meeting')
        company = create_company()
        with set_company(company):
            meeting = create_meeting(company)
            Meeting.call([meeting])
            self.assertEqual(meeting.state, 'called')
            self.assertEqual(meeting.notice_date, TODAY)
            Meeting.open([meeting])
            self.assertEqual(meeting.state, 'open')

    @with_transaction()
    def test_call_refused_names_rule(self):
        "Calling outside the window is refused with the paragraph"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Config = pool.get('sosolo.membership.configuration')
        company = create_company()
        with set_company(company):
            cases = [
                # values, the paragraph or words in the refusal
                ({'meeting_date': D(2027, 1, 13)}, '6 kap. 17 §'),
                ({'meeting_date': D(2026, 12, 28),
                        'fiscal_year_end': D(2026, 6, 30)}, '6 kap. 17 §'),
                ({'kind': 'extra', 'meeting_date': D(2026, 12, 20),
                        'items': [('create', [{'title': "Nya stadgar",
                                        'kind': 'statute_change'}])]},
                    '6 kap. 18 §'),
                ({'form': 'digital', 'link': 'https://stamma.example'},
                    'digitally'),
                ]
            for values, words in cases:
                with self.subTest(values=values):
                    meeting = create_meeting(company, **values)
                    with self.assertRaises(MeetingError) as cm:
                        Meeting.call([meeting])
                    self.assertIn(words, cm.exception.message)
                    self.assertEqual(meeting.state, 'draft')
            # The ordinary meeting over six months after the year end: a
            # warning, as a late board must still call it.
            late = create_meeting(company, meeting_date=D(2027, 1, 12),
                fiscal_year_end=D(2026, 6, 30))
            with self.assertRaises(MeetingWarning) as cm:
                Meeting.call([late])
            self.assertIn('within six months', cm.exception.message)
            Warning = pool.get('res.user.warning')
            Warning.create([{'user': Transaction().user,
                        'name': cm.exception.name}])
            Meeting.call([late])
            self.assertEqual(late.state, 'called')
            # Two weeks where the statutes say so; an extra meeting
            # without statute change, liquidation or merger: two weeks.
            Config.write([Config(1)], {
                    'meeting_short_notice': True, 'meeting_digital': True})
            short = create_meeting(company, meeting_date=D(2026, 12, 15),
                fiscal_year_end=D(2026, 6, 30))
            extra = create_meeting(company, kind='extra', form='digital',
                link='https://stamma.example', meeting_date=D(2026, 12, 15))
            Meeting.call([short, extra])
            self.assertEqual([short.state, extra.state], ['called'] * 2)

    @with_transaction()
    def test_agenda_frozen_once_called(self):
        "A called meeting's agenda cannot change (the notice told it)"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Item = pool.get('sosolo.meeting.item')
        company = create_company()
        with set_company(company):
            meeting = create_meeting(company)
            Meeting.call([meeting])
            with self.assertRaises(MeetingError):
                Item.create([{'meeting': meeting.id, 'title': "Likvidation",
                            'kind': 'liquidation'}])

    @with_transaction()
    def test_roll_equals_register(self):
        "The roll on the date is the register's members entitled to vote"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Member = pool.get('sosolo.member')
        Config = pool.get('sosolo.membership.configuration')
        company = create_company()
        with set_company(company):
            members = create_members(company)
            meeting = create_meeting(company)
            Meeting.call([meeting])
            Meeting.open([meeting])
            date = meeting.meeting_date
            register = [r['name'] for r in Member.register(date, company.id)
                if not (r['exit_date'] and r['exit_date'] < date)
                and r['kind'] != 'investing']
            roll = [e.member.party.name for e in meeting.roll]
            self.assertEqual(roll, register)
            self.assertEqual(roll, ["Anna", "Bertil", "Erik"])
            self.assertEqual([e.voter for e in meeting.roll],
                [members[n].party for n in roll])
            # Investing members vote where the statutes say so.
            Config.write([Config(1)], {'meeting_investing_vote': True})
            Roll = pool.get('sosolo.meeting.roll')
            self.assertIn(members["Frida"],
                Roll.entitled_members(date, company.id))

    @with_transaction()
    def test_proxy(self):
        "A proxy counts once; an expired proxy is refused"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Proxy = pool.get('sosolo.meeting.proxy')
        company = create_company()
        with set_company(company):
            m = create_members(company)
            meeting = create_meeting(company)
            Meeting.call([meeting])
            # A year and a day old at the meeting: refused.
            with self.assertRaises(MeetingError) as cm:
                Proxy.create([{'principal': m["Anna"].id,
                            'proxy': m["Bertil"].id, 'meeting': meeting.id,
                            'issue_date': D(2026, 1, 11)}])
            self.assertIn('at most a year old', cm.exception.message)
            with self.assertRaises(MeetingError):
                Proxy.create([{'principal': m["Anna"].id,
                            'proxy': m["Anna"].id}])
            # Anna gives two powers of attorney to Bertil: one entry.
            Proxy.create([
                    {'principal': m["Anna"].id, 'proxy': m["Bertil"].id,
                        'issue_date': D(2026, 1, 12)},
                    {'principal': m["Anna"].id, 'proxy': m["Bertil"].id,
                        'meeting': meeting.id},
                    ])
            Meeting.open([meeting])
            entries = [e for e in meeting.roll if e.member == m["Anna"]]
            self.assertEqual(len(entries), 1)
            self.assertEqual(entries[0].voter, m["Bertil"].party)
            self.assertEqual(len(meeting.roll), 3)

    @with_transaction()
    def test_proxy_limit(self):
        "One proxy represents one member unless the statutes allow more"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Proxy = pool.get('sosolo.meeting.proxy')
        Config = pool.get('sosolo.membership.configuration')
        company = create_company()
        with set_company(company):
            m = create_members(company)
            meeting = create_meeting(company)
            Meeting.call([meeting])
            Proxy.create([
                    {'principal': m[n].id, 'proxy': m["Bertil"].id}
                    for n in ["Anna", "Erik"]])
            with self.assertRaises(MeetingError):
                Meeting.open([meeting])
            Config.write([Config(1)], {'meeting_proxy_limit': 2})
            Meeting.open([meeting])
            self.assertEqual({e.voter.name for e in meeting.roll},
                {"Bertil"})

    @with_transaction()
    def test_demand(self):
        "A demand by a tenth of the members is called within two weeks"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Demand = pool.get('sosolo.meeting.demand')
        company = create_company()
        with set_company(company):
            create_members(company)
            demand, = Demand.create([{'received_date': D(2026, 11, 10),
                        'signers': 1, 'subject': "Nya stadgar"}])
            # Anna, Bertil, Erik and (not voting) Frida on that date.
            self.assertEqual(demand.voters, 3)
            self.assertEqual(demand.call_deadline, D(2026, 11, 24))
            self.assertEqual(demand.state, 'overdue')
            small, = Demand.create([{'received_date': TODAY,
                        'signers': 0, 'subject': "Inget"}])
            self.assertEqual(small.state, 'insufficient')
            auditor, = Demand.create([{'received_date': TODAY,
                        'by': 'auditor', 'subject': "Revision"}])
            self.assertEqual(auditor.state, 'pending')
            meeting = create_meeting(company, kind='extra', demand=auditor.id,
                meeting_date=D(2026, 12, 20))
            Meeting.call([meeting])
            self.assertEqual(Demand(auditor.id).state, 'called')


del ModuleTestCase

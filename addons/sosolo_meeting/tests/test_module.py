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
from io import BytesIO
from unittest.mock import patch

from pypdf import PdfReader

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_meeting.exceptions import (
    MeetingError,
    MeetingWarning,
)
from trytond.modules.sosolo_portal.tests.tools import configure_email_links
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

D = dt.date
TODAY = D(2026, 12, 1)
SEND = 'trytond.modules.sosolo_portal.mail.send_message_transactional'
BASE_URL = 'https://medlem.example.se/sosolo'


def pdf_text(data):
    "The text of the PDF `data`, its pages joined."
    return ' '.join(page.extract_text()
        for page in PdfReader(BytesIO(data)).pages)


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


def give_emails(members, *names):
    "Give the members of `names` an address: anna@example.se for Anna."
    Party = Pool().get('party.party')
    for name in names:
        Party.write([members[name].party], {'contact_mechanisms': [
                    ('create', [{'type': 'email',
                                'value': f'{name.lower()}@example.se'}])]})


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
    # The To Do's deadlines extend sosolo_convoy where it is activated.
    extras = ['sosolo_convoy']

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Calling a meeting e-mails the notice with the portal's link.
        configure_email_links(cls, BASE_URL)

    @with_transaction()
    def test_meeting_deadlines(self):
        "Last day to call, for motions and for the minutes (6 kap. 40 §)"
        pool = Pool()
        Deadlines = pool.get('sosolo.convoy.deadlines', type='wizard')
        Meeting = pool.get('sosolo.meeting')
        company = create_company()

        def deadlines():
            session_id, _, _ = Deadlines.create()
            values = Deadlines(session_id).default_start([])
            Deadlines.delete(session_id)
            return {k: v for k, v in values.items()
                if k.startswith('meeting')}
        with set_company(company):
            self.assertEqual(deadlines(), {})
            later = create_meeting(company, meeting_date=D(2027, 3, 9))
            meeting = create_meeting(company,
                motion_deadline=D(2026, 12, 10))
            # Ordinary: at the latest four weeks before (6 kap. 17 §).
            self.assertEqual(deadlines(), {
                    'meeting': meeting.id,
                    'meeting_call_due': D(2026, 12, 15),
                    'meeting_motion_deadline': D(2026, 12, 10),
                    'meeting_minutes_due': D(2027, 2, 2),
                    })
            with patch(SEND):
                Meeting.call([meeting])
            self.assertNotIn('meeting_call_due', deadlines())
            meeting.state = 'published'
            meeting.save()
            self.assertEqual(deadlines()['meeting'], later.id)

    @with_transaction()
    def test_notice_sent(self):
        "The call e-mails the notice PDF to the register's members in Swedish"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Motion = pool.get('sosolo.meeting.motion')
        company = create_company()
        with set_company(company):
            members = create_members(company)
            give_emails(members, *members)
            meeting = create_meeting(company, form='hybrid',
                link='https://stamma.example.se/2027', postal_votes=True,
                participation="Anslut via länken från klockan 17.30.",
                items=[('create', [{'title': "Fastställande av årsavgift",
                                'kind': 'fees',
                                'proposal': "Oförändrad avgift, 300 kr."}])])
            config = pool.get('sosolo.membership.configuration')(1)
            config.meeting_digital = True
            config.meeting_postal_votes = True
            config.save()
            Motion.create([{'meeting': meeting.id,
                        'member': members["Anna"].id, 'title': "Cykelställ",
                        'text': "Föreningen köper cykelställ.",
                        'answer': "Styrelsen föreslår bifall."}])
            # Swedish whatever the language of the staff who calls it.
            Lang = pool.get('ir.lang')
            Lang.load_translations(Lang.search([('code', '=', 'sv')]))
            with patch(SEND) as send, Transaction().set_context(
                    language='en'):
                Meeting.call([meeting])
        # On the register on the notice day, investing and resigned
        # members too; not who entered later, left or only applied.
        self.assertEqual(sorted(c.args[0]['To'] for c in send.call_args_list),
            ['anna@example.se', 'bertil@example.se', 'erik@example.se',
                'frida@example.se'])
        message = send.call_args_list[0].args[0]
        self.assertIn("Kallelse till Föreningsstämma", message['Subject'])
        body = message.get_body().get_content()
        self.assertIn(f'{BASE_URL}/portal/stamma/{meeting.id}', body)
        attachment, = message.iter_attachments()
        self.assertEqual(attachment.get_filename(), 'kallelse-2027-01-12.pdf')
        self.assertEqual(attachment.get_content(), meeting.notice_pdf)
        text = pdf_text(meeting.notice_pdf)
        for words in ["Kallelse till Föreningsstämma", "2027-01-12",
                "ordinarie föreningsstämma", "På plats och digitalt",
                "Fastställande av årsavgift", "Oförändrad avgift, 300 kr.",
                "Cykelställ", "Styrelsen föreslår bifall.",
                "Anslut via länken från klockan 17.30.",
                "https://stamma.example.se/2027", "medlemsportalen",
                "rösta per post före stämman"]:
            self.assertIn(words, text)

    @with_transaction()
    def test_paper_notices(self):
        "The members without an e-mail address are listed for the post"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Party = pool.get('party.party')
        PaperNotices = pool.get('sosolo.meeting.paper_notices',
            type='report')
        company = create_company()
        with set_company(company):
            members = create_members(company)
            give_emails(members, "Anna", "Frida")
            bertil = members["Bertil"].party
            Party.write([bertil], {'addresses': [('create', [{
                                'street': "Storgatan 3",
                                'postal_code': "921 31",
                                'city': "Lycksele"}])]})
            meeting = create_meeting(company)
            with patch(SEND) as send:
                Meeting.call([meeting])
            # E-mail for who has an address; the post for the other
            # members of the register on the notice day (Erik has
            # resigned but not yet left), with what the register knows.
            self.assertEqual(sorted(c.args[0]['To']
                    for c in send.call_args_list),
                ['anna@example.se', 'frida@example.se'])
            notices = {n.member.party.name: n for n in meeting.paper_notices}
            self.assertEqual(sorted(notices), ["Bertil", "Erik"])
            self.assertEqual(notices["Bertil"].address,
                "Storgatan 3\n921 31 Lycksele")
            self.assertIsNone(notices["Erik"].address)
            # Staff tick them posted on the meeting; only the call adds
            # them.
            User = pool.get('res.user')
            ModelData = pool.get('ir.model.data')
            staff, = User.create([{'login': 'staff',
                        'companies': [('add', [company.id])],
                        'company': company.id,
                        'groups': [('add', [ModelData.get_id(
                                        'sosolo_membership',
                                        'group_membership')])]}])
            with Transaction().set_user(staff.id), \
                    Transaction().set_context(_check_access=True):
                Meeting.write([Meeting(meeting.id)], {'paper_notices': [
                            ('write', [notices["Bertil"].id],
                                {'posted': True})]})
                with self.assertRaises(AccessError):
                    Meeting.write([Meeting(meeting.id)], {'paper_notices': [
                                ('create', [{
                                            'member': members["Anna"].id}])]})
            self.assertTrue(notices["Bertil"].posted)
            _, pdf, _, _ = PaperNotices.execute([meeting.id], {})
        text = pdf_text(pdf)
        for words in ["Kallelser per post", "Föreningsstämma 2027-01-12",
                "Bertil", "Storgatan 3", "921 31 Lycksele", "Ja",
                "Erik", "Adress saknas i registret"]:
            self.assertIn(words, text)
        self.assertNotIn("Anna", text)

    @with_transaction()
    def test_advisory_poll(self):
        "A poll between meetings: no notice window, the same ballots"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Ballot = pool.get('sosolo.meeting.ballot')
        Lang = pool.get('ir.lang')
        Lang.load_translations(Lang.search([('code', '=', 'sv')]))
        company = create_company()
        with set_company(company):
            members = create_members(company)
            give_emails(members, "Anna")
            # Three days ahead: far inside any meeting's notice window.
            poll = create_meeting(company, kind='poll',
                name="Nya lokaler?", place=None, fiscal_year_end=None,
                meeting_date=D(2026, 12, 4))
            with patch(SEND) as send:
                Meeting.call([poll])
            message, = [c.args[0] for c in send.call_args_list]
            self.assertEqual(message['Subject'],
                "Rådgivande omröstning: Nya lokaler? den 2026-12-04")
            self.assertIn(f'{BASE_URL}/portal/stamma/{poll.id}',
                message.get_content())
            self.assertIsNone(poll.notice_pdf)
            Meeting.open([poll])
            ballot, = Ballot.create([{
                        'meeting': poll.id, 'title': "Flytta till Umeå"}])
            Ballot.open([ballot])
            entries = {e.member.party.name: e for e in poll.roll}
            Ballot.vote(ballot, entries["Anna"], 'yes')
            Ballot.close([ballot])
            self.assertEqual(ballot.yes_votes, 1)
            Meeting.close([poll])
            # Nothing to sign: it decided nothing.
            Meeting.approve([poll])
            Meeting.publish([poll])
            self.assertEqual(poll.state, 'published')
            self.assertIsNone(Meeting.next_unpublished(company))

    @with_transaction()
    def test_minutes(self):
        "The minutes PDF: decisions, counts, roll; approved once signed"
        pool = Pool()
        Meeting = pool.get('sosolo.meeting')
        Ballot = pool.get('sosolo.meeting.ballot')
        Minutes = pool.get('sosolo.meeting.minutes', type='report')
        company = create_company()
        with set_company(company):
            members = create_members(company)
            meeting = create_meeting(company, items=[('create', [{
                                'title': "Val av revisor"}])])
            with patch(SEND):
                Meeting.call([meeting])
            Meeting.open([meeting])
            ballot, = Ballot.create([{
                        'meeting': meeting.id, 'title': "Budget 2027"}])
            Ballot.open([ballot])
            entries = {e.member.party.name: e for e in meeting.roll}
            Ballot.vote(ballot, entries["Anna"], 'yes')
            Ballot.vote(ballot, entries["Bertil"], 'no')
            Ballot.vote(ballot, entries["Erik"], 'yes')
            Ballot.close([ballot])
            item, = meeting.items
            item.decision = "Stämman valde Revisor AB."
            item.save()
            meeting.chair = members["Anna"].party
            meeting.minute_taker = members["Bertil"].party
            meeting.adjusters = [members["Erik"].party]
            meeting.save()
            Meeting.close([meeting])
            self.assertEqual(meeting.minutes_deadline, D(2027, 2, 2))
            _, pdf, _, _ = Minutes.execute([meeting.id], {})
            text = pdf_text(pdf)
            for words in ["Protokoll från Föreningsstämma",
                    "Stämman valde Revisor AB.", "Budget 2027",
                    "Ja 2", "Nej 1", "Avstår 0", "Bifallet",
                    "Protokollförare: Bertil", "Ordförande: Anna",
                    "Justerare: Erik", "Röstlängd", "0001 Anna"]:
                self.assertIn(words, text)
            with self.assertRaisesRegex(MeetingError, '6 kap. 39 §'):
                Meeting.approve([meeting])
            meeting.signed_minutes = pdf
            meeting.save()
            Meeting.approve([meeting])
            Meeting.publish([meeting])
            self.assertEqual(meeting.state, 'published')

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

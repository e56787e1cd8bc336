# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ballots: one vote per voter, the result once at close, and the secret
ballot that stores nothing joining a member to a choice.

Lag (2018:672) om ekonomiska föreningar 6 kap. 33 § (more than half,
chair's casting vote, elections by lot), 35 § (two thirds), 37 § (no
vote on one's own discharge); see rules.py and ballot.py.
"""
import datetime as dt
import unittest

from sql import Table

from trytond import backend
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_meeting.ballot import SECRET_TABLE
from trytond.modules.sosolo_meeting.exceptions import MeetingError, VoteRefused
from trytond.modules.sosolo_meeting.tests.test_module import (
    create_meeting,
    create_members,
)
from trytond.modules.sosolo_portal.tests.tools import configure_email_links
from trytond.modules.sosolo_sweden.tests.transactions import committed, race
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    DB_NAME,
    activate_module,
    drop_db,
    with_transaction,
)
from trytond.transaction import Transaction

D = dt.date


def open_meeting(company, **values):
    "An ordinary meeting, called and open, with its roll."
    Meeting = Pool().get('sosolo.meeting')
    meeting = create_meeting(company, **values)
    Meeting.call([meeting])
    Meeting.open([meeting])
    return meeting


def open_ballot(meeting, **values):
    Ballot = Pool().get('sosolo.meeting.ballot')
    ballot, = Ballot.create([{
                'meeting': meeting.id, 'title': "Förslag", **values}])
    Ballot.open([ballot])
    return ballot


def many_members(company, count):
    "`count` active members entered in 2025."
    pool = Pool()
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    parties = Party.create([{'name': f"Medlem {i}"} for i in range(count)])
    return Member.create([{
                'company': company.id, 'party': p.id,
                'number': f'M{i:03d}', 'kind': 'person', 'state': 'active',
                'application_date': D(2025, 1, 1),
                'decision_date': D(2025, 1, 1),
                'entry_date': D(2025, 1, 1),
                } for i, p in enumerate(parties)])


class BallotTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_meeting')
        # Calling a meeting e-mails the notice with the portal's link.
        configure_email_links(cls)

    @with_transaction()
    def test_open_ballot(self):
        "One vote per voter; closed or not on the roll is refused"
        pool = Pool()
        Ballot = pool.get('sosolo.meeting.ballot')
        company = create_company()
        with set_company(company):
            m = create_members(company)
            meeting = open_meeting(company)
            other = open_meeting(company, name="Annan stämma",
                meeting_date=D(2027, 1, 11))
            ballot = open_ballot(meeting)
            anna, bertil, erik = meeting.roll
            self.assertIsNone(Ballot.vote(ballot, anna, 'yes'))
            with self.assertRaises(VoteRefused) as cm:
                Ballot.vote(ballot, anna, 'no')
            self.assertEqual(cm.exception.status, 409)
            with self.assertRaises(VoteRefused) as cm:
                Ballot.vote(ballot, other.roll[0], 'no')
            self.assertEqual(cm.exception.status, 403)
            with self.assertRaises(VoteRefused) as cm:
                Ballot.vote(ballot, bertil, 'maybe')
            self.assertEqual(cm.exception.status, 400)
            Ballot.vote(ballot, bertil, 'yes')
            Ballot.vote(ballot, erik, 'no')
            Ballot.close([ballot])
            self.assertEqual((ballot.yes_votes, ballot.no_votes,
                    ballot.abstentions, ballot.adopted, ballot.decided_by),
                (2, 1, 0, True, 'votes'))
            with self.assertRaises(VoteRefused) as cm:
                Ballot.vote(ballot, erik, 'yes')
            self.assertEqual(cm.exception.status, 409)
            # Open ballots store the choice with the voter.
            self.assertEqual(sorted((v.entry.member.party.name, v.choice)
                    for v in ballot.voters),
                [("Anna", 'yes'), ("Bertil", 'yes'), ("Erik", 'no')])
            self.assertEqual(m["Anna"], anna.member)

    @with_transaction()
    def test_postal_votes(self):
        """Postal votes only where the statutes and the board allow them,
        entered by staff through the wizard and counted once per voter"""
        pool = Pool()
        Ballot = pool.get('sosolo.meeting.ballot')
        Config = pool.get('sosolo.membership.configuration')
        Meeting = pool.get('sosolo.meeting')
        PostalVote = pool.get('sosolo.meeting.postal_vote', type='wizard')
        company = create_company()
        with set_company(company):
            create_members(company)
            # The statutes say nothing of postal votes: calling refused.
            meeting = create_meeting(company, postal_votes=True)
            with self.assertRaises(MeetingError) as cm:
                Meeting.call([meeting])
            self.assertIn('postal votes', cm.exception.message)
            Config.write([Config(1)], {'meeting_postal_votes': True})
            Meeting.call([meeting])
            Meeting.open([meeting])
            without = open_meeting(company, name="Utan poströster",
                meeting_date=D(2027, 1, 11))
            ballot = open_ballot(meeting, secret=True)
            anna, bertil, erik = meeting.roll

            def enter(ballot, entry, choice):
                with Transaction().set_context(
                        active_model=Ballot.__name__, active_id=ballot.id,
                        active_ids=[ballot.id]):
                    session_id, _, _ = PostalVote.create()
                    PostalVote.execute(session_id, {'start': {
                                'entry': entry.id, 'choice': choice}},
                        'enter')
                    PostalVote.delete(session_id)

            enter(ballot, anna, 'no')
            # The same member cannot also vote at the meeting.
            with self.assertRaises(VoteRefused) as cm:
                Ballot.vote(ballot, anna, 'yes')
            self.assertEqual(cm.exception.status, 409)
            Ballot.vote(ballot, bertil, 'yes')
            Ballot.vote(ballot, erik, 'yes')
            # A meeting the board opened to no postal votes refuses one.
            other = open_ballot(without)
            with self.assertRaises(VoteRefused) as cm:
                enter(other, without.roll[0], 'yes')
            self.assertEqual(cm.exception.status, 403)
            Ballot.close([ballot])
            self.assertEqual((ballot.yes_votes, ballot.no_votes),
                (2, 1))
            self.assertEqual(sorted((v.entry.member.party.name, v.postal)
                    for v in ballot.voters),
                [("Anna", True), ("Bertil", False), ("Erik", False)])
            # Secret: the marker of the postal vote keeps no choice.
            self.assertEqual({v.choice for v in ballot.voters}, {None})

    @with_transaction()
    def test_tie_and_two_thirds(self):
        "A tie needs the chair's vote; a statute change two thirds"
        pool = Pool()
        Ballot = pool.get('sosolo.meeting.ballot')
        company = create_company()
        with set_company(company):
            create_members(company)
            meeting = open_meeting(company)
            anna, bertil, erik = meeting.roll
            tie = open_ballot(meeting)
            Ballot.vote(tie, anna, 'yes')
            Ballot.vote(tie, bertil, 'no')
            Ballot.vote(tie, erik, 'abstain')
            with self.assertRaises(MeetingError):
                Ballot.close([tie])
            tie.chair_choice = 'no'
            tie.save()
            Ballot.close([tie])
            self.assertEqual((tie.adopted, tie.decided_by), (False, 'chair'))
            statutes = open_ballot(meeting, majority='two_thirds')
            Ballot.vote(statutes, anna, 'yes')
            Ballot.vote(statutes, bertil, 'yes')
            Ballot.vote(statutes, erik, 'no')
            Ballot.close([statutes])
            self.assertTrue(statutes.adopted)

    @with_transaction()
    def test_own_discharge(self):
        "A member does not vote on their own discharge (37 §)"
        pool = Pool()
        Ballot = pool.get('sosolo.meeting.ballot')
        company = create_company()
        with set_company(company):
            m = create_members(company)
            meeting = open_meeting(company)
            anna = meeting.roll[0]
            ballot = open_ballot(meeting, title="Ansvarsfrihet",
                excluded=[('add', [m["Anna"].id])])
            with self.assertRaises(VoteRefused) as cm:
                Ballot.vote(ballot, anna, 'yes')
            self.assertEqual(cm.exception.status, 403)

    @with_transaction()
    def test_election_by_lot(self):
        "An election tie is drawn by lot, with the seed kept"
        pool = Pool()
        Ballot = pool.get('sosolo.meeting.ballot')
        company = create_company()
        with set_company(company):
            create_members(company)
            meeting = open_meeting(company)
            anna, bertil, erik = meeting.roll
            ballot = open_ballot(meeting, kind='election', secret=True,
                options=[('create', [{'name': "Anna"}, {'name': "Bertil"},
                            {'name': "Cecilia"}])])
            a, b, c = ballot.options
            Ballot.vote(ballot, anna, str(a.id))
            Ballot.vote(ballot, bertil, str(b.id))
            Ballot.vote(ballot, erik, str(b.id))
            Ballot.close([ballot])
            self.assertEqual([(o.votes, o.chosen) for o in ballot.options],
                [(1, False), (2, True), (0, False)])
            self.assertEqual(ballot.decided_by, 'votes')

    @with_transaction()
    def test_secret_ballot_unlinkable(self):
        "After 50 secret votes nothing stored joins a member to a choice"
        pool = Pool()
        Ballot = pool.get('sosolo.meeting.ballot')
        Voter = pool.get('sosolo.meeting.ballot.voter')
        company = create_company()
        cursor = Transaction().connection.cursor()
        with set_company(company):
            many_members(company, 50)
            meeting = open_meeting(company)
            self.assertEqual(len(meeting.roll), 50)
            ballot = open_ballot(meeting, secret=True)
            cast = {}
            for i, entry in enumerate(meeting.roll):
                choice = ['yes', 'no', 'yes', 'abstain', 'yes'][i % 5]
                cast[Ballot.vote(ballot, entry, choice)] = choice
            self.assertEqual(len(cast), 50)
            Ballot.close([ballot])

            # The vote table: receipt, ballot, choice; nothing else.
            table = Table(SECRET_TABLE)
            cursor.execute(*table.select(where=table.ballot == ballot.id))
            columns = [c[0] for c in cursor.description]
            self.assertEqual(columns, ['receipt', 'ballot', 'choice'])
            votes = list(cursor)
            self.assertEqual(len(votes), 50)
            # No value of a vote is a value of its marker but the ballot.
            voter = Voter.__table__()
            cursor.execute(*voter.select(
                    where=voter.ballot == ballot.id, order_by=[voter.id]))
            markers = list(cursor)
            marker_values = {str(v) for row in markers for v in row
                if v is not None} - {str(ballot.id)}
            vote_values = {str(v) for row in votes for v in row}
            self.assertFalse(marker_values & vote_values)
            # Markers hold no choice, and ordering gives nothing: the
            # stored order of the votes is the random receipts' order.
            self.assertEqual({v.choice for v in ballot.voters}, {None})
            if backend.name == 'sqlite':
                cursor.execute(f'SELECT "receipt" FROM "{SECRET_TABLE}" '
                    'ORDER BY rowid')
            else:
                cursor.execute(f'SELECT "receipt" FROM "{SECRET_TABLE}" '
                    'ORDER BY ctid')
            stored = [r for r, in cursor]
            self.assertEqual(stored, sorted(stored))
            in_voting_order = [cast[r] for r in cast]
            self.assertNotEqual([cast[r] for r in stored], in_voting_order)
            if backend.name == 'postgresql':
                cursor.execute(f'SELECT DISTINCT xmin::text FROM '
                    f'"{SECRET_TABLE}" WHERE ballot = %s', (ballot.id,))
                self.assertEqual(len(list(cursor)), 1)

            # Each receipt finds its vote in the published count.
            for receipt, choice in cast.items():
                self.assertEqual(Ballot.find_receipt(ballot, receipt), choice)
            self.assertIsNone(Ballot.find_receipt(ballot, 'AAAA-AAAA'))
            self.assertEqual((ballot.yes_votes, ballot.no_votes,
                    ballot.abstentions), (30, 10, 10))
            self.assertTrue(ballot.adopted)


class BallotConcurrencyTestCase(unittest.TestCase):
    """Two sessions vote at once. They commit what they set up, so they
    have a database of their own, dropped after."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module('sosolo_meeting')
        cls.addClassCleanup(drop_db)
        configure_email_links(cls)

    @unittest.skipIf(backend.name == 'sqlite',
        "row locks (SELECT ... FOR UPDATE) need PostgreSQL")
    def test_same_member_twice_at_once(self):
        "The same member votes from two sessions at once: one vote counts"
        def setup():
            company = create_company()
            with set_company(company):
                create_members(company)
                meeting = open_meeting(company)
                ballot = open_ballot(meeting, secret=True)
                return company.id, ballot.id, meeting.roll[0].id
        company_id, ballot_id, entry_id = committed(setup)

        def vote():
            pool = Pool()
            Ballot = pool.get('sosolo.meeting.ballot')
            Roll = pool.get('sosolo.meeting.roll')
            Ballot.vote(Ballot(ballot_id), Roll(entry_id), 'yes')
        outcomes = race(vote, context={'company': company_id},
            refused=VoteRefused)
        self.assertEqual(outcomes[0], 'done')
        self.assertIn(outcomes[1], {'refused', 'locked'})
        with Transaction().start(DB_NAME, 1,
                context={'company': company_id}):
            Ballot = Pool().get('sosolo.meeting.ballot')
            ballot = Ballot(ballot_id)
            self.assertEqual(len(ballot.voters), 1)
            self.assertEqual(ballot.counts(),
                {'yes': 1, 'no': 0, 'abstain': 0})

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ballots at the general meeting, open or secret.

A secret ballot keeps the fact that a roll entry voted apart from what
was voted, with nothing stored that joins them:

- The voted-marker is `sosolo.meeting.ballot.voter` (an ordinary
  ModelSQL: id, create_date, create_uid, the roll entry), one per entry
  and ballot, unique, so one vote per voter and ballot.
- The vote is a row of the plain SQL table `sosolo_meeting_secret_vote`
  (receipt, ballot, choice), made in `__register__`, not a ModelSQL: no
  id sequence, no create_date, create_uid or write_date, nothing shared
  with the marker but the ballot. Its key, the receipt, is random
  (`secrets`), so it orders nothing.
- What remains is storage: rows of one transaction share PostgreSQL's
  xmin, and the physical order (ctid, SQLite's rowid) follows the
  inserts, so while a ballot is open someone reading the raw tables
  could pair a marker with a vote by transaction or position. Closing
  the ballot rewrites its votes in receipt order and rewrites its
  markers, in the closing transaction: afterwards every row of the
  ballot has that transaction's xmin and the votes' physical order is
  the receipts' random order. (Dead row versions stay in the heap until
  VACUUM; reading them needs the database superuser.)
- Each voter gets the receipt. The published count lists receipts by
  choice, so a receipt finds its vote, and the list names nobody.

An open ballot stores the choice on the marker itself.
"""
import secrets

from sql import Table
from sql.aggregate import Count

from trytond.i18n import gettext
from trytond.model import (
    Index,
    ModelSQL,
    ModelView,
    Unique,
    Workflow,
    fields,
    sequence_ordered,
)
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import rules
from .exceptions import MeetingError, VoteRefused
from .meeting import MAJORITIES

SECRET_TABLE = 'sosolo_meeting_secret_vote'
PROPOSAL_CHOICES = ['yes', 'no', 'abstain']
KINDS = [
    ('proposal', "Proposal"),
    ('alternatives', "Alternatives"),
    ('election', "Election"),
    ]
STATES = [
    ('draft', "Draft"),
    ('open', "Open"),
    ('closed', "Closed"),
    ]
DECIDED_BY = [
    (None, ""),
    ('votes', "Votes"),
    ('chair', "Chair's Casting Vote"),
    ('lot', "Lot"),
    ]
RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'


def new_receipt():
    "A random receipt code, 4 groups of 4 (80 bits)."
    code = ''.join(secrets.choice(RECEIPT_ALPHABET) for _ in range(16))
    return '-'.join(code[i:i + 4] for i in range(0, 16, 4))


class Ballot(Workflow, ModelSQL, ModelView):
    """Ballot

    Yes/no/abstain on a proposal, a choice between alternatives, or an
    election with candidates; majorities by lag (2018:672) 6 kap. 33, 35
    and 36 §§, no vote on one's own discharge (37 §). The chair opens
    and closes it; the result is computed once, at close.
    """
    __name__ = 'sosolo.meeting.ballot'

    _draft = {'readonly': Eval('state') != 'draft'}

    meeting = fields.Many2One('sosolo.meeting', "Meeting", required=True,
        ondelete='CASCADE', states=_draft)
    item = fields.Many2One('sosolo.meeting.item', "Agenda Item",
        ondelete='SET NULL', states=_draft,
        domain=[('meeting', '=', Eval('meeting', -1))])
    title = fields.Char("Title", required=True, states=_draft)
    kind = fields.Selection(KINDS, "Kind", required=True, states=_draft)
    kind_string = kind.translated('kind')
    secret = fields.Boolean("Secret", states=_draft)
    majority = fields.Selection(MAJORITIES, "Majority", required=True,
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'proposal',
            })
    seats = fields.Integer("Seats", required=True, states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'election',
            }, domain=[('seats', '>=', 1)])
    options = fields.One2Many('sosolo.meeting.ballot.option', 'ballot',
        "Options", states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') == 'proposal',
            })
    excluded = fields.Many2Many('sosolo.meeting.ballot-sosolo.member',
        'ballot', 'member', "Not Voting", states=_draft,
        help="Members whose discharge is voted on: they do not vote, in "
        "person or by proxy (6 kap. 37 §).")
    chair_choice = fields.Char("Chair's Casting Vote",
        states={'readonly': Eval('state') == 'closed'},
        help="yes or no, or the alternative, the chair supports if the "
        "votes are tied (6 kap. 33 §); not in elections.")
    voters = fields.One2Many('sosolo.meeting.ballot.voter', 'ballot',
        "Voters", readonly=True)
    yes_votes = fields.Integer("Yes", readonly=True)
    no_votes = fields.Integer("No", readonly=True)
    abstentions = fields.Integer("Abstentions", readonly=True)
    adopted = fields.Boolean("Adopted", readonly=True)
    decided_by = fields.Selection(DECIDED_BY, "Decided By", readonly=True)
    seed = fields.Integer("Lot Seed", readonly=True,
        help="The seed of the draw by lot, to replay it.")
    state = fields.Selection(STATES, "State", readonly=True, required=True)
    state_string = state.translated('state')

    del _draft

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('meeting', 'DESC'), ('id', 'ASC')]
        cls._transitions |= {
            ('draft', 'open'),
            ('open', 'closed'),
            }
        cls._buttons.update({
                'open': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': Eval('state') != 'open',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        # The secret votes: a plain table with no id, no timestamps and
        # a random key (see the module docstring).
        cursor = Transaction().connection.cursor()
        cursor.execute(
            f'CREATE TABLE IF NOT EXISTS "{SECRET_TABLE}" ('
            '"receipt" VARCHAR NOT NULL PRIMARY KEY, '
            f'"ballot" INTEGER NOT NULL REFERENCES "{cls._table}" ("id") '
            'ON DELETE CASCADE, '
            '"choice" VARCHAR NOT NULL)')

    @classmethod
    def default_state(cls):
        return 'draft'

    @classmethod
    def default_kind(cls):
        return 'proposal'

    @classmethod
    def default_secret(cls):
        return False

    @classmethod
    def default_majority(cls):
        return rules.SIMPLE

    @classmethod
    def default_seats(cls):
        return 1

    @fields.depends('item', 'title', 'majority')
    def on_change_item(self):
        if self.item:
            self.title = self.title or self.item.title
            self.majority = self.item.majority

    @property
    def choices(self):
        "The choices a voter has, as keys."
        if self.kind == 'proposal':
            return list(PROPOSAL_CHOICES)
        return [str(o.id) for o in self.options]

    def choice_label(self, choice):
        "The Swedish label of `choice`."
        if self.kind == 'proposal':
            return gettext(f'sosolo_meeting.msg_choice_{choice}')
        return {str(o.id): o.name for o in self.options}[choice]

    # Voting ---------------------------------------------------------------

    @classmethod
    def vote(cls, ballot, entry, choice, postal=False):
        """Cast roll `entry`'s vote `choice` in `ballot`; `postal` for a
        vote received by post, which staff enter, where the meeting
        takes them.

        Refuses (VoteRefused with status 409) a closed ballot or a second
        vote, (403) an entry not on the meeting's roll or whose member's
        discharge is voted on, (400) an unknown choice. Returns the
        receipt of a secret vote, None for an open one. The ballot row
        is locked first, so two votes of one entry from two sessions at
        once count once and no vote slips past the close.
        """
        # The caller has checked that the session casts `entry`'s vote
        # (the portal's roll rule, or staff); the marker and the secret
        # vote are written for the voter, who may not write them.
        with without_check_access():
            return cls._vote(ballot, entry, choice, postal)

    @classmethod
    def _vote(cls, ballot, entry, choice, postal):
        pool = Pool()
        Voter = pool.get('sosolo.meeting.ballot.voter')
        cls.lock([ballot])
        ballot = cls(ballot.id)
        if ballot.state != 'open':
            raise VoteRefused(409, gettext(
                    'sosolo_meeting.msg_vote_closed', ballot=ballot.title))
        if entry.meeting != ballot.meeting:
            raise VoteRefused(403, gettext(
                    'sosolo_meeting.msg_vote_not_on_roll',
                    ballot=ballot.title))
        if not rules.may_vote_on_discharge(
                entry.member.id, [m.id for m in ballot.excluded]):
            raise VoteRefused(403, gettext(
                    'sosolo_meeting.msg_vote_own_discharge',
                    member=entry.member.rec_name, ballot=ballot.title))
        if postal and not ballot.meeting.postal_votes:
            raise VoteRefused(403, gettext(
                    'sosolo_meeting.msg_vote_postal_not_allowed',
                    ballot=ballot.title))
        if choice not in ballot.choices:
            raise VoteRefused(400, gettext(
                    'sosolo_meeting.msg_vote_choice', ballot=ballot.title))
        if Voter.search([
                    ('ballot', '=', ballot.id), ('entry', '=', entry.id)]):
            raise VoteRefused(409, gettext(
                    'sosolo_meeting.msg_vote_twice',
                    member=entry.member.rec_name, ballot=ballot.title))
        Voter.create([{
                    'ballot': ballot.id,
                    'entry': entry.id,
                    'choice': None if ballot.secret else choice,
                    'postal': postal,
                    }])
        if not ballot.secret:
            return None
        receipt = new_receipt()
        table = Table(SECRET_TABLE)
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.insert(
                [table.receipt, table.ballot, table.choice],
                [[receipt, ballot.id, choice]]))
        return receipt

    def counts(self):
        "The votes per choice, from where this ballot stores them."
        cursor = Transaction().connection.cursor()
        if self.secret:
            table = Table(SECRET_TABLE)
            cursor.execute(*table.select(table.choice, Count(table.receipt),
                    where=table.ballot == self.id,
                    group_by=[table.choice]))
        else:
            Voter = Pool().get('sosolo.meeting.ballot.voter')
            table = Voter.__table__()
            cursor.execute(*table.select(table.choice, Count(table.id),
                    where=table.ballot == self.id,
                    group_by=[table.choice]))
        counts = dict.fromkeys(self.choices, 0)
        counts.update(dict(cursor))
        return counts

    def published_count(self):
        """The receipts of a closed secret ballot by choice, sorted: each
        voter finds their receipt under their choice; nobody is named."""
        if not self.secret or self.state != 'closed':
            return {}
        table = Table(SECRET_TABLE)
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(table.choice, table.receipt,
                where=table.ballot == self.id,
                order_by=[table.receipt]))
        result = {c: [] for c in self.choices}
        for choice, receipt in cursor:
            result[choice].append(receipt)
        return result

    @classmethod
    def find_receipt(cls, ballot, receipt):
        "The choice counted for `receipt` in closed `ballot`, or None."
        for choice, receipts in ballot.published_count().items():
            if receipt in receipts:
                return choice

    def _scramble(self):
        """Rewrite this ballot's votes in receipt order and its markers,
        in the closing transaction (see the module docstring)."""
        Voter = Pool().get('sosolo.meeting.ballot.voter')
        cursor = Transaction().connection.cursor()
        table = Table(SECRET_TABLE)
        cursor.execute(*table.select(table.receipt, table.choice,
                where=table.ballot == self.id,
                order_by=[table.receipt]))
        rows = list(cursor)
        cursor.execute(*table.delete(where=table.ballot == self.id))
        if rows:
            cursor.execute(*table.insert(
                    [table.receipt, table.ballot, table.choice],
                    [[r, self.id, c] for r, c in rows]))
        voter = Voter.__table__()
        cursor.execute(*voter.update([voter.choice], [None],
                where=voter.ballot == self.id))

    def tally(self):
        "Compute and store the result from the counts (once, at close)."
        Option = Pool().get('sosolo.meeting.ballot.option')
        counts = self.counts()
        try:
            if self.kind == 'proposal':
                outcome = rules.decide_proposal(counts['yes'], counts['no'],
                    counts['abstain'], self.majority, self.chair_choice)
                self.adopted = outcome.result == ('adopted',)
                self.yes_votes = counts['yes']
                self.no_votes = counts['no']
                self.abstentions = counts['abstain']
            elif self.kind == 'alternatives':
                # The chair's alternative is given by its name.
                chair = {o.name: str(o.id) for o in self.options}.get(
                    self.chair_choice, self.chair_choice)
                outcome = rules.decide_alternatives(counts, chair)
            else:
                self.seed = secrets.randbits(31)
                outcome = rules.decide_election(
                    counts, self.seats, self.seed)
        except rules.Refusal:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_ballot_chair_vote',
                    ballot=self.title))
        self.decided_by = outcome.decided_by
        if self.kind != 'proposal':
            for option in self.options:
                option.votes = counts[str(option.id)]
                option.chosen = str(option.id) in outcome.result
            Option.save(self.options)

    @classmethod
    @ModelView.button
    @Workflow.transition('open')
    def open(cls, ballots):
        for ballot in ballots:
            if ballot.meeting.state != 'open':
                raise MeetingError(gettext(
                        'sosolo_meeting.msg_ballot_meeting_not_open',
                        ballot=ballot.title))

    @classmethod
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, ballots):
        "Close the ballots and compute each result, once."
        cls.lock(ballots)
        for ballot in ballots:
            ballot.tally()
            if ballot.secret:
                ballot._scramble()
        cls.save(ballots)


class BallotOption(sequence_ordered(), ModelSQL, ModelView):
    "Ballot Option"
    __name__ = 'sosolo.meeting.ballot.option'

    ballot = fields.Many2One('sosolo.meeting.ballot', "Ballot",
        required=True, ondelete='CASCADE')
    name = fields.Char("Name", required=True,
        help="The alternative, or the candidate's name.")
    votes = fields.Integer("Votes", readonly=True)
    chosen = fields.Boolean("Chosen", readonly=True,
        help="The alternative decided, or a candidate elected.")


class BallotExcluded(ModelSQL):
    "Ballot Member Not Voting"
    __name__ = 'sosolo.meeting.ballot-sosolo.member'

    ballot = fields.Many2One('sosolo.meeting.ballot', "Ballot",
        required=True, ondelete='CASCADE')
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='CASCADE')


class BallotVoter(ModelSQL, ModelView):
    """Ballot Voter

    That a roll entry voted in a ballot, once; the choice too for an open
    ballot, never for a secret one (see the module docstring).
    """
    __name__ = 'sosolo.meeting.ballot.voter'

    ballot = fields.Many2One('sosolo.meeting.ballot', "Ballot",
        required=True, ondelete='CASCADE', readonly=True)
    entry = fields.Many2One('sosolo.meeting.roll', "Roll Entry",
        required=True, ondelete='RESTRICT', readonly=True)
    choice = fields.Char("Choice", readonly=True)
    postal = fields.Boolean("By Post", readonly=True,
        help="The vote came by post before the meeting.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('entry_unique', Unique(t, t.ballot, t.entry),
                'sosolo_meeting.msg_vote_twice_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.entry, Index.Range())))

    @classmethod
    def default_postal(cls):
        return False

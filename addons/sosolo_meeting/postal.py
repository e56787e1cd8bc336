# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Postal votes (issue #14 item 4): where the statutes let the board
decide it (lag (2018:672) om ekonomiska föreningar 6 kap.), members vote
by post before the meeting and staff enter each vote received in its
ballot while the ballot is open. Ballot.vote counts it as any other:
once per roll entry, and apart from the voter for a secret ballot."""
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.wizard import Button, StateTransition, StateView, Wizard


class PostalVoteStart(ModelView):
    "Enter Postal Vote"
    __name__ = 'sosolo.meeting.postal_vote.start'

    ballot = fields.Many2One('sosolo.meeting.ballot', "Ballot",
        readonly=True)
    meeting = fields.Many2One('sosolo.meeting', "Meeting", readonly=True)
    entry = fields.Many2One('sosolo.meeting.roll', "Voter", required=True,
        domain=[('meeting', '=', Eval('meeting', -1))],
        help="Whose vote came by post: their entry in the roll.")
    choice = fields.Selection('get_choices', "Vote", required=True)

    @fields.depends('ballot')
    def get_choices(self):
        if not self.ballot:
            return []
        return [(c, self.ballot.choice_label(c))
            for c in self.ballot.choices]


class PostalVote(Wizard):
    "Enter Postal Vote"
    __name__ = 'sosolo.meeting.postal_vote'

    start = StateView('sosolo.meeting.postal_vote.start',
        'sosolo_meeting.postal_vote_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Enter", 'enter', 'tryton-ok', default=True),
            ])
    enter = StateTransition()

    def default_start(self, fields):
        ballot = self.record
        return {'ballot': ballot.id, 'meeting': ballot.meeting.id}

    def transition_enter(self):
        "Count the vote; a refusal (VoteRefused) shows as the error."
        Ballot = Pool().get('sosolo.meeting.ballot')
        Ballot.vote(self.record, self.start.entry, self.start.choice,
            postal=True)
        return 'end'

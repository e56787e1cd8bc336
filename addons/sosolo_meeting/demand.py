# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from . import rules

BY = [
    ('members', "Members"),
    ('auditor', "Auditor"),
    ]
STATES = [
    ('insufficient', "Insufficient"),
    ('pending', "To Call"),
    ('overdue', "Overdue"),
    ('called', "Called"),
    ('called_late', "Called Late"),
    ]


class Demand(ModelSQL, ModelView):
    """Demand for an Extra Meeting

    The auditor, or a tenth of the members entitled to vote (or fewer
    where the statutes say so), demand in writing an extra meeting on a
    stated matter; the board calls it within two weeks of the demand
    coming in (lag (2018:672) 6 kap.; rules.demand_is_sufficient,
    rules.call_deadline).
    """
    __name__ = 'sosolo.meeting.demand'
    _rec_name = 'subject'

    company = fields.Many2One('company.company', "Company", required=True)
    received_date = fields.Date("Received", required=True)
    by = fields.Selection(BY, "By", required=True)
    by_string = by.translated('by')
    signers = fields.Integer("Signers",
        states={
            'invisible': Eval('by') != 'members',
            'required': Eval('by') == 'members',
            },
        domain=['OR', ('signers', '=', None), ('signers', '>=', 0)],
        help="How many members entitled to vote signed the demand.")
    voters = fields.Integer("Members Entitled to Vote", readonly=True,
        help="The members entitled to vote when the demand came in.")
    subject = fields.Text("Matter", required=True,
        help="The matter the meeting is to deal with.")
    call_deadline = fields.Function(fields.Date("Call Deadline"),
        'on_change_with_call_deadline')
    meetings = fields.One2Many('sosolo.meeting', 'demand', "Meetings",
        readonly=True)
    state = fields.Function(fields.Selection(STATES, "State"), 'get_state')

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_by(cls):
        return 'members'

    @classmethod
    def default_received_date(cls):
        return Pool().get('ir.date').today()

    @fields.depends('received_date')
    def on_change_with_call_deadline(self, name=None):
        if self.received_date:
            return rules.call_deadline(self.received_date)

    @classmethod
    def create(cls, vlist):
        "Record the number entitled to vote when the demand came in."
        Roll = Pool().get('sosolo.meeting.roll')
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            if values.get('voters') is None and values.get('received_date'):
                values['voters'] = len(Roll.entitled_members(
                        values['received_date'],
                        values.get('company') or cls.default_company()))
        return super().create(vlist)

    @property
    def sufficient(self):
        config = Pool().get('sosolo.membership.configuration')(1)
        return rules.demand_is_sufficient(self.signers or 0,
            self.voters or 0, config.meeting_demand_signers,
            auditor=self.by == 'auditor')

    def get_state(self, name):
        Date = Pool().get('ir.date')
        if not self.sufficient:
            return 'insufficient'
        called = [m.notice_date for m in self.meetings if m.notice_date]
        if called:
            return 'called' if min(called) <= self.call_deadline else (
                'called_late')
        return 'overdue' if Date.today() > self.call_deadline else 'pending'

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Consortia: members who bid together for a tender or one of its lots.

A member registers interest and becomes the lead; the lead adds members,
each with a share of the work and of the price (the shares sum to 100 %
before the bid is submitted). A won contract becomes one convoy
assignment per share, invoiced by the cooperative to the buyer as any
other assignment."""
import datetime as dt
from decimal import ROUND_DOWN, Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, Workflow, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.sosolo_convoy.assignment import VAT
from trytond.modules.sosolo_membership.party import local_time
from trytond.modules.sosolo_portal.mail import send_email
from trytond.pool import Pool
from trytond.pyson import Bool, Eval
from trytond.transaction import Transaction

STATES = [
    ('interest', "Interest"),
    ('preparing', "Preparing"),
    ('submitted', "Submitted"),
    ('won', "Won"),
    ('lost', "Lost"),
    ]
#: The states in which the members are reminded of the deadline.
OPEN = ['interest', 'preparing']
_CENT = Decimal('0.01')
_HUNDRED = Decimal(100)


class ConsortiumError(ValidationError):
    pass


def split(price, percents):
    """`price` split by `percents` (summing to 100) to the öre, the
    amounts summing to `price`: each share rounded down, the öre left
    over going to the largest remainders (the first of equal ones).

    >>> split(Decimal('1000.01'), [Decimal(50), Decimal(50)])
    [Decimal('500.01'), Decimal('500.00')]
    >>> split(Decimal('100'), [Decimal('33.33')] * 2 + [Decimal('33.34')])
    [Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
    """
    exact = [price * p / _HUNDRED for p in percents]
    amounts = [e.quantize(_CENT, rounding=ROUND_DOWN) for e in exact]
    left = int((price - sum(amounts, Decimal(0))) / _CENT)
    order = sorted(range(len(exact)),
        key=lambda i: (amounts[i] - exact[i], i))
    for i in order[:left]:
        amounts[i] += _CENT
    return amounts


def reminder_due(deadline, days, now):
    """Whether the reminder `days` before `deadline` is due at `now`:
    from that moment until the deadline."""
    return (deadline is not None
        and deadline - dt.timedelta(days=days) <= now < deadline)


class Consortium(Workflow, ModelSQL, ModelView):
    "Consortium"
    __name__ = 'sosolo.community.consortium'

    _states = {'readonly': Eval('state').in_(['submitted', 'won', 'lost'])}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    tender = fields.Many2One('sosolo.community.tender', "Tender",
        required=True, ondelete='RESTRICT', states=_states)
    lot = fields.Many2One('sosolo.community.tender.lot', "Lot",
        ondelete='RESTRICT', states=_states,
        domain=[('tender', '=', Eval('tender', -1))],
        help="Leave empty to bid for the whole tender.")
    lead = fields.Many2One('sosolo.member', "Lead", required=True,
        ondelete='RESTRICT', states=_states,
        domain=[('company', '=', Eval('company', -1))])
    shares = fields.One2Many('sosolo.community.consortium.share',
        'consortium', "Shares", states=_states)
    notes = fields.Text("Notes")
    price = fields.Numeric("Contract Price", digits=(16, 2),
        states={'readonly': Eval('state').in_(['won', 'lost'])},
        help="The price of the bid, excluding VAT.")
    vat = fields.Selection(VAT, "VAT", required=True, sort=False,
        states=_states)
    customer = fields.Many2One('party.party', "Customer",
        ondelete='RESTRICT',
        states={'readonly': Eval('state').in_(['won', 'lost'])},
        help="The party the cooperative invoices when the bid is won.")
    reminder_days = fields.Integer("Reminder Days", required=True,
        domain=[('reminder_days', '>=', 0)],
        help="How many days before the deadline the members are reminded.")
    reminded = fields.DateTime("Reminded", readonly=True)
    deadline = fields.Function(fields.DateTime("Deadline"), 'get_deadline')
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    state_string = state.translated('state')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'DESC')]
        cls._transitions |= {
            ('interest', 'preparing'),
            ('preparing', 'interest'),
            ('preparing', 'submitted'),
            ('submitted', 'won'),
            ('submitted', 'lost'),
            }
        cls._buttons.update({
                'interest': {
                    'invisible': Eval('state') != 'preparing',
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                'prepare': {
                    'invisible': Eval('state') != 'interest',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'submit': {
                    'invisible': Eval('state') != 'preparing',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'win': {
                    'invisible': Eval('state') != 'submitted',
                    'readonly': ~Bool(Eval('customer')) | ~Bool(
                        Eval('price')),
                    'icon': 'tryton-ok',
                    'depends': ['state', 'customer', 'price'],
                    },
                'lose': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'interest'

    @staticmethod
    def default_vat():
        return '25'

    @staticmethod
    def default_reminder_days():
        return 7

    def get_deadline(self, name):
        return self.lot.deadline if self.lot else self.tender.deadline

    def get_rec_name(self, name):
        title = self.tender.title or self.tender.reference
        if self.lot:
            return f'{title}: {self.lot.title or self.lot.lot}'
        return title

    @property
    def members(self):
        return [s.member for s in self.shares]

    @classmethod
    def register_interest(cls, member, tender, lot=None):
        """`member`'s interest in `tender` (or its `lot`): a new
        consortium led by `member`, its only member so far; the portal
        calls it."""
        if lot is not None and lot.tender != tender:
            raise ConsortiumError(gettext(
                    'sosolo_community.msg_consortium_lot_tender'))
        consortium, = cls.create([{
                    'company': member.company.id, 'tender': tender.id,
                    'lot': lot.id if lot else None, 'lead': member.id,
                    'shares': [('create', [{'member': member.id}])],
                    }])
        return consortium

    @classmethod
    def add_member(cls, consortium, lead, member):
        """`lead` adds `member` to `consortium`, with no share yet; the
        portal calls it."""
        Share = Pool().get('sosolo.community.consortium.share')
        if consortium.lead != lead:
            raise ConsortiumError(gettext(
                    'sosolo_community.msg_consortium_not_lead',
                    consortium=consortium.rec_name))
        if consortium.state not in OPEN:
            raise ConsortiumError(gettext(
                    'sosolo_community.msg_consortium_closed',
                    consortium=consortium.rec_name))
        if member in consortium.members:
            return
        Share.create([{'consortium': consortium.id, 'member': member.id}])

    def check_shares(self):
        "The shares sum to 100 % and the lead is one of the members."
        if self.lead not in self.members:
            raise ConsortiumError(gettext(
                    'sosolo_community.msg_consortium_lead_member',
                    consortium=self.rec_name,
                    lead=self.lead.party.rec_name))
        total = sum((s.percent or 0 for s in self.shares), Decimal(0))
        if total != _HUNDRED:
            raise ConsortiumError(gettext(
                    'sosolo_community.msg_consortium_shares',
                    consortium=self.rec_name, total=total))

    @classmethod
    @ModelView.button
    @Workflow.transition('interest')
    def interest(cls, consortia):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('preparing')
    def prepare(cls, consortia):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, consortia):
        for consortium in consortia:
            consortium.check_shares()

    @classmethod
    @ModelView.button
    @Workflow.transition('won')
    def win(cls, consortia):
        "Each share of a won contract becomes the member's assignment."
        Assignment = Pool().get('sosolo.convoy.assignment')
        for consortium in consortia:
            consortium.check_shares()
            if consortium.customer is None or not consortium.price:
                raise ConsortiumError(gettext(
                        'sosolo_community.msg_consortium_no_customer',
                        consortium=consortium.rec_name))
        shares = [s for c in consortia for s in c.shares]
        assignments = Assignment.create(
            [s.assignment_values() for s in shares])
        Assignment.submit(assignments)
        for share, assignment in zip(shares, assignments):
            share.assignment = assignment
        Pool().get('sosolo.community.consortium.share').save(shares)

    @classmethod
    @ModelView.button
    @Workflow.transition('lost')
    def lose(cls, consortia):
        pass

    @classmethod
    def send_reminders(cls, now=None):
        """Cron, daily: e-mail the members of each open consortium whose
        deadline is within its reminder days, once, to the e-mail
        addresses of their portal accounts."""
        WebUser = Pool().get('web.user')
        if now is None:
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        due = [c for c in cls.search([
                    ('state', 'in', OPEN),
                    ('reminded', '=', None),
                    ])
            if reminder_due(c.deadline, c.reminder_days, now)]
        emails = WebUser.emails_of(m.party for c in due for m in c.members)
        # The states in Swedish whatever the language of the cron's user.
        with Transaction().set_context(language='sv'):
            states = dict(cls.fields_get(['state'])['state']['selection'])
        for consortium in due:
            to = [emails[m.party.id] for m in consortium.members
                if m.party.id in emails]
            if not to:
                continue
            # In Swedish whatever the language of the cron's user.
            send_email(', '.join(to),
                gettext('sosolo_community.msg_consortium_reminder_subject',
                    'sv', consortium=consortium.rec_name),
                gettext('sosolo_community.msg_consortium_reminder_body',
                    'sv', consortium=consortium.rec_name,
                    buyer=consortium.tender.buyer or '',
                    deadline=local_time(consortium.deadline),
                    lead=consortium.lead.party.rec_name,
                    state=states[consortium.state]))
        cls.write(due, {'reminded': now})
        return due


class ConsortiumShare(ModelSQL, ModelView):
    "Consortium Share"
    __name__ = 'sosolo.community.consortium.share'

    _states = {'readonly': Eval('consortium_state').in_(
            ['submitted', 'won', 'lost'])}

    consortium = fields.Many2One('sosolo.community.consortium',
        "Consortium", required=True, ondelete='CASCADE', states=_states)
    consortium_state = fields.Function(
        fields.Selection(STATES, "Consortium State"),
        'on_change_with_consortium_state')
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='RESTRICT', states=_states)
    work = fields.Text("Work", states=_states,
        help="The member's part of the work.")
    percent = fields.Numeric("Share (%)", digits=(5, 2), states=_states,
        help="The member's share of the work and of the price.")
    amount = fields.Function(fields.Numeric("Amount", digits=(16, 2)),
        'get_amount')
    assignment = fields.Many2One('sosolo.convoy.assignment', "Assignment",
        readonly=True, ondelete='RESTRICT')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('consortium')
        t = cls.__table__()
        cls._sql_constraints += [
            ('member_unique', Unique(t, t.consortium, t.member),
                'sosolo_community.msg_consortium_member_unique'),
            ]

    @classmethod
    def validate(cls, shares):
        super().validate(shares)
        for share in shares:
            if share.percent is not None and not (
                    0 < share.percent <= _HUNDRED):
                raise ConsortiumError(gettext(
                        'sosolo_community.msg_consortium_percent',
                        member=share.member.party.rec_name))

    @fields.depends('consortium', '_parent_consortium.state')
    def on_change_with_consortium_state(self, name=None):
        return self.consortium.state if self.consortium else None

    @classmethod
    def get_amount(cls, shares, name):
        "The shares' part of the price, to the öre, summing to the price."
        result = {s.id: None for s in shares}
        for consortium in {s.consortium for s in shares}:
            siblings = consortium.shares
            if consortium.price is None or sum(
                    (s.percent or 0 for s in siblings), 0) != _HUNDRED:
                continue
            for share, amount in zip(siblings, split(consortium.price,
                        [s.percent or 0 for s in siblings])):
                if share.id in result:
                    result[share.id] = amount
        return result

    def get_rec_name(self, name):
        return f'{self.consortium.rec_name}: {self.member.rec_name}'

    def assignment_values(self):
        "The values of the member's assignment for this share."
        consortium = self.consortium
        # Invoiced to the buyer: in Swedish whoever records the win.
        description = gettext('sosolo_community.msg_consortium_assignment',
            'sv', consortium=consortium.rec_name,
            buyer=consortium.tender.buyer or '')
        return {
            'company': consortium.company.id,
            'member': self.member.id,
            'customer': consortium.customer.id,
            'description': description,
            'lines': [('create', [{
                            'description': self.work or description,
                            'quantity': Decimal(1),
                            'unit_price': self.amount,
                            'vat': consortium.vat,
                            }])],
            }

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .exceptions import PayoutError

STATES = [
    ('requested', "Requested"),
    ('paid', "Paid"),
    ('cancelled', "Cancelled"),
    ]
_ZERO = Decimal(0)


class Payout(Workflow, ModelSQL, ModelView):
    """Payout

    A member asks for salary from the activity account; the next pay run
    of the company makes it a payslip.
    """
    __name__ = 'sosolo.convoy.payout'

    _states = {'readonly': Eval('state') != 'requested'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        states=_states,
        domain=[('company', '=', Eval('company', -1))])
    date = fields.Date("Date", required=True, states=_states,
        help="The date of the request.")
    amount = fields.Numeric("Amount", digits=(16, 2), states=_states,
        domain=['OR', ('amount', '=', None), ('amount', '>', 0)],
        help="What the salary may cost in all, employer contributions "
        "included. Empty: all that is available.")
    paid_amount = fields.Numeric("Paid Amount", digits=(16, 2),
        readonly=True,
        help="What the payslip takes from the account: gross pay and "
        "employer contributions.")
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    state_string = state.translated('state')
    payslip = fields.Many2One('sosolo.payroll.payslip', "Payslip",
        readonly=True)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('requested', 'paid'),
            ('requested', 'cancelled'),
            }
        cls._buttons.update({
                'cancel': {
                    'invisible': ((Eval('state') != 'requested')
                        | Eval('payslip')),
                    'depends': ['state', 'payslip'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'requested'

    @classmethod
    def default_date(cls):
        return Pool().get('ir.date').today()

    def get_rec_name(self, name):
        return f'{self.member.rec_name} {self.date}'

    @property
    def cancellable(self):
        "Whether the request may still be withdrawn: no pay run has it."
        return self.state == 'requested' and not self.payslip

    @classmethod
    def check_modification(cls, mode, payouts, values=None, external=False):
        super().check_modification(
            mode, payouts, values=values, external=external)
        if mode == 'delete' or (mode == 'write'
                and values.keys() - {'state', 'payslip', 'paid_amount'}):
            for payout in payouts:
                if payout.state != 'requested' or payout.payslip:
                    raise PayoutError(gettext(
                            'sosolo_convoy.msg_payout_modify',
                            payout=payout.rec_name))

    @classmethod
    def validate(cls, payouts):
        super().validate(payouts)
        cls.check_available(payouts)

    @classmethod
    def check_available(cls, payouts):
        """Refuse requests the member's account cannot pay.

        The member is locked first (SELECT ... FOR UPDATE on PostgreSQL,
        taken when the transaction starts again): two requests at once
        are checked one after the other and cannot overdraw.
        """
        pool = Pool()
        Lang = pool.get('ir.lang')
        Member = pool.get('sosolo.member')
        requested = [p for p in payouts if p.state == 'requested']
        members = list({p.member for p in requested})
        if not members:
            return
        Member.lock(members)
        balances = {m.id: m for m in Member.browse(members)}
        for payout in requested:
            member = balances[payout.member.id]
            balance = member.convoy_balance
            others = cls.search([
                    ('member', '=', member.id),
                    ('state', '=', 'requested'),
                    ('id', '!=', payout.id),
                    ])
            if payout.amount is None:
                ok = balance > 0 and not others
                available = _ZERO if others else balance
            else:
                if any(o.amount is None for o in others):
                    available = _ZERO
                else:
                    available = balance - sum(
                        (o.amount for o in others), _ZERO)
                ok = payout.amount <= available
            if not ok:
                lang, currency = Lang.get(), member.company.currency
                raise PayoutError(gettext(
                        'sosolo_convoy.msg_payout_too_large',
                        amount=lang.currency(
                            payout.amount, currency, grouping=True)
                        if payout.amount is not None
                        else gettext('sosolo_convoy.msg_payout_all'),
                        available=lang.currency(
                            max(available, _ZERO), currency,
                            grouping=True)))

    def get_amount(self):
        "The amount to pay now: the request, or all it may take."
        if self.amount is not None:
            return self.amount
        others = self.search([
                ('member', '=', self.member.id),
                ('state', '=', 'requested'),
                ('id', '!=', self.id),
                ])
        return max(self.member.convoy_balance
            - sum((o.amount or _ZERO for o in others), _ZERO), _ZERO)

    @classmethod
    def request(cls, member, amount=None):
        """`member` asks for `amount` as salary, employer contributions
        included; None asks for all that is available. Refused
        (PayoutError) beyond what the account has available."""
        Date = Pool().get('ir.date')
        with Transaction().set_context(company=member.company.id):
            today = Date.today()
        payout, = cls.create([{'company': member.company.id,
                    'member': member.id, 'date': today, 'amount': amount}])
        return payout

    @classmethod
    def withdraw(cls, payouts):
        """Cancel requests that no pay run has taken yet; refuse others
        (PayoutError).

        The members are locked first, as a new request locks them: one
        change of a member's payouts at a time.
        """
        Member = Pool().get('sosolo.member')
        Member.lock(list({p.member for p in payouts}))
        payouts = cls.browse(payouts)
        for payout in payouts:
            if not payout.cancellable:
                raise PayoutError(gettext(
                        'sosolo_convoy.msg_payout_modify',
                        payout=payout.rec_name))
        cls.cancel(payouts)

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, payouts):
        pass

    @classmethod
    @Workflow.transition('paid')
    def pay(cls, payouts):
        pass

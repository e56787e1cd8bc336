# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The guarantee fund (issue #16, item 5): SMart's answer to "what if the
customer never pays?".

The board sets a share of the cooperative's fee that goes into the fund.
The fee is taken when a customer's payment credits the member's share
(Invoice._convoy_credit): that move also earmarks the fund's part of the
fee, from free to bound equity (Dr 2091 Balanserad vinst eller förlust /
Cr 2086 Reservfond, BAS; the chart in sosolo_sweden/account_se.xml).

A member may ask for an advance on a posted customer invoice of an
approved assignment: the cooperative lends the member that part of their
share (Dr 1680 Andra kortfristiga fordringar / Cr 2829 the member's
account) and pays it as salary in the next pay run (a payout). When the
customer pays, the share is credited as always and the loan is taken
back from the member's account (Dr 2829 / Cr 1680). When the customer
never pays (a credit loss after dunning), the fund carries the advance
as far as it holds (Dr 6351 Konstaterade förluster på kundfordringar /
Cr 1680, and the reserve used: Dr 2086 / Cr 2091); the rest is taken
back from the member's account.
"""
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_payroll.configuration import account_field
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import rules
from .configuration import account_by_code
from .exceptions import AdvanceError

_ZERO = Decimal(0)
_CENT = Decimal('0.01')

#: The fund's accounts and their BAS numbers.
BAS_ACCOUNTS = {
    'fund_account': '2086',
    'fund_source_account': '2091',
    'advance_account': '1680',
    'loss_account': '6351',
    }

STATES = [
    ('open', "Open"),
    ('recovered', "Recovered"),
    ('lost', "Credit Loss"),
    ]


def fund_allocation(credit, untaxed, share, rate):
    """The fund's part of the fee taken with `credit` of the member's
    `share` of an invoice of `untaxed` excl. VAT: `rate` percent of the
    fee in proportion, to the öre half up. Negative for a negative
    credit (a credit note, an undone payment)."""
    if not share or not rate:
        return _ZERO
    fee = Decimal(untaxed) - Decimal(share)
    return (Decimal(credit) * fee / Decimal(share) * Decimal(rate) / 100
        ).quantize(_CENT, rounding=ROUND_HALF_UP)


def advance_room(share, rate, member_open, member_limit, total_open,
        total_limit):
    """The largest advance on an invoice whose member's share is `share`:
    `rate` percent of it (öre dropped), within what is left of the limit
    per member and the limit of all advances open (None: no limit)."""
    room = (Decimal(share) * Decimal(rate or 0) / 100).quantize(
        _CENT, rounding=ROUND_DOWN)
    if member_limit is not None:
        room = min(room, Decimal(member_limit) - member_open)
    if total_limit is not None:
        room = min(room, Decimal(total_limit) - total_open)
    return max(room, _ZERO)


def loss_split(amount, fund_balance):
    """(what the fund carries, what the member bears) of a lost advance
    of `amount`: the fund carries it as far as its balance goes."""
    carried = min(Decimal(amount), max(Decimal(fund_balance), _ZERO))
    return carried, Decimal(amount) - carried


class Configuration(metaclass=PoolMeta):
    __name__ = 'sosolo.convoy.configuration'

    fund_rate = fields.Numeric("Fund Share of Fee (%)", digits=(5, 2),
        domain=['OR', ('fund_rate', '=', None),
            [('fund_rate', '>=', 0), ('fund_rate', '<=', 100)]],
        help="The percentage of the cooperative's fee that goes into the "
        "guarantee fund when the fee is taken.")
    advance_rate = fields.Numeric("Advance Share (%)", digits=(5, 2),
        domain=['OR', ('advance_rate', '=', None),
            [('advance_rate', '>=', 0), ('advance_rate', '<=', 100)]],
        help="The percentage of the member's share of a posted invoice "
        "that the member may ask for as an advance. Empty: no advances.")
    advance_member_limit = fields.Numeric("Advances per Member",
        digits=(16, 2),
        help="The most a member may have in open advances. Empty: no "
        "limit.")
    advance_total_limit = fields.Numeric("Advances in All", digits=(16, 2),
        help="The most all members may have in open advances. Empty: no "
        "limit.")
    fund_policy = fields.Text("Fund Policy",
        help="The policy of the guarantee fund, as the members read it in "
        "the portal.")
    fund_account = account_field("Fund Account",
        "BAS 2086 Reservfond: the guarantee fund, bound equity.")
    fund_source_account = account_field("Fund Source Account",
        "BAS 2091 Balanserad vinst eller förlust: the free equity the "
        "fund is set aside from, and released to when it carries a loss.")
    advance_account = account_field("Advance Account",
        "BAS 1680 Andra kortfristiga fordringar: the advances lent to "
        "members until their customers pay.")
    loss_account = account_field("Credit Loss Account",
        "BAS 6351 Konstaterade förluster på kundfordringar: the advances "
        "the fund carries when a customer never pays.")
    fund_balance = fields.Function(fields.Numeric("Fund Balance",
            digits=(16, 2), help="What the guarantee fund holds."),
        'get_fund_amounts')
    fund_exposure = fields.Function(fields.Numeric("Fund Exposure",
            digits=(16, 2),
            help="The advances open: lent and not yet recovered."),
        'get_fund_amounts')

    @classmethod
    def default_fund_account(cls):
        return account_by_code(BAS_ACCOUNTS['fund_account'])

    @classmethod
    def default_fund_source_account(cls):
        return account_by_code(BAS_ACCOUNTS['fund_source_account'])

    @classmethod
    def default_advance_account(cls):
        return account_by_code(BAS_ACCOUNTS['advance_account'])

    @classmethod
    def default_loss_account(cls):
        return account_by_code(BAS_ACCOUNTS['loss_account'])

    @classmethod
    def get_fund_amounts(cls, configurations, names):
        Advance = Pool().get('sosolo.convoy.advance')
        result = {n: {} for n in names}
        for config in configurations:
            if 'fund_balance' in names:
                result['fund_balance'][config.id] = config.fund_held()
            if 'fund_exposure' in names:
                result['fund_exposure'][config.id] = Advance.open_amount()
        return result

    def fund_held(self):
        "The balance of the fund account (credit positive), in öre."
        Line = Pool().get('account.move.line')
        account = self.fund_account
        if not account:
            return _ZERO
        line = Line.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*line.select(
                Sum(Coalesce(line.credit, 0) - Coalesce(line.debit, 0)),
                where=line.account == account.id))
        value, = cursor.fetchone()
        return Decimal(str(value or 0)).quantize(_CENT)


class Advance(Workflow, ModelSQL, ModelView):
    """Advance

    A member's salary in advance on a posted invoice of one of their
    assignments, lent by the cooperative until the customer pays.
    """
    __name__ = 'sosolo.convoy.advance'

    company = fields.Many2One('company.company', "Company", required=True,
        readonly=True)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        readonly=True)
    invoice = fields.Many2One('account.invoice', "Invoice", required=True,
        readonly=True)
    date = fields.Date("Date", required=True, readonly=True)
    amount = fields.Numeric("Amount", digits=(16, 2), required=True,
        readonly=True,
        help="What is lent, paid as salary with its employer "
        "contributions.")
    fund_amount = fields.Numeric("Carried by Fund", digits=(16, 2),
        readonly=True,
        help="What the guarantee fund carried of a credit loss.")
    payout = fields.Many2One('sosolo.convoy.payout', "Payout",
        readonly=True)
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    state_string = state.translated('state')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('open', 'recovered'),
            ('open', 'lost'),
            }
        cls._buttons.update({
                'write_off': {
                    'invisible': Eval('state') != 'open',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'open'

    def get_rec_name(self, name):
        return f'{self.member.rec_name} {self.invoice.rec_name}'

    @classmethod
    def open_amount(cls, member=None):
        "The advances open, of `member` or of all."
        domain = [('state', '=', 'open')]
        if member:
            domain.append(('member', '=', member.id))
        # The limit in all counts every member's advances, also in the
        # portal: only their sum leaves here.
        with without_check_access():
            return sum((a.amount for a in cls.search(domain)), _ZERO)

    @classmethod
    def available(cls, member, invoice):
        """What `member` may ask for in advance on `invoice`: zero unless
        it is a posted, unpaid invoice of one of their assignments with
        no advance before."""
        Configuration = Pool().get('sosolo.convoy.configuration')
        # The assignments the invoice bills itself: a credit note has none.
        assignment = next(iter(invoice.convoy_invoiced_assignments), None)
        if (not assignment or assignment.member != member
                or invoice.state != 'posted' or assignment.fee_rate is None
                or cls.search([('invoice', '=', invoice.id)], limit=1)):
            return _ZERO
        config = Configuration(1)
        share = rules.member_share(invoice.untaxed_amount,
            assignment.fee_rate, assignment.minimum_fee)
        return advance_room(share, config.advance_rate,
            cls.open_amount(member), config.advance_member_limit,
            cls.open_amount(), config.advance_total_limit)

    @classmethod
    def request(cls, member, invoice, amount):
        """`member` asks for `amount` in advance on `invoice`; refused
        (AdvanceError) beyond what `available` gives.

        The advances' table is locked first (on PostgreSQL): two requests
        at once are checked one after the other and cannot pass the
        limits together.
        """
        pool = Pool()
        Date = pool.get('ir.date')
        Lang = pool.get('ir.lang')
        Move = pool.get('account.move')
        Payout = pool.get('sosolo.convoy.payout')
        # The portal user may not read other members' advances, nor
        # create moves; the invoice is checked to be the member's own
        # (available) before anything is written.
        with without_check_access():
            cls.lock()
            available = cls.available(member, invoice)
            if not 0 < amount <= available:
                lang = Lang.get()
                raise AdvanceError(gettext(
                        'sosolo_convoy.msg_advance_too_large',
                        amount=lang.currency(amount, member.company.currency,
                            grouping=True),
                        available=lang.currency(available,
                            member.company.currency, grouping=True)))
            with Transaction().set_context(company=member.company.id):
                today = Date.today()
            advance = cls(company=member.company, member=member,
                invoice=invoice, date=today, amount=amount)
            advance.save()  # The origin of its move.
            move = advance.get_move('lend', [(amount, 'member')])
            Move.save([move])
            Move.post([move])
            advance.payout = Payout.request(member, amount)
            advance.save()
        return advance

    def get_move(self, kind, amounts):
        """The move of `kind` (lend, recover, lose): each
        (amount, side) of `amounts` is posted against the advance
        account, on the member's account ('member') or as a loss the
        fund carries ('fund')."""
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Date = pool.get('ir.date')
        Line = pool.get('account.move.line')
        Move = pool.get('account.move')
        Period = pool.get('account.period')
        config = Configuration(1)
        party = self.member.party
        description = gettext(f'sosolo_convoy.msg_advance_{kind}',
            invoice=self.invoice.rec_name)
        # Lending debits the advance account; recovering and a loss
        # credit it.
        sign = 1 if kind == 'lend' else -1
        lines = []

        def line(account, amount):
            "Debit `amount` to `account`; a negative one is a credit."
            lines.append(Line(account=account, debit=max(amount, _ZERO),
                    credit=max(-amount, _ZERO), description=description,
                    party=party if account.party_required else None))
        for amount, side in amounts:
            if not amount:
                continue
            line(config.required('advance_account'), sign * amount)
            if side == 'member':
                line(config.required('member_account'), -sign * amount)
            else:
                line(config.required('loss_account'), amount)
                line(config.required('fund_account'), amount)
                line(config.required('fund_source_account'), -amount)
        with Transaction().set_context(company=self.company.id):
            date = Date.today()
        return Move(company=self.company, journal=config.required('journal'),
            period=Period.find(self.company, date=date), date=date,
            origin=self, description=description, lines=lines)

    @classmethod
    def recover(cls, advances):
        "Take back the open advances from the members' accounts."
        Move = Pool().get('account.move')
        advances = [a for a in advances if a.state == 'open']
        moves = [a.get_move('recover', [(a.amount, 'member')])
            for a in advances]
        Move.save(moves)
        Move.post(moves)
        cls._recovered(advances)

    @classmethod
    @Workflow.transition('recovered')
    def _recovered(cls, advances):
        pass

    @classmethod
    @ModelView.button
    def write_off(cls, advances):
        """The customer will not pay: the fund carries the advance as far
        as it holds, the member's account the rest. Only after a
        reminder (dunning) of the invoice; the fund is locked as for a
        request."""
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Move = pool.get('account.move')
        cls.lock()
        for advance in cls.browse(advances):
            invoice = advance.invoice
            if advance.state != 'open':
                continue
            if invoice.state != 'posted' or not any(
                    d.state != 'draft' for l in invoice.lines_to_pay
                    for d in l.dunnings):
                raise AdvanceError(gettext(
                        'sosolo_convoy.msg_advance_no_dunning',
                        advance=advance.rec_name))
            carried, borne = loss_split(
                advance.amount, Configuration(1).fund_held())
            move = advance.get_move('lose',
                [(carried, 'fund'), (borne, 'member')])
            Move.save([move])
            Move.post([move])
            advance.fund_amount = carried
            advance.save()
            cls._lost([advance])

    @classmethod
    @Workflow.transition('lost')
    def _lost(cls, advances):
        pass


class Move(metaclass=PoolMeta):
    __name__ = 'account.move'

    @classmethod
    def _get_origin(cls):
        return super()._get_origin() + ['sosolo.convoy.advance']


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    def get_convoy_move(self, config, assignment, amount):
        """Also set aside the fund's part of the fee taken with the
        credit: Cr the fund, Dr the free equity it comes from."""
        pool = Pool()
        Line = pool.get('account.move.line')
        move = super().get_convoy_move(config, assignment, amount)
        share = rules.member_share(self.untaxed_amount,
            assignment.fee_rate, assignment.minimum_fee)
        allocation = fund_allocation(
            amount, self.untaxed_amount, share, config.fund_rate)
        if allocation:
            description = gettext('sosolo_convoy.msg_fund_description',
                invoice=self.rec_name)
            move.lines = list(move.lines) + [
                Line(account=config.required('fund_source_account'),
                    debit=max(allocation, _ZERO),
                    credit=max(-allocation, _ZERO),
                    description=description),
                Line(account=config.required('fund_account'),
                    debit=max(-allocation, _ZERO),
                    credit=max(allocation, _ZERO),
                    description=description),
                ]
        return move

    @classmethod
    def paid(cls, invoices):
        Advance = Pool().get('sosolo.convoy.advance')
        super().paid(invoices)
        # Whoever records the payment need not be in the convoy group
        # to take back the member's advance (as Invoice.convoy_credit).
        with without_check_access():
            Advance.recover(Advance.search([
                        ('invoice', 'in', [i.id for i in invoices]),
                        ('state', '=', 'open'),
                        ]))

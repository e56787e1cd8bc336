# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from collections import defaultdict
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_payroll.configuration import account_field
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access

from .allowance import allowance
from .configuration import account_by_code
from .exceptions import ExpenseError

KINDS = [
    ('receipt', "Receipt"),
    ('mileage', "Mileage"),
    ('per_diem', "Per Diem"),
    ]
#: The payslip line kind that reimburses each kind of expense.
PAYSLIP_KINDS = {
    'receipt': 'tax_free_allowance',
    'mileage': 'mileage',
    'per_diem': 'tax_free_allowance',
    }
#: The payroll configuration's cost account of the allowances.
ALLOWANCE_ACCOUNTS = {
    'mileage': 'mileage_account',
    'per_diem': 'tax_free_allowance_account',
    }
#: BAS accounts of the expenses (DESIGN.md).
BAS_ACCOUNTS = {
    'travel_account': '2822',
    'input_vat_account': '2641',
    'expense_account': '6991',
    }
_ZERO = Decimal(0)


class Expense(Workflow, ModelSQL, ModelView):
    """Convoy Expense

    What a member paid for an assignment (a receipt) or the tax-free
    mileage and per diem of a trip. Once approved it is booked and
    debited to the member's activity account, and the next pay run
    reimburses it tax-free.
    """
    __name__ = 'sosolo.convoy.expense'

    _states = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        states=_states,
        domain=[('company', '=', Eval('company', -1))])
    date = fields.Date("Date", required=True, states=_states)
    purpose = fields.Char("Purpose", required=True, states=_states,
        help="What the expense or the trip was for.")
    kind = fields.Selection(KINDS, "Kind", required=True, states=_states)
    kind_string = kind.translated('kind')
    amount = fields.Numeric("Amount", digits=(16, 2),
        states={
            'readonly': (Eval('state') != 'draft')
            | (Eval('kind') != 'receipt'),
            'required': Eval('kind') == 'receipt',
            },
        help="Including VAT. Mileage and per diem are computed from "
        "Skatteverket's tax-free rate of the year.")
    vat_amount = fields.Numeric("VAT Amount", digits=(16, 2),
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'receipt',
            })
    receipt = fields.Binary("Receipt", filename='receipt_name',
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'receipt',
            },
        help="A photo or PDF of the receipt.")
    receipt_name = fields.Char("Receipt Name",
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'receipt',
            })
    distance_km = fields.Numeric("Distance (km)", digits=(16, 1),
        domain=[If(Eval('kind') == 'mileage',
                ('distance_km', '>', 0), ())],
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'mileage',
            'required': Eval('kind') == 'mileage',
            })
    days = fields.Numeric("Days", digits=(16, 1),
        domain=[If(Eval('kind') == 'per_diem', ('days', '>', 0), ())],
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'per_diem',
            'required': Eval('kind') == 'per_diem',
            },
        help="Full days; a half day is 0.5.")
    account = fields.Many2One('account.account', "Cost Account",
        domain=[
            ('company', '=', Eval('company', -1)),
            ('type.expense', '=', True),
            ('closed', '!=', True),
            ],
        states={
            'readonly': ~Eval('state').in_(['draft', 'submitted']),
            'invisible': Eval('kind') != 'receipt',
            },
        help="Where the cost excluding VAT is booked.")
    state = fields.Selection([
            ('draft', "Draft"),
            ('submitted', "Submitted"),
            ('approved', "Approved"),
            ('rejected', "Rejected"),
            ('paid', "Paid"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')
    move = fields.Many2One('account.move', "Move", readonly=True)
    payslip = fields.Many2One('sosolo.payroll.payslip', "Payslip",
        readonly=True)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'draft'),
            ('submitted', 'approved'),
            ('submitted', 'rejected'),
            ('rejected', 'draft'),
            ('approved', 'paid'),
            }
        cls._buttons.update({
                'draft': {
                    'invisible': ~Eval('state').in_(
                        ['submitted', 'rejected']),
                    'depends': ['state'],
                    },
                'submit': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'approve': {
                    'invisible': Eval('state') != 'submitted',
                    'depends': ['state'],
                    },
                'reject': {
                    'invisible': Eval('state') != 'submitted',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_kind():
        return 'receipt'

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_vat_amount():
        return _ZERO

    @classmethod
    def default_account(cls):
        Configuration = Pool().get('sosolo.convoy.configuration')
        account = Configuration(1).expense_account
        return account.id if account else None

    @property
    def cost(self):
        "What the member's account pays: the amount excluding VAT."
        return (self.amount or _ZERO) - (self.vat_amount or _ZERO)

    def get_rec_name(self, name):
        return f'{self.member.rec_name} {self.date} {self.purpose}'

    @classmethod
    def check_modification(cls, mode, expenses, values=None,
            external=False):
        super().check_modification(
            mode, expenses, values=values, external=external)
        if mode == 'delete':
            for expense in expenses:
                if expense.state not in {'draft', 'rejected'}:
                    raise ExpenseError(gettext(
                            'sosolo_convoy.msg_expense_delete',
                            expense=expense.rec_name))

    @classmethod
    def validate_fields(cls, expenses, field_names):
        super().validate_fields(expenses, field_names)
        for expense in expenses:
            if expense.kind != 'receipt' or expense.amount is None:
                continue
            if (expense.amount <= 0 or expense.vat_amount < 0
                    or expense.vat_amount >= expense.amount):
                raise ExpenseError(gettext(
                        'sosolo_convoy.msg_expense_amounts',
                        expense=expense.rec_name))

    @classmethod
    def claim(cls, member, values):
        """`member` claims an expense, submitted for approval at once.

        `values`: kind, date and purpose; amount, vat_amount, receipt and
        receipt_name for a receipt; distance_km for mileage, days for a
        per diem, which submitting prices at the rate of their year.
        """
        expense, = cls.create([{**values,
                    'company': member.company.id, 'member': member.id}])
        cls.submit([expense])
        return expense

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, expenses):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, expenses):
        "Submit for approval; allowances get the amount of their rate."
        pool = Pool()
        Rate = pool.get('sosolo.convoy.allowance.rate')
        for expense in expenses:
            if expense.kind == 'receipt':
                if not expense.receipt:
                    raise ExpenseError(gettext(
                            'sosolo_convoy.msg_expense_no_receipt',
                            expense=expense.rec_name))
                continue
            quantity = (expense.distance_km if expense.kind == 'mileage'
                else expense.days)
            expense.amount = allowance(
                quantity, Rate.rate_for(expense.kind, expense.date))
            expense.vat_amount = _ZERO
        cls.save(expenses)

    @classmethod
    @ModelView.button
    @Workflow.transition('rejected')
    def reject(cls, expenses):
        pass

    @classmethod
    @ModelView.button
    def approve(cls, expenses):
        """Book the expenses and debit the members' accounts.

        The members are locked first (SELECT ... FOR UPDATE on
        PostgreSQL), so that two approvals at once cannot together take
        more than an account holds.
        """
        pool = Pool()
        Member = pool.get('sosolo.member')
        members = list({e.member for e in expenses})
        Member.lock(members)
        expenses = [e for e in cls.browse(expenses)
            if e.state == 'submitted']
        cls.check_available(expenses)
        cls._approve(expenses)

    @classmethod
    def check_available(cls, expenses):
        "Refuse expenses the members' accounts cannot pay."
        pool = Pool()
        Payout = pool.get('sosolo.convoy.payout')
        available = {}
        for expense in expenses:
            member = expense.member
            if member.id not in available:
                # Payouts of a fixed amount keep their part; a payout of
                # "all" takes what is left when the pay run is computed.
                payouts = Payout.search([
                        ('member', '=', member.id),
                        ('state', '=', 'requested'),
                        ('amount', '!=', None),
                        ])
                available[member.id] = member.convoy_balance - sum(
                    (p.amount for p in payouts), _ZERO)
            if expense.cost > available[member.id]:
                raise ExpenseError(gettext(
                        'sosolo_convoy.msg_expense_too_large',
                        expense=expense.rec_name, amount=expense.cost,
                        available=max(available[member.id], _ZERO)))
            available[member.id] -= expense.cost

    @classmethod
    @Workflow.transition('approved')
    def _approve(cls, expenses):
        pool = Pool()
        Move = pool.get('account.move')
        Configuration = pool.get('sosolo.convoy.configuration')
        PayrollConfiguration = pool.get('sosolo.payroll.configuration')
        config = Configuration(1)
        payroll = PayrollConfiguration(1)
        moves = [e.get_move(config, payroll) for e in expenses]
        Move.save(moves)
        Move.post(moves)
        for expense, move in zip(expenses, moves):
            expense.move = move
        cls.save(expenses)

    def get_move(self, config, payroll):
        """Dr cost (and input VAT) / Cr travel account 2822 with the member
        as party, the amount including VAT; Dr member account / Cr share
        account, the cost excluding VAT. Dated the day of the expense."""
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        Period = pool.get('account.period')
        party = self.member.party
        if self.kind == 'receipt':
            cost_account = self.account or config.required('expense_account')
        else:
            cost_account = payroll.required(ALLOWANCE_ACCOUNTS[self.kind])
        amounts = [
            (cost_account, self.cost),
            (config.required('input_vat_account')
                if self.vat_amount else None, self.vat_amount),
            (config.required('travel_account'), -self.amount),
            (config.required('member_account'), self.cost),
            (config.required('share_account'), -self.cost),
            ]
        lines = []
        for account, amount in amounts:
            if not amount:
                continue
            line = Line(account=account,
                debit=amount if amount > 0 else _ZERO,
                credit=-amount if amount < 0 else _ZERO)
            if account.party_required:
                line.party = party
            lines.append(line)
        return Move(company=self.company,
            journal=config.required('journal'),
            period=Period.find(self.company, date=self.date), date=self.date,
            origin=self, lines=lines,
            description=gettext('sosolo_convoy.msg_expense_move',
                expense=self.rec_name))

    @classmethod
    @Workflow.transition('paid')
    def pay(cls, expenses):
        pass


class Move(metaclass=PoolMeta):
    __name__ = 'account.move'

    @classmethod
    def _get_origin(cls):
        return super()._get_origin() + ['sosolo.convoy.expense']


class Configuration(metaclass=PoolMeta):
    __name__ = 'sosolo.convoy.configuration'

    travel_account = account_field("Travel Account",
        "BAS 2822 Reseräkningar: approved expenses owed to members, "
        "cleared by the pay run that reimburses them.")
    input_vat_account = account_field("Input VAT Account",
        "BAS 2641 Debiterad ingående moms.")
    expense_account = fields.Many2One('account.account',
        "Default Expense Account",
        domain=[
            ('company', '=', Eval('context', {}).get('company', -1)),
            ('type.expense', '=', True),
            ('closed', '!=', True),
            ],
        help="BAS 6991 Övriga externa kostnader, avdragsgilla: the cost "
        "account of a receipt unless staff choose another.")

    @classmethod
    def default_travel_account(cls):
        return account_by_code(BAS_ACCOUNTS['travel_account'])

    @classmethod
    def default_input_vat_account(cls):
        return account_by_code(BAS_ACCOUNTS['input_vat_account'])

    @classmethod
    def default_expense_account(cls):
        return account_by_code(BAS_ACCOUNTS['expense_account'])


class PayRun(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.run'

    @classmethod
    def _compute(cls, runs):
        pool = Pool()
        Expense = pool.get('sosolo.convoy.expense')
        # Payroll staff reimburse the expenses without the convoy group.
        with without_check_access():
            for run in runs:
                run.add_convoy_expenses(Expense.search([
                            ('company', '=', run.company.id),
                            ('state', '=', 'approved'),
                            ('payslip', '=', None),
                            ], order=[('date', 'ASC'), ('id', 'ASC')]))
        super()._compute(runs)

    def add_convoy_expenses(self, expenses):
        """Reimburse each approved expense tax-free on the member's payslip
        of this run, made if the member has none.

        The line is of the kind the payslip books on the allowance
        accounts; Payslip.get_move books it on the travel account 2822
        instead, as the cost was booked when the expense was approved.
        """
        pool = Pool()
        Expense = pool.get('sosolo.convoy.expense')
        Line = pool.get('sosolo.payroll.payslip.line')
        date = self.payment_date
        lines = []
        for expense in expenses:
            employee = self.convoy_employee(expense.member, ExpenseError(
                    gettext('sosolo_convoy.msg_expense_no_employee',
                        expense=expense.rec_name, date=date)))
            payslip = self.employee_payslip(employee)
            lines.append(Line(payslip=payslip, sequence=50,
                    kind=PAYSLIP_KINDS[expense.kind], amount=expense.amount,
                    description=expense.purpose, convoy_expense=expense))
            expense.payslip = payslip
        Line.save(lines)
        Expense.save(expenses)

    @classmethod
    def draft(cls, runs):
        pool = Pool()
        Expense = pool.get('sosolo.convoy.expense')
        Line = pool.get('sosolo.payroll.payslip.line')
        ids = [p.id for r in runs if r.state == 'computed'
            for p in r.payslips]
        # Payroll staff need not be in the convoy group (see _compute).
        with without_check_access():
            expenses = Expense.search([('payslip', 'in', ids)])
            Line.delete(Line.search([('convoy_expense', 'in', expenses)]))
            Expense.write(expenses, {'payslip': None})
        # payroll.PayRun.draft deletes the payslips left empty.
        super().draft(runs)

    @classmethod
    def _post(cls, runs):
        pool = Pool()
        Expense = pool.get('sosolo.convoy.expense')
        super()._post(runs)
        with without_check_access():
            Expense.pay(Expense.search([
                        ('payslip.run', 'in', [r.id for r in runs]),
                        ('state', '=', 'approved'),
                        ]))


class Payslip(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.payslip'

    convoy_expenses = fields.One2Many('sosolo.convoy.expense', 'payslip',
        "Expenses", readonly=True)

    def get_move(self, config, journal, period):
        """The payslip's move, the reimbursed expenses debited to the
        travel account 2822 (booked as costs when approved) instead of
        the allowance accounts."""
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Line = pool.get('account.move.line')
        move = super().get_move(config, journal, period)
        with without_check_access():
            expenses = [(e.kind, e.amount) for e in self.convoy_expenses]
        if not expenses:
            return move
        taken = defaultdict(lambda: _ZERO)
        for kind, amount in expenses:
            name = ('mileage_account' if kind == 'mileage'
                else 'tax_free_allowance_account')
            taken[config.required(name).id] += amount
        lines = []
        for line in move.lines:
            amount = taken.pop(line.account.id, _ZERO)
            line.debit -= amount
            if line.debit or line.credit:
                lines.append(line)
        lines.append(Line(
                account=Configuration(1).required('travel_account'),
                party=self.employee.party, credit=_ZERO,
                debit=sum((a for _, a in expenses), _ZERO),
                description=gettext('sosolo_convoy.msg_expense_reimbursed')))
        move.lines = lines
        return move


class PayslipLine(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.payslip.line'

    convoy_expense = fields.Many2One('sosolo.convoy.expense', "Expense",
        readonly=True, ondelete='RESTRICT')

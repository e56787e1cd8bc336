# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_sweden.amount import format_number
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.report import Report
from trytond.transaction import Transaction

from . import rules
from .exceptions import PayRunError, PayRunModificationError

STATES = [
    ('draft', "Draft"),
    ('computed', "Computed"),
    ('posted', "Posted"),
    ('paid', "Paid"),
    ]
LINE_KINDS = [
    ('salary', "Salary"),
    ('holiday_pay', "Holiday Pay"),
    ('taxable_allowance', "Taxable Allowance"),
    ('tax_free_allowance', "Tax-Free Allowance"),
    ('mileage', "Tax-Free Mileage"),
    ('sick_pay', "Sick Pay"),
    ('deduction', "Deduction"),
    ]
#: Kinds that are cash pay subject to tax and contributions (AGI 011).
TAXABLE_KINDS = {'salary', 'holiday_pay', 'taxable_allowance', 'sick_pay'}
TAX_FREE_KINDS = {'tax_free_allowance', 'mileage'}
#: Moves created by one create() call. Smaller than DESIGN.md's ~250:
#: payslip moves carry an origin, and validating their lines instantiates
#: records over the whole batch (quadratic in trytond 8.0); 50 halved the
#: time of posting 200 payslips here.
MOVE_BATCH = 50
_ZERO = Decimal(0)


class PayRun(Workflow, ModelSQL, ModelView):
    """Pay Run

    The salaries of one payment date. A posted run is never changed:
    a correction is a new run.
    """
    __name__ = 'sosolo.payroll.run'

    _states = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    payment_date = fields.Date("Payment Date", required=True,
        states=_states,
        help="Taxes and contributions follow the date of payment.")
    period = fields.Function(fields.Char("Period"), 'get_period')
    description = fields.Char("Description", states=_states)
    payslips = fields.One2Many('sosolo.payroll.payslip', 'run', "Payslips",
        states=_states)
    gross = fields.Function(fields.Numeric("Gross Pay", digits=(16, 2)),
        'get_totals')
    tax = fields.Function(fields.Numeric("Withheld Tax", digits=(16, 2)),
        'get_totals')
    contributions = fields.Function(
        fields.Numeric("Employer Contributions", digits=(16, 2)),
        'get_totals')
    net = fields.Function(fields.Numeric("Net Pay", digits=(16, 2)),
        'get_totals')
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    payment_move = fields.Many2One('account.move', "Payment Move",
        readonly=True,
        help="Net pay leaving the bank account: 2820 to 1930.")
    contribution_rounding = fields.Numeric("Contribution Rounding",
        digits=(16, 2), readonly=True,
        help="Posted with this run so that the month's employer "
        "contributions in the books equal the AGI (field 487).")
    contribution_move = fields.Many2One('account.move',
        "Contribution Rounding Move", readonly=True)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('payment_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'computed'),
            ('computed', 'draft'),
            ('computed', 'posted'),
            ('posted', 'paid'),
            }
        cls._buttons.update({
                'draft': {
                    'invisible': Eval('state') != 'computed',
                    'depends': ['state'],
                    },
                'compute': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'post': {
                    'invisible': Eval('state') != 'computed',
                    'depends': ['state'],
                    },
                'pay': {
                    'invisible': Eval('state') != 'posted',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'draft'

    def get_period(self, name):
        return self.payment_date.strftime('%Y-%m')

    def get_rec_name(self, name):
        return f'{self.payment_date} {self.description or ""}'.strip()

    @classmethod
    def get_totals(cls, runs, names):
        pool = Pool()
        Payslip = pool.get('sosolo.payroll.payslip')
        payslip = Payslip.__table__()
        cursor = Transaction().connection.cursor()
        result = {n: {r.id: _ZERO for r in runs} for n in names}
        ids = [r.id for r in runs]
        for start in range(0, len(ids), 1000):
            sub = ids[start:start + 1000]
            cursor.execute(*payslip.select(
                    payslip.run,
                    *[Sum(Coalesce(getattr(payslip, n), 0)) for n in names],
                    where=payslip.run.in_(sub),
                    group_by=[payslip.run]))
            for run_id, *sums in cursor:
                for name, value in zip(names, sums):
                    result[name][run_id] = Decimal(str(value or 0))
        return result

    @classmethod
    def next_unpaid(cls, company, since=None):
        """The first run of `company` not yet paid out, by payment date
        (and on or after the date `since`), or None."""
        domain = [
            ('company', '=', company.id),
            ('state', '!=', 'paid'),
            ]
        if since:
            domain.append(('payment_date', '>=', since))
        runs = cls.search(domain,
            order=[('payment_date', 'ASC'), ('id', 'ASC')], limit=1)
        return runs[0] if runs else None

    @classmethod
    def check_modification(cls, mode, runs, values=None, external=False):
        super().check_modification(
            mode, runs, values=values, external=external)
        if mode == 'delete' or (mode == 'write'
                and values.keys() - {'state', 'payment_move',
                    'contribution_rounding', 'contribution_move'}):
            for run in runs:
                if run.state in {'posted', 'paid'}:
                    raise PayRunModificationError(gettext(
                            'sosolo_payroll.msg_run_modify_posted',
                            run=run.rec_name))

    @classmethod
    def _lock_fresh(cls, runs, state):
        """Lock the runs' rows and return those still in `state`.

        Two staff pressing the same button, or one pressing it twice,
        must not compute or post a run twice: the rows are locked
        (SELECT ... FOR UPDATE on PostgreSQL) and their state read again
        after the lock.
        """
        cls.lock(runs)
        fresh = cls.browse([r.id for r in runs])
        return [r for r in fresh if r.state == state]

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, runs):
        pool = Pool()
        Line = pool.get('sosolo.payroll.payslip.line')
        Payslip = pool.get('sosolo.payroll.payslip')
        payslips = [p for r in runs for p in r.payslips]
        Line.delete([l for p in payslips for l in p.lines if l.sick_leave])
        Payslip.clear(payslips)

    @classmethod
    @ModelView.button
    def compute(cls, runs):
        runs = cls._lock_fresh(runs, 'draft')
        cls._compute(runs)

    @classmethod
    @Workflow.transition('computed')
    def _compute(cls, runs):
        pool = Pool()
        Payslip = pool.get('sosolo.payroll.payslip')
        cls.add_sick_pay(runs)
        runs = cls.browse(runs)
        Payslip.compute([p for r in runs for p in r.payslips])

    @classmethod
    def add_sick_pay(cls, runs):
        """Add the sick pay of the confirmed sick leaves to the runs.

        Sick pay is cash pay, taxed and subject to employer
        contributions like any pay (TAXABLE_KINDS)."""
        pool = Pool()
        Line = pool.get('sosolo.payroll.payslip.line')
        SickLeave = pool.get('sosolo.payroll.sick_leave')
        lines = []
        for run in runs:
            for sick_leave in SickLeave.to_pay(run.company, run.payment_date):
                line = sick_leave.get_line(
                    run.employee_payslip(sick_leave.employee))
                if line:
                    lines.append(line)
        Line.save(lines)

    def employee_payslip(self, employee):
        "The payslip of `employee` in this run, made if there is none."
        Payslip = Pool().get('sosolo.payroll.payslip')
        # Lines of several sources add to it in one transaction.
        payslips = Payslip.search([
                ('run', '=', self.id),
                ('employee', '=', employee.id),
                ], limit=1)
        if payslips:
            return payslips[0]
        payslip, = Payslip.create([{'run': self.id, 'employee': employee.id}])
        return payslip

    @classmethod
    @ModelView.button
    def post(cls, runs):
        runs = cls._lock_fresh(runs, 'computed')
        cls._post(runs)

    @classmethod
    @Workflow.transition('posted')
    def _post(cls, runs):
        pool = Pool()
        Payslip = pool.get('sosolo.payroll.payslip')
        SickLeave = pool.get('sosolo.payroll.sick_leave')
        Payslip.post([p for r in runs for p in r.payslips])
        cls.post_contribution_rounding(runs)
        SickLeave.pay(list({l.sick_leave for r in runs for p in r.payslips
                    for l in p.lines if l.sick_leave}))

    @classmethod
    def post_contribution_rounding(cls, runs):
        """Post what makes the month's contributions those of the AGI.

        Skatteverket computes the month's employer contributions per
        rate on the month's total pay, öre dropped
        (rules.declared_contributions), not as the sum of each payslip's
        amount. After the payslips of `runs` are posted, the difference
        between the month's AGI field 487 and the contributions already
        in the books for that month (payslips and earlier roundings) is
        posted, 7510 against 2730, with the month's last run.
        """
        pool = Pool()
        Move = pool.get('account.move')
        Period = pool.get('account.period')
        Configuration = pool.get('sosolo.payroll.configuration')
        AgiExport = pool.get('sosolo.payroll.agi.export', type='wizard')
        config = Configuration(1)
        months = defaultdict(list)
        for run in runs:
            months[(run.company, run.payment_date.replace(day=1))].append(
                run)
        moves, changed = [], []
        for (company, month), month_runs in months.items():
            _, declared = AgiExport.get_individuals(
                company, month, runs=month_runs)
            difference = declared - cls.booked_contributions(
                company, month, month_runs)
            if not difference:
                continue
            run = max(month_runs, key=lambda r: (r.payment_date, r.id))
            run.contribution_rounding = difference
            run.contribution_move = run.get_contribution_rounding_move(
                config, Period.find(company, date=run.payment_date),
                difference)
            moves.append(run.contribution_move)
            changed.append(run)
        Move.save(moves)
        Move.post(moves)
        cls.save(changed)

    @classmethod
    def booked_contributions(cls, company, month, runs):
        """The contributions of `month` in the books: the payslips and
        roundings of its posted runs and of `runs`."""
        pool = Pool()
        Payslip = pool.get('sosolo.payroll.payslip')
        start = month.replace(day=1)
        end = (start + dt.timedelta(days=31)).replace(day=1)
        month_runs = cls.search([
                ('company', '=', company.id),
                ('payment_date', '>=', start),
                ('payment_date', '<', end),
                ['OR',
                    ('state', 'in', ['posted', 'paid']),
                    ('id', 'in', [r.id for r in runs]),
                    ],
                ])
        total = sum((r.contribution_rounding or _ZERO for r in month_runs),
            _ZERO)
        payslip = Payslip.__table__()
        cursor = Transaction().connection.cursor()
        ids = [r.id for r in month_runs]
        for offset in range(0, len(ids), 1000):
            cursor.execute(*payslip.select(
                    Sum(Coalesce(payslip.contributions, 0)),
                    where=payslip.run.in_(ids[offset:offset + 1000])))
            value, = cursor.fetchone()
            total += Decimal(str(value or 0))
        return total

    def get_contribution_rounding_move(self, config, period, amount):
        "Dr contributions expense, Cr contributions payable, by `amount`."
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        lines = []
        for account, value in [
                (config.required('contribution_expense_account'), amount),
                (config.required('contribution_payable_account'), -amount),
                ]:
            lines.append(Line(account=account,
                    debit=value if value > 0 else _ZERO,
                    credit=-value if value < 0 else _ZERO))
        return Move(
            company=self.company, journal=config.required('journal'),
            period=period, date=self.payment_date, origin=self,
            description=gettext(
                'sosolo_payroll.msg_contribution_rounding_move_description',
                month=self.payment_date.strftime('%Y-%m')),
            lines=lines)

    @classmethod
    @ModelView.button
    def pay(cls, runs):
        runs = cls._lock_fresh(runs, 'posted')
        cls._pay(runs)

    @classmethod
    @Workflow.transition('paid')
    def _pay(cls, runs):
        "Post the payment of the net pay from the bank account."
        pool = Pool()
        Move = pool.get('account.move')
        Period = pool.get('account.period')
        Configuration = pool.get('sosolo.payroll.configuration')
        config = Configuration(1)
        moves = []
        for run in runs:
            move = run.get_payment_move(config, Period.find(
                    run.company, date=run.payment_date))
            moves.append(move)
            run.payment_move = move
        Move.save(moves)
        Move.post(moves)
        cls.save(runs)

    def get_payment_move(self, config, period):
        "Dr net pay payable per payee, Cr bank: the salaries paid out."
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        net_pay_account = config.required('net_pay_account')
        lines, total = [], _ZERO
        for payslip in self.payslips:
            if not payslip.net:
                continue
            line = Line(account=net_pay_account, debit=payslip.net,
                credit=_ZERO)
            if net_pay_account.party_required:
                line.party = payslip.employee.party
            lines.append(line)
            total += payslip.net
        lines.append(Line(account=config.required('bank_account'),
                debit=_ZERO, credit=total))
        return Move(
            company=self.company, journal=config.required('journal'),
            period=period, date=self.payment_date, origin=self,
            description=gettext('sosolo_payroll.msg_payment_move_description',
                date=self.payment_date),
            lines=lines)


class Payslip(ModelSQL, ModelView):
    "Payslip"
    __name__ = 'sosolo.payroll.payslip'

    _states = {
        'readonly': Eval('run_state') != 'draft',
        }

    run = fields.Many2One('sosolo.payroll.run', "Pay Run", required=True,
        ondelete='CASCADE', states=_states)
    run_state = fields.Function(
        fields.Selection(STATES, "Pay Run State"), 'on_change_with_run_state')
    payment_date = fields.Function(fields.Date("Payment Date"),
        'on_change_with_payment_date')
    employee = fields.Many2One('sosolo.payroll.employee', "Employee",
        required=True, states=_states,
        domain=[If(Eval('company'),
                ('company', '=', Eval('company', -1)), ())])
    company = fields.Function(fields.Many2One('company.company', "Company"),
        'on_change_with_company')
    lines = fields.One2Many('sosolo.payroll.payslip.line', 'payslip',
        "Lines", states=_states)
    # Snapshots of the tax setting used, for the payslip and the audit.
    tax_table = fields.Integer("Tax Table", readonly=True)
    tax_column = fields.Integer("Tax Column", readonly=True)
    tax_percent = fields.Numeric("Tax Percentage", digits=(4, 2),
        readonly=True)
    gross = fields.Numeric("Gross Pay", digits=(16, 2), readonly=True,
        help="Cash pay subject to tax and contributions.")
    tax_free = fields.Numeric("Tax-Free Allowances", digits=(16, 2),
        readonly=True)
    mileage = fields.Numeric("Tax-Free Mileage", digits=(16, 2),
        readonly=True)
    deductions = fields.Numeric("Deductions", digits=(16, 2), readonly=True)
    tax = fields.Numeric("Withheld Tax", digits=(16, 2), readonly=True)
    contribution_rate = fields.Numeric("Contribution Rate (%)",
        digits=(5, 2), readonly=True)
    contributions = fields.Numeric("Employer Contributions", digits=(16, 2),
        readonly=True)
    net = fields.Numeric("Net Pay", digits=(16, 2), readonly=True)
    pension_rate = fields.Numeric("Pension Premium (%)", digits=(5, 2),
        readonly=True, help="Of the gross pay, as the member's plan sets.")
    pension_premium = fields.Numeric("Pension Premium", digits=(16, 2),
        readonly=True)
    pension_tax = fields.Numeric("Special Payroll Tax on Pension",
        digits=(16, 2), readonly=True,
        help="Särskild löneskatt, 24.26 % of the pension premium "
        "(lag 1991:687).")
    move = fields.Many2One('account.move', "Move", readonly=True)
    year_gross = fields.Function(
        fields.Numeric("Gross Pay This Year", digits=(16, 2)),
        'get_year_to_date')
    year_tax = fields.Function(
        fields.Numeric("Withheld Tax This Year", digits=(16, 2)),
        'get_year_to_date')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('run')

    @fields.depends('run', '_parent_run.state')
    def on_change_with_run_state(self, name=None):
        return self.run.state if self.run else None

    @fields.depends('run', '_parent_run.payment_date')
    def on_change_with_payment_date(self, name=None):
        return self.run.payment_date if self.run else None

    @fields.depends('run', '_parent_run.company')
    def on_change_with_company(self, name=None):
        return self.run.company if self.run else None

    def get_rec_name(self, name):
        return f'{self.employee.rec_name} {self.run.payment_date}'

    @classmethod
    def check_modification(cls, mode, payslips, values=None,
            external=False):
        super().check_modification(
            mode, payslips, values=values, external=external)
        if mode == 'create' or mode == 'delete' or (mode == 'write'
                and values.keys() - {'move'}):
            for payslip in payslips:
                if payslip.run.state in {'posted', 'paid'}:
                    raise PayRunModificationError(gettext(
                            'sosolo_payroll.msg_run_modify_posted',
                            run=payslip.run.rec_name))

    @classmethod
    def get_year_to_date(cls, payslips, names):
        "Gross pay and tax of the year up to this payslip, posted runs only."
        pool = Pool()
        Run = pool.get('sosolo.payroll.run')
        payslip = cls.__table__()
        run = Run.__table__()
        cursor = Transaction().connection.cursor()
        result = {n: {} for n in names}
        columns = {'year_gross': payslip.gross, 'year_tax': payslip.tax}
        for record in payslips:
            date = record.run.payment_date
            cursor.execute(*payslip.join(run,
                    condition=payslip.run == run.id).select(
                    *[Sum(Coalesce(columns[n], 0)) for n in names],
                    where=(payslip.employee == record.employee.id)
                    & (run.payment_date >= dt.date(date.year, 1, 1))
                    & (run.payment_date <= date)
                    & (run.state.in_(['posted', 'paid'])
                        | (payslip.id == record.id))))
            sums = cursor.fetchone()
            for name, value in zip(names, sums):
                result[name][record.id] = Decimal(str(value or 0))
        return result

    @classmethod
    def clear(cls, payslips):
        "Remove what compute added, so the run can be edited again."
        pool = Pool()
        Line = pool.get('sosolo.payroll.payslip.line')
        Line.delete([l for p in payslips for l in p.lines if l.automatic])
        if payslips:
            cls.write(payslips, {
                    'tax_table': None, 'tax_column': None,
                    'tax_percent': None, 'gross': None, 'tax_free': None,
                    'mileage': None, 'deductions': None, 'tax': None,
                    'contribution_rate': None, 'contributions': None,
                    'net': None, 'pension_rate': None,
                    'pension_premium': None, 'pension_tax': None,
                    })

    @classmethod
    def compute(cls, payslips):
        """Add holiday pay, then withheld tax and contributions.

        Tax comes from the employee's table on the taxable cash pay, or
        a fixed percentage; contributions from the rates of the date of
        payment (sosolo.payroll.contribution.rate).
        """
        pool = Pool()
        Line = pool.get('sosolo.payroll.payslip.line')
        Rate = pool.get('sosolo.payroll.contribution.rate')
        cls.clear(payslips)
        payslips = cls.browse(payslips)
        new_lines = []
        for payslip in payslips:
            salary = sum((l.amount for l in payslip.lines
                    if l.kind == 'salary' and l.holiday_pay_basis), _ZERO)
            if salary:
                new_lines.append(Line(
                        payslip=payslip, kind='holiday_pay',
                        description=None,
                        amount=rules.to_cent(rules.holiday_pay(salary)),
                        automatic=True, sequence=100))
        Line.save(new_lines)
        payslips = cls.browse(payslips)
        rates_by_date = {}
        to_save = []
        for payslip in payslips:
            date = payslip.run.payment_date
            if date not in rates_by_date:
                rates_by_date[date] = Rate.rules_for(date)
            payslip._compute(rates_by_date[date])
            to_save.append(payslip)
        cls.save(to_save)

    def _compute(self, rates):
        pool = Pool()
        Row = pool.get('sosolo.payroll.tax_table.row')
        Rate = pool.get('sosolo.payroll.contribution.rate')
        employee = self.employee
        date = self.run.payment_date
        if not employee.employed_on(date):
            raise PayRunError(gettext(
                    'sosolo_payroll.msg_payslip_not_employed',
                    employee=employee.rec_name, date=date))
        sums = defaultdict(lambda: _ZERO)
        for line in self.lines:
            sums[line.kind] += line.amount
        self.gross = sum((sums[k] for k in TAXABLE_KINDS), _ZERO)
        self.tax_free = sums['tax_free_allowance']
        self.mileage = sums['mileage']
        self.deductions = sums['deduction']
        if employee.tax_method == 'table':
            self.tax_table = employee.tax_table
            self.tax_column = employee.tax_column
            self.tax_percent = None
            self.tax = Row.lookup(date.year, employee.tax_table,
                employee.tax_column, self.gross)
        else:
            self.tax_table = self.tax_column = None
            self.tax_percent = employee.tax_percent
            self.tax = rules.fixed_percent_tax(
                self.gross, employee.tax_percent)
        self.contributions, chosen = Rate.compute(
            employee.birth_date, date, self.gross, rates=rates)
        self.contribution_rate = chosen[0].rate
        self.net = (self.gross + self.tax_free + self.mileage
            - self.tax - self.deductions)
        for name in ['gross', 'tax_free', 'mileage', 'deductions', 'tax',
                'contributions', 'net']:
            setattr(self, name, rules.to_cent(getattr(self, name)))
        self.pension_rate = self.get_pension_rate()
        self.pension_premium, self.pension_tax = rules.pension_cost(
            self.gross, self.pension_rate)

    def get_pension_rate(self):
        """The pension premium in percent of the gross pay, or None.

        Payroll has none of its own; sosolo_convoy takes it from the
        member's plan."""
        return None

    @classmethod
    def post(cls, payslips):
        "Create and post one move per payslip, in batches."
        pool = Pool()
        Move = pool.get('account.move')
        Period = pool.get('account.period')
        Configuration = pool.get('sosolo.payroll.configuration')
        config = Configuration(1)
        journal = config.required('journal')
        periods = {}
        for start in range(0, len(payslips), MOVE_BATCH):
            # Instances of a short id list: trytond 8.0 checks the whole
            # id list each time it instantiates a record (quadratic).
            batch = cls.browse(
                [p.id for p in payslips[start:start + MOVE_BATCH]])
            moves = []
            for payslip in batch:
                run = payslip.run
                key = (run.company.id, run.payment_date)
                if key not in periods:
                    periods[key] = Period.find(
                        run.company, date=run.payment_date)
                moves.append(payslip.get_move(config, journal, periods[key]))
            Move.save(moves)
            Move.post(moves)
            for payslip, move in zip(batch, moves):
                payslip.move = move
            cls.save(batch)

    def get_move(self, config, journal, period):
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        employee = self.employee
        party = employee.party
        if employee.category == 'worker':
            wage_account = config.required('worker_wage_account')
        else:
            wage_account = config.required('salaried_wage_account')
        amounts = [
            (wage_account, self.gross, None),
            (config.required('tax_free_allowance_account')
                if self.tax_free else None, self.tax_free, None),
            (config.required('mileage_account')
                if self.mileage else None, self.mileage, None),
            (config.required('contribution_expense_account'),
                self.contributions, None),
            (config.required('tax_account'), -self.tax, None),
            (config.required('contribution_payable_account'),
                -self.contributions, None),
            (config.required('pension_expense_account')
                if self.pension_premium else None,
                self.pension_premium, None),
            (config.required('pension_payable_account')
                if self.pension_premium else None,
                -self.pension_premium, None),
            (config.required('pension_tax_expense_account')
                if self.pension_tax else None, self.pension_tax, None),
            (config.required('pension_tax_payable_account')
                if self.pension_tax else None, -self.pension_tax, None),
            (config.required('deduction_account')
                if self.deductions else None, -self.deductions, party),
            (config.required('net_pay_account'), -self.net, party),
            ]
        lines = []
        for account, amount, line_party in amounts:
            if not amount:
                continue
            line = Line(account=account,
                debit=amount if amount > 0 else _ZERO,
                credit=-amount if amount < 0 else _ZERO)
            if account.party_required:
                line.party = line_party or party
            lines.append(line)
        return Move(
            company=self.run.company, journal=journal, period=period,
            date=self.run.payment_date, origin=self,
            description=gettext('sosolo_payroll.msg_move_description',
                employee=party.rec_name, date=self.run.payment_date),
            lines=lines)


class PayslipLine(ModelSQL, ModelView):
    "Payslip Line"
    __name__ = 'sosolo.payroll.payslip.line'

    payslip = fields.Many2One('sosolo.payroll.payslip', "Payslip",
        required=True, ondelete='CASCADE')
    sequence = fields.Integer("Sequence")
    kind = fields.Selection(LINE_KINDS, "Kind", required=True)
    description = fields.Char("Description")
    amount = fields.Numeric("Amount", digits=(16, 2), required=True,
        domain=[('amount', '>=', 0)])
    holiday_pay_basis = fields.Boolean("Holiday Pay Basis",
        states={'invisible': Eval('kind') != 'salary'},
        help="Holiday pay of 12 % is added on this salary "
        "(semesterlagen 16 b §).")
    automatic = fields.Boolean("Automatic", readonly=True)
    sick_leave = fields.Many2One('sosolo.payroll.sick_leave', "Sick Leave",
        readonly=True, ondelete='RESTRICT',
        states={'invisible': ~Eval('sick_leave')})

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('payslip')
        cls._order.insert(0, ('sequence', 'ASC NULLS FIRST'))

    @classmethod
    def default_kind(cls):
        return 'salary'

    @classmethod
    def default_holiday_pay_basis(cls):
        return True

    @classmethod
    def default_automatic(cls):
        return False

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        for line in lines:
            if line.payslip.run.state in {'posted', 'paid'}:
                raise PayRunModificationError(gettext(
                        'sosolo_payroll.msg_run_modify_posted',
                        run=line.payslip.run.rec_name))


class PayslipReport(Report):
    __name__ = 'sosolo.payroll.payslip'

    @classmethod
    def get_context(cls, records, header, data):
        Line = Pool().get('sosolo.payroll.payslip.line')
        context = super().get_context(records, header, data)
        # The payslip is a Swedish document whatever the user's language.
        with Transaction().set_context(language='sv'):
            kinds = dict(Line.fields_get(['kind'])['kind']['selection'])
        # It names the rate of holiday pay (semesterlagen 16 b §).
        kinds['holiday_pay'] += " 12 %"
        context['kinds_sv'] = kinds
        context['pension_tax_rate'] = rules.PENSION_TAX_RATE
        context['krona'] = _format_krona
        return context


def _format_krona(amount):
    "An amount on the payslip, 0,00 when there is none."
    return format_number(_ZERO if amount is None else amount)

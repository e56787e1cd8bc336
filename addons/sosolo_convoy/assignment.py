# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_portal.mail import send_email
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access

from . import tracker
from .configuration import VAT_RATES
from .exceptions import AssignmentError

STATES = [
    ('draft', "Draft"),
    ('submitted', "Submitted"),
    ('approved', "Approved"),
    ('invoiced', "Invoiced"),
    ('paid', "Paid"),
    ('settled', "Settled"),
    ]
VAT = [
    ('25', "25 %"),
    ('12', "12 %"),
    ('6', "6 %"),
    ('0', "0 %"),
    ]
_CENT = Decimal('0.01')
_ZERO = Decimal(0)


def _cent(amount):
    return Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)


class Assignment(Workflow, ModelSQL, ModelView):
    """Assignment

    Work a member does for a customer, invoiced by the cooperative in its
    own name.
    """
    __name__ = 'sosolo.convoy.assignment'

    _states = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        states=_states,
        domain=[('company', '=', Eval('company', -1))])
    customer = fields.Many2One('party.party', "Customer", required=True,
        states=_states)
    description = fields.Char("Description", required=True, states=_states)
    start_date = fields.Date("Start Date", states=_states)
    end_date = fields.Date("End Date", states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())])
    lines = fields.One2Many('sosolo.convoy.assignment.line', 'assignment',
        "Lines", states=_states)
    currency = fields.Function(fields.Many2One('currency.currency',
            "Currency"), 'on_change_with_currency')
    untaxed_amount = fields.Function(fields.Numeric("Untaxed",
            digits=(16, 2)), 'get_amounts')
    tax_amount = fields.Function(fields.Numeric("Tax", digits=(16, 2)),
        'get_amounts')
    total_amount = fields.Function(fields.Numeric("Total", digits=(16, 2)),
        'get_amounts')
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    state_string = state.translated('state')
    return_reason = fields.Text("Return Reason",
        states={'readonly': Eval('state') != 'submitted'},
        help="Why the assignment was sent back to the member.")
    invoice = fields.Many2One('account.invoice', "Invoice", readonly=True)
    fee_rate = fields.Numeric("Fee (%)", digits=(5, 2), readonly=True,
        help="The plan's rate when the assignment was approved.")
    minimum_fee = fields.Numeric("Minimum Fee", digits=(16, 2),
        readonly=True,
        help="The plan's minimum fee when the assignment was approved.")

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'draft'),
            ('submitted', 'approved'),
            ('approved', 'invoiced'),
            ('invoiced', 'paid'),
            ('paid', 'invoiced'),
            ('paid', 'settled'),
            }
        cls._buttons.update({
                'submit': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'send_back': {
                    'invisible': Eval('state') != 'submitted',
                    'depends': ['state'],
                    },
                'approve': {
                    'invisible': Eval('state') != 'submitted',
                    'depends': ['state'],
                    },
                'settle': {
                    'invisible': Eval('state') != 'paid',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'draft'

    @fields.depends('company')
    def on_change_with_currency(self, name=None):
        return self.company.currency if self.company else None

    def get_rec_name(self, name):
        return f'{self.member.rec_name}: {self.description}'

    @classmethod
    def get_amounts(cls, assignments, names):
        result = {n: {} for n in names}
        for assignment in assignments:
            untaxed, tax = assignment.compute_amounts()
            values = {
                'untaxed_amount': untaxed,
                'tax_amount': tax,
                'total_amount': untaxed + tax,
                }
            for name in names:
                result[name][assignment.id] = values[name]
        return result

    def compute_amounts(self):
        """Amount excl. VAT and VAT, rounded per rate.

        As Tryton's invoice (tax rounding per document): the VAT of a rate
        is rounded once on the sum of the lines of that rate.
        """
        bases = defaultdict(lambda: _ZERO)
        for line in self.lines:
            bases[line.vat] += line.amount or _ZERO
        untaxed = sum(bases.values(), _ZERO)
        tax = sum((_cent(b * Decimal(v) / 100) for v, b in bases.items()),
            _ZERO)
        return untaxed, tax

    @classmethod
    def check_modification(cls, mode, assignments, values=None,
            external=False):
        super().check_modification(
            mode, assignments, values=values, external=external)
        if mode == 'delete' or (mode == 'write' and values.keys() - {
                    'state', 'return_reason', 'invoice', 'fee_rate',
                    'minimum_fee'}):
            for assignment in assignments:
                if assignment.state != 'draft':
                    raise AssignmentError(gettext(
                            'sosolo_convoy.msg_assignment_modify',
                            assignment=assignment.rec_name))

    @classmethod
    def copy(cls, assignments, default=None):
        default = default.copy() if default else {}
        for name in ['invoice', 'fee_rate', 'minimum_fee', 'return_reason']:
            default.setdefault(name)
        return super().copy(assignments, default=default)

    @classmethod
    def enter(cls, member, values, assignment=None, submit=False):
        """`member`'s new assignment, or their draft `assignment` with
        its lines replaced, from plain values; submitted if `submit`.

        `values`: customer (for Member.convoy_customer), description,
        start_date, end_date and lines, dicts of description, quantity,
        unit_price and vat. The portal and tests call it.
        """
        if assignment is not None and assignment.member != member:
            raise AssignmentError(gettext(
                    'sosolo_convoy.msg_assignment_not_own',
                    assignment=assignment.rec_name))
        data = {
            'customer': member.convoy_customer(values['customer']).id,
            'description': values['description'],
            'start_date': values.get('start_date'),
            'end_date': values.get('end_date'),
            }
        lines = [{k: l[k] for k in [
                    'description', 'quantity', 'unit_price', 'vat']}
            for l in values['lines']]
        if assignment is None:
            data.update(company=member.company.id, member=member.id,
                lines=[('create', lines)])
            assignment, = cls.create([data])
        else:
            data['lines'] = [
                ('delete', [l.id for l in assignment.lines]),
                ('create', lines)]
            cls.write([assignment], data)
        if submit:
            cls.submit([assignment])
        return assignment

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, assignments):
        for assignment in assignments:
            if not assignment.lines:
                raise AssignmentError(gettext(
                        'sosolo_convoy.msg_assignment_no_lines',
                        assignment=assignment.rec_name))
        cls.write(assignments, {'return_reason': None})

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def send_back(cls, assignments):
        for assignment in assignments:
            if not (assignment.return_reason or '').strip():
                raise AssignmentError(gettext(
                        'sosolo_convoy.msg_assignment_no_reason',
                        assignment=assignment.rec_name))

    @classmethod
    @ModelView.button
    def approve(cls, assignments):
        # Two staff pressing approve at once must not invoice twice.
        cls.lock(assignments)
        assignments = [a for a in cls.browse(assignments)
            if a.state == 'submitted']
        cls._approve(assignments)
        cls.invoice_assignments(assignments)

    @classmethod
    @Workflow.transition('approved')
    def _approve(cls, assignments):
        for assignment in assignments:
            plan = assignment.member.convoy_plan
            assignment.fee_rate = plan.fee_rate
            assignment.minimum_fee = plan.minimum_fee
        cls.save(assignments)

    @classmethod
    @Workflow.transition('invoiced')
    def invoice_assignments(cls, assignments):
        "Create, post and send the customer invoice of each assignment."
        pool = Pool()
        Invoice = pool.get('account.invoice')
        invoices = [a.get_invoice() for a in assignments]
        Invoice.save(invoices)
        Invoice.post(invoices)
        for assignment, invoice in zip(assignments, invoices):
            assignment.invoice = invoice
        cls.save(assignments)
        for assignment in assignments:
            assignment.send_invoice()

    def get_invoice(self):
        "The customer invoice in the cooperative's name."
        pool = Pool()
        Date = pool.get('ir.date')
        Invoice = pool.get('account.invoice')
        invoice = Invoice(
            company=self.company, type='out', party=self.customer,
            currency=self.company.currency,
            description=gettext('sosolo_convoy.msg_invoice_description',
                description=self.description,
                member=self.member.party.rec_name))
        invoice.on_change_type()
        invoice.on_change_party()
        with Transaction().set_context(company=self.company.id):
            invoice.invoice_date = Date.today()
        invoice.lines = [l.get_invoice_line() for l in self.lines]
        return invoice

    def send_invoice(self):
        "E-mail the invoice PDF to the customer, when it has an e-mail."
        pool = Pool()
        InvoiceReport = pool.get('sosolo.invoice', type='report')
        to = self.customer.email
        if not to:
            return
        _, content, _, name = InvoiceReport.execute([self.invoice.id], {})
        # In Swedish whatever the language of the staff who approved it.
        send_email(to,
            gettext('sosolo_convoy.msg_invoice_email_subject', 'sv',
                number=self.invoice.number, company=self.company.rec_name),
            gettext('sosolo_convoy.msg_invoice_email_body', 'sv',
                number=self.invoice.number,
                member=self.member.party.rec_name,
                total=self.invoice.total_amount,
                due=self.invoice.lines_to_pay[0].maturity_date
                if self.invoice.lines_to_pay else '',
                ocr=self.invoice.se_ocr or ''),
            content, f'{name}.pdf')

    def payout_steps(self, today):
        "The payout tracker's Steps of the assignment on `today`."
        return tracker.timeline(self.tracker_facts(today), today)

    def tracker_facts(self, today):
        "The tracker.Facts of the assignment: its invoice, payout and run."
        pool = Pool()
        Payout = pool.get('sosolo.convoy.payout')
        Run = pool.get('sosolo.payroll.run')
        values = {}
        invoice = self.invoice
        if invoice and invoice.state in {'posted', 'paid'}:
            # Approval posts and sends the invoice at once.
            values['approved'] = values['invoiced'] = invoice.invoice_date
            lines = invoice.lines_to_pay
            values['due'] = min((l.maturity_date for l in lines
                    if l.maturity_date), default=None)
            values['reminders'] = tuple(
                (d.date, list(d.procedure.levels).index(d.level) + 1)
                for l in lines for d in l.dunnings if d.state != 'draft')
            if invoice.state == 'paid':
                values['paid'] = invoice.reconciled
        if values.get('paid'):
            payouts = Payout.search([
                    ('member', '=', self.member.id),
                    ('date', '>=', values['paid']),
                    ('payslip', '!=', None),
                    ], order=[('date', 'ASC'), ('id', 'ASC')], limit=1)
            if payouts:
                run = payouts[0].payslip.run
                values['pay_run'] = run.payment_date
                if run.state == 'paid':
                    values['salary_paid'] = run.payment_date
        # The date of the cooperative's next pay run is no member's data;
        # the portal user sees only the runs it is paid in.
        with without_check_access():
            run = Run.next_unpaid(self.company, since=today)
        if run:
            values['next_run'] = run.payment_date
        return tracker.Facts(**values)

    @classmethod
    @Workflow.transition('paid')
    def pay(cls, assignments):
        pass

    @classmethod
    @Workflow.transition('invoiced')
    def unpay(cls, assignments):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('settled')
    def settle(cls, assignments):
        pass


class AssignmentLine(ModelSQL, ModelView):
    "Assignment Line"
    __name__ = 'sosolo.convoy.assignment.line'

    _states = {'readonly': Eval('assignment_state') != 'draft'}

    assignment = fields.Many2One('sosolo.convoy.assignment', "Assignment",
        required=True, ondelete='CASCADE', states=_states)
    assignment_state = fields.Function(
        fields.Selection(STATES, "Assignment State"),
        'on_change_with_assignment_state')
    sequence = fields.Integer("Sequence")
    description = fields.Char("Description", required=True, states=_states)
    quantity = fields.Numeric("Quantity", digits=(16, 2), required=True,
        states=_states)
    unit_price = fields.Numeric("Unit Price", digits=(16, 2), required=True,
        states=_states)
    vat = fields.Selection(VAT, "VAT", required=True, sort=False,
        states=_states)
    amount = fields.Function(fields.Numeric("Amount", digits=(16, 2)),
        'on_change_with_amount')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('assignment')
        cls._order.insert(0, ('sequence', 'ASC NULLS FIRST'))

    @classmethod
    def default_quantity(cls):
        return Decimal(1)

    @classmethod
    def default_vat(cls):
        return '25'

    @fields.depends('assignment', '_parent_assignment.state')
    def on_change_with_assignment_state(self, name=None):
        return self.assignment.state if self.assignment else None

    @fields.depends('quantity', 'unit_price')
    def on_change_with_amount(self, name=None):
        if self.quantity is None or self.unit_price is None:
            return None
        return _cent(self.quantity * self.unit_price)

    @classmethod
    def check_modification(cls, mode, lines, values=None, external=False):
        super().check_modification(
            mode, lines, values=values, external=external)
        for line in lines:
            if line.assignment.state != 'draft':
                raise AssignmentError(gettext(
                        'sosolo_convoy.msg_assignment_modify',
                        assignment=line.assignment.rec_name))

    def get_invoice_line(self):
        "The invoice line: revenue 3041-3044 and the VAT of the rate."
        pool = Pool()
        Account = pool.get('account.account')
        InvoiceLine = pool.get('account.invoice.line')
        ModelData = pool.get('ir.model.data')
        Tax = pool.get('account.tax')
        assignment = self.assignment
        company = assignment.company
        code, tax_id = VAT_RATES[self.vat]
        accounts = Account.search([
                ('company', '=', company.id), ('code', '=', code),
                ('type', '!=', None)], limit=1)
        taxes = Tax.search([
                ('company', '=', company.id),
                ('template', '=', ModelData.get_id('sosolo_sweden', tax_id)),
                ], limit=1)
        if not accounts or not taxes:
            raise AssignmentError(gettext(
                    'sosolo_convoy.msg_assignment_no_account',
                    account=code))
        return InvoiceLine(
            company=company, type='line', currency=company.currency,
            description=gettext('sosolo_convoy.msg_invoice_line_description',
                description=self.description,
                member=assignment.member.party.rec_name),
            quantity=self.quantity, unit_price=self.unit_price,
            account=accounts[0], taxes=list(taxes))

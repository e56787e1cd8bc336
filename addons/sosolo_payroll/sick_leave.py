# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.pool import Pool
from trytond.pyson import Bool, Eval, If
from trytond.transaction import Transaction

from . import rules
from .exceptions import SickLeaveError

STATES = [
    ('draft', "Reported"),
    ('confirmed', "Confirmed"),
    ('paid', "Paid"),
    ('cancelled', "Cancelled"),
    ]


class SickLeave(Workflow, ModelSQL, ModelView):
    """Sick Leave

    One sickness of an employee and the sick pay of its days 1-14
    (lag 1991:1047 om sjuklön). From day 15 Försäkringskassan pays; the
    employer's notice to it is due within 7 days (12 §).
    """
    __name__ = 'sosolo.payroll.sick_leave'

    _states = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    employee = fields.Many2One('sosolo.payroll.employee', "Employee",
        required=True, states=_states,
        domain=[('company', '=', Eval('company', -1))])
    first_date = fields.Date("First Sick Day", required=True,
        states=_states)
    recovery_date = fields.Date("Recovery Date",
        domain=[If(Bool(Eval('recovery_date')),
                ('recovery_date', '>', Eval('first_date')), ())],
        states={'readonly': Eval('state').in_(['paid', 'cancelled'])},
        help="The first day back at work; empty while still sick.")
    sick_pay_end_date = fields.Function(fields.Date("Sick Pay Until",
            help="Day 14: the employer pays sick pay for days 1-14 "
            "(sjuklönelagen 7 §)."),
        'on_change_with_sick_pay_end_date')
    lost_pay = fields.Numeric("Pay Lost", digits=(16, 2),
        domain=['OR', ('lost_pay', '=', None), ('lost_pay', '>=', 0)],
        states={
            'readonly': Eval('state') != 'draft',
            'required': Eval('state') == 'confirmed',
            },
        help="The pay and benefits lost in days 1-14: for a member, what "
        "the registered assignments would have paid in the sick days.")
    week_pay = fields.Numeric("Average Week's Pay", digits=(16, 2),
        domain=['OR', ('week_pay', '=', None), ('week_pay', '>', 0)],
        states={
            'readonly': Eval('state') != 'draft',
            'required': Eval('state') == 'confirmed',
            },
        help="The karensavdrag is 20 % of the sick pay of an average "
        "week (sjuklönelagen 6 §).")
    gross_sick_pay = fields.Function(fields.Numeric("Sick Pay 80 %",
            digits=(16, 2)), 'on_change_with_gross_sick_pay')
    karensavdrag = fields.Function(fields.Numeric("Karensavdrag",
            digits=(16, 2)), 'on_change_with_karensavdrag')
    sick_pay = fields.Function(fields.Numeric("Sick Pay", digits=(16, 2)),
        'on_change_with_sick_pay')
    certificate = fields.Binary("Doctor's Certificate",
        filename='certificate_name',
        states={'readonly': Eval('state').in_(['paid', 'cancelled'])})
    certificate_name = fields.Char("Certificate File Name",
        states={'readonly': Eval('state').in_(['paid', 'cancelled'])})
    certificate_required = fields.Function(
        fields.Boolean("Certificate Required",
            help="From day 8 a doctor's certificate is needed "
            "(sjuklönelagen 8 §)."),
        'on_change_with_certificate_required')
    notice_due_date = fields.Function(fields.Date("Notice Due",
            help="The sickness goes on after day 14: notify "
            "Försäkringskassan by this date (sjuklönelagen 12 §)."),
        'on_change_with_notice_due_date')
    notice_date = fields.Date("Notice Sent",
        states={'invisible': ~Eval('notice_due_date')},
        help="The day Försäkringskassan was notified.")
    notice_due = fields.Function(fields.Boolean("Notice to Send"),
        'on_change_with_notice_due')
    lines = fields.One2Many('sosolo.payroll.payslip.line', 'sick_leave',
        "Payslip Lines", readonly=True)
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('first_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'confirmed'),
            ('confirmed', 'draft'),
            ('confirmed', 'paid'),
            ('draft', 'cancelled'),
            ('cancelled', 'draft'),
            }
        cls._buttons.update({
                'draft': {
                    'invisible': ~Eval('state').in_(
                        ['confirmed', 'cancelled']),
                    'depends': ['state'],
                    },
                'confirm': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'draft'

    def get_rec_name(self, name):
        return f'{self.employee.rec_name} {self.first_date}'

    @property
    def last_date(self):
        "The last sick day, or None while still sick."
        if self.recovery_date:
            return self.recovery_date - dt.timedelta(days=1)

    @fields.depends('first_date')
    def on_change_with_sick_pay_end_date(self, name=None):
        if self.first_date:
            return rules.sick_pay_period_end(self.first_date)

    def calculation(self):
        "The sick pay of rules.sick_pay, or None without its amounts."
        if self.lost_pay is None or not self.week_pay:
            return None
        return rules.sick_pay(self.lost_pay, self.week_pay)

    @fields.depends('lost_pay', 'week_pay')
    def on_change_with_gross_sick_pay(self, name=None):
        result = self.calculation()
        return result.gross if result else None

    @fields.depends('lost_pay', 'week_pay')
    def on_change_with_karensavdrag(self, name=None):
        result = self.calculation()
        return result.karensavdrag if result else None

    @fields.depends('lost_pay', 'week_pay')
    def on_change_with_sick_pay(self, name=None):
        result = self.calculation()
        return result.sick_pay if result else None

    @fields.depends('first_date', 'recovery_date')
    def on_change_with_certificate_required(self, name=None):
        if not self.first_date:
            return False
        last = self.last_date or Pool().get('ir.date').today()
        return rules.certificate_required(self.first_date, last)

    @fields.depends('first_date', 'recovery_date')
    def on_change_with_notice_due_date(self, name=None):
        if self.first_date:
            return rules.notice_due_date(self.first_date, self.last_date)

    @fields.depends('first_date', 'recovery_date', 'notice_date')
    def on_change_with_notice_due(self, name=None):
        Date = Pool().get('ir.date')
        if not self.first_date or self.notice_date:
            return False
        # The notice is due only once the sickness has passed day 14.
        return bool(self.on_change_with_notice_due_date()
            and Date.today() > rules.sick_pay_period_end(self.first_date))

    def employments(self):
        """The employee's employments with the company, as
        rules.Employment: the employee records of the same person."""
        Employee = Pool().get('sosolo.payroll.employee')
        return [rules.Employment(e.start_date, e.end_date)
            for e in Employee.search([
                    ('company', '=', self.company.id),
                    ('party', '=', self.employee.party.id),
                    ])]

    def check_confirm(self):
        "Raise SickLeaveError when the sick pay cannot be paid."
        if not rules.sick_pay_right(self.employments(), self.first_date):
            raise SickLeaveError(gettext(
                    'sosolo_payroll.msg_sick_leave_no_right',
                    sick_leave=self.rec_name))
        if self.on_change_with_certificate_required() and not (
                self.certificate):
            raise SickLeaveError(gettext(
                    'sosolo_payroll.msg_sick_leave_certificate',
                    sick_leave=self.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, sick_leaves):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('confirmed')
    def confirm(cls, sick_leaves):
        for sick_leave in sick_leaves:
            sick_leave.check_confirm()

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, sick_leaves):
        pass

    @classmethod
    @Workflow.transition('paid')
    def pay(cls, sick_leaves):
        "Called by the pay run when the payslip of the sick pay is posted."
        pass

    @classmethod
    def to_pay(cls, company, date):
        "The confirmed sick leaves of `company` not yet in a pay run."
        return cls.search([
                ('company', '=', company.id),
                ('state', '=', 'confirmed'),
                ('first_date', '<=', date),
                ('lines', '=', None),
                ], order=[('first_date', 'ASC'), ('id', 'ASC')])

    def get_line(self, payslip):
        """The payslip line of the sick pay.

        A sick pay of 0 (the karensavdrag took it all) is a line too, so
        that the payslip shows the sickness and its karensavdrag."""
        Line = Pool().get('sosolo.payroll.payslip.line')
        result = self.calculation()
        return Line(payslip=payslip, kind='sick_pay', sequence=20,
            amount=result.sick_pay, holiday_pay_basis=False,
            sick_leave=self,
            description=gettext('sosolo_payroll.msg_sick_pay_line',
                first_date=self.first_date,
                last_date=min(filter(None, [self.last_date,
                            self.on_change_with_sick_pay_end_date()])),
                karensavdrag=result.karensavdrag))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import re

from sql.aggregate import Max

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.sosolo_sweden.identity import parse_personal
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .exceptions import IdentityValidationError, TaxSettingValidationError

TAX_METHODS = [
    ('table', "Tax Table"),
    ('percent', "Fixed Percentage"),
    ]
PERCENT_REASONS = [
    (None, ""),
    ('no_table', "No tax table"),
    ('side_income', "Side income"),
    ('sink', "SINK"),
    ]
CATEGORIES = [
    ('salaried', "Salaried"),
    ('worker', "Worker"),
    ]


class Employee(ModelSQL, ModelView):
    "Payroll Employee"
    __name__ = 'sosolo.payroll.employee'

    company = fields.Many2One('company.company', "Company", required=True)
    party = fields.Many2One('party.party', "Party", required=True,
        ondelete='RESTRICT')
    identity_code = fields.Char("Personal Identity Number", required=True,
        help="Personnummer or samordningsnummer (day + 60).")
    birth_date = fields.Function(fields.Date("Birth Date"), 'get_identity')
    coordination_number = fields.Function(
        fields.Boolean("Coordination Number"), 'get_identity')
    category = fields.Selection(CATEGORIES, "Category", required=True,
        help="Salaried staff are booked on 7210, workers on 7010.")
    tax_method = fields.Selection(TAX_METHODS, "Tax Method", required=True)
    tax_table = fields.Integer("Tax Table",
        states={
            'invisible': Eval('tax_method') != 'table',
            'required': Eval('tax_method') == 'table',
            })
    tax_column = fields.Integer("Tax Column",
        domain=[If(Eval('tax_method') == 'table',
                [('tax_column', '>=', 1), ('tax_column', '<=', 7)], [])],
        states={
            'invisible': Eval('tax_method') != 'table',
            'required': Eval('tax_method') == 'table',
            })
    tax_percent = fields.Numeric("Tax Percentage", digits=(4, 2),
        domain=[If(Eval('tax_method') == 'percent',
                [('tax_percent', '>=', 0), ('tax_percent', '<=', 100)], [])],
        states={
            'invisible': Eval('tax_method') != 'percent',
            'required': Eval('tax_method') == 'percent',
            })
    tax_percent_reason = fields.Selection(PERCENT_REASONS,
        "Reason for Percentage",
        states={
            'invisible': Eval('tax_method') != 'percent',
            'required': Eval('tax_method') == 'percent',
            })
    bank_clearing = fields.Char("Clearing Number")
    bank_account = fields.Char("Bank Account Number")
    start_date = fields.Date("Start Date", required=True)
    end_date = fields.Date("End Date",
        domain=[If(Eval('end_date') & Eval('start_date'),
                ('end_date', '>=', Eval('start_date')), ())])
    specification_number = fields.Integer("Specification Number",
        readonly=True,
        help="AGI field 570: the same for the employee every month.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('specification_number', 'ASC'))

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def default_category(cls):
        return 'salaried'

    @classmethod
    def default_tax_method(cls):
        return 'table'

    @classmethod
    def default_tax_column(cls):
        return 1

    def get_identity(self, name):
        identity = parse_personal(self.identity_code)
        if not identity:
            return None
        if name == 'birth_date':
            return identity.birth_date
        return identity.coordination

    @property
    def agi_identity(self):
        "The 12 digits of AGI field 215."
        return parse_personal(self.identity_code).code

    @property
    def taxed_under_sink(self):
        "Whether the tax withheld is SINK (AGI field 274, not 001)."
        return (self.tax_method == 'percent'
            and self.tax_percent_reason == 'sink')

    @property
    def bank_bban(self):
        "Clearing and account number as one string of digits."
        return re.sub(r'\D', '', (self.bank_clearing or '')
            + (self.bank_account or ''))

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        if values.get('identity_code'):
            identity = parse_personal(values['identity_code'])
            if identity:
                values['identity_code'] = identity.code
        return values

    @classmethod
    def create(cls, vlist):
        # Field 570 must stay the same for a payee across months: give
        # each employee a number once, at creation.
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cls.lock()
        cursor.execute(*table.select(Max(table.specification_number)))
        last, = cursor.fetchone()
        last = last or 0
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            if not values.get('specification_number'):
                last += 1
                values['specification_number'] = last
        return super().create(vlist)

    @classmethod
    def copy(cls, employees, default=None):
        default = default.copy() if default else {}
        default.setdefault('specification_number', None)
        return super().copy(employees, default=default)

    @classmethod
    def validate_fields(cls, employees, field_names):
        super().validate_fields(employees, field_names)
        cls.check_identity(employees, field_names)
        cls.check_tax(employees, field_names)

    @classmethod
    def check_identity(cls, employees, field_names=None):
        if field_names and 'identity_code' not in field_names:
            return
        for employee in employees:
            if not parse_personal(employee.identity_code):
                raise IdentityValidationError(gettext(
                        'sosolo_payroll.msg_employee_invalid_identity',
                        code=employee.identity_code,
                        employee=employee.rec_name))

    @classmethod
    def check_tax(cls, employees, field_names=None):
        for employee in employees:
            if (employee.tax_method == 'table'
                    and not (employee.tax_table
                        and 1 <= (employee.tax_column or 0) <= 7)):
                raise TaxSettingValidationError(gettext(
                        'sosolo_payroll.msg_employee_tax_table',
                        employee=employee.rec_name))

    def get_rec_name(self, name):
        return self.party.rec_name

    @classmethod
    def search_rec_name(cls, name, clause):
        return ['OR',
            ('party.rec_name',) + tuple(clause[1:]),
            ('identity_code',) + tuple(clause[1:]),
            ]

    def employed_on(self, date):
        return (self.start_date <= date
            and (not self.end_date or date <= self.end_date))

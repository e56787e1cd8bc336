# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.pyson import Eval

from .exceptions import PayrollConfigurationError

#: The accounts a pay run posts to and their BAS numbers (DESIGN.md).
BAS_ACCOUNTS = {
    'worker_wage_account': '7010',
    'salaried_wage_account': '7210',
    'tax_free_allowance_account': '7321',
    'mileage_account': '7331',
    'contribution_expense_account': '7510',
    'tax_account': '2710',
    'contribution_payable_account': '2731',
    'net_pay_account': '2820',
    'deduction_account': '2820',
    'bank_account': '1930',
    'pension_expense_account': '7411',
    'pension_payable_account': '2890',
    'pension_tax_expense_account': '7533',
    'pension_tax_payable_account': '2514',
    }


def account_field(string, help):
    "A Many2One to an open account of the context's company."
    return fields.Many2One(
        'account.account', string, help=help,
        domain=[
            ('company', '=', Eval('context', {}).get('company', -1)),
            ('type', '!=', None),
            ('closed', '!=', True),
            ])


class RequiredSettingMixin:
    "`required(name)`: a setting's value, or an error that names it."
    __slots__ = ()
    _missing_error = PayrollConfigurationError
    _missing_message = 'sosolo_payroll.msg_configuration_missing'

    def required(self, name):
        "The value of `name`, or an error naming the missing setting."
        value = getattr(self, name)
        if not value:
            raise self._missing_error(gettext(self._missing_message,
                    field=self._fields[name].string))
        return value


class Configuration(RequiredSettingMixin, ModelSingleton, ModelSQL,
        ModelView):
    "Payroll Configuration"
    __name__ = 'sosolo.payroll.configuration'

    journal = fields.Many2One('account.journal', "Journal",
        help="The journal of the pay runs' moves.")
    worker_wage_account = account_field("Wages, Workers",
        "BAS 7010 Löner till kollektivanställda.")
    salaried_wage_account = account_field("Wages, Salaried",
        "BAS 7210 Löner till tjänstemän.")
    tax_free_allowance_account = account_field("Tax-Free Allowances",
        "BAS 7321 Skattefria traktamenten.")
    mileage_account = account_field("Tax-Free Mileage",
        "BAS 7331 Skattefria bilersättningar.")
    contribution_expense_account = account_field("Employer Contributions",
        "BAS 7510 Lagstadgade sociala avgifter.")
    tax_account = account_field("Withheld Tax",
        "BAS 2710 Personalskatt.")
    contribution_payable_account = account_field("Contributions Payable",
        "BAS 2731 Avräkning lagstadgade sociala avgifter.")
    net_pay_account = account_field("Net Pay Payable",
        "BAS 2820 Kortfristiga skulder till anställda.")
    deduction_account = account_field("Deductions",
        "Where deductions from net pay are credited.")
    bank_account = account_field("Bank Account",
        "BAS 1930 Företagskonto: salaries are paid from it.")
    pension_expense_account = account_field("Pension Premiums",
        "BAS 7411 Premier för kollektiva pensionsförsäkringar.")
    pension_payable_account = account_field("Pension Premiums Payable",
        "BAS 2890 Övriga kortfristiga skulder: premiums owed to the "
        "pension insurer.")
    pension_tax_expense_account = account_field(
        "Special Payroll Tax on Pensions",
        "BAS 7533 Särskild löneskatt för pensionskostnader.")
    pension_tax_payable_account = account_field(
        "Special Payroll Tax Payable",
        "BAS 2514 Beräknad särskild löneskatt på pensionskostnader.")
    payer_iban = fields.Char("Payer IBAN",
        help="The account salaries are paid from (pain.001).")
    payer_bic = fields.Char("Payer BIC")
    contact_name = fields.Char("Contact Name",
        help="Contact for Skatteverket in the AGI file.")
    contact_phone = fields.Char("Contact Phone")
    contact_email = fields.Char("Contact E-Mail")

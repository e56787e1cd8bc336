# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.modules.sosolo_payroll.configuration import (
    RequiredSettingMixin,
    account_field,
)
from trytond.pool import Pool
from trytond.transaction import Transaction

from .exceptions import ConvoyConfigurationError

#: The accounts convoy posts to and their BAS numbers (DESIGN.md).
BAS_ACCOUNTS = {
    'member_account': '2829',
    'share_account': '7690',
    'fee_account': '3040',
    }
#: Revenue accounts of the invoice lines by VAT rate, and the templates
#: of their taxes (Försäljning tjänster, BAS 3041-3044).
VAT_RATES = {
    '25': ('3041', 'vat_out_25'),
    '12': ('3042', 'vat_out_12'),
    '6': ('3043', 'vat_out_6'),
    '0': ('3044', 'vat_out_0'),
    }

#: Who bears the cost of a member's sick pay (issue #16).
SICK_PAY_BEARERS = [
    ('fund', "Security Fund"),
    ('member', "Member's Account"),
    ]


def account_by_code(code):
    "The account of the context's company numbered `code`, or None."
    Account = Pool().get('account.account')
    company = Transaction().context.get('company')
    if not company:
        return None
    accounts = Account.search([
            ('company', '=', company),
            ('code', '=', code),
            ('type', '!=', None),
            ], limit=1)
    return accounts[0].id if accounts else None


class Configuration(RequiredSettingMixin, ModelSingleton, ModelSQL,
        ModelView):
    "Convoy Configuration"
    __name__ = 'sosolo.convoy.configuration'
    _missing_error = ConvoyConfigurationError
    _missing_message = 'sosolo_convoy.msg_configuration_missing'

    member_account = account_field("Member Account",
        "BAS 2829 Övriga kortfristiga skulder till anställda: each "
        "member's activity account, with the member as party.")
    share_account = account_field("Share Account",
        "BAS 7690 Övriga personalkostnader: the members' share of their "
        "invoices, as a cost of the cooperative.")
    fee_account = account_field("Fee Account",
        "BAS 3040 Försäljning tjänster: the cooperative's fees.")
    journal = fields.Many2One('account.journal', "Journal",
        help="The journal of the moves on the members' accounts.")
    default_plan = fields.Many2One('sosolo.convoy.plan', "Default Plan",
        help="The plan of members who have none.")
    sick_pay_bearer = fields.Selection(SICK_PAY_BEARERS,
        "Sick Pay Paid By", required=True,
        help="Who bears the cost of sick pay (days 1-14) and its "
        "employer contributions: the cooperative's security fund, or "
        "the member's own activity account.")

    @classmethod
    def default_member_account(cls):
        return account_by_code(BAS_ACCOUNTS['member_account'])

    @classmethod
    def default_share_account(cls):
        return account_by_code(BAS_ACCOUNTS['share_account'])

    @classmethod
    def default_fee_account(cls):
        return account_by_code(BAS_ACCOUNTS['fee_account'])

    @classmethod
    def default_journal(cls):
        Journal = Pool().get('account.journal')
        journals = Journal.search([('type', '=', 'general')], limit=1)
        return journals[0].id if journals else None

    @classmethod
    def default_sick_pay_bearer(cls):
        return 'fund'

    @classmethod
    def default_default_plan(cls):
        ModelData = Pool().get('ir.model.data')
        return ModelData.get_id('sosolo_convoy', 'plan_standard')

    @classmethod
    def validate_fields(cls, records, field_names):
        super().validate_fields(records, field_names)
        cls.check_member_account(records, field_names)

    @classmethod
    def check_member_account(cls, records, field_names=None):
        if field_names and 'member_account' not in field_names:
            return
        for record in records:
            account = record.member_account
            if account and not account.party_required:
                raise ConvoyConfigurationError(gettext(
                        'sosolo_convoy.msg_member_account_party',
                        account=account.rec_name))


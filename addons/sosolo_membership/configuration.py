# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Id

from . import rules
from .exceptions import ConfigurationError

#: A week: long enough for the member to read the e-mail and react.
BANK_ACCOUNT_DELAY = dt.timedelta(days=7)


class Configuration(ModelSingleton, ModelSQL, ModelView):
    "Membership Configuration"
    __name__ = 'sosolo.membership.configuration'

    member_sequence = fields.Many2One(
        'ir.sequence', "Member Sequence", required=True,
        domain=[('sequence_type', '=',
                Id('sosolo_membership', 'sequence_type_member'))])
    contribution_person = fields.Numeric(
        "Contribution Person", digits=(16, 2), required=True,
        help="The contribution (insats) a person pays, per the statutes.")
    contribution_sole_trader = fields.Numeric(
        "Contribution Sole Trader", digits=(16, 2), required=True)
    contribution_company = fields.Numeric(
        "Contribution Company", digits=(16, 2), required=True)
    contribution_investing = fields.Numeric(
        "Contribution Investing Member", digits=(16, 2), required=True)
    fee_amount = fields.Numeric(
        "Yearly Fee", digits=(16, 2), required=True,
        help="The membership fee invoiced once a year to active members.")
    capital_account = fields.Many2One(
        'account.account', "Capital Account",
        help="Where paid contributions are booked (BAS 2083).")
    fee_account = fields.Many2One(
        'account.account', "Fee Account",
        domain=[('type.revenue', '=', True)],
        help="The revenue account of the yearly fee.")
    payment_term = fields.Many2One(
        'account.invoice.payment_term', "Payment Term")
    notice_months = fields.Integer(
        "Notice (months)", required=True,
        domain=[('notice_months', '>=', rules.MIN_NOTICE_MONTHS),
            ('notice_months', '<=', rules.MAX_NOTICE_MONTHS)],
        help="How long before a fiscal year end one must resign "
        "(1 to 6 months, per the statutes).")
    minimum_months = fields.Integer(
        "Minimum Membership (months)", required=True,
        domain=[('minimum_months', '>=', 0),
            ('minimum_months', '<=', rules.MAX_MINIMUM_MONTHS)],
        help="How long one must be a member before leaving "
        "(0 to 24 months, per the statutes).")
    repayment_delay_months = fields.Integer(
        "Repayment Delay (months)", required=True,
        domain=[('repayment_delay_months', '>=',
                rules.MIN_REPAYMENT_DELAY_MONTHS)],
        help="Months after the exit year's end before the contribution "
        "is repaid (at least 6).")
    statutes_url = fields.Char("Statutes URL",
        help="Where applicants read the statutes.")
    bank_account_delay = fields.TimeDelta(
        "Bank Account Delay", required=True,
        domain=[('bank_account_delay', '>=', dt.timedelta(0))],
        help="How long a bank account that a member gave in the portal "
        "waits before salary goes to it, unless staff confirm it sooner.")

    @classmethod
    def default_member_sequence(cls):
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        try:
            return ModelData.get_id('sosolo_membership', 'sequence_member')
        except KeyError:
            return None

    @classmethod
    def default_contribution_person(cls):
        return Decimal('100.00')

    default_contribution_sole_trader = default_contribution_person
    default_contribution_company = default_contribution_person
    default_contribution_investing = default_contribution_person

    @classmethod
    def default_fee_amount(cls):
        return Decimal('0.00')

    @classmethod
    def default_notice_months(cls):
        return rules.MIN_NOTICE_MONTHS

    @classmethod
    def default_minimum_months(cls):
        return 0

    @classmethod
    def default_repayment_delay_months(cls):
        return rules.MIN_REPAYMENT_DELAY_MONTHS

    @classmethod
    def default_bank_account_delay(cls):
        return BANK_ACCOUNT_DELAY

    def get_bank_account_delay(self):
        "The delay of a new salary account; the default until it is set."
        return self.bank_account_delay or BANK_ACCOUNT_DELAY

    def contribution(self, kind):
        "The contribution obligation of a member of `kind`."
        return getattr(self, f'contribution_{kind}')

    def check_accounts(self, *names):
        for name in names:
            if not getattr(self, name):
                raise ConfigurationError(gettext(
                        'sosolo_membership.msg_configuration_missing',
                        field=self.fields_get([name])[name]['string']))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pyson import Eval, If

from . import rules
from .exceptions import ContributionRateError


class ContributionRate(ModelSQL, ModelView):
    """Employer Contribution Rate

    Rates are data, one record per rate and period, loaded from
    contribution_data.xml and kept by staff when the law changes.
    """
    __name__ = 'sosolo.payroll.contribution.rate'

    name = fields.Char("Name", required=True, translate=True)
    sequence = fields.Integer("Sequence", required=True,
        help="Among the rates that apply, the lowest sequence is used.")
    rate = fields.Numeric("Rate (%)", digits=(5, 2), required=True)
    start_date = fields.Date("Start Date", required=True,
        help="First date of payment the rate applies to.")
    end_date = fields.Date("End Date",
        domain=[If(Eval('end_date') & Eval('start_date'),
                ('end_date', '>=', Eval('start_date')), ())])
    min_age = fields.Integer("Minimum Age",
        help="Age turned at the start of the year.")
    max_age = fields.Integer("Maximum Age",
        help="Age turned at the start of the year.")
    born_from = fields.Integer("Born From Year")
    born_to = fields.Integer("Born Until Year")
    monthly_cap = fields.Numeric("Monthly Cap", digits=(16, 2),
        help="The rate applies to the pay of the month up to this amount; "
        "the next rate that applies to the rest.")
    source = fields.Char("Source", help="The law or decision.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [
            ('start_date', 'DESC'), ('sequence', 'ASC'), ('id', 'ASC')]

    def to_rule(self):
        return rules.ContributionRate(
            sequence=self.sequence, rate=self.rate,
            start_date=self.start_date, end_date=self.end_date,
            min_age=self.min_age, max_age=self.max_age,
            born_from=self.born_from, born_to=self.born_to,
            monthly_cap=self.monthly_cap, name=self.name)

    @classmethod
    def rules_for(cls, date):
        "The rates in force on `date`, as plain values."
        records = cls.search([
                ('start_date', '<=', date),
                ['OR',
                    ('end_date', '=', None),
                    ('end_date', '>=', date),
                    ],
                ])
        return [r.to_rule() for r in records]

    @classmethod
    def compute(cls, birth_date, payment_date, pay, rates=None):
        "Contributions in kronor and the rates used (rules.contributions)."
        if rates is None:
            rates = cls.rules_for(payment_date)
        try:
            return rules.contributions(rates, birth_date, payment_date, pay)
        except rules.NoContributionRate:
            raise ContributionRateError(gettext(
                    'sosolo_payroll.msg_contribution_no_rate',
                    date=payment_date))

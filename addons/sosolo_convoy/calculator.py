# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The salary calculator: from an invoice to the net pay, every step.

The steps are the pay run's own rules, not a copy of them: the fee of
rules.fee, the employer contribution rates of
sosolo_payroll.rules.applicable_rates, the split of
sosolo_payroll.rules.salary_from_available and the tax of a table
lookup or sosolo_payroll.rules.fixed_percent_tax. `compute` needs no
database; `compute_from_database` fetches the rates and the tax table
the way the pay run does.
"""
from dataclasses import dataclass
from decimal import Decimal

from trytond.modules.sosolo_payroll import rules as payroll
from trytond.modules.sosolo_sweden.rules import today as swedish_today

from . import rules

_ZERO = Decimal(0)


@dataclass(frozen=True)
class Calculation:
    amount: Decimal  # invoiced excl. VAT
    fee_rate: Decimal  # percent
    fee: Decimal
    available: Decimal  # for the whole cost of the salary
    employer_rate: Decimal  # percent, the first that applies
    employer_rates: tuple  # (rate, monthly cap or None), in order
    employer_contributions: Decimal
    gross: Decimal  # including holiday pay
    salary: Decimal
    holiday_pay: Decimal
    tax: Decimal
    net: Decimal
    pension_rate: Decimal = _ZERO  # percent of gross
    pension_premium: Decimal = _ZERO
    pension_tax: Decimal = _ZERO  # särskild löneskatt, 24.26 %

    def as_dict(self):
        "Every step, Decimals as strings, money in öre (for JSON)."
        result = {}
        for name, value in self.__dict__.items():
            if name == 'employer_rates':
                value = [{'rate': str(r), 'monthly_cap': c and str(c)}
                    for r, c in value]
            elif name.endswith('rate'):
                value = str(value)
            elif isinstance(value, Decimal):
                value = str(payroll.to_cent(value))
            result[name] = value
        return result


def effective_rate(chosen, available):
    """The contribution rate, in percent, at which `available` pays
    gross pay and contributions together.

    With one rate it is that rate. A rate with a monthly cap (the youth
    reduction, SFS 2026:100) applies to the pay up to the cap and the
    next rate to the rest, as payroll.contributions computes them; the
    gross that exhausts `available` is found tier by tier.
    """
    first = chosen[0]
    factor = 1 + first.rate / 100
    if first.monthly_cap is None or available <= first.monthly_cap * factor:
        return first.rate
    rest, gross = Decimal(available), _ZERO
    for rate in chosen:
        factor = 1 + rate.rate / 100
        if rate.monthly_cap is not None and rest > rate.monthly_cap * factor:
            gross += rate.monthly_cap
            rest -= rate.monthly_cap * factor
        else:
            gross += rest / factor
            break
    return (available / gross - 1) * 100


def compute(amount, fee_rate, minimum_fee, rates, birth_date, payment_date,
        tax_lookup=None, tax_percent=None, pension_rate=None):
    """Every step from `amount` invoiced excl. VAT to the net pay.

    `rates` are sosolo_payroll.rules.ContributionRate; `tax_lookup(gross)`
    gives the tax of the member's table, or `tax_percent` a fixed
    percentage (payroll.fixed_percent_tax); with neither, no tax. A
    `pension_rate` (percent of gross, the plan's) reserves the premium
    and the särskild löneskatt on it, as the pay run does.
    Raises payroll.NoContributionRate when no rate applies.
    """
    amount = Decimal(amount)
    fee = rules.fee(amount, fee_rate, minimum_fee)
    available = amount - fee
    chosen = payroll.applicable_rates(rates, birth_date, payment_date)
    split = payroll.salary_from_available(
        available, effective_rate(chosen, available),
        pension_rate=pension_rate)
    if tax_lookup is not None:
        tax = Decimal(tax_lookup(split.gross))
    elif tax_percent is not None:
        tax = payroll.fixed_percent_tax(split.gross, tax_percent)
    else:
        tax = _ZERO
    return Calculation(
        amount=amount, fee_rate=Decimal(fee_rate), fee=fee,
        available=available,
        employer_rate=chosen[0].rate,
        employer_rates=tuple((r.rate, r.monthly_cap) for r in chosen),
        employer_contributions=split.contributions,
        gross=split.gross, salary=split.salary,
        holiday_pay=split.holiday_pay,
        tax=tax, net=split.gross - tax,
        pension_rate=split.pension_rate,
        pension_premium=split.pension_premium,
        pension_tax=split.pension_tax)


def compute_from_database(amount, plan, birth_date, payment_date=None,
        tax_table=None, tax_column=None, tax_percent=None):
    """`compute` with the rates and the tax table of the database.

    The same sources as the pay run: the rates of
    sosolo.payroll.contribution.rate rules_for the date of payment and
    sosolo.payroll.tax_table.row lookup of its year. Errors are the
    payroll's UserErrors.
    """
    from trytond.i18n import gettext
    from trytond.modules.sosolo_payroll.exceptions import ContributionRateError
    from trytond.pool import Pool
    pool = Pool()
    Rate = pool.get('sosolo.payroll.contribution.rate')
    Row = pool.get('sosolo.payroll.tax_table.row')
    if payment_date is None:
        payment_date = swedish_today()
    tax_lookup = None
    if tax_table is not None:
        def tax_lookup(gross):
            return Row.lookup(
                payment_date.year, tax_table, tax_column or 1, gross)
    try:
        return compute(amount, plan.fee_rate, plan.minimum_fee,
            Rate.rules_for(payment_date), birth_date, payment_date,
            tax_lookup=tax_lookup, tax_percent=tax_percent,
            pension_rate=plan.pension_rate)
    except payroll.NoContributionRate:
        raise ContributionRateError(gettext(
                'sosolo_payroll.msg_contribution_no_rate',
                date=payment_date))


def find_plan(name=None):
    "The active plan called `name`, or the cooperative's default plan."
    from trytond.pool import Pool
    pool = Pool()
    Plan = pool.get('sosolo.convoy.plan')
    ModelData = pool.get('ir.model.data')
    if name:
        plans = Plan.search([('name', '=', name)], limit=1)
        return plans[0] if plans else None
    Configuration = pool.get('sosolo.convoy.configuration')
    default_plan = Configuration(1).default_plan
    if default_plan:
        return default_plan
    plan = Plan(ModelData.get_id('sosolo_convoy', 'plan_standard'))
    return plan if plan.active else None

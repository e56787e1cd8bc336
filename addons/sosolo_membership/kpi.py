# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The follow-up figures (issue 17) gathered from the register and books.

The rules are in figures.py; this reads what they need. The money is of
the fiscal year up to the date: invoiced volume, salaries paid, and the
break-even from the books (no budget: Tryton's account_budget is not in
use).
"""
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.transaction import Transaction

from . import figures

#: BAS account classes 5 and 6, "övriga externa kostnader" (premises,
#: IT, audit, bank, ...): the cooperative's operating costs. Class 4
#: (goods) and 7 (personnel) are left out: they are the members' own
#: purchases and pay, paid from what they invoice.
OPERATING_COST_CLASSES = ('5', '6')


def fiscal_year_start(date, company):
    "The start of the company's fiscal year holding `date` (else 1 Jan)."
    FiscalYear = Pool().get('account.fiscalyear')
    years = FiscalYear.search([
            ('company', '=', company),
            ('start_date', '<=', date),
            ('end_date', '>=', date),
            ], limit=1)
    return years[0].start_date if years else dt.date(date.year, 1, 1)


def member_facts(company):
    "figures.MemberFacts of every member of `company` who ever entered."
    Member = Pool().get('sosolo.member')
    members = Member.search([
            ('company', '=', company),
            ('entry_date', '!=', None),
            ])
    return [figures.MemberFacts(
            entry_date=m.entry_date,
            exit_date=m.register_exit_date,
            gender=m.gender,
            municipality=m.municipality,
            first_time=m.first_time)
        for m in members]


def _balance(accounts_domain, start, end, company):
    "Debit minus credit on the accounts of `accounts_domain` in the dates."
    Line = Pool().get('account.move.line')
    lines = Line.search([
            ('move.company', '=', company),
            ('move.date', '>=', start),
            ('move.date', '<=', end),
            ] + [('account.' + f, o, v) for f, o, v in accounts_domain])
    return sum((l.debit - l.credit for l in lines), Decimal(0))


def invoiced_volume(start, end, company):
    """Customer invoices posted in the dates, excluding VAT: the members'
    sales through the cooperative. Capital and fee invoices of members
    are not sales and are left out."""
    pool = Pool()
    Invoice = pool.get('account.invoice')
    Member = pool.get('sosolo.member')
    Fee = pool.get('sosolo.member.fee')
    own = {m.capital_invoice.id for m in Member.search([
                ('capital_invoice', '!=', None)])}
    own |= {f.invoice.id for f in Fee.search([('invoice', '!=', None)])}
    invoices = Invoice.search([
            ('company', '=', company),
            ('type', '=', 'out'),
            ('state', 'in', ['posted', 'paid']),
            ('invoice_date', '>=', start),
            ('invoice_date', '<=', end),
            ])
    return sum((i.untaxed_amount for i in invoices if i.id not in own),
        Decimal(0))


def salaries_paid(start, end, company):
    """Gross pay of the pay runs posted or paid in the dates; None when
    payroll (sosolo_payroll) is not activated."""
    pool = Pool()
    try:
        Payslip = pool.get('sosolo.payroll.payslip')
    except KeyError:
        return None
    payslips = Payslip.search([
            ('run.company', '=', company),
            ('run.state', 'in', ['posted', 'paid']),
            ('run.payment_date', '>=', start),
            ('run.payment_date', '<=', end),
            ])
    return sum((p.gross or 0 for p in payslips), Decimal(0))


def break_even(start, end, company, active):
    """Fee income per active member and the operating costs, both from
    the books in the dates, and the members that break even."""
    Config = Pool().get('sosolo.membership.configuration')
    config = Config(1)
    fee_income = (-_balance([('id', '=', config.fee_account.id)],
            start, end, company) if config.fee_account else Decimal(0))
    costs = sum((_balance([('code', 'like', klass + '%')], start, end,
                company) for klass in OPERATING_COST_CLASSES), Decimal(0))
    return figures.break_even(fee_income, active, costs)


def kpi(date, company=None):
    """Every follow-up figure at `date`, as a dict that is also the JSON
    of `sosolo kpi`."""
    company = company or Transaction().context.get('company')
    start = fiscal_year_start(date, company)
    members = figures.member_figures(member_facts(company), date)
    salaries = salaries_paid(start, date, company)
    return {
        'date': date.isoformat(),
        'members': members,
        'money': {
            'start': start.isoformat(),
            'end': date.isoformat(),
            'invoiced': invoiced_volume(start, date, company),
            'salaries_paid': salaries,
            },
        'break_even': break_even(start, date, company, members['active']),
        }


def labels(Member):
    """The words of the follow-up figures, by field and value: the
    member's selections in the context's language, "vill inte uppge" for
    an empty answer, and inland and coast."""
    undisclosed = gettext('sosolo_membership.msg_kpi_undisclosed')
    words = {name: dict(Member.selection_labels(name),
            undisclosed=undisclosed)
        for name in ['gender', 'first_time', 'municipality']}
    words['place'] = {
        'inland': gettext('sosolo_membership.msg_kpi_inland'),
        'coast': gettext('sosolo_membership.msg_kpi_coast'),
        }
    return words

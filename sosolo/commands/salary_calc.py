# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo salary-calc``: the portal's salary calculator in a terminal.

The steps come from sosolo_convoy.calculator with the database's
employer contribution rates and tax tables, as the pay run uses them.
"""
import datetime as dt
import json

from trytond.modules.sosolo_sweden.rules import today

from .. import database
from ..errors import CommandError
from .init import date
from .tax import amount

NAME = 'salary-calc'
HELP = "räkna ut lön från ett fakturerat belopp, steg för steg"
#: The age assumed without --birth-date: an ordinary full-rate employee.
DEFAULT_AGE = 40


def configure(parser):
    parser.add_argument('--amount', required=True,
        help="fakturerat belopp exklusive moms, i kronor")
    parser.add_argument('--plan',
        help="avgiftsplanens namn (standard: föreningens standardplan)")
    parser.add_argument('--birth-date',
        help="födelsedatum, ÅÅÅÅ-MM-DD; styr arbetsgivaravgiften "
        f"(standard: {DEFAULT_AGE} år vid årets ingång, full avgift)")
    parser.add_argument('--pay-date',
        help="utbetalningsdag, ÅÅÅÅ-MM-DD (standard: i dag)")
    tax = parser.add_mutually_exclusive_group()
    tax.add_argument('--table', type=int, help="skattetabell, t.ex. 33")
    tax.add_argument('--percent',
        help="skatt med fast procentsats i stället för tabell, t.ex. 30")
    parser.add_argument('--column', type=int, default=1,
        help="kolumn i skattetabellen (standard: %(default)s)")
    parser.add_argument('--json', action='store_true',
        help="skriv varje steg som JSON")


def default_birth_date(pay_date):
    return dt.date(pay_date.year - 1 - DEFAULT_AGE, 1, 1)


def run(args):
    value = amount(args.amount, "--amount")
    pay_date = date(args.pay_date) if args.pay_date else today()
    birth_date = (date(args.birth_date) if args.birth_date
        else default_birth_date(pay_date))
    percent = None
    if args.percent is not None:
        percent = amount(args.percent, "--percent")
        if percent > 100:
            raise CommandError(f"--percent: {args.percent!r} är över 100")
    if not 1 <= args.column <= 7:
        raise CommandError(f"--column: {args.column} är inte 1–7")

    def calculate():
        from trytond.exceptions import UserError
        from trytond.modules.sosolo_convoy.calculator import (
            compute_from_database,
            find_plan,
        )
        plan = find_plan(args.plan)
        if plan is None:
            raise CommandError(
                f"det finns ingen avgiftsplan som heter {args.plan!r}"
                if args.plan else "det finns ingen standardplan")
        try:
            result = compute_from_database(value, plan, birth_date,
                pay_date, tax_table=args.table, tax_column=args.column,
                tax_percent=percent)
        except UserError as exception:
            raise CommandError(exception.message)
        return plan.rec_name, result
    plan_name, result = database.in_transaction(
        args.database, args.config, calculate, readonly=True)
    if args.json:
        data = result.as_dict()
        data.update(plan=plan_name, pay_date=str(pay_date),
            birth_date=str(birth_date))
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if args.table is not None:
        tax_label = f"Skatt, tabell {args.table} kolumn {args.column}"
    elif percent is not None:
        tax_label = f"Skatt, {_number(percent)} %"
    else:
        tax_label = "Skatt (ingen vald)"
    rows = [
        ("Fakturerat exkl. moms", result.amount),
        (f"Avgift {_number(result.fee_rate)} % ({plan_name})", -result.fee),
        ("Kvar till lön och avgifter", result.available),
        (_rate_label(result), -result.employer_contributions),
        ]
    if result.pension_premium:
        from trytond.modules.sosolo_payroll.rules import PENSION_TAX_RATE
        rows += [
            (f"Pensionspremie {_number(result.pension_rate)} %",
                -result.pension_premium),
            (f"Särskild löneskatt {_number(PENSION_TAX_RATE)} %",
                -result.pension_tax),
            ]
    rows += [
        ("Bruttolön inkl. semesterersättning", result.gross),
        ("  varav semesterersättning 12 %", result.holiday_pay),
        (tax_label, -result.tax),
        ("Nettolön", result.net),
        ]
    print(f"Lön för utbetalning {pay_date}, född {birth_date}:")
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        print(f"{label:<{width}}{_kronor(value):>16}")
    return 0


def _rate_label(result):
    "The contribution rates, with the cap of a reduced rate."
    parts = []
    for rate, cap in result.employer_rates:
        parts.append(f"{_number(rate)} %"
            + (f" upp till {_kronor(cap)}" if cap is not None else ""))
    return "Arbetsgivaravgifter " + ", sedan ".join(parts)


def _number(value):
    "A percentage as Swedes write it, with a plain space: 31,42."
    from trytond.modules.sosolo_sweden.amount import format_number
    return format_number(value, None, space=' ')


def _kronor(value):
    from trytond.modules.sosolo_sweden.amount import format_money
    return format_money(value, space=' ')

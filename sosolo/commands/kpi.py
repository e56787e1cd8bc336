# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo kpi``: the follow-up figures for the funders at a date.

Members active at the date against the goal of 50, by gender, by
municipality, inland against coast and first-time entrepreneurs; new
members per month; invoiced volume and salaries paid in the fiscal year
up to the date; the members needed to break even; and what the modules
add, such as the use of the community (issue 17). The figures are
sosolo_membership's Figure.follow_up; this prints them.
"""
import json
from decimal import Decimal

from trytond.modules.sosolo_sweden.rules import today

from .. import database
from .init import date

NAME = 'kpi'
HELP = "visa uppföljningens nyckeltal per ett datum (text eller JSON)"

def configure(parser):
    parser.add_argument('--date', default=today().isoformat(),
        help="nyckeltalen per detta datum, ÅÅÅÅ-MM-DD (standard: i dag)")
    parser.add_argument('--json', action='store_true',
        help="skriv JSON i stället för text")
    parser.add_argument('--pdf', metavar='FILE',
        help="skriv också uppföljningen för finansiärerna som PDF i FILE")


def amount(value):
    if value is None:
        return "–"
    return f'{value:,.2f}'.replace(',', ' ').replace('.', ',') + " kr"


def to_json(figures):
    def default(value):
        if isinstance(value, Decimal):
            return str(value)
        raise TypeError(value)
    return json.dumps(figures, default=default, ensure_ascii=False,
        indent=2)


def to_text(figures, labels, tables=()):
    members = figures['members']
    money = figures['money']
    even = figures['break_even']
    lines = [
        f"Nyckeltal per {figures['date']}",
        "",
        f"Aktiva medlemmar: {members['active']} (mål {members['goal']})",
        f"{labels['place']['inland']}: {members['inland']}",
        f"{labels['place']['coast']}: {members['coast']}",
        "Kön:",
        ]
    lines += [f"  {labels['gender'][k]}: {v}"
        for k, v in members['by_gender'].items()]
    lines.append("Förstagångsföretagare:")
    lines += [f"  {labels['first_time'][k]}: {v}"
        for k, v in members['first_time'].items()]
    lines.append("Kommun:")
    lines += [f"  {labels['municipality'].get(k, k)}: {v}"
        for k, v in members['by_municipality'].items()]
    lines.append("Nya medlemmar per månad:")
    lines += [f"  {m['month']}: {m['new']}" for m in members['new_per_month']]
    lines += [
        "",
        f"Räkenskapsåret {money['start']}–{money['end']}:",
        f"Fakturerat (exkl. moms): {amount(money['invoiced'])}",
        f"Utbetalda löner (brutto): {amount(money['salaries_paid'])}",
        f"Avgiftsintäkter: {amount(even['fee_income'])}",
        f"Avgiftsintäkt per medlem: {amount(even['fee_income_per_member'])}",
        f"Verksamhetens kostnader: {amount(even['operating_costs'])}",
        "Medlemmar som krävs för ekonomisk balans: "
        + (str(even['members_needed']) if even['members_needed'] is not None
            else "– (ingen avgiftsintäkt)"),
        ]
    for _, title, rows in tables:
        lines += ["", f"{title}:"]
        lines += [f"  {label}: {count}" for label, count in rows]
    return '\n'.join(lines)


def run(args):
    args.date = date(args.date)
    with database.membership(args.database) as (pool, company):
        from trytond.modules.sosolo_membership import kpi
        Figure = pool.get('sosolo.member.figure')
        figures = Figure.follow_up(args.date, company.id)
        words = kpi.labels(pool.get('sosolo.member'))
        tables = Figure.follow_up_tables(figures)
        if args.pdf:
            FollowUp = pool.get('sosolo.member.follow_up', type='report')
            _, content, _, _ = FollowUp.execute(
                [], {'date': args.date.isoformat()})
            with open(args.pdf, 'wb') as file:
                file.write(bytes(content))
    if args.json:
        print(to_json(figures))
    else:
        print(to_text(figures, words, tables))
    return 0

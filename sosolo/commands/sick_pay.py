# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo sick-pay``: the pay run's sick pay calculation in a terminal.

Sjuklönelagen (1991:1047) 6 §, as sosolo_payroll.rules.sick_pay
computes it for the pay run; it needs no database.
"""
import json

from ..errors import CommandError
from .salary_calc import _kronor
from .tax import amount

NAME = 'sick-pay'
HELP = "sjuklön enligt sjuklönelagen 6 § för förlorad lön"


def configure(parser):
    parser.add_argument('--lost-pay', required=True,
        help="lön och förmåner som går förlorade under sjuklöneperioden "
        "(dag 1–14), i kronor")
    parser.add_argument('--week-pay', required=True,
        help="lönen för en genomsnittlig vecka, i kronor; "
        "karensavdraget är 20 %% av en veckas sjuklön")
    parser.add_argument('--karensavdrag-taken', default='0',
        help="karensavdrag som redan gjorts i samma sjuklöneperiod "
        "(standard: 0)")
    parser.add_argument('--json', action='store_true',
        help="skriv beräkningen som JSON")


def run(args):
    lost_pay = amount(args.lost_pay, "--lost-pay")
    week_pay = amount(args.week_pay, "--week-pay")
    taken = amount(args.karensavdrag_taken, "--karensavdrag-taken")
    if not week_pay:
        raise CommandError("--week-pay: veckolönen måste vara över 0")
    from trytond.modules.sosolo_payroll.rules import sick_pay
    result = sick_pay(lost_pay, week_pay, karensavdrag_taken=taken)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    rows = [
        ("Förlorad lön dag 1–14", result.lost_pay),
        ("Sjuklön 80 %", result.gross),
        ("Karensavdrag", -result.karensavdrag),
        ("Sjuklön att betala", result.sick_pay),
        ]
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        print(f"{label:<{width}}{_kronor(value):>16}")
    return 0

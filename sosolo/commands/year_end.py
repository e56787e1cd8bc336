# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from .. import books
from ..errors import CommandError
from .sie_export import find_fiscalyear

NAME = 'year-end'
HELP = "årsskifte: öppna nästa räkenskapsår eller stäng ett år"


def configure(parser):
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument('--open', action='store_true',
        help="öppna året efter det senaste, med perioder och nummerserier")
    group.add_argument('--close', metavar='ÅR',
        help="stäng räkenskapsåret ÅR (namn eller startår); nästa år "
        "öppnas först om det saknas")


def run(args):
    def year_end(company):
        from trytond.pool import Pool
        FiscalYear = Pool().get('account.fiscalyear')
        if args.close:
            fiscalyear = find_fiscalyear(company, args.close)
            return FiscalYear.year_end(fiscalyear, open_next=True, close=True)
        latest = FiscalYear.get_latest(company)
        if not latest:
            raise CommandError("företaget har inget räkenskapsår")
        return FiscalYear.year_end(latest, open_next=True)

    for line in books.run(args, year_end):
        print(line)
    return 0

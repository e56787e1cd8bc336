# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from pathlib import Path

from trytond.modules.sosolo_sweden.rules import today

from .. import database
from ..errors import CommandError

NAME = 'agi'
HELP = "skriv arbetsgivardeklarationen (AGI) för en månad som XML"


def period(value):
    try:
        return dt.datetime.strptime(value, '%Y-%m').date()
    except ValueError:
        raise CommandError(f"{value!r} är ingen månad (ÅÅÅÅ-MM)")


def previous_month(day):
    "The month before `day`'s, as ÅÅÅÅ-MM: the month AGI is due for."
    return (day.replace(day=1) - dt.timedelta(days=1)).strftime('%Y-%m')


def configure(parser):
    parser.add_argument('--period', default=previous_month(today()),
        help="utbetalningsmånad, ÅÅÅÅ-MM (standard: förra månaden, "
        "%(default)s)")
    parser.add_argument('-o', '--output', type=Path, required=True,
        help="filen att skriva")


def run(args):
    month = period(args.period)

    def export():
        from trytond.exceptions import UserError
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        pool = Pool()
        Company = pool.get('company.company')
        AgiExport = pool.get('sosolo.payroll.agi.export', type='wizard')
        company_id = Transaction().context.get('company')
        if not company_id:
            raise CommandError("databasen har inget företag")
        try:
            return AgiExport.get_file(Company(company_id), month)
        except UserError as exception:
            raise CommandError(exception.message)
    data = database.in_transaction(
        args.database, args.config, export, readonly=True)
    args.output.write_bytes(data)
    print(f"AGI för {args.period} skriven till {args.output}.")
    return 0

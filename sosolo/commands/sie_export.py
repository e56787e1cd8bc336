# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import time

from .. import books
from ..errors import CommandError

NAME = 'sie-export'
HELP = "exportera ett räkenskapsår som SIE-fil (typ 4E som standard)"


def configure(parser):
    parser.add_argument('--fiscal-year',
        help="räkenskapsåret: dess namn eller startår "
        "(standard: räkenskapsåret som dagens datum ligger i)")
    parser.add_argument('--type', choices=['1', '2', '3', '4'], default='4',
        help="SIE-typ (standard: %(default)s, 4E med verifikationer)")
    parser.add_argument('--checksum', action='store_true',
        help="lägg till kontrollsumma (#KSUMMA)")
    parser.add_argument('-o', '--output', required=True,
        help="filen att skriva")
    parser.add_argument('-v', '--verbose', action='store_true',
        help="visa hur lång tid exporten tog, utan starten av Tryton")


def find_fiscalyear(company, value=None):
    "The fiscal year named (or starting in) `value`, else today's."
    from trytond.pool import Pool
    FiscalYear = Pool().get('account.fiscalyear')
    if value is None:
        Date = Pool().get('ir.date')
        today = Date.today()
        years = FiscalYear.search([('company', '=', company.id),
                ('start_date', '<=', today), ('end_date', '>=', today)])
        if not years:
            raise CommandError(
                f"det finns inget räkenskapsår som omfattar {today} "
                "(ange --fiscal-year)")
        return years[0]
    years = FiscalYear.search([
            ('company', '=', company.id), ('name', '=', value)])
    if not years and value.isdigit():
        years = [y for y in FiscalYear.search([
                    ('company', '=', company.id)])
            if y.start_date.year == int(value)]
    if len(years) != 1:
        raise CommandError(f"räkenskapsåret {value} finns inte")
    return years[0]


def run(args):
    from trytond.modules.sosolo_sweden.sie_export import SIEExporter

    seconds = []

    def export(company):
        start = time.monotonic()
        fiscalyear = find_fiscalyear(company, args.fiscal_year)
        exporter = SIEExporter(fiscalyear, sie_type=int(args.type),
            checksum=args.checksum)
        with open(args.output, 'wb') as stream:
            replaced = exporter.export(stream)
        seconds.append(time.monotonic() - start)
        return replaced

    replaced = books.run(args, export, commit=False)
    if args.verbose:
        # Starting Tryton (loading the pool) takes seconds of its own:
        # this is the export alone (bench/sie_export.py reads it).
        print(f"exporten tog {seconds[-1]:.3f} s", file=sys.stderr)
    if replaced:
        print("sosolo: varning: dessa tecken finns inte i CP437 och "
            f"skrevs som \"?\": {''.join(sorted(replaced))}",
            file=sys.stderr)
    print(f"SIE-filen {args.output} är skriven.")
    return 0

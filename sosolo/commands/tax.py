# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import sys

from trytond.modules.sosolo_sweden.rules import today

from .. import database
from ..errors import CommandError

NAME = 'tax'
HELP = "skatteavdrag enligt skattetabell för en månadslön"


def configure(parser):
    parser.add_argument('--year', type=int, default=today().year,
        help="inkomstår (standard: i år, %(default)s)")
    parser.add_argument('--table', type=int, help="tabellnummer")
    parser.add_argument('--column', type=int, default=1,
        help="kolumn (standard: %(default)s)")
    parser.add_argument('pay',
        help="månadslön i kronor, eller - för att läsa rader "
        "TABELL KOLUMN LÖN från standard in")


def amount(text, where):
    from trytond.modules.sosolo_sweden.amount import NumberError, parse_number
    try:
        value = parse_number(text)
    except NumberError:
        raise CommandError(f"{where}: {text!r} är inget belopp")
    if value < 0:
        raise CommandError(f"{where}: {text!r} är negativt")
    return value


def requests(args):
    "The (table, column, pay) asked for."
    if args.pay != '-':
        if args.table is None:
            raise CommandError("ange --table")
        return [(args.table, args.column,
                amount(args.pay, "lönen"))]
    result = []
    for number, line in enumerate(sys.stdin, 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != 3 or not all(
                f.isdigit() for f in fields[:2]):
            raise CommandError(
                f"rad {number}: väntade TABELL KOLUMN LÖN, fick {line!r}")
        result.append((int(fields[0]), int(fields[1]),
                amount(fields[2], f"rad {number}")))
    return result


def run(args):
    asked = requests(args)

    def lookup():
        from trytond.exceptions import UserError
        from trytond.pool import Pool
        Row = Pool().get('sosolo.payroll.tax_table.row')
        try:
            return [Row.lookup(args.year, table, column, pay)
                for table, column, pay in asked]
        except UserError as exception:
            raise CommandError(exception.message)
    for tax in database.in_transaction(
            args.database, args.config, lookup, readonly=True):
        print(tax)
    return 0

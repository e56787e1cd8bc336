# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import time
from pathlib import Path

from .. import database
from ..errors import CommandError

NAME = 'tax-tables-import'
HELP = "läs in Skatteverkets skattetabeller (CSV) för ett år"


def configure(parser):
    parser.add_argument('file', type=Path,
        help="Skatteverkets fil (semikolonseparerad, latin-1)")


def run(args):
    if not args.file.is_file():
        raise CommandError(f"filen {args.file} finns inte")
    data = args.file.read_bytes()

    def import_():
        from trytond.exceptions import UserError
        from trytond.pool import Pool
        Row = Pool().get('sosolo.payroll.tax_table.row')
        try:
            return Row.import_file(data)
        except UserError as exception:
            raise CommandError(exception.message)
    start = time.monotonic()
    year, rows = database.in_transaction(
        args.database, args.config, import_)
    print(f"Skattetabellerna för {year}: {rows} rader inlästa "
        f"på {time.monotonic() - start:.1f} s.")
    return 0

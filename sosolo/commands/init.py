# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import getpass
import os

from .. import database
from ..errors import CommandError
from ..progress import Progress

NAME = 'init'
HELP = "skapa och sätt upp en tom databas för ett verkligt kooperativ"


def date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} är inget datum (ÅÅÅÅ-MM-DD)")


def configure(parser):
    parser.add_argument('--company', required=True,
        help="föreningens namn")
    parser.add_argument('--orgnr', required=True,
        help="organisationsnummer, NNNNNN-NNNN")
    parser.add_argument('--vat', help="momsregistreringsnummer, SE…01")
    parser.add_argument('--fiscal-year-start', type=str,
        help="första dagen i räkenskapsåret (standard: 1 januari i år)")
    parser.add_argument('--admin-email', default='',
        help="e-postadress till användaren admin")


def run(args):
    from trytond.modules.sosolo_sweden.rules import normalize_orgnr
    from .. import cooperative
    # Check what the user typed before anything is created.
    if not normalize_orgnr(args.orgnr):
        raise CommandError(
            f"{args.orgnr!r} är inte ett giltigt organisationsnummer "
            "(10 siffror, NNNNNN-NNNN, med rätt kontrollsiffra)")
    start = (date(args.fiscal_year_start) if args.fiscal_year_start
        else dt.date(dt.date.today().year, 1, 1))
    if database.exists(args.database):
        raise CommandError(f"databasen {args.database} finns redan")
    password = os.environ.get('SOSOLO_ADMIN_PASSWORD') or getpass.getpass(
        "Lösenord för admin: ")
    progress = Progress(f"Init {args.database}")
    progress.step(label="Skapar databasen")
    database.create(args.database, args.config, password, args.admin_email)
    try:
        config = database.connect(args.database, args.config)
        progress.step(label="Aktiverar modulerna")
        database.activate(config, database.installed_modules())
        progress.step(label="Kooperativet, kontoplan och räkenskapsår")
        cooperative.setup(config, args.company, args.orgnr, args.vat, start)
    except BaseException:
        database.drop(args.database)
        raise
    progress.finish()
    print(f"Databasen {args.database} är klar för {args.company}.")
    return 0

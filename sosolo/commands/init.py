# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import getpass
import os
import sys

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
    parser.add_argument('--bankgiro',
        help="bankgironumret kunderna betalar till, NNNN-NNNN (krävs "
        "för att bokföra kundfakturor; kan anges senare på företaget)")
    parser.add_argument('--payment-days', type=int, default=30,
        help="kundfakturornas betalningsvillkor i dagar netto "
        "(standard: %(default)s)")
    parser.add_argument('--fiscal-year-start', type=str,
        help="första dagen i räkenskapsåret (standard: 1 januari i år)")
    parser.add_argument('--admin-email', default='',
        help="e-postadress till användaren admin")


def admin_password():
    """The admin password: SOSOLO_ADMIN_PASSWORD, else asked for on the
    terminal; without either, a CommandError naming the variable."""
    password = os.environ.get('SOSOLO_ADMIN_PASSWORD')
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError("ange lösenordet för admin i "
            "SOSOLO_ADMIN_PASSWORD (ingen terminal att fråga på)")
    try:
        password = getpass.getpass("Lösenord för admin: ")
    except EOFError:
        password = ''
    if not password:
        raise CommandError("inget lösenord för admin angavs "
            "(ange det, eller sätt SOSOLO_ADMIN_PASSWORD)")
    return password


def run(args):
    from trytond.modules.sosolo_sweden.identity import normalize_orgnr

    from .. import cooperative
    # Check what the user typed before anything is created.
    if not normalize_orgnr(args.orgnr):
        raise CommandError(
            f"{args.orgnr!r} är inte ett giltigt organisationsnummer "
            "(10 siffror, NNNNNN-NNNN, med rätt kontrollsiffra)")
    if args.bankgiro is not None:
        args.bankgiro = cooperative.check_bankgiro(args.bankgiro)
    if not 0 <= args.payment_days <= 365:
        raise CommandError(
            f"--payment-days: {args.payment_days} är inte 0–365 dagar")
    start = (date(args.fiscal_year_start) if args.fiscal_year_start
        else dt.date(dt.date.today().year, 1, 1))
    if database.exists(args.database):
        raise CommandError(f"databasen {args.database} finns redan")
    password = admin_password()
    progress = Progress(f"Init {args.database}")
    progress.step(label="Skapar databasen")
    database.create(args.database, args.config, password, args.admin_email)
    try:
        config = database.connect(args.database, args.config)
        progress.step(label="Aktiverar modulerna")
        database.activate(config, database.installed_modules())
        progress.step(label="Kooperativet, kontoplan och räkenskapsår")
        cooperative.setup(config, args.company, args.orgnr, args.vat, start,
            bankgiro=args.bankgiro, payment_days=args.payment_days)
    except BaseException:
        database.drop(args.database)
        raise
    progress.finish()
    print(f"Databasen {args.database} är klar för {args.company}.")
    return 0

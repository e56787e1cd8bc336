# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import getpass
import os
import re
import sys
from urllib.parse import urlsplit

from trytond.modules.sosolo_sweden.rules import today

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
    parser.add_argument('--public-url',
        help="portalens publika adress, t.ex. https://portal.example: "
        "länkarna i e-post om nytt lösenord och bekräftad e-post går dit "
        "(skrivs i konfigurationsfilen; frågas efter om konfigurationen "
        "inte redan har dem)")


#: The portal pages that e-mails link to: {[web] option: page}, under
#: PUBLIC/DATABASE/portal/ (sosolo_portal.web_user.configured_url).
EMAIL_LINKS = {
    'reset_password_url': 'nytt-losenord',
    'email_validation_url': 'bekrafta-epost',
    }


def public_url(value):
    """The portal's public address, as an absolute http(s) URL without a
    trailing slash; a CommandError for anything else."""
    value = (value or '').strip()
    parts = urlsplit(value)
    if (parts.scheme not in {'http', 'https'} or not parts.netloc
            or parts.query or parts.fragment):
        raise CommandError(f"portalens adress {value!r} är ingen absolut "
            "http- eller https-adress (t.ex. https://portal.example)")
    return value.rstrip('/')


def email_links(public, database):
    "{[web] option: absolute URL} for the portal at `public`."
    return {option: f'{public}/{database}/portal/{page}'
        for option, page in EMAIL_LINKS.items()}


def configured_links():
    """The [web] e-mail link options the configuration already holds as
    absolute http(s) URLs (from the file or the environment), or None."""
    from trytond import config
    links = {option: config.get('web', option) for option in EMAIL_LINKS}
    for url in links.values():
        parts = urlsplit(url or '')
        if parts.scheme not in {'http', 'https'} or not parts.netloc:
            return None
    return links


def ask_public_url(args):
    """The public address from --public-url, else asked for on the
    terminal; None when the configuration already has the links and no
    address was given."""
    if args.public_url is not None:
        return public_url(args.public_url)
    if configured_links():
        return None
    if not sys.stdin.isatty():
        raise CommandError("ange portalens publika adress med "
            "--public-url https://… (ingen terminal att fråga på)")
    try:
        answer = input("Portalens publika adress (https://…): ")
    except EOFError:
        answer = ''
    return public_url(answer)


def write_links(config_file, links):
    """Set the [web] options `links` in `config_file`, keeping the rest
    of the file (its comments too) as it is."""
    path = os.path.abspath(config_file)
    with open(path, encoding='utf-8') as file:
        lines = file.read().splitlines()
    section, web_end, todo = None, None, dict(links)
    for i, line in enumerate(lines):
        header = re.match(r'\s*\[([^]]+)\]', line)
        if header:
            section = header.group(1).strip()
            if section == 'web':
                web_end = i + 1
            continue
        if section != 'web':
            continue
        if line.strip():
            web_end = i + 1
        option = re.match(r'\s*([\w.-]+)\s*[=:]', line)
        if option and option.group(1) in todo:
            name = option.group(1)
            lines[i] = f'{name} = {todo.pop(name)}'
    added = [f'{name} = {url}' for name, url in todo.items()]
    if web_end is None:
        lines += ['', '[web]'] + added
    else:
        lines[web_end:web_end] = added
    with open(path, 'w', encoding='utf-8') as file:
        file.write('\n'.join(lines) + '\n')


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
        else dt.date(today().year, 1, 1))
    if database.exists(args.database):
        raise CommandError(f"databasen {args.database} finns redan")
    public = ask_public_url(args)
    links = public and email_links(public, args.database)
    environment = {option: os.environ.get(f'TRYTOND_WEB__{option.upper()}')
        for option in EMAIL_LINKS}
    if links and environment == links:
        # Set already, as docker-compose.yml sets them.
        links = None
    for option, url in (links or {}).items():
        if environment[option]:
            # The file would win over the environment (load_config), and
            # a container's file is not kept: the two must agree.
            raise CommandError(f"--public-url ger {url}, men miljön "
                f"sätter TRYTOND_WEB__{option.upper()}={environment[option]}")
    if links and not os.access(args.config, os.W_OK):
        raise CommandError(f"kan inte skriva länkarna i {args.config}")
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
    if links:
        write_links(args.config, links)
        print(f"Länkarna i e-post går till {public}/{args.database}/portal/ "
            f"(skrivet i {args.config}).")
    print(f"Databasen {args.database} är klar för {args.company}.")
    return 0

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sosolo command as its users run it (issue #11).

Every sosolo command line of README.md's code blocks runs as written, in
a clean environment (PATH and HOME only), from a folder laid out like the
repository (config/, var/db/ with a copy of the demo database, .venv), so
the README's own defaults (-c config/trytond.conf, var/db) are what is
tested. `sosolo init` sets up a real cooperative's empty database; bad
input is one clear line, exit 1, no traceback, and leaves nothing behind.
"""
import csv
import datetime as dt
import io
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
from decimal import Decimal
from pathlib import Path

from trytond.modules.sosolo_sweden.rules import today as swedish_today

from .production import compose_services
from .server import (
    BIN,
    PG_URI,
    ROOT,
    _env,
    _pg,
    backend,
    demo_database,
    free_port,
    run_sosolo,
    write_config,
)

README = ROOT / 'README.md'
#: The commands README.md must show, each run by ReadmeCommandsTest.
REQUIRED = {'sie-export', 'sie-import', 'bgmax-import', 'tax-tables-import',
    'tax', 'agi', 'member-register', 'salary-calc', 'sick-pay', 'demo',
    'init', 'kpi'}
TAX_TABLES = (ROOT / 'addons' / 'sosolo_payroll' / 'tests' / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')


def readme_commands(text):
    """The sosolo commands in the code blocks of the Markdown `text`.

    Returns [(line, argv, container)]: the line as written (continuation
    lines joined), the arguments after `sosolo`, and whether it runs in
    the docker compose container. Each part of a pipe is looked at.
    """
    code, fenced = [], False
    for line in text.splitlines():
        if line.startswith('```'):
            fenced = not fenced
        elif fenced or line.startswith('    '):
            code.append(line.strip())
    joined, commands = [], []
    for line in code:
        if joined and joined[-1].endswith('\\'):
            joined[-1] = joined[-1][:-1] + ' ' + line
        else:
            joined.append(line)
    for line in joined:
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = '#'
        tokens, part = list(lexer), []
        for token in tokens + ['|']:
            if token != '|':
                part.append(token)
                continue
            if part and part[0] in {'.venv/bin/sosolo', 'sosolo'}:
                commands.append((line, part[1:], False))
            elif part[:3] == ['docker', 'compose', 'run'] and (
                    'sosolo' in part):
                commands.append(
                    (line, part[part.index('sosolo') + 1:], True))
            part = []
    return commands


def parse(argv):
    """The sosolo arguments `argv` as the command parses them; for a help
    line, a namespace of the command's name only ('help' for sosolo's)."""
    import argparse

    from sosolo.cli import parser
    if '--help' in argv or '-h' in argv:
        words = [a for a in argv if not a.startswith('-')]
        return argparse.Namespace(command=words[0] if words else 'help')
    return parser().parse_args(argv)


def clean_env(home, **extra):
    """PATH and HOME only, as a user's shell has them, and the clock.

    Under faketime (CI moves the clock into later years, issue 11) the
    fake clock lives in LD_PRELOAD and FAKETIME*: they are kept so the
    commands see the same day as the test and the demo it reads.
    """
    clock = {key: value for key, value in os.environ.items()
        if key == 'LD_PRELOAD' or key.startswith('FAKETIME')}
    return dict(PATH='/usr/bin:/bin', HOME=str(home), **clock, **extra)


def number(value):
    "A Numeric column as SQLite or PostgreSQL returns it."
    if isinstance(value, bytes):
        value = value.decode()
    return Decimal(str(value))


class ReadmeCommandsTest(unittest.TestCase):
    """README.md's commands on a copy of the demo database, as a user
    types them after `make run`."""

    @classmethod
    def setUpClass(cls):
        cls.today = swedish_today()
        cls.workdir = Path(tempfile.mkdtemp(prefix='sosolo-readme-'))
        cls.home = cls.workdir / 'home'
        cls.home.mkdir()
        cls.repo = cls.repository(cls.workdir / 'repo')
        cls.db_file = cls.repo / 'var' / 'db' / 'sosolo.sqlite'
        if backend() == 'postgresql':
            # The SQLite configuration with the cluster's URI, as a
            # deployment's configuration names its server.
            config = cls.repo / 'config' / 'trytond.conf'
            config.write_text(config.read_text().replace(
                    'uri = sqlite://', f'uri = {PG_URI}'))
        demo_database(cls.db_file.parent, 'sosolo')

    @classmethod
    def tearDownClass(cls):
        if backend() == 'postgresql':
            _pg('DROP DATABASE IF EXISTS "sosolo" WITH (FORCE)')
        shutil.rmtree(cls.workdir, ignore_errors=True)

    @staticmethod
    def repository(folder):
        "A folder laid out as the repository for the sosolo command."
        (folder / 'config').mkdir(parents=True)
        for name in ['trytond.conf', 'trytond-postgresql.conf']:
            shutil.copy(ROOT / 'config' / name, folder / 'config' / name)
        (folder / 'var' / 'db').mkdir(parents=True)
        (folder / '.venv').symlink_to(ROOT / '.venv')
        return folder

    def sh(self, line, cwd=None, env=None):
        "Run `line` as a user types it, with PATH and HOME only."
        return subprocess.run(['sh', '-c', line], cwd=cwd or self.repo,
            env=env or clean_env(self.home), capture_output=True,
            text=True, stdin=subprocess.DEVNULL, timeout=900)

    def query(self, sql):
        if backend() == 'postgresql':
            import psycopg
            with psycopg.connect(PG_URI + 'sosolo') as conn:
                return conn.execute(sql).fetchall()
        with sqlite3.connect(self.db_file) as conn:
            return conn.execute(sql).fetchall()

    def snapshot(self):
        "Every row of the database, to compare before and after."
        if backend() == 'postgresql':
            tables = [r[0] for r in self.query(
                    "SELECT tablename FROM pg_tables "
                    "WHERE schemaname = 'public' ORDER BY tablename")]
            return [(t, self.query(f'SELECT * FROM "{t}" ORDER BY 1'))
                for t in tables]
        with sqlite3.connect(self.db_file) as conn:
            return list(conn.iterdump())

    def assertOk(self, result, line):
        self.assertEqual(result.returncode, 0,
            f"{line}\n{result.stdout}{result.stderr}")
        self.assertNotIn('Traceback', result.stderr)

    def test_readme_shows_every_command(self):
        "README shows each command, and tax both ways, sie-import dry"
        commands = readme_commands(README.read_text())
        names = {parse(argv).command for _, argv, _ in commands}
        self.assertLessEqual(REQUIRED, names)
        lines = [line for line, _, _ in commands]
        self.assertTrue(any('--dry-run' in l and 'sie-import' in l
                for l in lines))
        self.assertTrue(any(re.search(r'\| *\S*sosolo tax .*-$', l)
                for l in lines))
        # No year is built in: the demo dates itself from today.
        for line in lines:
            self.assertNotRegex(line, r'\b20\d\d\b', line)

    def test_readme_commands(self):
        "Each command of README.md runs as written and does what it says"
        commands = readme_commands(README.read_text())
        self.assertTrue(commands)
        for line, argv, container in commands:
            with self.subTest(line=line):
                args = parse(argv)
                check = getattr(self, 'run_' + (
                        'container_' if container else '')
                    + args.command.replace('-', '_'), None)
                self.assertIsNotNone(check,
                    f"README shows {line!r}, which this test does not run")
                check(line, args)

    # One method per command: prepare its input where README names it,
    # run the line, check what it did.

    def run_help(self, line, args):
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn('usage: sosolo', result.stdout)

    def run_demo(self, line, args):
        self.assertIn('--help', line, "only demo --help runs here: "
            "the demo database is the copy under test")
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn('usage: sosolo demo', result.stdout)
        self.assertIn('--reset', result.stdout)

    def current_fiscalyear(self):
        day = self.today.isoformat()
        (start, end), = self.query("SELECT start_date, end_date FROM "
            f"account_fiscalyear WHERE start_date <= '{day}' "
            f"AND end_date >= '{day}'")
        return (dt.date.fromisoformat(str(start)),
            dt.date.fromisoformat(str(end)))

    def run_sie_export(self, line, args):
        output = self.repo / args.output
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn(f"SIE-filen {args.output} är skriven.", result.stdout)
        data = output.read_bytes().decode('cp437')
        start, end = self.current_fiscalyear()
        self.assertTrue(data.startswith('#FLAGGA 0'))
        self.assertIn(
            f"#RAR 0 {start:%Y%m%d} {end:%Y%m%d}", data.splitlines())
        self.assertIn('#VER ', data)

    def sie_4i(self, path):
        "A 4I file of one voucher dated today, for the demo's company."
        (orgnr,), = self.query("SELECT code FROM party_identifier "
            "WHERE type = 'se_orgnr' AND party = "
            "(SELECT party FROM company_company)")
        day = f'{self.today:%Y%m%d}'
        text = '\n'.join([
                '#FLAGGA 0', '#PROGRAM "Kassan" 1.0', '#FORMAT PC8',
                f'#GEN {day}', '#SIETYP 4', f'#ORGNR {orgnr}',
                '#FNAMN "Kassan i butiken"', '#KPTYP BAS2024',
                '#KONTO 1930 "Företagskonto"',
                '#KONTO 2611 "Utgående moms 25 %"',
                '#KONTO 3001 "Försäljning inom Sverige, 25 % moms"',
                f'#VER K 1 {day} "Kontantförsäljning i butiken"', '{',
                '#TRANS 1930 {} 1250.00', '#TRANS 3001 {} -1000.00',
                '#TRANS 2611 {} -250.00', '}', ''])
        path.write_bytes(text.encode('cp437'))

    def imported_moves(self):
        return self.query("SELECT COUNT(*) FROM account_move "
            "WHERE description = 'Kontantförsäljning i butiken'")[0][0]

    def run_sie_import(self, line, args):
        path = self.repo / args.file
        if not path.exists():
            self.sie_4i(path)
        before = self.snapshot() if args.dry_run else None
        moves = self.imported_moves()
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn("Verifikationer: 1", result.stdout)
        if args.dry_run:
            self.assertIn("Inget sparades (--dry-run).", result.stdout)
            self.assertEqual(self.snapshot(), before,
                "a dry run left something behind")
        else:
            self.assertIn(f"{args.file} är inläst.", result.stdout)
            self.assertEqual(self.imported_moves(), moves + 1)

    def run_bgmax_import(self, line, args):
        from trytond.modules.sosolo_sweden.bgmax_format import (
            BgMaxFile,
            Deposit,
            Payment,
            write,
        )
        (bankgiro,), = self.query("SELECT se_bankgiro FROM company_company")
        self.assertTrue(bankgiro, "the demo cooperative has a bankgiro")
        invoices = self.query("SELECT id, se_ocr, total_amount_cache "
            "FROM account_invoice WHERE type = 'out' AND state = 'posted' "
            "ORDER BY id")
        self.assertTrue(invoices, "the demo has an open customer invoice")
        id_, ocr, total = invoices[0]
        total = number(total)
        payment = Payment(ocr, total, serial='1', sender_bankgiro='9912346',
            name="Kund AB")
        (self.repo / args.file).write_bytes(write(BgMaxFile(
                    timestamp=dt.datetime.combine(self.today, dt.time(6)),
                    deposits=[Deposit(bankgiro=bankgiro.replace('-', ''),
                            date=self.today, account='1234567', serial='1',
                            amount=total, payments=[payment])])))
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn(f"{args.file}: 1 av 1 betalningar bokförda.",
            result.stdout)
        (state,), = self.query(
            f"SELECT state FROM account_invoice WHERE id = {id_}")
        self.assertEqual(state, 'paid')

    def run_tax_tables_import(self, line, args):
        # Skatteverket's file, for a year the demo has no tables for.
        year = self.today.year + 1
        text = TAX_TABLES.read_bytes().decode('latin-1')
        rows = text.splitlines()
        rows[1:] = [str(year) + r[r.index(';'):] for r in rows[1:] if r]
        (self.repo / args.file).write_bytes(
            ('\r\n'.join(rows) + '\r\n').encode('latin-1'))
        result = self.sh(line)
        self.assertOk(result, line)
        found = re.match(rf'Skattetabellerna för {year}: (\d+) rader '
            'inlästa', result.stdout)
        self.assertTrue(found, result.stdout)
        # One row per column (Kolumn 1-6 or 1-7) of each line of the file.
        self.assertEqual(int(found.group(1)),
            (len(rows) - 1) * rows[0].count('Kolumn'))
        self.assertEqual(self.query("SELECT COUNT(*) FROM "
                f"sosolo_payroll_tax_table_row WHERE year = {year}")[0][0],
            int(found.group(1)))

    def expected_tax(self, table, column, pay):
        "Skatteverket's table row in the database, for a monthly pay."
        found = self.query("SELECT amount, percent FROM "
            "sosolo_payroll_tax_table_row "
            f"WHERE year = {self.today.year} AND \"table\" = {table} "
            f"AND \"column\" = {column} AND income_from <= {pay} "
            f"AND (income_to >= {pay} OR income_to IS NULL)")
        self.assertEqual(len(found), 1, (table, column, pay))
        amount, percent = found[0]
        self.assertIsNone(percent, "README's pays are in the kronor rows")
        return str(int(number(amount)))

    def run_tax(self, line, args):
        if args.pay == '-':
            piped = shlex.split(line.split('|')[0])[1].encode().decode(
                'unicode_escape')
            asked = [l.split() for l in piped.splitlines() if l.strip()]
        else:
            asked = [(args.table, args.column, args.pay)]
        self.assertEqual(args.year, self.today.year)
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertEqual(result.stdout.split(),
            [self.expected_tax(*a) for a in asked])

    def run_agi(self, line, args):
        month = (self.today.replace(day=1) - dt.timedelta(days=1)).strftime(
            '%Y-%m')
        self.assertEqual(args.period, month)
        paid = {str(d)[:7] for d, in self.query(
                "SELECT payment_date FROM sosolo_payroll_run "
                "WHERE state = 'posted'")}
        self.assertTrue(paid, "the demo has a posted pay run")
        self.assertIn(month, paid, "the demo paid salaries last month")
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn(f"AGI för {month} skriven till {args.output}.",
            result.stdout)
        xml = (self.repo / args.output).read_text()
        self.assertIn(
            'http://xmls.skatteverket.se/se/skatteverket/da/instans/'
            'schema/1.1', xml)
        self.assertIn(month.replace('-', ''), xml)

    def run_member_register(self, line, args):
        self.assertEqual(args.date, self.today.isoformat())
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertIn(f"Medlemsförteckningen per {self.today} finns i "
            f"{args.output}.", result.stdout)
        content = (self.repo / args.output).read_bytes()
        members = self.query("SELECT COUNT(*) FROM sosolo_member "
            f"WHERE entry_date <= '{self.today}'")[0][0]
        self.assertTrue(members)
        if args.format == 'pdf':
            from pypdf import PdfReader
            text = ''.join(page.extract_text()
                for page in PdfReader(io.BytesIO(content)).pages)
            self.assertIn("Medlemsförteckning", text)
        else:
            from sosolo.commands.member_register import HEADER
            rows = list(csv.reader(
                    io.StringIO(content.decode('utf-8')), delimiter=';'))
            self.assertEqual(rows[0], HEADER)
            self.assertEqual(len(rows) - 1, members)

    def run_kpi(self, line, args):
        "The figures of today: active members as the register has them"
        self.assertEqual(args.date, self.today.isoformat())
        result = self.sh(line)
        self.assertOk(result, line)
        day = self.today.isoformat()
        active = self.query("SELECT COUNT(*) FROM sosolo_member "
            f"WHERE entry_date <= '{day}' AND (exit_date IS NULL "
            "OR state NOT IN ('resigned', 'left') "
            f"OR exit_date >= '{day}')")[0][0]
        self.assertTrue(active)
        if not args.json:
            self.assertIn(f"Aktiva medlemmar: {active} (mål 50)",
                result.stdout)
            # The words of sosolo_membership's messages, in Swedish.
            self.assertRegex(result.stdout, r'\nInlandet \(Region 10\): \d+\n')
            # And sosolo_community's table of the use of the community.
            self.assertRegex(result.stdout, r'\nGemenskapens användning:\n'
                r'  Profiler i medlemskatalogen: \d+\n')
            if args.pdf:
                # The report for the funders: the same figures, as a PDF.
                from pypdf import PdfReader
                text = ''.join(page.extract_text() for page in PdfReader(
                        self.repo / args.pdf).pages)
                self.assertIn("Uppföljning", text)
                self.assertRegex(text,
                    rf'Aktiva medlemsföretag\s*{active}\b')
                for title in ["Inlandet och kusten", "Nya medlemmar per "
                        "månad", "Medlemmar som krävs för ekonomisk balans",
                        "Gemenskapens användning"]:
                    self.assertIn(title, text)
            self.assertRegex(result.stdout,
                r'Medlemmar som krävs för ekonomisk balans: (\d+|–)')
            return
        figures = json.loads(result.stdout)
        members = figures['members']
        self.assertEqual(members['active'], active)
        self.assertEqual(members['goal'], 50)
        for split in ['by_gender', 'by_municipality', 'first_time']:
            self.assertEqual(sum(members[split].values()), active, split)
        self.assertEqual(members['inland'] + members['coast'], active)
        # The demo invoices its members' customers: volume in the year.
        self.assertGreater(Decimal(figures['money']['invoiced']), 0)
        self.check_kpi_community(figures['community'])

    def check_kpi_community(self, community):
        """The use of the community in kpi's JSON: what the demo listed and
        joined; its bookings, next week, count from when they begin."""
        listed, = self.query("SELECT COUNT(*) FROM sosolo_community_profile "
            "WHERE listing IN ('cooperative', 'public')")[0]
        joined, = self.query("SELECT COUNT(*) FROM "
            "sosolo_community_deal_participation WHERE state = 'joined'")[0]
        booked, = self.query("SELECT COUNT(*) FROM sosolo_community_booking "
            "WHERE state != 'cancelled'")[0]
        self.assertTrue(listed and joined and booked)
        self.assertEqual(list(community), ['profiles_listed', 'consortia',
                'bookings', 'deals_joined'])
        self.assertEqual((community['profiles_listed'], community['bookings'],
                community['deals_joined']), (listed, 0, joined))
        later = self.today + dt.timedelta(days=14)
        line = f'.venv/bin/sosolo kpi --date {later} --json'
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertEqual(json.loads(result.stdout)['community']['bookings'],
            booked)

    def run_salary_calc(self, line, args):
        result = self.sh(line)
        self.assertOk(result, line)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], f"Lön för utbetalning {self.today}, "
            f"född {self.today.year - 41}-01-01:")
        self.assertRegex(lines[1],
            r'^Fakturerat exkl\. moms +40 000,00 kr$')
        self.assertRegex(lines[-2], rf'^Skatt, tabell {args.table} '
            rf'kolumn {args.column} +-[0-9 ]+,00 kr$')
        self.assertRegex(lines[-1], r'^Nettolön +[0-9 ]+,00 kr$')

    def run_sick_pay(self, line, args):
        result = self.sh(line)
        self.assertOk(result, line)
        self.assertRegex(result.stdout.splitlines()[-1],
            r'^Sjuklön att betala +4 430,77 kr$')

    def run_container_init(self, line, args):
        """The container's init (README, Production) on an empty folder:
        the image has sosolo on PATH, compose gives the database in the
        environment (here none: SQLite) and the password is typed or in
        SOSOLO_ADMIN_PASSWORD."""
        repo = self.repository(self.workdir / 'production')
        command = line[line.index(' sosolo ') + 1:]
        env = clean_env(self.home,
            SOSOLO_ADMIN_PASSWORD='a-long-admin-password')
        env['PATH'] = f"{ROOT / '.venv' / 'bin'}:{env['PATH']}"
        # The e-mail links compose makes of SOSOLO_PUBLIC_URL in .env:
        # init has nothing to ask, and writes nothing.
        _, compose_env = compose_services({'POSTGRES_PASSWORD': 'x',
                'SOSOLO_PUBLIC_URL': 'https://portal.example',
                'SOSOLO_DATABASE': args.database})['trytond']
        env.update({k: v for k, v in compose_env.items()
                if k.startswith('TRYTOND_WEB__')})
        config = repo / args.config
        before = config.read_text()
        if backend() == 'postgresql':
            env['TRYTOND_DATABASE__URI'] = PG_URI
            # One cluster holds both: the demo copy the README's other
            # commands use and this production database are both named
            # `sosolo`. The demo copy makes way, and comes back after.
            self.addCleanup(demo_database, self.db_file.parent, 'sosolo')
            _pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
            self.addCleanup(_pg, f'DROP DATABASE IF EXISTS '
                f'"{args.database}" WITH (FORCE)')
        result = self.sh(command, cwd=repo, env=env)
        self.assertOk(result, line)
        self.assertIn(f"Databasen {args.database} är klar", result.stdout)
        self.assertEqual(config.read_text(), before)
        if backend() == 'sqlite':
            with sqlite3.connect(
                    repo / 'var' / 'db' / f'{args.database}.sqlite') as conn:
                (bankgiro,), = conn.execute(
                    "SELECT se_bankgiro FROM company_company").fetchall()
                (term,), = conn.execute("SELECT t.name FROM "
                    "account_configuration_default_payment_term c "
                    "JOIN account_invoice_payment_term t "
                    "ON t.id = c.default_customer_payment_term").fetchall()
            self.assertEqual(bankgiro, args.bankgiro)
            self.assertEqual(term, f"{args.payment_days} dagar netto")

    def test_demo_invoice_pdf(self):
        "The demo's invoice PDF shows the bankgiro and a later due date"
        (bankgiro,), = self.query("SELECT se_bankgiro FROM company_company")
        (number_,), = self.query("SELECT number FROM account_invoice "
            "WHERE type = 'out' AND state IN ('posted', 'paid') "
            "ORDER BY id DESC LIMIT 1")
        script = (
            "import sys\n"
            "from sosolo import database\n"
            "database.load_config('config/trytond.conf')\n"
            "from trytond.pool import Pool\n"
            "from trytond.transaction import Transaction\n"
            "Pool.start()\n"
            "pool = Pool('sosolo')\n"
            "pool.init()\n"
            "with Transaction().start('sosolo', 0, readonly=True,\n"
            "        context={'language': 'sv'}):\n"
            "    Invoice = pool.get('account.invoice')\n"
            "    invoice, = Invoice.search([('number', '=', sys.argv[1])])\n"
            "    Report = pool.get('sosolo.invoice', type='report')\n"
            "    _, content, _, _ = Report.execute([invoice.id], {})\n"
            "    open(sys.argv[2], 'wb').write(bytes(content))\n")
        result = subprocess.run(['.venv/bin/python', '-c', script, number_,
                'faktura.pdf'], cwd=self.repo, env=clean_env(self.home),
            capture_output=True, text=True)
        self.assertOk(result, 'invoice PDF')
        from pypdf import PdfReader
        text = ''.join(page.extract_text() for page in PdfReader(
                self.repo / 'faktura.pdf').pages)
        self.assertIn(f"Bankgiro: {bankgiro}", text)
        invoice_date = re.search(r'Fakturadatum: (\S+)', text).group(1)
        due_date = re.search(r'Förfallodatum: (\S+)', text).group(1)
        self.assertEqual(dt.date.fromisoformat(due_date)
            - dt.date.fromisoformat(invoice_date), dt.timedelta(days=30))

    def test_errors(self):
        "Each error is one line on standard error and exit 1"
        year = self.today.year
        for line, message in [
                ('.venv/bin/sosolo sie-import saknas.se',
                    "filen saknas.se finns inte"),
                ('.venv/bin/sosolo bgmax-import saknas.txt',
                    "filen saknas.txt finns inte"),
                ('.venv/bin/sosolo tax-tables-import saknas.csv',
                    "filen saknas.csv finns inte"),
                (f'.venv/bin/sosolo member-register --date {year}-02-30 '
                        '-o fel.csv',
                    f"'{year}-02-30' är inget datum (ÅÅÅÅ-MM-DD)"),
                (f'.venv/bin/sosolo kpi --date {year}-13-01 --json',
                    f"'{year}-13-01' är inget datum (ÅÅÅÅ-MM-DD)"),
                (f'.venv/bin/sosolo agi --period {year}-13 -o fel.xml',
                    f"'{year}-13' är ingen månad (ÅÅÅÅ-MM)"),
                (f'.venv/bin/sosolo sie-export --fiscal-year {year - 50} '
                        '-o fel.se',
                    f"räkenskapsåret {year - 50} finns inte"),
                ('.venv/bin/sosolo tax --table 33 tusen',
                    "lönen: 'tusen' är inget belopp"),
                ('echo "33 ett 1000" | .venv/bin/sosolo tax -',
                    "rad 1: väntade TABELL KOLUMN LÖN, "
                    "fick '33 ett 1000\\n'"),
                ('.venv/bin/sosolo sie-export',
                    "the following arguments are required: -o/--output "
                    "(se sosolo sie-export --help)"),
                ('.venv/bin/sosolo -c saknas.conf tax --table 33 1000',
                    "konfigurationsfilen saknas.conf finns inte "
                    "(kör sosolo från förrådets rot eller ange -c)"),
                ]:
            with self.subTest(line=line):
                result = self.sh(line)
                self.assertEqual((result.returncode, result.stdout,
                        result.stderr), (1, '', f"sosolo: {message}\n"))
        for name in ['fel.csv', 'fel.xml', 'fel.se']:
            self.assertFalse((self.repo / name).exists(), name)


class InitCommandTest(unittest.TestCase):

    def setUp(self):
        self.workdir = Path(tempfile.mkdtemp(prefix='sosolo-init-'))
        self.config = write_config(
            self.workdir / 'trytond.conf', self.workdir, free_port())
        self.database = f'sosolo_init_{os.getpid()}'
        self.addCleanup(shutil.rmtree, self.workdir, ignore_errors=True)
        if backend() == 'postgresql':
            self.addCleanup(
                _pg, f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def sosolo(self, *args, password='a-long-admin-password'):
        env = _env()
        env.pop('SOSOLO_ADMIN_PASSWORD', None)
        if password:
            env['SOSOLO_ADMIN_PASSWORD'] = password
        return subprocess.run(
            [str(BIN / 'sosolo'), '-c', str(self.config),
                '-d', self.database, *args],
            cwd=ROOT, capture_output=True, text=True, env=env,
            stdin=subprocess.DEVNULL)

    def database_exists(self):
        if backend() == 'postgresql':
            return bool(_pg("SELECT 1 FROM pg_database WHERE datname = "
                    f"'{self.database}'"))
        return (self.workdir / f'{self.database}.sqlite').exists()

    def test_invalid_orgnr_refused(self):
        "a wrong check digit is refused in one line and creates nothing"
        result = self.sosolo('init', '--company', 'Fel ek. för.',
            '--orgnr', '769640-1237')
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.strip(),
            "sosolo: '769640-1237' är inte ett giltigt organisationsnummer "
            "(10 siffror, NNNNNN-NNNN, med rätt kontrollsiffra)")
        self.assertNotIn('Traceback', result.stderr)
        self.assertFalse(self.database_exists())

    def test_bad_date_refused(self):
        bad = f'{swedish_today().year + 1}-13-01'
        result = self.sosolo('init', '--company', 'X ek. för.',
            '--orgnr', '769640-1236', '--fiscal-year-start', bad)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"'{bad}' är inget datum", result.stderr)
        self.assertFalse(self.database_exists())

    def test_bad_bankgiro_refused(self):
        "a bankgiro with a wrong Luhn digit is refused, nothing created"
        result = self.sosolo('init', '--company', 'X ek. för.',
            '--orgnr', '769640-1236', '--bankgiro', '5050-1056')
        self.assertEqual((result.returncode, result.stderr), (1,
                "sosolo: '5050-1056' är inte ett giltigt bankgironummer "
                "(7 eller 8 siffror med rätt kontrollsiffra)\n"))
        self.assertFalse(self.database_exists())

    def test_no_password_without_terminal(self):
        "no terminal, no SOSOLO_ADMIN_PASSWORD: one line, nothing created"
        result = self.sosolo('init', '--company', 'X ek. för.',
            '--orgnr', '769640-1236', password=None)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, '')
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn('SOSOLO_ADMIN_PASSWORD', result.stderr)
        self.assertTrue(result.stderr.startswith('sosolo: '))
        self.assertFalse(self.database_exists())

    def without_links(self):
        "The configuration with no e-mail links, as a new server's."
        text = self.config.read_text()
        self.config.write_text(re.sub(
                r'(?m)^(reset_password_url|email_validation_url) = .*\n',
                '', text))
        self.assertNotIn('_url', self.config.read_text())

    def test_public_url_refused(self):
        "an address that is not absolute http(s) is refused, nothing made"
        self.without_links()
        for url in ['ftp://portal.example', '/sosolo/portal',
                'portal.example', 'https://', 'javascript:alert(1)']:
            with self.subTest(url=url):
                result = self.sosolo('init', '--company', 'X ek. för.',
                    '--orgnr', '769640-1236', '--public-url', url)
                self.assertEqual((result.returncode, result.stderr), (1,
                        f"sosolo: portalens adress {url!r} är ingen "
                        "absolut http- eller https-adress "
                        "(t.ex. https://portal.example)\n"))
                self.assertFalse(self.database_exists())
        self.assertNotIn('_url', self.config.read_text())

    def test_public_url_asked(self):
        "without the links nor a terminal, init names --public-url"
        self.without_links()
        result = self.sosolo('init', '--company', 'X ek. för.',
            '--orgnr', '769640-1236')
        self.assertEqual((result.returncode, result.stderr), (1,
                "sosolo: ange portalens publika adress med --public-url "
                "https://… (ingen terminal att fråga på)\n"))
        self.assertFalse(self.database_exists())

    def test_init_sets_up_the_books(self):
        "init creates the cooperative's books, ready to use, in Swedish"
        start = dt.date(swedish_today().year + 1, 7, 1)
        self.without_links()
        result = self.sosolo('init', '--company',
            'Inlandets Kooperativ ek. för.', '--orgnr', '7696401236',
            '--vat', 'SE769640123601', '--bankgiro', '50501055',
            '--payment-days', '20', '--fiscal-year-start', str(start),
            '--public-url', 'https://portal.example/')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Inlandets Kooperativ', result.stdout)
        # The links in e-mails go to the public address, read by trytond.
        from trytond.config import TrytonConfigParser
        written = TrytonConfigParser()
        written.update_etc(str(self.config))
        self.assertEqual(
            [written.get('web', o) for o in ['reset_password_url',
                    'email_validation_url']],
            [f'https://portal.example/{self.database}/portal/nytt-losenord',
                f'https://portal.example/{self.database}/portal/'
                'bekrafta-epost'])

        # Read the database back with proteus in a clean process.
        script = (
            "import sys, json\n"
            "from proteus import config, Model\n"
            f"config.set_trytond({self.database!r}, "
            f"config_file={str(self.config)!r})\n"
            "Company = Model.get('company.company')\n"
            "company, = Company.find()\n"
            "FiscalYear = Model.get('account.fiscalyear')\n"
            "year, = FiscalYear.find()\n"
            "Account = Model.get('account.account')\n"
            "User = Model.get('res.user')\n"
            "admin, = User.find([('login', '=', 'admin')])\n"
            "Configuration = Model.get('account.configuration')\n"
            "term = Configuration(1).default_customer_payment_term\n"
            "Convoy = Model.get('sosolo.convoy.configuration')\n"
            "# A stored row: the search finds none without one.\n"
            "convoy = Convoy.find([('id', '>', 0)])\n"
            "print(json.dumps({\n"
            "  'name': company.party.name,\n"
            "  'orgnr': company.se_orgnr, 'vat': company.se_vat,\n"
            "  'form': company.se_legal_form,\n"
            "  'f_tax': bool(company.f_tax_approved),\n"
            "  'currency': company.currency.code,\n"
            "  'year': [year.name, str(year.start_date),\n"
            "           str(year.end_date)],\n"
            "  'periods': len([p for p in year.periods\n"
            "                  if p.type == 'standard']),\n"
            "  'accounts': sorted(a.code for a in Account.find(\n"
            "      [('code', 'in', ['1510', '1930', '2083', '2611', '3001',\n"
            "                       '7010', '7510'])])),\n"
            "  'language': admin.language.code,\n"
            "  'bankgiro': company.se_bankgiro,\n"
            "  'term': [term.name, [d.days for l in term.lines\n"
            "           for d in l.relativedeltas]],\n"
            "  'convoy': [[c.member_account.code, c.journal.type]\n"
            "             for c in convoy],\n"
            "}))\n")
        check = subprocess.run([str(BIN / 'python'), '-c', script],
            cwd=ROOT, capture_output=True, text=True, env=_env())
        self.assertEqual(check.returncode, 0, check.stderr)
        found = json.loads(check.stdout.strip().splitlines()[-1])
        self.assertEqual(found, {
                'name': 'Inlandets Kooperativ ek. för.',
                'orgnr': '769640-1236',
                'vat': 'SE769640123601',
                'form': 'EK',
                'f_tax': True,
                'currency': 'SEK',
                'year': [f'{start.year}/{start.year + 1}', str(start),
                    str(dt.date(start.year + 1, 6, 30))],
                'periods': 12,
                'accounts': ['1510', '1930', '2083', '2611', '3001', '7010',
                    '7510'],
                'language': 'sv',
                'bankgiro': '5050-1055',
                'term': ['20 dagar netto', [20]],
                'convoy': [['2829', 'general']],
                })

        again = self.sosolo('init', '--company', 'Y', '--orgnr',
            '769640-1236')
        self.assertEqual(again.returncode, 1)
        self.assertIn('finns redan', again.stderr)


class SalaryCalcCommandTest(unittest.TestCase):
    """`sosolo salary-calc` on a copy of the demo database, with
    Skatteverket's 2026 tax tables 33-35 read in: the worked examples are
    of 2026, and the demo has tables only for the years it pays in."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = Path(tempfile.mkdtemp(prefix='sosolo-calc-'))
        cls.database = f'sosolo_calc_{os.getpid()}'
        cls.config = write_config(
            cls.workdir / 'trytond.conf', cls.workdir, free_port())
        demo_database(cls.workdir, cls.database)
        run_sosolo(cls.config, cls.database, 'tax-tables-import',
            str(TAX_TABLES))

    @classmethod
    def tearDownClass(cls):
        if backend() == 'postgresql':
            _pg(f'DROP DATABASE IF EXISTS "{cls.database}" WITH (FORCE)')
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def calc(self, *args):
        return subprocess.run(
            [str(BIN / 'sosolo'), '-c', str(self.config),
                '-d', self.database, 'salary-calc', *args],
            cwd=ROOT, capture_output=True, text=True, env=_env(),
            stdin=subprocess.DEVNULL)

    def test_frilans_finans_example(self):
        """Frilans Finans' published example: 40,000 kr at 6 % gives
        28,611 kr gross and 8,989 kr contributions; table 33 column 1 of
        2026 withholds 5,577 kr"""
        result = self.calc('--amount', '40000', '--birth-date', '1985-03-01',
            '--pay-date', '2026-05-25', '--table', '33', '--column', '1',
            '--json')
        self.assertEqual(result.returncode, 0, result.stderr)
        steps = json.loads(result.stdout)
        self.assertEqual({k: steps[k] for k in [
                    'fee', 'available', 'employer_rate',
                    'employer_contributions', 'gross', 'holiday_pay', 'tax',
                    'net', 'plan']}, {
                'fee': '2400.00', 'available': '37600.00',
                'employer_rate': '31.42',
                'employer_contributions': '8989.00', 'gross': '28611.00',
                'holiday_pay': '3066.00', 'tax': '5577.00',
                'net': '23034.00', 'plan': 'Standard'})

    def test_youth_percent_table(self):
        "the youth rate up to 25,000 kr, 30 % tax, as a Swedish table"
        result = self.calc('--amount', '40000', '--birth-date', '2005-06-01',
            '--pay-date', '2026-05-25', '--percent', '30')
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertRegex(lines[4],
            r'^Arbetsgivaravgifter 20,81 % upp till 25 000,00 kr, '
            r'sedan 31,42 % +-6 971,00 kr$')
        self.assertRegex(lines[5],
            r'^Bruttolön inkl\. semesterersättning +30 629,00 kr$')
        self.assertRegex(lines[7], r'^Skatt, 30 % +-9 188,00 kr$')
        self.assertRegex(lines[8], r'^Nettolön +21 441,00 kr$')

    def test_bad_input(self):
        "bad input is one Swedish line and exit 1"
        for args, message in [
                (['--amount', 'mycket'],
                    "--amount: 'mycket' är inget belopp"),
                (['--amount', '100', '--plan', 'Guld'],
                    "det finns ingen avgiftsplan som heter 'Guld'"),
                (['--amount', '100', '--pay-date', '2026-02-30'],
                    "'2026-02-30' är inget datum (ÅÅÅÅ-MM-DD)"),
                (['--amount', '100', '--pay-date', '2024-05-25'],
                    "Ingen arbetsgivaravgift gäller för lön som betalas ut "
                    "2024-05-25."),
                (['--amount', '40000', '--pay-date', '2025-05-25',
                        '--table', '33'],
                    "Skattetabell 33 kolumn 1 för 2025 har ingen rad för "
                    "månadslönen 28611. Läs in årets skattetabeller."),
                ]:
            with self.subTest(args=args):
                result = self.calc(*args)
                self.assertEqual(result.returncode, 1)
                self.assertEqual(result.stderr, f"sosolo: {message}\n")



class SickPayCommandTest(unittest.TestCase):
    """`sosolo sick-pay` (#16): sjuklönelagen (1991:1047) 6 § as the pay
    run computes it, in a clean environment; it needs no database."""

    def sick_pay(self, *args):
        return subprocess.run(
            [str(BIN / 'sosolo'), 'sick-pay', *args],
            cwd=ROOT, capture_output=True, text=True, env=_env(),
            stdin=subprocess.DEVNULL)

    def test_worked_examples(self):
        "a week, two weeks, and a day that does not cover the karensavdrag"
        for lost, expected in [
                ('6923.08', {'sick_pay': '4430.77',
                        'karensavdrag': '1107.69', 'gross': '5538.46'}),
                ('13846,16', {'sick_pay': '9969.24',
                        'karensavdrag': '1107.69', 'gross': '11076.93'}),
                ('692.31', {'sick_pay': '0.00',
                        'karensavdrag': '553.85', 'gross': '553.85'}),
                ]:
            with self.subTest(lost=lost):
                result = self.sick_pay('--lost-pay', lost,
                    '--week-pay', '6923.08', '--json')
                self.assertEqual(result.returncode, 0, result.stderr)
                data = json.loads(result.stdout)
                self.assertEqual(data, dict(expected,
                        lost_pay=lost.replace(',', '.'),
                        week_pay='6923.08'))

    def test_table(self):
        "without --json, a Swedish table"
        result = self.sick_pay('--lost-pay', '6 923,08', '--week-pay',
            '6923,08')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([l.split('  ')[0] for l in
                result.stdout.splitlines()], [
                "Förlorad lön dag 1–14", "Sjuklön 80 %", "Karensavdrag",
                "Sjuklön att betala"])
        self.assertRegex(result.stdout.splitlines()[2],
            r'^Karensavdrag +-1 107,69 kr$')

    def test_rest_of_karensavdrag(self):
        "--karensavdrag-taken leaves the rest of the period's karensavdrag"
        result = self.sick_pay('--lost-pay', '1384.62', '--week-pay',
            '6923.08', '--karensavdrag-taken', '553.85', '--json')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)['sick_pay'], '553.86')

    def test_bad_input(self):
        "bad input is one Swedish line and exit 1"
        for args, message in [
                (['--lost-pay', 'mycket', '--week-pay', '1'],
                    "--lost-pay: 'mycket' är inget belopp"),
                (['--lost-pay', '-5', '--week-pay', '1'],
                    "--lost-pay: '-5' är negativt"),
                (['--lost-pay', '5', '--week-pay', '0'],
                    "--week-pay: veckolönen måste vara över 0"),
                ]:
            with self.subTest(args=args):
                result = self.sick_pay(*args)
                self.assertEqual(result.returncode, 1)
                self.assertEqual(result.stderr, f"sosolo: {message}\n")


if __name__ == '__main__':
    unittest.main()

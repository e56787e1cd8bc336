# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Portal load benchmark (issue 12), on PostgreSQL.

The production setup of docker-compose.yml (gunicorn with 4 workers,
trytond-cron, trytond-worker, config/trytond-postgresql.conf; started by
tests/production.py as the production test starts it) on a cooperative
of N members (default 10,000) with M customer invoices (default
100,000), loaded with locust, headless:

1. Goal: 20 members, each logged in to the portal as themselves, each
   viewing a page a second for 60 s (start page, customer invoices,
   account, payslips, in turn). Goal: p95 <= 100 ms and no error.
2. Saturation: members who view pages with no pause, doubled step by step
   until an error or until the throughput stops growing; the highest
   throughput of a step with no error is the saturation throughput.

It prints p50/p95/p99 per page. When the goal is missed it prints the
profile (cProfile, top 25 by cumulative time) of one request of the
slowest page, made in-process.

The cooperative is the demo (the tests' copy, tests/server.py) with a
seed of 20 members made through the ORM (build(), in a child process):
their portal accounts, admission and paid contributions, their
assignments approved (which posts the customer invoices), most of them
paid (bank move, reconciliation, processing, as the BgMax import does),
their employment and monthly pay runs (--runs). Doing that for 10,000
members takes hours here (about a second per member and a third of one
per invoice on this machine), so the seed is then copied by SQL until
there are N members (copy_seed()): each copy has every row the seed made,
with its ids moved above the table's and every reference, by foreign key
or Reference field, moved with it; the members are renumbered in every
text ("Medlem 3", "medlem3@"), the unique numbers (party code, member
number, invoice and move numbers) get "-N", and the identity numbers and
OCR references are computed anew (renumber()). What refers to rows from
before the seed (company, accounts, taxes, customers, journals) stays
shared. Shortcuts: the members share one portal password, hashed once;
the queue tasks posting leaves (Tryton's invoice document for each
invoice, print_invoice, and the processing build() did at once) are
dropped, as no worker runs in the build and 100,000 renders would take
hours; texts that quote an invoice number (the credit lines' descriptions)
quote the seed's. The result is kept as a template database named after
the code and the sizes: the next run copies it in seconds.

    scripts/pg start
    .venv/bin/python bench/portal_load.py [--members 10000]
        [--invoices 100000] [--runs 3] [--seconds 60] [--users 20]
        [--steps 2,4,8,16,32,64] [--step-seconds 20] [--rebuild]
        [--uri URI]   (default: the cluster of scripts/pg)

(`make bench` runs it with the defaults.)
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The pages each simulated member views in turn: {name: path}.
PAGES = {
    'start': '',
    'kundfakturor': 'kundfakturor',
    'konto': 'konto',
    'lonebesked': 'lonebesked',
    }
PASSWORD = 'bench-portal-password'
BATCH = 500
#: The members build() makes through the ORM; the others are copies.
SEED = 20
#: The share of the customer invoices the customers have paid.
PAID = Decimal('0.8')
#: The headers of the TLS proxy in front of gunicorn.
PROXY = {
    'X-Forwarded-For': '203.0.113.9',
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-Host': 'portal.test',
    }


def pg_uri():
    "The cluster scripts/pg starts, where its port is set."
    return os.environ.get('SOSOLO_TEST_PG_URI') or subprocess.run(
        [str(ROOT / 'scripts' / 'pg'), 'uri'], capture_output=True,
        text=True, check=True).stdout.strip()


def code_hash():
    "A hash of the code that builds the database: the demo's, and this."
    from tests.server import code_hash as demo_hash
    digest = hashlib.sha256(demo_hash().encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:10]


def sql(uri, statement, database='postgres'):
    import psycopg
    with psycopg.connect(uri + database, autocommit=True) as conn:
        cursor = conn.execute(statement)
        return cursor.fetchall() if cursor.description else None


def copy_database(uri, name, template):
    "Make database `name` a fresh copy of `template`."
    sql(uri, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    sql(uri, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def personal_number(i):
    "A made-up personnummer that passes the check, unique per `i`."
    from trytond.modules.sosolo_sweden.ocr import luhn_digit
    birth = dt.date(1960, 1, 1) + dt.timedelta(days=(i * 7) % 14600)
    serial = f'{i % 999 + 1:03d}'
    short = f'{birth:%y%m%d}{serial}'
    return f'{birth:%Y%m%d}-{serial}{luhn_digit(short)}'


def organisation_number(i):
    "A made-up aktiebolag's organisation number that passes the check."
    from trytond.modules.sosolo_sweden.ocr import luhn_digit
    base = f'556{i:06d}'
    return f'{base[:6]}-{base[6:]}{luhn_digit(base)}'


def write_config(uri, path):
    path.write_text(f"[database]\nuri = {uri}\nlanguage = sv\n"
        "[web]\nreset_password_url = https://portal.test/x\n"
        "email_validation_url = https://portal.test/y\n")
    return path


def build(uri, name, members, invoices, runs):
    """Build database `name`: the demo, then the bench's cooperative, in
    this process (it imports trytond). Prints the time of each step."""
    config_file = write_config(uri, Path(tempfile.mkdtemp()) / 'bench.conf')
    started = time.monotonic()
    # The demo database the tests build once per state of the code and
    # day (tests/server.py), on this server.
    os.environ.update(SOSOLO_TEST_DB='postgresql', SOSOLO_TEST_PG_URI=uri)
    from tests.server import build_demo
    copy_database(uri, name, build_demo())
    print(f"  demo: {time.monotonic() - started:.0f} s", flush=True)

    from sosolo import database
    database.load_config(str(config_file))
    from trytond import config
    # What posting queues stays in ir_queue, for no worker runs here:
    # build() processes the paid invoices itself.
    config.set('queue', 'worker', 'True')

    def step(label, func, *args):
        from trytond.transaction import Transaction

        def work():
            # The back office answers Tryton's warnings (past due dates
            # of the contribution invoices) by going on.
            with Transaction().set_context(_skip_warnings=True):
                return func(*args)
        start = time.monotonic()
        result = database.in_transaction(name, str(config_file), work)
        print(f"  {label}: {time.monotonic() - start:.0f} s", flush=True)
        return result

    customers = step("customers", make_customers, max(20, members // 20))
    before = database.in_transaction(name, str(config_file),
        lambda: max_ids(_cursor()))
    seed = min(SEED, members)
    per_member = invoices // members
    member_ids = step(f"seed: {seed} members and their portal accounts",
        make_members, seed)
    step("seed: members admitted, contributions paid", admit, member_ids)
    invoice_ids = step(f"seed: {seed * per_member} assignments invoiced",
        invoice_assignments, member_ids, customers, seed * per_member)
    step("seed: the customers pay", pay,
        invoice_ids[:int(len(invoice_ids) * PAID)])
    step("seed: employees", employ, member_ids)
    for month in range(runs, 0, -1):
        step(f"seed: pay run {month} month(s) back", pay_run, month)
    start = time.monotonic()
    copies = members // seed - 1
    copied = copy_seed(uri, name, before, copies, seed)
    print(f"  {copies} copies of the seed ({len(copied)} tables): "
        f"{time.monotonic() - start:.0f} s", flush=True)
    step("copies: identity numbers and OCR references", renumber, copied)
    step("queue emptied, statistics", finish)

#: Tables build() does not copy: Tryton's own records (logs, the queue,
#: sessions, caches), what the seed opened for all (journal periods) and
#: the shared tax tables.
NOT_COPIED = ('ir_', 'res_', 'web_user_session', 'web_user_authenticate',
    'account_journal_period', 'sosolo_payroll_tax_table')
#: Numbers that must stay unique: a copy's is the seed's with "-N" after.
NUMBERS = {
    'party_party': ['code'],
    'sosolo_member': ['number'],
    'account_invoice': ['number'],
    'account_move': ['number'],
    }
#: Renumbers the members in a text: "Medlem 3" and "medlem3@" of the
#: seed are "Medlem 23" and "medlem23@" in the copy that adds 20.
SHIFT = """
CREATE FUNCTION pg_temp.bench_shift(value text, shift integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result text := '';
    rest text := value;
    found text[];
BEGIN
    LOOP
        found := regexp_match(rest, '^(.*?)(Medlem |medlem)([0-9]+)(.*)$');
        EXIT WHEN found IS NULL;
        result := result || found[1] || found[2]
            || (found[3]::bigint + shift)::text;
        rest := found[4];
    END LOOP;
    RETURN result || rest;
END $$
"""
MEMBER = "'Medlem [0-9]|medlem[0-9]+@'"


def max_ids(cursor):
    "{table: its greatest id} of every table with an id."
    cursor.execute("SELECT table_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND column_name = 'id'")
    result = {}
    for table, in cursor.fetchall():
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')
        result[table], = cursor.fetchone()
    return result


def copy_seed(uri, name, before, copies, shift):
    """Copy the rows the seed made (ids above `before`) `copies` times.

    Copy g of a row has id + g * stride (stride: above every id of its
    table), and so has every reference to a copied row, by foreign key
    or by Reference ('model,id'); references to rows made before (the
    company, accounts, customers, taxes) stay. Members are renumbered in
    every text (bench_shift) and NUMBERS get "-g". The rows are written
    with the triggers of the foreign keys off (session_replication_role)
    as they arrive in any order; every reference points at a row the
    copy also has.
    """
    import psycopg
    with psycopg.connect(uri + name, autocommit=True) as conn:
        cursor = conn.cursor()
        after = max_ids(cursor)
        copied = {t: (before.get(t, 0), after[t]) for t in after
            if after[t] > before.get(t, 0) and not t.startswith(NOT_COPIED)}
        stride = {t: high + 1 for t, (_, high) in copied.items()}
        cursor.execute("SELECT name FROM ir_model")
        tables = {m.replace('.', '_'): m for m, in cursor.fetchall()}
        cursor.execute("SELECT model, name FROM ir_model_field "
            "WHERE ttype = 'reference'")
        references = {}
        for model, field in cursor.fetchall():
            references.setdefault(model.replace('.', '_'), set()).add(field)
        cursor.execute("""
            SELECT c.conrelid::regclass::text, a.attname,
                c.confrelid::regclass::text
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid
                AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f'""")
        foreign = {}
        for table, column, target in cursor.fetchall():
            foreign[table.strip('"'), column] = target.strip('"')
        cursor.execute(SHIFT)
        cursor.execute("SET session_replication_role = replica")

        def moved(column, table):
            low, high = copied[table]
            return (f'CASE WHEN {column} > {low} AND {column} <= {high} '
                f'THEN {column} + g * {stride[table]} ELSE {column} END')
        for table in sorted(copied):
            cursor.execute("SELECT column_name, data_type FROM "
                "information_schema.columns WHERE table_schema = 'public' "
                "AND table_name = %s ORDER BY ordinal_position", (table,))
            columns, values = [], []
            for column, kind in cursor.fetchall():
                quoted = f't."{column}"'
                target = foreign.get((table, column))
                if column == 'id':
                    value = f't.id + g * {stride[table]}'
                elif target in copied:
                    value = moved(quoted, target)
                elif column in references.get(table, ()):
                    value = quoted
                    for other in copied:
                        if other in tables:
                            prefix = tables[other] + ','
                            number = (f"split_part({quoted}, ',', 2)"
                                "::integer")
                            value = (f"CASE WHEN {quoted} LIKE "
                                f"'{prefix}%' THEN '{prefix}' || "
                                f"({moved(number, other)})::text "
                                f"ELSE {value} END")
                elif column in NUMBERS.get(table, ()):
                    value = f"{quoted} || '-' || g"
                elif kind in {'character varying', 'text'}:
                    value = (f"CASE WHEN {quoted} ~ {MEMBER} THEN "
                        f"pg_temp.bench_shift({quoted}, g * {shift}) "
                        f"ELSE {quoted} END")
                else:
                    value = quoted
                columns.append(f'"{column}"')
                values.append(value)
            low, high = copied[table]
            cursor.execute(f'INSERT INTO "{table}" ({", ".join(columns)}) '
                f'SELECT {", ".join(values)} FROM "{table}" t, '
                f'generate_series(1, {copies}) g '
                f'WHERE t.id > {low} AND t.id <= {high}')
            cursor.execute(f"SELECT setval(pg_get_serial_sequence("
                f"'\"{table}\"', 'id'), (SELECT MAX(id) FROM \"{table}\"))")
        cursor.execute("SET session_replication_role = DEFAULT")
        return copied


def _cursor():
    from trytond.transaction import Transaction
    return Transaction().connection.cursor()


def renumber(copied):
    """What the copies compute from their numbers: the members' and
    employees' identity numbers (personal_number of the member's number
    in its name), the invoices' OCR references."""
    from trytond.modules.sosolo_sweden.ocr import ocr_reference
    cursor = _cursor()
    for table, column in [('sosolo_member', 'identity_number'),
            ('sosolo_payroll_employee', 'identity_code')]:
        cursor.execute(f'SELECT t.id, p.name FROM "{table}" t '
            'JOIN party_party p ON t.party = p.id '
            f'WHERE t.id > {copied[table][1]}')
        cursor.executemany(f'UPDATE "{table}" SET "{column}" = %s '
            'WHERE id = %s', [
                (personal_number(int(re.search(r'Medlem (\d+)', n)[1])), i)
                for i, n in cursor.fetchall()])
    cursor.execute("SELECT id, number FROM account_invoice "
        f"WHERE id > {copied['account_invoice'][1]} AND type = 'out' "
        "AND number IS NOT NULL")
    cursor.executemany("UPDATE account_invoice SET se_ocr = %s "
        "WHERE id = %s", [(ocr_reference(n), i)
            for i, n in cursor.fetchall()])

def company_context():
    from trytond.transaction import Transaction
    return Transaction().context['company']


def make_customers(count):
    Party = _pool().get('party.party')
    parties = Party.create([{
                'name': f"Kundföretag {i} AB",
                'identifiers': [('create', [{'type': 'se_orgnr',
                                'code': organisation_number(i)}])],
                'addresses': [('create', [{'street': f"Industrigatan {i}",
                                'postal_code': '903 27', 'city': "Umeå"}])],
                } for i in range(count)])
    return [p.id for p in parties]


def _pool():
    from trytond.pool import Pool
    return Pool()


def make_members(count):
    "Parties, applicants and portal accounts with a confirmed e-mail."
    pool = _pool()
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    WebUser = pool.get('web.user')
    Date = pool.get('ir.date')
    today = Date.today()
    password_hash = WebUser.hash_password(PASSWORD)
    ids = []
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        parties = Party.create([{
                    'name': f"Medlem {i} Bänksson",
                    'addresses': [('create', [{
                                    'street': f"Storgatan {i % 90 + 1}",
                                    'postal_code': '921 31',
                                    'city': "Lycksele"}])],
                    'contact_mechanisms': [('create', [{'type': 'email',
                                    'value': email(i)}])],
                    } for i in numbers])
        WebUser.create([{'email': email(i), 'party': p.id,
                    'email_valid': True, 'password_hash': password_hash}
                for i, p in zip(numbers, parties)])
        members = Member.create([{
                    'party': p.id, 'kind': 'person',
                    'identity_number': personal_number(i),
                    'application_date': today - dt.timedelta(days=14),
                    # Invoice numbers follow invoice dates: the
                    # contribution invoices are dated today, after the
                    # demo's.
                    'decision_date': today,
                    } for i, p in zip(numbers, parties)])
        ids += [m.id for m in members]
    return ids


def email(i):
    return f'medlem{i}@bench.example'


def admit(member_ids):
    "Admit the applicants; each pays the contribution invoice."
    pool = _pool()
    Member = pool.get('sosolo.member')
    for start in range(0, len(member_ids), BATCH):
        members = Member.browse(member_ids[start:start + BATCH])
        Member.approve(members)
        pay([m.capital_invoice.id for m in Member.browse(
                    member_ids[start:start + BATCH])])


def invoice_assignments(member_ids, customers, count):
    """`count` assignments, each member's in turn, submitted and
    approved: approval posts the customer invoice."""
    pool = _pool()
    Assignment = pool.get('sosolo.convoy.assignment')
    Date = pool.get('ir.date')
    today = Date.today()
    company = company_context()
    ids = []
    for first in range(0, count, BATCH):
        numbers = range(first, min(first + BATCH, count))
        assignments = Assignment.create([{
                    'company': company,
                    'member': member_ids[i % len(member_ids)],
                    'customer': customers[(i * 7) % len(customers)],
                    'description': f"Uppdrag {i}",
                    'start_date': today - dt.timedelta(days=30),
                    'end_date': today - dt.timedelta(days=2),
                    'lines': [('create', [{
                                    'description': "Arbete, timmar",
                                    'quantity': Decimal(1 + i % 40),
                                    'unit_price': Decimal(500 + i % 400),
                                    'vat': '25'}])],
                    } for i in numbers])
        Assignment.submit(assignments)
        Assignment.approve(assignments)
        ids += [a.invoice.id for a in Assignment.browse(assignments)]
    return ids


def pay(invoice_ids):
    """The customers pay the invoices in full: a bank move per invoice,
    reconciled with what it pays, and the invoices processed (paid), as
    the BgMax import does (sosolo_sweden/bgmax.py)."""
    pool = _pool()
    Account = pool.get('account.account')
    Invoice = pool.get('account.invoice')
    Journal = pool.get('account.journal')
    Line = pool.get('account.move.line')
    Move = pool.get('account.move')
    Period = pool.get('account.period')
    Date = pool.get('ir.date')
    company = company_context()
    today = Date.today()
    bank, = Account.search([('code', '=', '1930'),
            ('company', '=', company)])
    journal, = Journal.search([('type', '=', 'cash')], limit=1)
    period = Period.find(company, date=today)
    for start in range(0, len(invoice_ids), BATCH):
        invoices = Invoice.browse(invoice_ids[start:start + BATCH])
        moves, to_pay = [], []
        for invoice in invoices:
            line, = invoice.lines_to_pay
            amount = line.debit - line.credit
            moves.append(Move(journal=journal, period=period, date=today,
                    company=company, origin=invoice,
                    description=f"Inbetalning {invoice.number}",
                    lines=[
                        Line(account=bank, debit=amount, credit=0),
                        Line(account=line.account, party=line.party,
                            debit=0, credit=amount),
                        ]))
            to_pay.append(line)
        Move.save(moves)
        Move.post(moves)
        Line.reconcile(*([line] + [l for l in move.lines
                    if l.account == line.account]
                for line, move in zip(to_pay, Move.browse(moves))))
        Invoice.process(Invoice.browse(invoice_ids[start:start + BATCH]))


def employ(member_ids):
    pool = _pool()
    Employee = pool.get('sosolo.payroll.employee')
    Member = pool.get('sosolo.member')
    Date = pool.get('ir.date')
    start_date = Date.today().replace(day=1) - dt.timedelta(days=400)
    for start in range(0, len(member_ids), BATCH):
        members = Member.browse(member_ids[start:start + BATCH])
        Employee.create([{
                    'party': m.party.id,
                    'identity_code': m.identity_number,
                    'tax_table': 33 + m.id % 3, 'tax_column': 1,
                    'bank_clearing': '8327-9',
                    'bank_account': '123 456 789-0',
                    'start_date': start_date,
                    } for m in members])


def pay_run(months_back):
    """A posted pay run of every bench employee, paid on the 24th of the
    month `months_back` before this one."""
    from sosolo.demo_payroll import tax_tables
    pool = _pool()
    Date = pool.get('ir.date')
    Employee = pool.get('sosolo.payroll.employee')
    Row = pool.get('sosolo.payroll.tax_table.row')
    Run = pool.get('sosolo.payroll.run')
    first = Date.today().replace(day=1)
    for _ in range(months_back):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    payment_date = first.replace(day=24)
    if not Row.search([('year', '=', payment_date.year)], limit=1):
        Row.import_file(tax_tables(payment_date.year))
    employees = Employee.search([('bank_account', '=', '123 456 789-0'),
            ('party.name', 'like', 'Medlem %')])
    run, = Run.create([{
                'payment_date': payment_date,
                'description': f"Bänk {payment_date:%Y-%m}",
                'payslips': [('create', [{
                                'employee': e.id,
                                'lines': [('create', [{'kind': 'salary',
                                                'amount': Decimal(
                                                    18000 + e.id % 9000)}])],
                                } for e in employees])],
                }])
    Run.compute([run])
    Run.post([run])


def finish():
    cursor = _cursor()
    # No worker ran in the build: these are its print_invoice tasks (and
    # the processing it did at once itself).
    cursor.execute("DELETE FROM ir_queue WHERE finished_at IS NULL")
    cursor.execute("ANALYZE")


def counts(uri, name):
    "What the database holds, for the report."
    (members,), = sql(uri, "SELECT COUNT(*) FROM sosolo_member", name)
    (invoices,), = sql(uri, "SELECT COUNT(*) FROM account_invoice i "
        "JOIN sosolo_convoy_assignment a ON a.invoice = i.id "
        "WHERE i.state IN ('posted', 'paid')", name)
    (payslips,), = sql(uri,
        "SELECT COUNT(*) FROM sosolo_payroll_payslip", name)
    return members, invoices, payslips


def database_for(uri, members, invoices, runs, rebuild):
    """The name of the template database of this code and these sizes,
    built if missing; (name, seconds the build took or None)."""
    template = f'bench_portal_{code_hash()}_{members}_{invoices}_{runs}'
    building = template + '_building'
    exists = sql(uri, "SELECT 1 FROM pg_database "
        f"WHERE datname = '{template}'")
    if exists and not rebuild:
        return template, None
    # Templates of other code or sizes are not used again.
    for stale, in sql(uri, "SELECT datname FROM pg_database "
            "WHERE datname LIKE 'bench_portal_%'"):
        sql(uri, f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
    start = time.monotonic()
    print(f"Building {template} (the first run of this code) ...",
        flush=True)
    subprocess.run([sys.executable, __file__, '--uri', uri,
            '--members', str(members), '--invoices', str(invoices),
            '--runs', str(runs), '--build', building], check=True)
    sql(uri, f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    return template, time.monotonic() - start



def run_load(url, database, emails, users, seconds, steps, step_seconds,
        result_file):
    """The goal phase and the saturation steps with locust, headless;
    the figures go to `result_file` as JSON. Run in a process of its own:
    locust patches the standard library with gevent when imported."""
    import gevent
    from locust import HttpUser, constant, constant_pacing, task
    from locust.env import Environment

    logins = iter(emails)
    logged_in = []
    portal = f'/{database}/portal/'

    class PortalMember(HttpUser):
        "A member, logged in as themselves, viewing the pages in turn."
        host = url
        abstract = True

        def on_start(self):
            self.client.headers.update(PROXY)
            self.turn = 0
            self.login(next(logins))
            logged_in.append(self)

        def cookies(self, response):
            # The cookies are Secure ([web] portal_tls), sent by the
            # proxy's client over TLS: here they are sent by hand.
            for name, value in response.cookies.items():
                self.jar[name] = value
            self.client.cookies.clear()
            self.client.headers['Cookie'] = '; '.join(
                f'{k}={v}' for k, v in self.jar.items())

        def login(self, email):
            self.jar = {}
            response = self.client.get(portal + 'logga-in', name='login',
                allow_redirects=False)
            self.cookies(response)
            token, = re.findall(r'name="csrf_token" value="([^"]+)"',
                response.text)
            response = self.client.post(portal + 'logga-in', name='login',
                data={'email': email, 'password': PASSWORD,
                    'csrf_token': token, 'next': portal},
                allow_redirects=False)
            if response.status_code != 303:
                raise RuntimeError(f"{email}: login answered "
                    f"{response.status_code}")
            self.cookies(response)

        @task
        def view(self):
            name = list(PAGES)[self.turn % len(PAGES)]
            self.turn += 1
            with self.client.get(portal + PAGES[name], name=name,
                    allow_redirects=False, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
                elif '<h1' not in response.text:
                    response.failure("not a portal page")

    class PacedMember(PortalMember):
        wait_time = constant_pacing(1)

    class EagerMember(PortalMember):
        wait_time = constant(0)

    def measure(user_class, count, duration):
        "{page: figures} of `count` users for `duration` s, logins apart."
        env = Environment(user_classes=[user_class])
        runner = env.create_local_runner()
        before = len(logged_in)
        runner.start(count, spawn_rate=count)
        deadline = time.monotonic() + 120
        while (len(logged_in) < before + count
                and time.monotonic() < deadline):
            gevent.sleep(0.1)
        gevent.sleep(1)
        env.stats.reset_all()
        start = time.monotonic()
        gevent.sleep(duration)
        elapsed = time.monotonic() - start
        figures = {}
        for name in list(PAGES) + ['all']:
            entry = (env.stats.total if name == 'all'
                else env.stats.get(name, 'GET'))
            figures[name] = {
                'requests': entry.num_requests,
                'failures': entry.num_failures,
                'rps': entry.num_requests / elapsed,
                **{f'p{int(q * 100)}': (
                        entry.get_response_time_percentile(q)
                        if entry.num_requests else None)
                    for q in (0.5, 0.95, 0.99)},
                }
        errors = [f"{e.name}: {e.error}" for e in env.stats.errors.values()]
        runner.quit()
        return figures, errors[:5]

    result = {}
    print(f"Goal: {users} members, a page a second each, {seconds} s "
        f"(load average {load_average()})", flush=True)
    result['goal'], result['goal_errors'] = measure(
        PacedMember, users, seconds)
    print_pages(result['goal'])
    result['saturation'] = []
    best = None
    for count in steps:
        figures, errors = measure(EagerMember, count, step_seconds)
        total = figures['all']
        result['saturation'].append((count, total, errors))
        print(f"  {count:3d} members with no pause: {total['rps']:6.1f} "
            f"requests/s, p95 {total['p95']} ms, "
            f"{total['failures']} errors (load average {load_average()})",
            flush=True)
        if total['failures']:
            break
        if best and total['rps'] < best * 1.05 and total['p95'] > 1000:
            # Past saturation: more members only wait longer.
            break
        best = max(best or 0, total['rps'])
    Path(result_file).write_text(json.dumps(result))


def load_average():
    "The machine's load: the figures mean little on a busy machine."
    return ' '.join(f'{x:.1f}' for x in os.getloadavg())


def print_pages(figures):
    print(f"  {'page':14} {'requests':>8} {'errors':>6} {'req/s':>6} "
        f"{'p50':>5} {'p95':>5} {'p99':>5}  (ms)")
    for name, f in figures.items():
        print(f"  {name:14} {f['requests']:8d} {f['failures']:6d} "
            f"{f['rps']:6.1f} {f['p50'] or 0:5.0f} {f['p95'] or 0:5.0f} "
            f"{f['p99'] or 0:5.0f}", flush=True)


def profile(environment, database, email, page):
    """cProfile of one request of `page` made in this process, through
    trytond's WSGI application with the production configuration; the
    top 25 by cumulative time."""
    import cProfile
    import io
    import pstats
    os.environ.update(environment)
    from werkzeug.test import Client

    from trytond.application import app
    client = Client(app)
    headers = dict(PROXY)
    portal = f'/{database}/portal/'
    response = client.get(portal + 'logga-in', headers=headers)
    token, = re.findall(r'name="csrf_token" value="([^"]+)"',
        response.get_data(as_text=True))
    response = client.post(portal + 'logga-in', headers=headers, data={
            'email': email, 'password': PASSWORD, 'csrf_token': token,
            'next': portal})
    assert response.status_code == 303, response.status
    for _ in range(3):
        assert client.get(portal + PAGES[page],
            headers=headers).status_code == 200
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    response = client.get(portal + PAGES[page], headers=headers)
    profiler.disable()
    print(f"Profile of one request of {page} ({response.status_code}, "
        f"{(time.perf_counter() - start) * 1000:.0f} ms in-process):")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats('cumulative').print_stats(
        25)
    print(out.getvalue())

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--members', type=int, default=10_000)
    parser.add_argument('--invoices', type=int, default=100_000)
    parser.add_argument('--runs', type=int, default=3,
        help="monthly pay runs of every member (standard: %(default)s)")
    parser.add_argument('--users', type=int, default=20,
        help="members in the goal phase (standard: %(default)s)")
    parser.add_argument('--seconds', type=int, default=60,
        help="length of the goal phase (standard: %(default)s)")
    parser.add_argument('--steps', default='2,4,8,16,32,64',
        help="members of the saturation steps (standard: %(default)s)")
    parser.add_argument('--step-seconds', type=int, default=20,
        help="length of each saturation step (standard: %(default)s)")
    parser.add_argument('--uri', default=pg_uri(),
        help="the database server (standard: the cluster of scripts/pg)")
    parser.add_argument('--rebuild', action='store_true',
        help="build the database again even if this code built it")
    parser.add_argument('--build', help=argparse.SUPPRESS)
    parser.add_argument('--load', nargs=3, help=argparse.SUPPRESS)
    parser.add_argument('--profile', nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    steps = [int(n) for n in args.steps.split(',') if n]
    if args.members > SEED and args.members % SEED:
        parser.error(f"--members: a multiple of the seed's {SEED}")
    if args.invoices < args.members:
        parser.error("--invoices: at least one a member")
    if args.build:
        return build(args.uri, args.build, args.members, args.invoices,
            args.runs)
    if args.load:
        url, database, result_file = args.load
        emails = Path(result_file + '.emails').read_text().split()
        return run_load(url, database, emails, args.users, args.seconds,
            steps, args.step_seconds, result_file)
    if args.profile:
        environment, email, page = args.profile
        environment = json.loads(Path(environment).read_text())
        return profile(environment, environment['SOSOLO_BENCH_DATABASE'],
            email, page)
    return bench(args, steps)


def bench(args, steps):
    from tests.production import ProductionSetup
    started = time.monotonic()
    template, built = database_for(args.uri, args.members, args.invoices,
        args.runs, args.rebuild)
    members, invoices, payslips = counts(args.uri, template)
    print(f"Database: {members} members, {invoices} customer invoices, "
        f"{payslips} payslips"
        + (f" (built in {built:.0f} s)" if built else " (built before)"),
        flush=True)
    name = 'bench_portal'
    copy_database(args.uri, name, template)
    workdir = Path(tempfile.mkdtemp(prefix='bench-portal-'))
    setup = ProductionSetup(name, workdir, uri=args.uri)
    try:
        setup.start()
        print(f"Production setup on {setup.url}: gunicorn "
            f"({' '.join(setup.commands()['trytond'][0][1:])}), "
            "trytond-cron, trytond-worker", flush=True)
        # Members spread over the database, each logged in once.
        logins = args.users + sum(steps)
        emails = [e for e, in sql(args.uri, "SELECT email FROM web_user "
                "WHERE email LIKE '%@bench.example' "
                f"ORDER BY md5(email) LIMIT {logins}", name)]
        if len(emails) < logins:
            raise SystemExit(f"{logins} logins need as many members")
        result_file = workdir / 'result.json'
        Path(str(result_file) + '.emails').write_text('\n'.join(emails))
        subprocess.run([sys.executable, __file__, '--uri', args.uri,
                '--users', str(args.users), '--seconds', str(args.seconds),
                '--steps', args.steps,
                '--step-seconds', str(args.step_seconds),
                '--load', setup.url, name, str(result_file)], check=True)
        result = json.loads(result_file.read_text())
        goal = result['goal']
        missed = (goal['all']['p95'] > 100 or goal['all']['failures'])
        clean = [total['rps'] for _, total, _ in result['saturation']
            if not total['failures']]
        print()
        print(f"Goal (p95 <= 100 ms, 0 errors): "
            f"{'missed' if missed else 'met'}: p95 {goal['all']['p95']} ms, "
            f"{goal['all']['failures']} errors of {goal['all']['requests']}")
        for error in result['goal_errors']:
            print(f"  {error}")
        print(f"Saturation: {max(clean):.1f} requests/s with no error"
            if clean else "Saturation: errors from the first step")
        if missed:
            slowest = max(PAGES, key=lambda p: goal[p]['p95'] or 0)
            _, environment = setup.commands()['trytond']
            environment['SOSOLO_BENCH_DATABASE'] = name
            env_file = workdir / 'environment.json'
            env_file.write_text(json.dumps(environment))
            subprocess.run([sys.executable, __file__, '--uri', args.uri,
                    '--profile', str(env_file), emails[0], slowest],
                check=True)
    finally:
        setup.stop()
        sql(args.uri, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"Total wall time: {time.monotonic() - started:.0f} s")


if __name__ == '__main__':
    sys.exit(main())

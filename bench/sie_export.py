# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark: SIE export against Tryton's FEC export and COPY (issue #3).

Builds a book of N posted move lines on PostgreSQL, then times, each in
its own process so that peak memory is measured per run:

- `sosolo sie-export` (type 4E) of the fiscal year;
- Tryton's own FEC export (account_fr's wizard) of the same year;
- `COPY (SELECT the same line columns) TO STDOUT`.

Goal: SIE no slower than FEC, within 3x of COPY, flat memory.

Each is timed twice: the whole process ("whole"), and the work alone as
the process measures it once started ("work": the export after Tryton's
pool is loaded, or the COPY once connected). Loading Tryton's pool takes
seconds whatever the size of the book. The load average is printed too:
the figures mean little on a busy machine.

    scripts/pg start
    .venv/bin/python bench/sie_export.py [--lines 100000] [--uri URI]

(`make bench` does both, on the cluster and port of scripts/pg.)

The moves are copied from one posted template move with SQL
(INSERT ... SELECT generate_series): creating 100,000 lines through the
ORM would take most of an hour here, and the export reads the same rows
either way. A run with more lines than the book has adds the missing
moves; one with fewer needs --rebuild.

The book is built in a child process: Linux counts the memory of the
process that starts a command in that command's peak RSS, so this one
stays small.
"""
import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = 'bench_sie'
YEAR = 2026
TEMPLATE = "Kontant försäljning"


#: How each measured command reports the time of its work.
WORK = re.compile(r'(?:exporten tog|work) ([0-9.]+) s')


def run_measured(args, env):
    """Run `args`; return (seconds, seconds of work as it reports them,
    peak RSS in MiB)."""
    with tempfile.TemporaryFile('w+') as output:
        start = time.monotonic()
        process = subprocess.Popen(args, env=env, cwd=ROOT,
            stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - start
        output.seek(0)
        text = output.read()
    if status:
        raise SystemExit(f"{args[:3]} failed ({status}):\n{text}")
    work = WORK.search(text)
    return seconds, float(work.group(1)), usage.ru_maxrss / 1024


def load_average():
    return ' '.join(f'{x:.2f}' for x in os.getloadavg())


def build(config_file, lines):
    """Build the book, or reuse the one a previous run built.

    Setting up the database takes minutes here; --rebuild starts afresh.
    """
    from sosolo import cooperative, database
    if not database.exists(DATABASE):
        database.create(DATABASE, config_file, 'bench-admin-password')
        config = database.connect(DATABASE, config_file)
        database.activate(config, ['sosolo_sweden', 'account_fr'])
        cooperative.setup(config, "Bänkföreningen ek. för.", '769600-1994',
            fiscal_year_start=dt.date(YEAR, 1, 1))
    config = database.connect(DATABASE, config_file)

    from proteus import Model
    FiscalYear = Model.get('account.fiscalyear', config=config)
    Journal = Model.get('account.journal', config=config)
    Move = Model.get('account.move', config=config)
    Line = Model.get('account.move.line', config=config)
    Account = Model.get('account.account', config=config)
    Period = Model.get('account.period', config=config)
    fiscalyear, = FiscalYear.find([])
    existing = Line._proxy.search_count([], config.context)
    if existing > lines:
        raise SystemExit(f"the book has {existing} lines: use --rebuild")
    if existing >= lines - 1:
        return
    journal, = Journal.find([('code', '=', 'CASH')], limit=1) or [
        Journal(name="Bank", code='CASH', type='cash')]
    journal.save()
    bank, = Account.find([('code', '=', '1930')])
    sales, = Account.find([('code', '=', '3001')])
    period, = Period.find([('start_date', '=', dt.date(YEAR, 1, 1)),
            ('type', '=', 'standard')])
    if not Period.find([('type', '=', 'adjustment')]):
        Period(name="Bokslut", start_date=dt.date(YEAR, 12, 31),
            end_date=dt.date(YEAR, 12, 31), fiscalyear=fiscalyear,
            type='adjustment').save()
    moves = Move.find([('description', '=', TEMPLATE)])
    if moves:
        move, = moves
    else:
        move = Move(journal=journal, period=period,
            date=dt.date(YEAR, 1, 2), description=TEMPLATE)
        for account, debit, credit in [(bank, 100, 0), (sales, 0, 100)]:
            line = move.lines.new(account=account)
            line.debit, line.credit = Decimal(debit), Decimal(credit)
        move.save()
        move.click('post')
        existing += len(move.lines)

    from trytond.transaction import Transaction
    with Transaction().start(DATABASE, 0) as transaction:
        cursor = transaction.connection.cursor()
        # Copies B1 to B(lines / 2 - 1), after the template: those of a
        # smaller book are there already.
        first = existing // 2
        last = lines // 2 - 1
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'account_move' AND column_name "
            "NOT IN ('id', 'date', 'period', 'number', 'description')")
        columns = [c for c, in cursor]
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'account_move_line' AND column_name "
            "NOT IN ('id', 'move', 'debit', 'credit')")
        line_columns = [c for c, in cursor]
        cols = ', '.join(f'"{c}"' for c in columns)
        tcols = ', '.join(f't."{c}"' for c in columns)
        lcols = ', '.join(f'"{c}"' for c in line_columns)
        tlcols = ', '.join(f'l."{c}"' for c in line_columns)
        cursor.execute(f"""
            WITH new AS (
                INSERT INTO account_move
                    ({cols}, date, period, number, description)
                SELECT {tcols}, d.date, p.id, 'B' || g, 'Bänk ' || g
                FROM account_move t,
                    generate_series(%s, %s) g,
                    LATERAL (SELECT %s::date + (g %% 364) AS date) d,
                    account_period p
                WHERE t.id = %s AND p.type = 'standard'
                    AND p.fiscalyear = %s
                    AND d.date BETWEEN p.start_date AND p.end_date
                RETURNING id, (substr(description, 6))::int AS g)
            INSERT INTO account_move_line ({lcols}, move, debit, credit)
            SELECT {tlcols}, new.id,
                CASE WHEN l.debit > 0 THEN 100 + new.g %% 900 ELSE 0 END,
                CASE WHEN l.credit > 0 THEN 100 + new.g %% 900 ELSE 0 END
            FROM new, account_move_line l WHERE l.move = %s
            """, (first, last, dt.date(YEAR, 1, 1).isoformat(), move.id,
                fiscalyear.id, move.id))
        # Planner statistics, as autovacuum keeps them in a live
        # database: without, PostgreSQL expects a few hundred lines.
        cursor.execute("ANALYZE account_move, account_move_line")
        transaction.commit()


FEC = """
import sys
import time
from trytond.pool import Pool
from trytond.transaction import Transaction
from proteus import config as pconfig
pconfig.set_trytond(sys.argv[1], config_file=sys.argv[2])
with Transaction().start(sys.argv[1], 1) as transaction:
    pool = Pool()
    FiscalYear = pool.get('account.fiscalyear')
    Period = pool.get('account.period')
    FEC = pool.get('account.fr.fec', type='wizard')
    fiscalyear, = FiscalYear.search([])
    period, = Period.search([('type', '=', 'adjustment')])
    User = pool.get('res.user')
    with transaction.set_context(User.get_preferences(context_only=True)):
        session, _, _ = FEC.create()
        fec = FEC(session)
        fec.start.fiscalyear = fiscalyear
        fec.start.type = 'is-bic'
        fec.start.deferral_period = period
        start = time.monotonic()
        fec.transition_generate()
        open(sys.argv[3], 'wb').write(fec.result.file)
        print(f"work {time.monotonic() - start:.3f} s")
"""

COPY = """
import sys, time, psycopg
with psycopg.connect(sys.argv[1] + sys.argv[2]) as conn:
    start = time.monotonic()
    with conn.cursor() as cursor, open(sys.argv[3], 'wb') as out:
        with cursor.copy(
                "COPY (SELECT j.code, m.id, m.date, m.description, "
                "a.code, a.name, l.debit, l.credit, l.description "
                "FROM account_move_line l "
                "JOIN account_move m ON l.move = m.id "
                "JOIN account_journal j ON m.journal = j.id "
                "JOIN account_account a ON l.account = a.id "
                "WHERE m.state = 'posted' "
                "ORDER BY j.code, m.date, m.id, l.id) TO STDOUT") as copy:
            for data in copy:
                out.write(data)
    print(f"work {time.monotonic() - start:.3f} s")
"""


def write_config(uri):
    "Return the trytond configuration file on `uri`, in a new folder."
    tmp = Path(tempfile.mkdtemp(prefix='bench-sie-'))
    config_file = tmp / 'trytond.conf'
    config_file.write_text(f"[database]\nuri = {uri}\nlanguage = sv\n")
    os.environ['TRYTOND_DATABASE__URI'] = uri
    return config_file


def pg_uri():
    "The cluster scripts/pg starts, where its port is set."
    return os.environ.get('SOSOLO_TEST_PG_URI') or subprocess.run(
        [str(ROOT / 'scripts' / 'pg'), 'uri'], capture_output=True,
        text=True, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lines', type=int, default=100_000)
    parser.add_argument('--uri', default=pg_uri(),
        help="the database server (standard: the cluster of scripts/pg)")
    parser.add_argument('--rebuild', action='store_true',
        help="drop the book a previous run built")
    parser.add_argument('--skip-fec', action='store_true',
        help="leave out the FEC export (slow at full size)")
    parser.add_argument('--build-only', action='store_true',
        help="only build the book (how this script builds it)")
    args = parser.parse_args()
    config_file = write_config(args.uri)
    python = sys.executable

    if args.build_only:
        if args.rebuild:
            from sosolo import database
            database.load_config(str(config_file))
            if database.exists(DATABASE):
                database.drop(DATABASE)
        build(str(config_file), args.lines)
        return

    start = time.monotonic()
    subprocess.run([python, __file__, '--build-only', '--lines',
            str(args.lines), '--uri', args.uri]
        + (['--rebuild'] if args.rebuild else []), check=True)
    print(f"book: {args.lines} lines built in "
        f"{time.monotonic() - start:.1f} s")

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    tmp = config_file.parent
    sie_file, fec_file, copy_file = (
        tmp / 'bench.se', tmp / 'fec.csv', tmp / 'copy.tsv')
    results = {}
    print(f"load average before: {load_average()}")
    results['sie'] = run_measured([python, '-m', 'sosolo.cli', '-c',
            str(config_file), '-d', DATABASE, 'sie-export', '--verbose',
            '--fiscal-year', str(YEAR), '-o', str(sie_file)], env)
    if not args.skip_fec:
        results['fec'] = run_measured([python, '-c', FEC, DATABASE,
                str(config_file), str(fec_file)], env)
    results['copy'] = run_measured([python, '-c', COPY, args.uri,
            DATABASE, str(copy_file)], env)
    print(f"load average after:  {load_average()}")

    transactions = sie_file.read_bytes().count(b'\n#TRANS ')
    print(f"SIE file: {sie_file.stat().st_size} bytes, "
        f"{transactions} #TRANS")
    import psycopg
    print(f"psycopg implementation: {psycopg.pq.__impl__}")
    for name, (seconds, work, rss) in results.items():
        print(f"{name:5} whole {seconds:8.2f} s  work {work:8.2f} s  "
            f"peak RSS {rss:7.1f} MiB")
    sie = results['sie']
    for name in ['fec', 'copy']:
        if name in results:
            other = results[name]
            print(f"SIE/{name.upper():4} whole {sie[0] / other[0]:6.2f}  "
                f"work {sie[1] / other[1]:6.2f}")


if __name__ == '__main__':
    main()

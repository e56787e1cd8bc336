# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Pay run benchmark (sosolo_payroll, issue #5), on PostgreSQL.

1. Import a whole year of tax tables: a file in Skatteverket's layout for
   all 14 tables (29-42), written from the shape of the fixture (table 33
   scaled per table, plus the percentage rows above 80,000 kr).
2. A pay run for N employees (default 1,000): compute, post (one move per
   payslip), AGI; and the payslip PDFs of a sample of the run (default
   100: weasyprint takes some 0.1-0.4 s a page), timed apart.
3. The same N moves created and posted directly through the ORM.

Prints the times and the ratio of (2) to (3); the goal is within 2x.

    scripts/pg start
    .venv/bin/python bench/payrun.py [--employees 1000]
        [--uri URI]   (default: the cluster of scripts/pg)
"""
import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURE = (ROOT / 'addons' / 'sosolo_payroll' / 'tests' / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')
DATABASE = 'bench_payroll'
PAYMENT_DATE = dt.date(2026, 4, 25)


def full_year_file():
    "Tables 29-42 in Skatteverket's layout, from table 33 of the fixture."
    lines = FIXTURE.read_bytes().decode('latin-1').splitlines()
    header, rows = lines[0], [l.split(';') for l in lines[1:]]
    rows = [r for r in rows if r[2] == '33']
    out = [header]
    for table in range(29, 43):
        factor = Decimal(table) / 33
        for r in rows:
            values = [str(int(Decimal(v) * factor)) for v in r[5:]]
            out.append(';'.join(['2026', '30B', str(table), r[3], r[4]]
                    + values))
        low = int(r[4]) + 1
        for step, percent in enumerate(range(33, 53, 2)):
            start = low + step * 20000
            end = '' if percent == 51 else str(start + 19999)
            out.append(';'.join(['2026', '30%', str(table), str(start), end]
                    + [str(percent)] * 6))
    return ('\r\n'.join(out) + '\r\n').encode('latin-1')


def timed(label, func, results):
    start = time.perf_counter()
    value = func()
    results[label] = time.perf_counter() - start
    print(f"{label}: {results[label]:.2f} s", flush=True)
    return value


def pg_uri():
    "The cluster scripts/pg starts, where its port is set."
    return os.environ.get('SOSOLO_TEST_PG_URI') or subprocess.run(
        [str(ROOT / 'scripts' / 'pg'), 'uri'], capture_output=True,
        text=True, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--employees', type=int, default=1000)
    parser.add_argument('--pdf-sample', type=int, default=100,
        help="payslips rendered as PDF (weasyprint is slow)")
    parser.add_argument('--uri', default=pg_uri(),
        help="the database server (standard: the cluster of scripts/pg)")
    args = parser.parse_args()
    n = args.employees

    conf = tempfile.NamedTemporaryFile('w', suffix='.conf', delete=False)
    conf.write(f'[database]\nuri = {args.uri}\nlanguage = sv\n')
    conf.close()
    from sosolo import cooperative, database
    database.load_config(conf.name)
    if database.exists(DATABASE):
        database.drop(DATABASE)
    print(f"Setting up {DATABASE} ...", flush=True)
    database.create(DATABASE, conf.name, database.random_password())
    try:
        config = database.connect(DATABASE, conf.name)
        database.activate(config, ['sosolo_payroll'])
        company = cooperative.create_company(
            config, "Bench ek. för.", '556334-3689')
        cooperative.create_chart(config, company)
        cooperative.create_fiscal_year(config, company, dt.date(2026, 1, 1))
        run_bench(conf.name, n, min(n, args.pdf_sample))
    finally:
        from trytond import backend
        backend.Database(DATABASE).close()
        database.drop(DATABASE)
        os.unlink(conf.name)


def run_bench(conf, n, pdf_sample):
    from sosolo import database
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    results = {}
    data = full_year_file()

    def in_tx(func):
        return database.in_transaction(DATABASE, conf, func)

    # Load the pool before anything is timed.
    in_tx(lambda: None)

    def import_tables():
        Row = Pool().get('sosolo.payroll.tax_table.row')
        return Row.import_file(data)
    year, rows = timed("tax tables import (14 tables, whole year)",
        lambda: in_tx(import_tables), results)
    print(f"  {rows} rows, {len(data.splitlines())} file lines")

    def setup():
        from trytond.modules.sosolo_payroll.tests.tools import (
            configure_payroll,
        )
        pool = Pool()
        Company = pool.get('company.company')
        Employee = pool.get('sosolo.payroll.employee')
        Party = pool.get('party.party')
        Run = pool.get('sosolo.payroll.run')
        configure_payroll(Company(Transaction().context['company']))
        parties = Party.create([{'name': f'Anställd {i}'} for i in range(n)])
        employees = Employee.create([{
                    'party': p.id, 'identity_code': '811228-9874',
                    'tax_table': 29 + i % 14, 'tax_column': 1 + i % 6,
                    'start_date': dt.date(2026, 1, 1),
                    } for i, p in enumerate(parties)])
        run, = Run.create([{
                    'payment_date': PAYMENT_DATE,
                    'payslips': [('create', [{
                                    'employee': e.id,
                                    'lines': [('create', [{
                                                    'kind': 'salary',
                                                    'amount': 20000 + 17 * i,
                                                    }])],
                                    } for i, e in enumerate(employees)])],
                    }])
        return run.id
    run_id = timed("create run and employees (not in the ratio)",
        lambda: in_tx(setup), results)

    def compute():
        Run = Pool().get('sosolo.payroll.run')
        Run.compute(Run.browse([run_id]))

    def post():
        Run = Pool().get('sosolo.payroll.run')
        Run.post(Run.browse([run_id]))

    def agi():
        pool = Pool()
        Company = pool.get('company.company')
        AgiExport = pool.get('sosolo.payroll.agi.export', type='wizard')
        return AgiExport.get_file(
            Company(Transaction().context['company']), PAYMENT_DATE)
    timed("pay run: compute", lambda: in_tx(compute), results)
    timed("pay run: post", lambda: in_tx(post), results)
    xml = timed("pay run: AGI", lambda: in_tx(agi), results)
    print(f"  AGI {len(xml)} bytes")

    def pdfs():
        pool = Pool()
        Payslip = pool.get('sosolo.payroll.payslip')
        Report = pool.get('sosolo.payroll.payslip', type='report')
        ids = [p.id for p in Payslip.search(
                [('run', '=', run_id)], limit=pdf_sample)]
        ext, content, _, _ = Report.execute(ids, {})
        return content
    content = timed(f"payslip PDFs (one report, {pdf_sample} payslips)",
        lambda: in_tx(pdfs), results)
    from pypdf import PdfReader
    print(f"  {len(PdfReader(io.BytesIO(content)).pages)} pages")

    def bare():
        pool = Pool()
        Account = pool.get('account.account')
        Journal = pool.get('account.journal')
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        Period = pool.get('account.period')
        Party = pool.get('party.party')
        accounts = {c: Account.search([('code', '=', c)])[0]
            for c in ['7210', '7510', '2710', '2731', '2820']}
        journal, = Journal.search([('type', '=', 'general')], limit=1)
        period = Period.find(
            Transaction().context['company'], date=PAYMENT_DATE)
        parties = Party.search([('name', 'like', 'Anställd %')], limit=n)
        amounts = [('7210', 22400), ('7510', 7038), ('2710', -5000),
            ('2731', -7038), ('2820', -17400)]
        from trytond.modules.sosolo_payroll.run import MOVE_BATCH
        # In batches of the pay run's own size, the fairest baseline.
        batch = MOVE_BATCH
        for start in range(0, n, batch):
            moves = []
            for party in parties[start:start + batch]:
                lines = []
                for code, amount in amounts:
                    line = Line(account=accounts[code],
                        debit=Decimal(max(amount, 0)),
                        credit=Decimal(max(-amount, 0)))
                    if accounts[code].party_required:
                        line.party = party
                    lines.append(line)
                moves.append(Move(journal=journal, period=period,
                        date=PAYMENT_DATE, lines=lines))
            Move.save(moves)
            Move.post(moves)
    timed("bare: create and post the same moves", lambda: in_tx(bare),
        results)

    payrun = sum(results[k] for k in
        ["pay run: compute", "pay run: post", "pay run: AGI"])
    ratio = payrun / results["bare: create and post the same moves"]
    print(f"\nemployees: {n}")
    print(f"pay run (compute + post + AGI): {payrun:.2f} s")
    print(f"bare posting of {n} moves: "
        f"{results['bare: create and post the same moves']:.2f} s")
    print(f"ratio: {ratio:.2f} (goal: at most 2)")
    print(f"tax table import: "
        f"{results['tax tables import (14 tables, whole year)']:.2f} s")


if __name__ == '__main__':
    main()

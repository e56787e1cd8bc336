# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fuzzing (issue #12): the readers of uploaded files and the form
parsers, for minutes.

Runs the targets of the short CI run (sosolo_sweden/tests/fuzz.py and
sosolo_payroll/tests/fuzz.py: the SIE, BgMax and tax-table readers and
every form parser) for a time budget, with new random cases each run,
in a transaction of a SQLite test database with sosolo_payroll (and so
sosolo_sweden) activated, from the test database cache. A reader gets
four shares of the budget, a parser one. The only exception a target
may raise is its module's user error; any other is a finding, shrunk
by hypothesis to a minimal input, and ends that target's run.

Prints cases and cases/s per target, then each finding with its
minimal input (its repr in full in var/fuzz/). Exits 1 when there is a
finding.

    .venv/bin/python bench/fuzz.py [--seconds 600] [--target NAME]

The budget defaults to 10 minutes, or FUZZ_SECONDS from the
environment (`make bench FUZZ_SECONDS=60` for a short run).
"""
import argparse
import importlib.util
import os
import sys
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
#: Cases hypothesis runs between two looks at the clock.
BATCH = 200
READER_SHARE = 4
FINDINGS = ROOT / 'var' / 'fuzz'
#: Characters of a minimal input printed: the rest is in FINDINGS.
SHOWN = 300


def test_environment():
    "The environment of scripts/runtests.py on SQLite: its DB_CACHE."
    spec = importlib.util.spec_from_file_location(
        'runtests', ROOT / 'scripts' / 'runtests.py')
    # runtests asks scripts/pg for its URI at import; SQLite needs none.
    os.environ.setdefault('SOSOLO_TEST_PG_URI', 'postgresql:///')
    runtests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runtests)
    return runtests.environment('sqlite', 0)


def targets():
    from trytond.modules.sosolo_payroll.tests.fuzz import TAX_TABLE
    from trytond.modules.sosolo_sweden.tests.fuzz import TARGETS
    return [*TARGETS, TAX_TABLE]


def fuzz(target, seconds):
    """Run `target` for `seconds`: (cases, its finding or None).

    A finding is (exception, minimal input): hypothesis runs the input
    it shrank to last.
    """
    from hypothesis import HealthCheck, Phase, given, settings

    cases = 0
    failed = [None]

    def case(value):
        nonlocal cases
        cases += 1
        try:
            target.check(value)
        except Exception:
            failed[0] = value
            raise
    test = settings(max_examples=BATCH, deadline=None, database=None,
        phases=[Phase.generate, Phase.shrink], report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck))(
        given(target.strategy)(case))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            test()
        except Exception as exception:
            return cases, (exception, failed[0])
    return cases, None


def where(exception):
    "The innermost frame of `exception` in our code: file:line."
    frames = traceback.extract_tb(exception.__traceback__)
    ours = [f for f in frames if '/addons/' in f.filename] or frames
    frame = ours[-1]
    return f'{Path(frame.filename).name}:{frame.lineno}'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--seconds', type=float,
        default=float(os.environ.get('FUZZ_SECONDS', 600)),
        help="the budget for all targets (standard: %(default)s)")
    parser.add_argument('--target', default='',
        help="only the targets whose name contains this")
    args = parser.parse_args()

    os.environ.update(test_environment())
    # Large inputs (a 140 kB field) make hypothesis warn of their repr.
    from hypothesis.errors import HypothesisWarning
    warnings.simplefilter('ignore', HypothesisWarning)
    start = time.perf_counter()
    from trytond.tests.test_tryton import DB_NAME, activate_module
    from trytond.transaction import Transaction
    activate_module('sosolo_payroll')
    print(f"database ready in {time.perf_counter() - start:.1f} s",
        flush=True)

    chosen = [t for t in targets() if args.target in t.name]
    shares = [READER_SHARE if 'reader' in t.name else 1 for t in chosen]
    findings = []
    print(f"{'target':<26}{'cases':>9}{'cases/s':>10}  finding")
    with Transaction().start(DB_NAME, 0, readonly=True):
        for target, share in zip(chosen, shares):
            budget = args.seconds * share / sum(shares)
            started = time.perf_counter()
            cases, finding = fuzz(target, budget)
            elapsed = time.perf_counter() - started
            found = ''
            if finding:
                findings.append((target, *finding))
                found = (f'{type(finding[0]).__name__} at '
                    f'{where(finding[0])}')
            print(f"{target.name:<26}{cases:>9}{cases / elapsed:>10.0f}  "
                f"{found}", flush=True)
    FINDINGS.mkdir(parents=True, exist_ok=True)
    for target, exception, value in findings:
        text = repr(value)
        path = FINDINGS / (target.name.replace(' ', '-') + '.txt')
        path.write_text(text + '\n')
        if len(text) > SHOWN:
            text = f'{text[:SHOWN]}... ({len(text)} characters)'
        print(f"\nFinding in {target.name}: {type(exception).__name__}: "
            f"{str(exception)[:SHOWN]}\n  at {where(exception)}\n"
            f"  input: {text}\n  in full: {path.relative_to(ROOT)}")
    print(f"\n{len(findings)} findings in {len(chosen)} targets, "
        f"{time.perf_counter() - start:.0f} s in all")
    return 1 if findings else 0


if __name__ == '__main__':
    sys.exit(main())

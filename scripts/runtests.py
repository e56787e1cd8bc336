# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run every SOSOLO test on one database backend.

Each test package (one per addon, plus the cross-module ``tests/``) runs
in its own process, one per CPU (at least two), with Tryton's
``DB_CACHE`` so that a set of modules is activated once per change of the
code. The last line is ``N passed, N failed`` for CI.

    python scripts/runtests.py --db sqlite|postgresql [PACKAGE ...]

A PACKAGE may also be one test module, e.g.
``trytond.modules.sosolo_sweden.tests.test_bgmax``.
"""
import argparse
import hashlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# scripts/pg sets the test cluster's port.
PG_URI = os.environ.get('SOSOLO_TEST_PG_URI') or subprocess.run(
    [str(ROOT / 'scripts' / 'pg'), 'uri'], capture_output=True,
    text=True, check=True).stdout.strip()


#: The addons whose tests also activate others: sosolo_sweden's
#: test_translation activates sosolo_portal and sosolo_convoy
#: (OVERRIDES). Their databases are prepared first; activated from
#: nothing, as a test would, and cached so, they would lack the Swedish
#: that the cache has.
ALSO = {'sosolo_sweden': {'sosolo_portal', 'sosolo_convoy'}}


def packages():
    """The test packages of the addons, and each test module of the
    cross-module ``tests/``: those start their own servers and commands
    and are the longest, so they run side by side."""
    names = sorted(
        'trytond.modules.' + p.name + '.tests'
        for p in (ROOT / 'addons').iterdir()
        if (p / 'tryton.cfg').exists() and (p / 'tests').is_dir())
    if (ROOT / 'tests' / '__init__.py').exists():
        names += sorted(
            'tests.' + p.stem for p in (ROOT / 'tests').glob('test_*.py'))
    return names


def weight(package):
    "How much test code a package has, a fair guess of its duration."
    if package.startswith('tests.'):
        # Each waits for the demo database or builds a cooperative.
        return 30_000 + (ROOT / 'tests' / (package[6:] + '.py')).stat(
            ).st_size
    folder = ROOT / 'addons' / package.split('.')[2] / 'tests'
    return sum(p.stat().st_size for p in folder.glob('*')
        if p.suffix in {'.py', '.rst'})


def code_hash():
    "A hash of the addons' files, so the database cache follows the code."
    digest = hashlib.sha256()
    for path in sorted((ROOT / 'addons').rglob('*')):
        if path.is_file() and '__pycache__' not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def environment(db, index):
    env = dict(os.environ)
    env.pop('TRYTOND_CONFIG', None)
    env['PYTHONPATH'] = str(ROOT)
    cache = ROOT / 'var' / 'dbcache' / db / code_hash()
    if db == 'postgresql':
        env['TRYTOND_DATABASE__URI'] = PG_URI
        env['DB_NAME'] = f'test_{os.getpid()}_{index}'
        env['DB_CACHE'] = PG_URI.rstrip('/')
    else:
        env['TRYTOND_DATABASE__URI'] = 'sqlite://'
        env['DB_NAME'] = ':memory:'
        env['DB_CACHE'] = str(cache)
        cache.mkdir(parents=True, exist_ok=True)
    env['SOSOLO_TEST_DB'] = db
    return env


def drop_stale_pg_cache():
    """Drop PostgreSQL cache databases made from other code.

    Tryton names its PostgreSQL cache databases after the module list
    only, so a cluster that outlives a code change would hand back
    databases activated from the old code.
    """
    import psycopg
    stamp = ROOT / 'var' / 'pg-cache-code'
    current = f'{PG_URI} {code_hash()}'
    if stamp.exists() and stamp.read_text() == current:
        return
    with psycopg.connect(PG_URI + 'postgres', autocommit=True) as conn:
        names = [r[0] for r in conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE 'test%'")]
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    stamp.parent.mkdir(exist_ok=True)
    stamp.write_text(current)


class TimedResult(unittest.TextTestResult):
    "A result that keeps how long each test took."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.durations = []

    def startTest(self, test):
        self._started = time.monotonic()
        super().startTest(test)

    def stopTest(self, test):
        super().stopTest(test)
        self.durations.append((time.monotonic() - self._started, test.id()))


def sosolo_depends():
    "{addon: the SOSOLO addons it needs, itself included}."
    direct = {}
    for cfg in (ROOT / 'addons').glob('*/tryton.cfg'):
        lines = cfg.read_text().splitlines()
        start = lines.index('depends:') + 1
        names = []
        for line in lines[start:]:
            if not line.startswith(' '):
                break
            names.append(line.strip())
        direct[cfg.parent.name] = {n for n in names if n.startswith('sosolo_')}

    def closure(name):
        result = {name}
        for dep in direct.get(name, ()):
            result |= closure(dep)
        return result
    return {name: closure(name) for name in direct}


def preparation_plan(modules):
    """[(addon, base)] for `modules`: activate each addon on a copy of its
    base's database, so the modules they share are activated once."""
    depends = sosolo_depends()
    plan, done = [], []
    for name in sorted(depends, key=lambda n: (len(depends[n]), n)):
        bases = [d for d in done if depends[d] < depends[name]]
        base = max(bases, key=lambda d: len(depends[d]), default=None)
        plan.append((name, base))
        done.append(name)
    needed = set()
    for name, base in reversed(plan):
        if name in modules or name in needed:
            needed.add(name)
            if base:
                needed.add(base)
    return [(n, b) for n, b in plan if n in needed]


def run_prepare(module, base=None):
    """Put the database of `module` in Tryton's DB_CACHE.

    Activating a module from scratch is most of a package's time on a
    fresh checkout; from the cached database of `base` (a module it
    depends on) only the modules in between are activated.
    """
    from trytond.tests.test_tryton import (
        activate_module,
        drop_db,
        restore_db_cache,
    )
    drop_db()
    if base:
        restore_db_cache(base)
    activate_module(module)
    drop_db()
    return 0


def run_child(package, result_file):
    """Run one test package (or a single test module of one) in this
    process and write its counts."""
    import importlib
    import pkgutil
    loader = unittest.defaultTestLoader
    module = importlib.import_module(package)
    if hasattr(module, '__path__'):
        suite = unittest.TestSuite(
            loader.loadTestsFromName(f'{package}.{info.name}')
            for info in pkgutil.iter_modules(module.__path__)
            if info.name.startswith('test'))
    else:
        suite = loader.loadTestsFromModule(module)
    runner = unittest.TextTestRunner(
        verbosity=1, stream=sys.stderr, resultclass=TimedResult)
    class_setups = []
    handle = unittest.TestSuite._handleClassSetUp

    def timed_class_setup(suite, test, result):
        "Count each class's setUpClass among the slowest too."
        if getattr(result, '_previousTestClass', None) is test.__class__:
            return handle(suite, test, result)
        started = time.monotonic()
        try:
            return handle(suite, test, result)
        finally:
            class_setups.append((time.monotonic() - started,
                    f'{test.__class__.__module__}.'
                    f'{test.__class__.__qualname__}.setUpClass'))
    unittest.TestSuite._handleClassSetUp = timed_class_setup
    result = runner.run(suite)
    result.durations += class_setups
    print('\nslowest:', file=sys.stderr)
    for seconds, test in sorted(result.durations, reverse=True)[:5]:
        print(f'  {seconds:6.1f} s  {test}', file=sys.stderr)
    counts = {
        'run': result.testsRun,
        'failed': len(result.failures) + len(result.errors)
        + len(result.unexpectedSuccesses),
        'skipped': len(result.skipped),
        }
    Path(result_file).write_text(json.dumps(counts))
    return 0 if result.wasSuccessful() else 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--db', choices=['sqlite', 'postgresql'],
        default='sqlite')
    parser.add_argument('--jobs', type=int,
        default=max(2, os.cpu_count() or 1))
    parser.add_argument('--child', help=argparse.SUPPRESS)
    parser.add_argument('--result', help=argparse.SUPPRESS)
    parser.add_argument('--prepare', nargs='+', help=argparse.SUPPRESS)
    parser.add_argument('packages', nargs='*')
    args = parser.parse_args()
    if args.child:
        return run_child(args.child, args.result)
    if args.prepare:
        return run_prepare(*args.prepare)

    # The longest packages first, so the workers end together.
    names = args.packages or sorted(packages(), key=weight, reverse=True)
    if args.db == 'postgresql':
        drop_stale_pg_cache()
    tmp = Path(tempfile.mkdtemp(prefix='sosolo-tests-'))
    start = time.monotonic()
    modules = {n.split('.')[2] for n in names if n.startswith('trytond.')}
    modules |= set().union(*(ALSO.get(m, ()) for m in modules))
    plan = preparation_plan(modules)
    prepared = {name: threading.Event() for name, _ in plan}

    def prepare():
        "Fill the database cache, addon after addon, beside the tests."
        env = environment(args.db, 'prepare')
        if args.db == 'sqlite':
            env['DB_NAME'] = 'prepare'
            env['TRYTOND_DATABASE__PATH'] = str(tmp)
        for name, base in plan:
            command = [sys.executable, __file__, '--db', args.db,
                '--prepare', name] + ([base] if base else [])
            with open(tmp / f'prepare-{name}.log', 'w') as out:
                if subprocess.call(command, cwd=ROOT, env=env,
                        stdout=out, stderr=subprocess.STDOUT):
                    # The package activates its modules itself then.
                    print(f"(cache of {name} not prepared: "
                        f"{(tmp / f'prepare-{name}.log').read_text()})",
                        flush=True)
            prepared[name].set()

    demo_ready = threading.Event()

    def prepare_demo():
        """Build the demo database the tests/ modules copy (see
        tests/server.py), beside the first tests."""
        with open(tmp / 'prepare-demo.log', 'w') as out:
            if subprocess.call([sys.executable, '-c',
                        'from tests.server import build_demo; build_demo()'],
                    cwd=ROOT, env=environment(args.db, 'demo'),
                    stdout=out, stderr=subprocess.STDOUT):
                # The first module that needs it builds it then.
                print("(demo database not prepared: "
                    f"{(tmp / 'prepare-demo.log').read_text()})", flush=True)
        demo_ready.set()

    def run(item):
        index, name = item
        result = tmp / f'{index}.json'
        log = tmp / f'{index}.log'
        t0 = time.monotonic()
        with open(log, 'w') as out:
            rc = subprocess.call(
                [sys.executable, __file__, '--db', args.db,
                    '--child', name, '--result', str(result)],
                cwd=ROOT, env=environment(args.db, index),
                stdout=out, stderr=subprocess.STDOUT)
        counts = (json.loads(result.read_text()) if result.exists()
            else {'run': 0, 'failed': 1, 'skipped': 0})
        return name, rc, counts, log.read_text(), time.monotonic() - t0

    def ready(name):
        if name.startswith('tests'):
            return demo_ready.is_set()
        module = name.split('.')[2] if name.startswith('trytond.') else None
        return all(m not in prepared or prepared[m].is_set()
            for m in {module, *ALSO.get(module, ())})

    pending = list(enumerate(names))
    lock = threading.Lock()

    def next_item():
        "The first package in `names` whose database is ready."
        while True:
            with lock:
                if not pending:
                    return None
                for item in pending:
                    if ready(item[1]):
                        pending.remove(item)
                        return item
            time.sleep(1)

    results = queue.Queue()

    def worker():
        while (item := next_item()) is not None:
            try:
                results.put(run(item))
            except Exception as exception:  # report it, never hang
                results.put((item[1], 1,
                        {'run': 0, 'failed': 1, 'skipped': 0},
                        repr(exception), 0))

    passed = failed = skipped = 0
    threading.Thread(target=prepare, daemon=True).start()
    if any(n.startswith('tests') for n in names):
        threading.Thread(target=prepare_demo, daemon=True).start()
    else:
        demo_ready.set()
    workers = [threading.Thread(target=worker, daemon=True)
        for _ in range(args.jobs)]
    for thread in workers:
        thread.start()
    for _ in names:
        name, rc, counts, output, seconds = results.get()
        bad = rc != 0 or counts['failed']
        print(f"== {name} [{args.db}] {counts['run']} tests, "
            f"{counts['failed']} failed, {counts['skipped']} skipped "
            f"({seconds:.0f} s)", flush=True)
        if bad:
            print(output, flush=True)
        else:
            print(output[output.rfind('slowest:'):].rstrip(), flush=True)
        failed += counts['failed'] or (1 if rc else 0)
        skipped += counts['skipped']
        passed += max(
            0, counts['run'] - counts['failed'] - counts['skipped'])
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"database {args.db}, {time.monotonic() - start:.0f} s")
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

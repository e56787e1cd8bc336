# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real trytond serving the demo database, for browser tests.

The demo database is built once per state of the code and day with the
same command as `make run` (`sosolo demo`) and copied for each server, on
the backend the test run uses (SOSOLO_TEST_DB, set by scripts/runtests.py).
The demo dates its records from the day it is built (sosolo.demo_dates),
and the tests take their dates from the same day: a demo built on another
day (or under another fake clock, see .ci/run) is never reused.
"""
import fcntl
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from trytond.modules.sosolo_sweden.rules import today as swedish_today

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# scripts/pg sets the test cluster's port.
PG_URI = os.environ.get('SOSOLO_TEST_PG_URI') or subprocess.run(
    [str(ROOT / 'scripts' / 'pg'), 'uri'], capture_output=True,
    text=True, check=True).stdout.strip()


def backend():
    return os.environ.get('SOSOLO_TEST_DB', 'sqlite')


def code_hash():
    digest = hashlib.sha256()
    for top in ('addons', 'sosolo'):
        for path in sorted((ROOT / top).rglob('*')):
            if path.is_file() and '__pycache__' not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def write_config(path, db_path, port, smtp_port=None,
        database_name='sosolo'):
    if backend() == 'postgresql':
        database = f"uri = {PG_URI}\n"
    else:
        database = f"uri = sqlite://\npath = {db_path}\n"
    path.write_text(
        "[database]\n" + database + "language = sv\n"
        "[web]\n"
        f"listen = 127.0.0.1:{port}\n"
        # Links in e-mails come only from these (issue 12).
        f"reset_password_url = http://127.0.0.1:{port}/{database_name}"
        "/portal/nytt-losenord\n"
        f"email_validation_url = http://127.0.0.1:{port}/{database_name}"
        "/portal/bekrafta-epost\n"
        f"root = {ROOT / 'var' / 'sao'}\n"
        # The seal `sosolo demo` made (sosolo.database.FOLDERS).
        "[sosolo_templates]\n"
        f"seal_directory = {ROOT / 'var' / 'seal'}\n"
        "[session]\ntimeout = 3600\n"
        "[email]\n"
        f"uri = smtp://127.0.0.1:{smtp_port or 1}\n"
        "from = noreply@sosolo.example\n")
    return path


def run_sosolo(config, database, *args):
    result = subprocess.run(
        [str(BIN / 'sosolo'), '-c', str(config), '-d', database, *args],
        cwd=ROOT, capture_output=True, text=True,
        env=_env())
    if result.returncode:
        raise RuntimeError(
            f"sosolo {' '.join(args)} failed:\n{result.stdout}"
            f"{result.stderr}")
    return result


def _env():
    env = dict(os.environ)
    for key in list(env):
        if key.startswith('TRYTOND_') or key in {'DB_NAME', 'DB_CACHE'}:
            del env[key]
    return env


def _pg(sql, database='postgres'):
    import psycopg
    with psycopg.connect(PG_URI + database, autocommit=True) as conn:
        return conn.execute(sql).fetchall() if sql.lstrip().upper(
            ).startswith('SELECT') else conn.execute(sql)


def demo_database(workdir, name):
    "Make database `name` a fresh copy of the demo database."
    template = build_demo()
    if backend() == 'postgresql':
        _pg(f'DROP DATABASE IF EXISTS "{name}"')
        _pg(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    else:
        shutil.copy(template, Path(workdir) / f'{name}.sqlite')


def build_demo():
    """Build the demo database for this state of the code and today,
    once; return its name (PostgreSQL) or file (SQLite).

    It is built under another name and renamed when complete, so that a
    build that was killed is never taken for the demo. Test modules run
    in parallel processes (and scripts/runtests.py builds it beside
    them): one builds, the others wait.
    """
    cache = ROOT / 'var' / 'test' / backend()
    cache.mkdir(parents=True, exist_ok=True)
    template = f'sosolo_demo_{code_hash()}_{swedish_today():%Y%m%d}'
    building = template + '_building'
    with open(cache / 'build.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        build_config = write_config(cache / 'build.conf', cache, free_port())
        if backend() == 'postgresql':
            if not _pg("SELECT 1 FROM pg_database "
                    f"WHERE datname = '{template}'"):
                _pg(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                run_sosolo(build_config, building, 'demo')
                _pg(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
            return template
        source = cache / f'{template}.sqlite'
        if not source.exists():
            # Demos of other code or other days are never used again.
            for stale in cache.glob('sosolo_demo_*.sqlite'):
                stale.unlink()
            run_sosolo(build_config, building, 'demo')
            (cache / f'{building}.sqlite').rename(source)
        return source


class Server:
    "trytond on a free port with a copy of the demo database."

    def __init__(self, name='sosolo_web', smtp_port=None):
        self.name = name
        self.smtp_port = smtp_port
        self.workdir = Path(tempfile.mkdtemp(prefix='sosolo-web-'))
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}'
        self.config = write_config(
            self.workdir / 'trytond.conf', self.workdir, self.port, smtp_port,
            database_name=name)
        self.process = None

    def start(self):
        demo_database(self.workdir, self.name)
        self.log = open(self.workdir / 'trytond.log', 'w')
        self.process = subprocess.Popen(
            [str(BIN / 'trytond'), '-c', str(self.config), '-d', self.name],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, env=_env())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("trytond stopped:\n" + self.output())
            try:
                urllib.request.urlopen(self.url + '/', timeout=2).read()
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("trytond did not answer:\n" + self.output())

    def output(self):
        return (self.workdir / 'trytond.log').read_text()

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.log.close()
        if backend() == 'postgresql':
            _pg(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        shutil.rmtree(self.workdir, ignore_errors=True)

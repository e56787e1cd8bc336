# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The production setup, run for real without Docker (issue 12).

trytond under gunicorn with 4 workers, trytond-cron and trytond-worker
with the queue, started from config/trytond-postgresql.conf exactly as
docker-compose.yml and the Dockerfile start them (tests/production.py
reads both), on a copy of the demo database. The test stands where the
TLS proxy stands: it sends the X-Forwarded-* headers the proxy would.
"""
import base64
import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.parse
from pathlib import Path

from .production import ProductionSetup, compose_services
from .server import _pg, backend, demo_database

PROXY = {
    'X-Forwarded-For': '203.0.113.9',
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-Host': 'portal.test',
    }


class Client:
    "HTTP through the proxy's headers, keeping cookies by hand."

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.set_cookies = []

    def request(self, method, path, form=None, body=None, headers=None):
        headers = dict(PROXY, **(headers or {}))
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers['Content-Type'] = 'application/x-www-form-urlencoded'
        if self.cookies:
            headers['Cookie'] = '; '.join(
                f'{k}={v}' for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(
            '127.0.0.1', self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all('Set-Cookie') or []:
            self.set_cookies.append(header)
            name, _, value = header.split(';')[0].partition('=')
            self.cookies[name.strip()] = value.strip()
        return response.status, response.headers, data.decode()


@unittest.skipUnless(backend() == 'postgresql',
    "the production setup is PostgreSQL's; the PostgreSQL run of "
    "scripts/runtests.py runs this test")
class ProductionSetupTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.workdir = Path(tempfile.mkdtemp(prefix='sosolo-production-'))
        cls.addClassCleanup(shutil.rmtree, cls.workdir, ignore_errors=True)
        cls.database = f'sosolo_production_{os.getpid()}'
        demo_database(cls.workdir, cls.database)
        cls.addClassCleanup(_pg,
            f'DROP DATABASE IF EXISTS "{cls.database}" WITH (FORCE)')
        cls.setup = ProductionSetup(cls.database, cls.workdir)
        cls.addClassCleanup(cls.setup.stop)
        cls.setup.start()

    def query(self, sql):
        import psycopg
        with psycopg.connect(self.setup.uri + self.database) as conn:
            return conn.execute(sql).fetchall()

    def portal(self, page=''):
        return f'/{self.database}/portal/{page}'

    def login(self, email='anna@example.se', password='demo'):
        client = Client(self.setup.port)
        status, _, body = client.request('GET', self.portal('logga-in'))
        self.assertEqual(status, 200, body)
        token, = re.findall(r'name="csrf_token" value="([^"]+)"', body)
        status, headers, body = client.request('POST',
            self.portal('logga-in'), form={'email': email,
                'password': password, 'csrf_token': token,
                'next': self.portal()})
        self.assertEqual(status, 303, body)
        self.assertEqual(headers['Location'], self.portal())
        return client

    def rpc(self, method, *params, session=None):
        headers = {'Content-Type': 'application/json'}
        if session:
            headers['Authorization'] = 'Session ' + base64.b64encode(
                session.encode()).decode()
        status, _, body = Client(self.setup.port).request('POST',
            f'/{self.database}/rpc/', body=json.dumps(
                {'id': 1, 'method': method, 'params': list(params)}),
            headers=headers)
        self.assertEqual(status, 200, body)
        answer = json.loads(body)
        self.assertNotIn('error', answer, answer)
        return answer['result']

    def test_services_as_compose(self):
        "gunicorn with 4 workers, cron and worker from the production file"
        commands = self.setup.commands()
        argv, environment = commands['trytond']
        self.assertEqual(Path(argv[0]).name, 'gunicorn')
        self.assertEqual(argv[argv.index('--workers') + 1], '4')
        self.assertEqual(argv[-1], 'trytond.application:app')
        for name in ['cron', 'worker']:
            argv, environment = commands[name]
            self.assertEqual(argv[argv.index('-c') + 1], str(
                    Path(__file__).resolve().parent.parent
                    / 'config' / 'trytond-postgresql.conf'))
            self.assertEqual(environment['TRYTOND_QUEUE__WORKER'], 'True')
        self.assertTrue(environment['TRYTOND_CONFIG'].endswith(
                'config/trytond-postgresql.conf'))
        master = self.setup.processes['trytond'][0].pid
        workers = subprocess.run(['ps', '--ppid', str(master), '-o', 'pid='],
            capture_output=True, text=True).stdout.split()
        self.assertEqual(len(workers), 4, self.setup.output('trytond'))

    def test_compose_links_from_public_url(self):
        "compose builds the e-mail links from SOSOLO_PUBLIC_URL"
        _, environment = compose_services({'SOSOLO_PUBLIC_URL':
                'https://portal.example', 'POSTGRES_PASSWORD': 'x'})['trytond']
        self.assertEqual(environment['TRYTOND_WEB__RESET_PASSWORD_URL'],
            'https://portal.example/sosolo/portal/nytt-losenord')
        self.assertEqual(environment['TRYTOND_WEB__EMAIL_VALIDATION_URL'],
            'https://portal.example/sosolo/portal/bekrafta-epost')
        with self.assertRaises(KeyError):
            compose_services({'POSTGRES_PASSWORD': 'x'})

    def test_portal_login_and_page(self):
        "A member logs in behind the proxy and sees her invoices"
        client = self.login()
        cookie, = [c for c in client.set_cookies
            if c.startswith('sosolo_portal=')]
        # [web] portal_tls and num_proxies: over the proxy's TLS only.
        self.assertIn('Secure', cookie)
        self.assertIn('HttpOnly', cookie)
        numbers = [n for n, in self.query(
                "SELECT i.number FROM account_invoice i "
                "JOIN sosolo_convoy_assignment a ON a.invoice = i.id "
                "JOIN sosolo_member m ON a.member = m.id "
                "JOIN web_user u ON u.party = m.party "
                "WHERE u.email = 'anna@example.se'")]
        self.assertTrue(numbers)
        status, _, body = client.request('GET', self.portal('kundfakturor'))
        self.assertEqual(status, 200, body)
        for number in numbers:
            self.assertIn(f'Faktura {number}', body)
        status, _, body = client.request('GET', self.portal('konto'))
        self.assertEqual(status, 200, body)
        # The database list stays closed ([database] list = False).
        status, _, _ = Client(self.setup.port).request('POST', '/rpc/',
            body=json.dumps(
                {'id': 1, 'method': 'common.db.list', 'params': []}),
            headers={'Content-Type': 'application/json'})
        self.assertEqual(status, 403)

    def test_queued_task_run_by_worker(self):
        """Approving an assignment posts its invoice; Tryton's invoice
        document is rendered by trytond-worker from the queue, never by
        gunicorn ([queue] worker)"""
        user_id, key, *_ = self.rpc('common.db.login', 'admin',
            {'password': 'admin'}, 'sv')
        session = f'admin:{user_id}:{key}'
        context = self.rpc('model.res.user.get_preferences', True, {},
            session=session)
        # The demo's first draft (Anna's; Bertil's later one is offered).
        (assignment_id,), = self.query(
            "SELECT id FROM sosolo_convoy_assignment WHERE state = 'draft' "
            "ORDER BY id LIMIT 1")
        model = 'model.sosolo.convoy.assignment'
        self.rpc(f'{model}.submit', [assignment_id], context,
            session=session)
        self.rpc(f'{model}.approve', [assignment_id], context,
            session=session)
        (assignment,) = self.rpc(f'{model}.read', [assignment_id],
            ['state', 'invoice'], context, session=session)
        self.assertEqual(assignment['state'], 'invoiced')
        invoice_id = assignment['invoice']

        def task():
            tasks = [(id_, data, finished) for id_, data, finished
                in self.query("SELECT id, data, finished_at FROM ir_queue")
                if self.task_of(data, invoice_id)]
            self.assertEqual(len(tasks), 1, tasks)
            return tasks[0]
        deadline = time.monotonic() + 120
        while task()[2] is None and time.monotonic() < deadline:
            time.sleep(0.5)
        self.assertIsNotNone(task()[2], self.setup.output('worker'))
        # What print_invoice did: Tryton's invoice document, kept.
        (cached, format_), = self.query("SELECT invoice_report_cache, "
            f"invoice_report_format FROM account_invoice "
            f"WHERE id = {invoice_id}")
        self.assertEqual(format_, 'odt')
        self.assertTrue(bytes(cached).startswith(b'PK'))

    @staticmethod
    def task_of(data, invoice_id):
        "Whether the queue's `data` prints the invoice `invoice_id`."
        if isinstance(data, str):
            data = json.loads(data)
        instances = data.get('instances')
        return (data.get('model') == 'account.invoice'
            and data.get('method') == 'print_invoice'
            and invoice_id in (instances if isinstance(instances, list)
                else [instances]))

    def test_cron_runs(self):
        "trytond-cron runs the scheduled tasks of the database"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            (count,), = self.query("SELECT COUNT(*) FROM ir_cron_log")
            if count:
                break
            time.sleep(1)
        self.assertTrue(count, self.setup.output('cron'))

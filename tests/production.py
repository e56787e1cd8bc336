# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The production setup of docker-compose.yml, run here without Docker.

trytond under gunicorn, trytond-cron and trytond-worker, each with the
command and environment that docker-compose.yml and the Dockerfile give
it, read from those two files: what runs here is what compose runs. Only
what a container has elsewhere is changed: /app is the repository, the
database server is the test cluster, gunicorn binds a free port of
127.0.0.1 and the filestore is a folder of the caller's. The test in
tests/test_production_setup.py and bench/portal_load.py both run it.
"""
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from .server import BIN, PG_URI, ROOT, _env, free_port

COMPOSE = ROOT / 'docker-compose.yml'
DOCKERFILE = ROOT / 'Dockerfile'
#: The services of docker-compose.yml that run trytond, in start order.
SERVICES = ['trytond', 'cron', 'worker']
#: Where the container has the repository.
APP = '/app'
#: A variable of docker-compose.yml: ${NAME}, ${NAME:-default},
#: ${NAME-default}, ${NAME:?error}, ${NAME?error}.
VARIABLE = re.compile(r'\$\{(\w+)(?:(:?)([-?])([^}]*))?\}')


def interpolate(value, variables):
    "`value` with compose's variables taken from `variables` (.env)."
    def replace(match):
        name, colon, kind, word = match.groups()
        value = variables.get(name)
        unset = value is None or (colon and value == '')
        if kind == '?' and unset:
            raise KeyError(f"docker-compose.yml: {word or name}")
        if kind == '-' and unset:
            return word
        return value or ''
    return VARIABLE.sub(replace, value)


def dockerfile_environment():
    "The ENV of the Dockerfile's last stage, as {name: value}."
    text = DOCKERFILE.read_text().replace('\\\n', ' ')
    last = text[text.rindex('\nFROM '):]
    environment = {}
    for line in last.splitlines():
        if line.startswith('ENV '):
            for pair in line[4:].split():
                name, _, value = pair.partition('=')
                environment[name] = value
    return environment


def compose_services(variables):
    """{service: (command, environment)} of SERVICES as compose starts
    them with the .env `variables`: the image's ENV, then the service's
    environment."""
    import yaml
    services = yaml.safe_load(COMPOSE.read_text())['services']
    result = {}
    for name in SERVICES:
        service = services[name]
        environment = dockerfile_environment()
        environment.update({key: interpolate(str(value), variables)
                for key, value in service['environment'].items()})
        command = [interpolate(str(a), variables)
            for a in service['command']]
        result[name] = (command, environment)
    return result


def on_host(value):
    "A path of the container as it is here."
    if value == APP or value.startswith(APP + '/'):
        return str(ROOT) + value[len(APP):]
    return value


class ProductionSetup:
    """The three trytond services of docker-compose.yml on `database`,
    started from config/trytond-postgresql.conf as compose starts them.

    `public_url` is SOSOLO_PUBLIC_URL: the proxy's address, in front of
    gunicorn. Every process runs in a session of its own, so that stop()
    ends it with its children (gunicorn's and the worker's processes).
    """

    def __init__(self, database, workdir, public_url='https://portal.test',
            smtp_port=None, uri=PG_URI):
        self.database = database
        self.workdir = Path(workdir)
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}'
        self.uri = uri
        self.filestore = self.workdir / 'filestore'
        self.variables = {
            'POSTGRES_PASSWORD': 'not-used-here',
            'SOSOLO_DATABASE': database,
            'SOSOLO_PUBLIC_URL': public_url,
            'SOSOLO_SMTP': f'smtp://127.0.0.1:{smtp_port or 1}',
            }
        self.processes = {}

    def commands(self):
        "{service: (argv, environment)} as they run here."
        result = {}
        for name, (command, environment) in compose_services(
                self.variables).items():
            argv = [on_host(a) for a in command]
            argv[0] = str(BIN / argv[0])
            if '--bind' in argv:
                argv[argv.index('--bind') + 1] = f'127.0.0.1:{self.port}'
            environment = {key: on_host(value)
                for key, value in environment.items()}
            # The compose network's server, and the volume.
            assert environment['TRYTOND_DATABASE__URI'].startswith(
                'postgresql://'), environment
            environment['TRYTOND_DATABASE__URI'] = self.uri
            assert environment['TRYTOND_DATABASE__PATH'].startswith(
                str(ROOT)), environment
            environment['TRYTOND_DATABASE__PATH'] = str(self.filestore)
            result[name] = (argv, environment)
        return result

    def start(self, services=SERVICES, timeout=180):
        self.filestore.mkdir(parents=True, exist_ok=True)
        for name, (argv, environment) in self.commands().items():
            if name not in services:
                continue
            log = open(self.workdir / f'{name}.log', 'w')
            self.processes[name] = (subprocess.Popen(argv, cwd=ROOT,
                    env=dict(_env(), **environment), stdout=log,
                    stderr=subprocess.STDOUT, start_new_session=True), log)
        if 'trytond' in services:
            self.wait(timeout)
        return self

    def wait(self, timeout):
        "Wait until gunicorn answers (each worker has loaded the pool)."
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, (process, _) in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(
                        f"{name} stopped:\n{self.output(name)}")
            try:
                urllib.request.urlopen(self.url + '/', timeout=5).read()
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer:\n"
            + self.output('trytond'))

    def output(self, name):
        path = self.workdir / f'{name}.log'
        return path.read_text() if path.exists() else ''

    def stop(self, services=None):
        "End the services (all by default) and every process they made."
        names = [n for n in self.processes
            if services is None or n in services]
        for name in names:
            process, _ = self.processes[name]
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name in names:
            process, log = self.processes.pop(name)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            try:
                # Children that outlived their parent.
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            log.close()

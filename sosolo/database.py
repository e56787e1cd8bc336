# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Create a Tryton database with the SOSOLO modules, and connect to it."""
import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import CommandError

#: Every SOSOLO module, in dependency order.
MODULES = [
    'sosolo_sweden',
    'sosolo_payroll',
    'sosolo_portal',
    'sosolo_membership',
    'sosolo_convoy',
    'sosolo_templates',
    'sosolo_meeting',
    'sosolo_community',
    ]


def installed_modules():
    "The SOSOLO modules this installation has."
    from trytond.modules import get_modules
    available = get_modules()
    return [m for m in MODULES if m in available]


#: trytond's folders that config/trytond.conf leaves out, as trytond
#: wants them absolute: {(section, option): folder under the directory
#: sosolo runs in, the repository root}.
FOLDERS = {
    ('database', 'path'): 'var/db',
    ('web', 'root'): 'var/sao',
    ('sosolo_templates', 'seal_directory'): 'var/seal',
    }


def load_config(config_file):
    """Read `config_file` into trytond's configuration; return it.

    The ``sosolo`` command calls this first, before anything imports
    trytond: trytond.config takes the environment when it is first
    imported (trytond.transaction and proteus import it), so the folders
    of FOLDERS are put in the environment (for trytond-admin too) and
    in the configuration here, unless the environment names them. The
    file is read last and wins, as with trytond's own commands.
    """
    if not Path(config_file).is_file():
        raise CommandError(f"konfigurationsfilen {config_file} finns inte "
            "(kör sosolo från förrådets rot eller ange -c)")
    values = {}
    for (section, option), folder in FOLDERS.items():
        key = f'TRYTOND_{section.upper()}__{option.upper()}'
        values[section, option] = os.environ.setdefault(
            key, os.path.abspath(folder))
    from trytond import config
    for (section, option), value in values.items():
        # Already imported (main() called in-process): set them anyway.
        if not config.has_section(section):
            config.add_section(section)
        config.set(section, option, value)
    config.update_etc(config_file)
    return config


def exists(name):
    from trytond import backend
    database = backend.Database().connect()
    try:
        return name in database.list()
    finally:
        database.close()


def create(name, config_file, admin_password, email=''):
    """Create database `name` with only the base modules and an admin.

    The empty database is made through trytond's backend, then
    initialised by trytond-admin as an operator would.
    """
    config = load_config(config_file)
    from trytond import backend
    if backend.name == 'sqlite':
        os.makedirs(config.get('database', 'path'), exist_ok=True)
    database = backend.Database().connect()
    connection = database.get_connection(autocommit=True)
    try:
        database.create(connection, name)
    finally:
        database.put_connection(connection)
        database.close()
    with tempfile.NamedTemporaryFile('w', suffix='.pass') as passfile:
        passfile.write(admin_password + '\n')
        passfile.flush()
        env = dict(os.environ, TRYTONPASSFILE=passfile.name)
        admin = Path(sys.executable).with_name('trytond-admin')
        result = subprocess.run(
            [str(admin), '-c', config_file, '-d', name, '--all'],
            # trytond-admin asks for the admin's e-mail on a new database.
            input=email + '\n', env=env, capture_output=True, text=True)
    if result.returncode:
        last = (result.stderr.strip().splitlines() or ['?'])[-1]
        raise CommandError(f"kunde inte skapa databasen {name}: {last}")


def connect(name, config_file, user='admin'):
    "Return a proteus configuration on database `name`."
    load_config(config_file)
    from proteus import config as pconfig
    return pconfig.set_trytond(name, user=user, config_file=config_file)


def activate(config, modules):
    "Activate `modules` (and their dependencies) with proteus."
    from proteus import Model, Wizard
    Module = Model.get('ir.module', config=config)
    records = Module.find([
            ('name', 'in', modules),
            ('state', '!=', 'activated'),
            ])
    if records:
        Module.click(records, 'activate')
        Wizard('ir.module.activate_upgrade', config=config).execute('upgrade')
    return [r.name for r in records]


def drop(name):
    from trytond import backend
    from trytond.pool import Pool
    Pool.stop(name)
    database = backend.Database().connect()
    connection = database.get_connection(autocommit=True)
    try:
        database.drop(connection, name)
    finally:
        database.put_connection(connection)
        database.close()


def random_password():
    import secrets
    return secrets.token_urlsafe(18)


#: The portal password of the demo's members.
DEMO_MEMBER_PASSWORD = 'demo'


def set_demo_passwords(name, password='admin'):
    """Give `admin` the demo password `admin`, and members `demo`.

    Tryton refuses a password equal to the login (res.user
    validate_password), which is right for real databases; the demo's
    well-known login is set by hash so it exists only in the demo.
    """
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    with Transaction().start(name, 0) as transaction:
        User = Pool().get('res.user')
        admin, = User.search([('login', '=', 'admin')])
        User.write([admin], {'password_hash': User.hash_password(password)})
        try:
            WebUser = Pool().get('web.user')
        except KeyError:
            WebUser = None
        if WebUser:
            # The demo members' portal password is `demo`: too short for
            # the password rules, so it too is set by hash.
            WebUser.write(WebUser.search([]), {
                    'password_hash': WebUser.hash_password(
                        DEMO_MEMBER_PASSWORD)})
        transaction.commit()


_connections = {}


def in_transaction(name, config_file, func, readonly=False, commit=True):
    """Call `func()` in a trytond transaction on `name` as admin.

    The context is admin's (company, language); see `run`. The pool is
    loaded through proteus.
    """
    # proteus' set_trytond initialises the pool again on every call.
    if name not in _connections:
        _connections[name] = connect(name, config_file)
    return run(_connections[name], func, readonly=readonly, commit=commit)


def run(config, func, readonly=False, commit=True):
    """Call `func()` in a trytond transaction on the database of the
    proteus `config`, as its user and in its context.

    The work is committed unless `readonly` or not `commit` (dry runs,
    exports). Tryton's user errors become a CommandError; a
    TransactionError (a lock taken with ModelSQL.lock) restarts the
    transaction with the lock, as trytond's own dispatcher does.
    """
    from trytond.exceptions import UserError, UserWarning
    from trytond.transaction import Transaction, TransactionError
    extras = {}
    while True:
        with Transaction().start(config.database_name, config.user,
                readonly=readonly, context=config.context,
                **extras) as transaction:
            try:
                result = func()
            except TransactionError as exception:
                transaction.rollback()
                transaction.tasks.clear()
                exception.fix(extras)
                continue
            except (UserError, UserWarning) as exception:
                transaction.rollback()
                raise CommandError(exception.message) from exception
            if commit and not readonly:
                transaction.commit()
            else:
                transaction.rollback()
            return result


@contextlib.contextmanager
def membership(name):
    """A read-only transaction on `name` with sosolo_membership, in the
    context of its cooperative (the first company) and in Swedish.

    Yields (pool, company). The commands that read the member register
    start here; a database without it is one line, not a traceback.
    """
    if not exists(name):
        raise CommandError(f"databasen {name} finns inte")
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(name)
    pool.init()
    with Transaction().start(name, 0, readonly=True):
        if 'sosolo.member' not in dict(pool.iterobject()):
            raise CommandError(
                "modulen sosolo_membership är inte aktiverad")
        Company = pool.get('company.company')
        companies = Company.cooperative_ids()
        if not companies:
            raise CommandError("databasen har ingen förening")
        company = Company(companies[0])
        with Transaction().set_context(company=company.id, language='sv'):
            yield pool, company

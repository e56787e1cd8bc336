# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run work on the company's books in-process, in one trytond transaction.

For commands that read or write much (SIE, BgMax): one transaction, so
an import is all or nothing, and no RPC round trip per record.
"""
from pathlib import Path

from . import database
from .errors import CommandError


def read_file(name):
    "Return the Path and the bytes of the file `name` the user gave."
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"filen {name} finns inte")
    return path, path.read_bytes()


def run(args, func, commit=True):
    """Call `func(company)` as admin in the database's company.

    Commit when `commit` is true, else roll back (dry runs, exports).
    Tryton's user errors become a CommandError; a transaction that needs
    a table lock is retried with the lock, as trytond's own dispatcher
    does.
    """
    database.connect(args.database, args.config)
    from trytond.exceptions import UserError, UserWarning
    from trytond.pool import Pool
    from trytond.transaction import Transaction, TransactionError
    extras = {}
    while True:
        with Transaction().start(args.database, 0, **extras) as transaction:
            try:
                pool = Pool()
                User = pool.get('res.user')
                Company = pool.get('company.company')
                admin, = User.search([('login', '=', 'admin')])
                company = admin.company
                if not company:
                    companies = Company.search([], limit=1)
                    if not companies:
                        raise CommandError("databasen har inget företag")
                    company, = companies
                with transaction.set_user(admin.id), \
                        transaction.set_context(
                            company=company.id, companies=[company.id],
                            language='sv'):
                    result = func(company)
                if commit:
                    transaction.commit()
                else:
                    transaction.rollback()
                return result
            except TransactionError as exception:
                transaction.rollback()
                transaction.tasks.clear()
                exception.fix(extras)
                continue
            except (UserError, UserWarning) as exception:
                transaction.rollback()
                raise CommandError(exception.message) from exception

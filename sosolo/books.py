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

    Commit when `commit` is true, else roll back (dry runs, exports);
    see database.in_transaction.
    """
    def call():
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        Company = Pool().get('company.company')
        company_id = Transaction().context.get('company')
        if not company_id:
            companies = Company.search([], limit=1)
            if not companies:
                raise CommandError("databasen har inget företag")
            company_id = companies[0].id
        with Transaction().set_context(company=company_id,
                companies=[company_id], language='sv'):
            return func(Company(company_id))
    return database.in_transaction(
        args.database, args.config, call, commit=commit)

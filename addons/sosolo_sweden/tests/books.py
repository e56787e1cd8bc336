# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One company on the BAS chart per test database, for module tests.

Creating the BAS chart takes tens of seconds (trytond validates the
439 accounts level by level), so a test class that needs books commits
one company with the chart and the fiscal year 2026 when it is set up
(``setup_books`` in ``setUpClass``), and each test takes it with
``books()`` and rolls back what it does, as ``with_transaction`` does.
"""
import datetime as dt

from trytond.modules.account.tests import create_chart
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.currency.tests import create_currency
from trytond.pool import Pool

from .transactions import committed

NAME = "Kooperativet Åsele ek. för."
ORGNR = '769600-1994'
VAT = 'SE769600199401'
BANKGIRO = '5555-5551'
YEAR = 2026


def setup_books(setup=None):
    """Commit the test company with its books, once per database.

    `setup(company)` adds what the module needs (configuration records)
    in the same transaction.
    """
    def work():
        if not _find():
            company = _create()
            if setup:
                with set_company(company):
                    setup(company)
    committed(work, user=0)


def books():
    "The test company, in the current transaction."
    company = _find()
    assert company, "setup_books() was not called in setUpClass"
    return company


def create_fiscalyear(company, start_date, end_date):
    "Create the fiscal year of `company` as `sosolo init` does."
    FiscalYear = Pool().get('account.fiscalyear')
    return FiscalYear.create_year(company, start_date, end_date)


def _find():
    Company = Pool().get('company.company')
    companies = Company.search([('party.name', '=', NAME)])
    return companies[0] if companies else None


def _create():
    pool = Pool()
    Company = pool.get('company.company')
    Currency = pool.get('currency.currency')
    Identifier = pool.get('party.identifier')
    currencies = Currency.search([('code', '=', 'SEK')])
    currency = currencies[0] if currencies else create_currency('SEK')
    company = create_company(NAME, currency=currency)
    Identifier.create([
            {'party': company.party.id, 'type': 'se_orgnr', 'code': ORGNR},
            {'party': company.party.id, 'type': 'eu_vat', 'code': VAT}])
    Company.write([company], {'se_bankgiro': BANKGIRO})
    with set_company(company):
        create_chart(company, chart='sosolo_sweden.root')
        create_fiscalyear(company, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    return company

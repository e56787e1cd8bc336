# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for tests and benchmarks, inside a trytond transaction."""
from trytond.modules.sosolo_payroll.configuration import BAS_ACCOUNTS
from trytond.pool import Pool


def configure_payroll(company):
    "Set the payroll journal and BAS accounts of `company`'s chart."
    pool = Pool()
    Account = pool.get('account.account')
    Configuration = pool.get('sosolo.payroll.configuration')
    Journal = pool.get('account.journal')
    accounts = {a.code: a for a in Account.search([
                ('company', '=', company.id),
                ('code', 'in', list(set(BAS_ACCOUNTS.values()))),
                ])}
    config = Configuration(1)
    config.journal, = Journal.search([('type', '=', 'general')], limit=1)
    for name, code in BAS_ACCOUNTS.items():
        setattr(config, name, accounts[code])
    config.contact_name = "Lön"
    config.save()
    return config

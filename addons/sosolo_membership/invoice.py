# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import fields
from trytond.pool import Pool, PoolMeta


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # The state as the portal shows it, in the member's language.
        cls.state_string = cls.state.translated('state')

    @classmethod
    def member_invoices(cls, party, domain=None):
        """The cooperative's invoices to `party` that the portal shows:
        posted or paid, the latest first (contribution and fees)."""
        return cls.search([
                ('party', '=', party.id),
                ('type', '=', 'out'),
                ('state', 'in', ['posted', 'paid']),
                domain or [],
                ], order=[('invoice_date', 'DESC'), ('id', 'DESC')])

    @classmethod
    def paid(cls, invoices):
        super().paid(invoices)
        Pool().get('sosolo.member').invoices_paid(invoices)


class InvoiceLine(metaclass=PoolMeta):
    __name__ = 'account.invoice.line'

    @classmethod
    def _account_domain(cls, type_):
        # Contributions are invoiced and repaid on the capital account
        # (BAS 2083, equity), which is neither revenue nor expense.
        domain = super()._account_domain(type_)
        return domain + [('membership_capital', '=', True)]


class Account(metaclass=PoolMeta):
    __name__ = 'account.account'

    membership_capital = fields.Function(
        fields.Boolean("Membership Capital"), 'get_membership_capital',
        searcher='search_membership_capital')

    @classmethod
    def _capital_account_ids(cls):
        Config = Pool().get('sosolo.membership.configuration')
        config = Config(1)
        return [config.capital_account.id] if config.capital_account else []

    @classmethod
    def get_membership_capital(cls, accounts, name):
        ids = cls._capital_account_ids()
        return {a.id: a.id in ids for a in accounts}

    @classmethod
    def search_membership_capital(cls, name, clause):
        _, operator, value = clause
        ids = cls._capital_account_ids()
        if (operator == '=') == bool(value):
            return [('id', 'in', ids)]
        return [('id', 'not in', ids)]

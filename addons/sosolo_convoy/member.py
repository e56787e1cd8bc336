# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from sql import Null
from sql.aggregate import Sum
from sql.conditionals import Case, Coalesce

from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

_ZERO = Decimal(0)
_CENT = Decimal('0.01')


def _amount(value):
    "A sum read from the database (a float on SQLite), in öre."
    return Decimal(str(value or 0)).quantize(_CENT)


class Member(metaclass=PoolMeta):
    __name__ = 'sosolo.member'

    plan = fields.Many2One('sosolo.convoy.plan', "Plan",
        help="The cooperative's fee on the member's invoices.")
    convoy_balance = fields.Function(
        fields.Numeric("Account Balance", digits=(16, 2),
            help="What the member's activity account holds."),
        'get_convoy_amounts')
    convoy_available = fields.Function(
        fields.Numeric("Available", digits=(16, 2),
            help="The balance less the payouts requested and not yet "
            "paid."),
        'get_convoy_amounts')

    @classmethod
    def default_plan(cls):
        Configuration = Pool().get('sosolo.convoy.configuration')
        plan = Configuration(1).default_plan
        return plan.id if plan else None

    @property
    def convoy_plan(self):
        "The member's plan, or the configuration's default."
        Configuration = Pool().get('sosolo.convoy.configuration')
        return self.plan or Configuration(1).required('default_plan')

    @classmethod
    def get_convoy_amounts(cls, members, names):
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Line = pool.get('account.move.line')
        Payout = pool.get('sosolo.convoy.payout')
        line = Line.__table__()
        payout = Payout.__table__()
        cursor = Transaction().connection.cursor()
        account = Configuration(1).member_account
        balances = {m.id: _amount(0) for m in members}
        reserved = {m.id: _amount(0) for m in members}
        by_party = {}
        for member in members:
            by_party.setdefault(member.party.id, []).append(member.id)
        parties = list(by_party)
        for start in range(0, len(parties) if account else 0, 1000):
            sub = parties[start:start + 1000]
            cursor.execute(*line.select(line.party,
                    Sum(Coalesce(line.credit, 0) - Coalesce(line.debit, 0)),
                    where=(line.account == account.id)
                    & line.party.in_(sub),
                    group_by=[line.party]))
            for party_id, value in cursor:
                for member_id in by_party[party_id]:
                    balances[member_id] = _amount(value)
        if 'convoy_available' in names:
            ids = list(balances)
            for start in range(0, len(ids), 1000):
                sub = ids[start:start + 1000]
                # An open request for "all" (no amount) reserves all.
                cursor.execute(*payout.select(payout.member,
                        Sum(Coalesce(payout.amount, 0)),
                        Sum(Case((payout.amount == Null, 1), else_=0)),
                        where=(payout.state == 'requested')
                        & payout.member.in_(sub),
                        group_by=[payout.member]))
                for member_id, amount, all_ in cursor:
                    reserved[member_id] = (balances[member_id] if all_
                        else _amount(amount))
        result = {}
        if 'convoy_balance' in names:
            result['convoy_balance'] = balances
        if 'convoy_available' in names:
            result['convoy_available'] = {
                i: max(balances[i] - reserved[i], _amount(0))
                for i in balances}
        return result

    @classmethod
    def convoy_statement(cls, member):
        """The movements of `member`'s activity account, oldest first.

        Plain rows for the portal and reports: date, description, origin
        (the invoice, payslip or expense it comes from), debit, credit and
        the running balance (credit positive).
        """
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Line = pool.get('account.move.line')
        account = Configuration(1).member_account
        if not account:
            return []
        lines = Line.search([
                ('account', '=', account.id),
                ('party', '=', member.party.id),
                ], order=[('date', 'ASC'), ('id', 'ASC')])
        rows, balance = [], _ZERO
        for line in lines:
            balance += line.credit - line.debit
            origin = line.move.origin
            rows.append({
                    'date': line.date,
                    'description': (line.description
                        or line.move.description or ''),
                    'origin': origin.rec_name if origin else '',
                    'debit': line.debit,
                    'credit': line.credit,
                    'balance': balance,
                    })
        return rows

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from sql import Null
from sql.aggregate import Sum
from sql.conditionals import Case, Coalesce

from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .exceptions import CustomerError

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

    @property
    def convoy_customers(self):
        """The member's own customers: the parties their assignments bill.

        The portal offers only these, and matches a new customer's
        organisation number only among them (#12): a party another
        member entered, with that member's address and e-mail, stays
        theirs.
        """
        Party = Pool().get('party.party')
        return Party.search([('convoy_assignments.member', '=', self.id)],
            order=[('name', 'ASC'), ('id', 'ASC')])

    def convoy_customer(self, customer):
        """The party to bill for the member: find or create the customer.

        `customer` is one of the member's customers (a party), or the
        values of a new one: a dict of name, organisation (NNNNNN-NNNN),
        email, street, postal_code and city. A new customer becomes a
        party of its own even when another member's customer has the same
        organisation number; staff may merge them. One with the number of
        one of the member's own customers is refused: the member chooses
        that one, so what they typed is never dropped unseen.
        """
        pool = Pool()
        Party = pool.get('party.party')
        customers = self.convoy_customers
        if isinstance(customer, Party):
            if customer not in customers:
                raise CustomerError(gettext(
                        'sosolo_convoy.msg_customer_not_own',
                        customer=customer.rec_name))
            return customer
        compact = customer['organisation'].replace('-', '')
        for known in customers:
            if any(i.type == 'se_orgnr' and i.code_compact == compact
                    for i in known.identifiers):
                raise CustomerError(gettext(
                        'sosolo_convoy.msg_customer_known',
                        customer=known.rec_name,
                        number=customer['organisation']))
        # The portal user may not create parties; the values are the
        # member's own, and no existing party is read or changed.
        with without_check_access():
            party, = Party.create([{
                        'name': customer['name'],
                        'identifiers': [('create', [{'type': 'se_orgnr',
                                        'code': customer['organisation']}])],
                        'contact_mechanisms': [('create', [{
                                        'type': 'email',
                                        'value': customer['email']}])],
                        'addresses': [('create', [{
                                        'street': customer['street'],
                                        'postal_code':
                                        customer['postal_code'],
                                        'city': customer['city']}])],
                        }])
        return Party(party.id)

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

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from . import rules

_ZERO = Decimal(0)


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    convoy_invoiced_assignments = fields.One2Many(
        'sosolo.convoy.assignment', 'invoice', "Assignments", readonly=True,
        help="The members' assignments the invoice bills.")

    @classmethod
    def convoy_assignments(cls, invoices):
        """{invoice id: the assignment it, or the invoice it credits, bills}.

        A credit note made by Tryton's credit wizard has lines whose
        origin is the credited invoice's lines. One search for all:
        every posted invoice passes here.
        """
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        InvoiceLine = pool.get('account.invoice.line')
        billed = {}  # invoice id: the ids of the invoices it stands for
        for invoice in invoices:
            billed[invoice.id] = {invoice.id} | {
                l.origin.invoice.id for l in invoice.lines
                if isinstance(l.origin, InvoiceLine) and l.origin.invoice}
        if not billed:
            return {}
        by_billed = {a.invoice.id: a for a in Assignment.search([
                    ('invoice', 'in', list(set().union(*billed.values()))),
                    ])}
        result = {}
        for invoice_id, ids in billed.items():
            for id_ in sorted(ids):
                if id_ in by_billed:
                    result[invoice_id] = by_billed[id_]
                    break
        return result

    @property
    def convoy_settled(self):
        """What the customer has paid of the invoice, incl. VAT.

        A cancelled invoice, and a credit note that cancelled its invoice
        (credit with refund), settle nothing: the two cancel out and no
        money came in.
        """
        pool = Pool()
        InvoiceLine = pool.get('account.invoice.line')
        if self.state == 'paid':
            for line in self.lines:
                origin = line.origin
                if (isinstance(origin, InvoiceLine) and origin.invoice
                        and origin.invoice.state == 'cancelled'):
                    return _ZERO
            return self.total_amount
        elif self.state == 'posted':
            return self.total_amount - self.amount_to_pay
        return _ZERO

    @classmethod
    def convoy_credit(cls, invoices):
        # Whoever records the payment (an accountant, a BgMax import)
        # need not be in the convoy group to credit the member.
        with without_check_access():
            cls._convoy_credit(invoices)

    @classmethod
    def _convoy_credit(cls, invoices):
        """Bring the member's account in line with what was paid.

        Post Dr share account / Cr member account (party = member) for
        the part of the member's share (amount excl. VAT less the fee)
        newly paid, or the reverse for a credit note or an undone
        payment. What was posted before is read back from the ledger, so
        calling this again posts nothing (idempotent).
        """
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        Configuration = pool.get('sosolo.convoy.configuration')
        Move = pool.get('account.move')
        by_invoice = {i: a for i, a in cls.convoy_assignments([
                    i for i in invoices
                    if i.type == 'out' and i.state != 'draft']).items()
            if a.fee_rate is not None}
        if not by_invoice:
            return
        # Two payments at once must not credit the same part twice.
        cls.lock(list(by_invoice))
        config = Configuration(1)
        moves, to_pay, to_unpay = [], [], []
        for invoice in cls.browse(list(by_invoice)):
            assignment = by_invoice[invoice.id]
            share = rules.member_share(invoice.untaxed_amount,
                assignment.fee_rate, assignment.minimum_fee)
            due = rules.credit_due(
                share, invoice.total_amount, invoice.convoy_settled)
            amount = due - invoice.convoy_credited(config)
            if amount:
                moves.append(invoice.get_convoy_move(
                        config, assignment, amount))
            if assignment.invoice == invoice:
                if invoice.state == 'paid' and assignment.state == 'invoiced':
                    to_pay.append(assignment)
                elif (invoice.state != 'paid'
                        and assignment.state == 'paid'):
                    to_unpay.append(assignment)
        Move.save(moves)
        Move.post(moves)
        Assignment.pay(to_pay)
        Assignment.unpay(to_unpay)

    def convoy_credited(self, config):
        "What was credited to the member's account for this invoice."
        pool = Pool()
        Line = pool.get('account.move.line')
        Move = pool.get('account.move')
        line = Line.__table__()
        move = Move.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*line.join(move, condition=line.move == move.id
                ).select(
                Sum(Coalesce(line.credit, 0) - Coalesce(line.debit, 0)),
                where=(line.account == config.required('member_account').id)
                & (move.origin == str(self))))
        value, = cursor.fetchone()
        return Decimal(str(value or 0)).quantize(Decimal('0.01'))

    def get_convoy_move(self, config, assignment, amount):
        "The move crediting (or debiting) `amount` to the member's account."
        pool = Pool()
        Date = pool.get('ir.date')
        Line = pool.get('account.move.line')
        Move = pool.get('account.move')
        Period = pool.get('account.period')
        dates = [l.date for l in self.payment_lines]
        dates += [l.reconciliation.date for l in self.lines_to_pay
            if l.reconciliation]
        if dates:
            date = max(dates)
        else:
            with Transaction().set_context(company=self.company.id):
                date = Date.today()
        party = assignment.member.party
        description = gettext('sosolo_convoy.msg_credit_description',
            invoice=self.rec_name)
        lines = [
            Line(account=config.required('member_account'), party=party,
                debit=max(-amount, _ZERO), credit=max(amount, _ZERO),
                description=description),
            Line(account=config.required('share_account'),
                debit=max(amount, _ZERO), credit=max(-amount, _ZERO)),
            ]
        if lines[1].account.party_required:
            lines[1].party = party
        return Move(company=self.company, journal=config.required('journal'),
            period=Period.find(self.company, date=date), date=date,
            origin=self, description=description, lines=lines)

    @classmethod
    def add_payment_lines(cls, payments):
        super().add_payment_lines(payments)
        cls.convoy_credit(cls.browse([i.id for i in payments]))

    @classmethod
    def remove_payment_lines(cls, lines):
        pool = Pool()
        PaymentLine = pool.get('account.invoice-account.move.line')
        invoices = {p.invoice.id for p in PaymentLine.search(
                [('line', 'in', [l.id for l in lines])])}
        super().remove_payment_lines(lines)
        cls.convoy_credit(cls.browse(list(invoices)))

    @classmethod
    def paid(cls, invoices):
        super().paid(invoices)
        cls.convoy_credit(cls.browse([i.id for i in invoices]))

    @classmethod
    def _post(cls, invoices):
        # Also called by process when a paid invoice is unreconciled.
        super()._post(invoices)
        cls.convoy_credit(cls.browse([i.id for i in invoices]))

    @classmethod
    def cancel(cls, invoices):
        super().cancel(invoices)
        cls.convoy_credit(cls.browse([i.id for i in invoices]))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard


class Fee(ModelSQL, ModelView):
    "Member Fee"
    __name__ = 'sosolo.member.fee'

    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='RESTRICT', readonly=True)
    year = fields.Integer("Year", required=True, readonly=True)
    invoice = fields.Many2One('account.invoice', "Invoice", readonly=True,
        ondelete='RESTRICT')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('member_year_unique', Unique(t, t.member, t.year),
                'sosolo_membership.msg_fee_member_year_unique'),
            ]
        cls._order.insert(0, ('year', 'DESC'))

    @classmethod
    def invoice_year(cls, year, date=None):
        """Invoice the yearly fee of `year` to every active member once.

        Members already invoiced for `year` are skipped, so a second run
        invoices nobody. Returns the new fees.
        """
        pool = Pool()
        Member = pool.get('sosolo.member')
        Config = pool.get('sosolo.membership.configuration')
        Invoice = pool.get('account.invoice')
        Date = pool.get('ir.date')
        config = Config(1)
        config.check_accounts('fee_account')
        date = date or Date.today()
        done = {f.member.id for f in cls.search([('year', '=', year)])}
        domain = [
            ('state', '=', 'active'),
            ('entry_date', '<=', dt.date(year, 12, 31)),
            ]
        company = Transaction().context.get('company')
        if company:
            domain.append(('company', '=', company))
        members = [m for m in Member.search(domain) if m.id not in done]
        fees, invoices = [], []
        for member in members:
            invoice = member._invoice(config, 'out')
            invoice.invoice_date = date
            invoice.description = gettext(
                'sosolo_membership.msg_fee_invoice_description',
                year=year, number=member.number)
            invoice.lines = [member._invoice_line(invoice,
                    config.fee_account, config.fee_amount,
                    invoice.description)]
            invoices.append(invoice)
            fees.append(cls(member=member, year=year, invoice=invoice))
        # Batches of 250, as for moves (DESIGN.md).
        for start in range(0, len(invoices), 250):
            Invoice.save(invoices[start:start + 250])
            Invoice.post(invoices[start:start + 250])
        cls.save(fees)
        return fees


class FeeRun(Wizard):
    "Invoice Membership Fees"
    __name__ = 'sosolo.member.fee.run'

    start = StateView('sosolo.member.fee.run.start',
        'sosolo_membership.fee_run_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Invoice", 'invoice', 'tryton-ok', default=True),
            ])
    invoice = StateTransition()
    result = StateView('sosolo.member.fee.run.result',
        'sosolo_membership.fee_run_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_invoice(self):
        pool = Pool()
        Fee = pool.get('sosolo.member.fee')
        fees = Fee.invoice_year(self.start.year, self.start.invoice_date)
        self.result.count = len(fees)
        return 'result'

    def default_result(self, fields):
        return {'count': self.result.count}


class FeeRunStart(ModelView):
    "Invoice Membership Fees"
    __name__ = 'sosolo.member.fee.run.start'

    year = fields.Integer("Year", required=True)
    invoice_date = fields.Date("Invoice Date", required=True)

    @classmethod
    def default_year(cls):
        return Pool().get('ir.date').today().year

    @classmethod
    def default_invoice_date(cls):
        return Pool().get('ir.date').today()


class FeeRunResult(ModelView):
    "Invoice Membership Fees"
    __name__ = 'sosolo.member.fee.run.result'

    count = fields.Integer("Invoices Created", readonly=True)

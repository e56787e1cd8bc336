# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The staff's coming deadlines: the next pay run, and the last days of
the next employer's and VAT returns (sosolo_sweden/deadlines.py)."""
from trytond.model import ModelView, fields
from trytond.modules.sosolo_sweden import deadlines
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction
from trytond.wizard import Button, StateAction, StateView, Wizard


def _period(first, last):
    "A period as the months it covers: 2026-11, or 2026-10–2026-12."
    if (first.year, first.month) == (last.year, last.month):
        return first.strftime('%Y-%m')
    return f"{first:%Y-%m}–{last:%Y-%m}"


class DeadlinesStart(ModelView):
    "Deadlines"
    __name__ = 'sosolo.convoy.deadlines.start'

    pay_run = fields.Many2One('sosolo.payroll.run', "Next Pay Run",
        readonly=True,
        help="The first pay run not yet paid out, by payment date.")
    pay_date = fields.Date("Payment Date", readonly=True)
    agi_period = fields.Char("Employer's Return For", readonly=True)
    agi_due = fields.Date("Employer's Return Due", readonly=True,
        help="The last day Skatteverket must have the "
        "arbetsgivardeklaration (SFL 26 kap. 26 §).")
    vat_period = fields.Char("VAT Return For", readonly=True)
    vat_due = fields.Date("VAT Return Due", readonly=True,
        help="The last day Skatteverket must have the VAT return of the "
        "company's VAT period (SFL 26 kap. 26 §).")


class Deadlines(Wizard):
    "Deadlines"
    __name__ = 'sosolo.convoy.deadlines'

    start = StateView('sosolo.convoy.deadlines.start',
        'sosolo_convoy.deadlines_start_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            Button("Open Pay Run", 'open_run', 'tryton-forward',
                states={'invisible': ~Eval('pay_run')}),
            ])
    open_run = StateAction('sosolo_payroll.act_run_form')

    def default_start(self, fields):
        pool = Pool()
        Company = pool.get('company.company')
        Date = pool.get('ir.date')
        Run = pool.get('sosolo.payroll.run')
        company = Company(Transaction().context['company'])
        today = Date.today()
        values = {}
        run = Run.next_unpaid(company)
        if run:
            values.update(pay_run=run.id, pay_date=run.payment_date)
        first, last, due = deadlines.next_due(
            today, deadlines.month_period, deadlines.agi_due_date)
        values.update(agi_period=_period(first, last), agi_due=due)
        first, last, due = deadlines.next_due(today,
            lambda d: deadlines.vat_period(d, company.se_vat_period),
            deadlines.vat_due_date)
        values.update(vat_period=_period(first, last), vat_due=due)
        return values

    def do_open_run(self, action):
        return action, {'res_id': [self.start.pay_run.id]}

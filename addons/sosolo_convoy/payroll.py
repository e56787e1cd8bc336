# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import fields
from trytond.modules.sosolo_payroll import rules as payroll_rules
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from . import calculator
from .exceptions import PayoutError

_ZERO = Decimal(0)


class PayRun(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.run'

    @classmethod
    def _compute(cls, runs):
        # Payroll staff pay the payouts without being in the convoy group.
        with without_check_access():
            cls._add_convoy_payouts(runs)
        super()._compute(runs)

    @classmethod
    def _add_convoy_payouts(cls, runs):
        pool = Pool()
        Payout = pool.get('sosolo.convoy.payout')
        for run in runs:
            payouts = Payout.search([
                    ('company', '=', run.company.id),
                    ('state', '=', 'requested'),
                    ('payslip', '=', None),
                    ('date', '<=', run.payment_date),
                    ], order=[('date', 'ASC'), ('id', 'ASC')])
            run.add_convoy_payouts(payouts)

    def convoy_employee(self, member, error):
        "`member`'s employee on the payment date, or `error` raised."
        Employee = Pool().get('sosolo.payroll.employee')
        for employee in Employee.search([
                    ('company', '=', self.company.id),
                    ('party', '=', member.party.id),
                    ]):
            if employee.employed_on(self.payment_date):
                return employee
        raise error

    def add_convoy_payouts(self, payouts):
        """Make each payout a payslip of this run.

        The salary line is what the amount pays once employer
        contributions are taken (sosolo_payroll.rules.salary_from_available
        at the rate of the date of payment, calculator.effective_rate when
        the rate has a monthly cap), with holiday pay as a line of
        its own: the payslip adds no holiday pay on top.
        """
        pool = Pool()
        Line = pool.get('sosolo.payroll.payslip.line')
        Payout = pool.get('sosolo.convoy.payout')
        Rate = pool.get('sosolo.payroll.contribution.rate')
        date = self.payment_date
        rates = Rate.rules_for(date)
        lines = []
        for payout in payouts:
            employee = self.convoy_employee(payout.member, PayoutError(
                    gettext('sosolo_convoy.msg_payout_no_employee',
                        member=payout.member.rec_name, date=date)))
            amount = payout.get_amount()
            if amount <= 0:
                continue
            try:
                # The same rate as the salary calculator: with a monthly
                # cap (the youth reduction) the rate that the tiers give.
                rate = calculator.effective_rate(
                    payroll_rules.applicable_rates(
                        rates, employee.birth_date, date), amount)
            except payroll_rules.NoContributionRate:
                raise PayoutError(gettext(
                        'sosolo_convoy.msg_payout_no_rate', date=date))
            breakdown = payroll_rules.salary_from_available(amount, rate,
                pension_rate=payout.member.convoy_plan.pension_rate)
            payslip = self.employee_payslip(employee)
            lines += [
                Line(payslip=payslip, kind='salary', sequence=10,
                    amount=payroll_rules.to_cent(breakdown.salary),
                    holiday_pay_basis=False,
                    convoy_payout=payout,
                    description=gettext('sosolo_convoy.msg_payout_salary')),
                Line(payslip=payslip, kind='holiday_pay', sequence=11,
                    amount=payroll_rules.to_cent(breakdown.holiday_pay),
                    convoy_payout=payout,
                    description=gettext(
                        'sosolo_convoy.msg_payout_holiday_pay')),
                ]
            payout.payslip = payslip
            payout.paid_amount = payroll_rules.to_cent(
                breakdown.gross + breakdown.contributions
                + breakdown.pension_premium + breakdown.pension_tax)
        Line.save(lines)
        Payout.save(payouts)

    @classmethod
    def draft(cls, runs):
        pool = Pool()
        Line = pool.get('sosolo.payroll.payslip.line')
        Payout = pool.get('sosolo.convoy.payout')
        Payslip = pool.get('sosolo.payroll.payslip')
        payslips = [p for r in runs if r.state == 'computed'
            for p in r.payslips]
        # Payroll staff need not be in the convoy group (see _compute).
        with without_check_access():
            payouts = Payout.search(
                [('payslip', 'in', [p.id for p in payslips])])
            Line.delete(Line.search([('convoy_payout', 'in', payouts)]))
            Payout.write(payouts, {'payslip': None, 'paid_amount': None})
        super().draft(runs)
        # Payslips left empty, of payouts or of expenses (expense.py): every
        # override deletes its lines before calling super().
        Payslip.delete([p for p in Payslip.browse(payslips) if not p.lines])

    @classmethod
    def _post(cls, runs):
        pool = Pool()
        Payout = pool.get('sosolo.convoy.payout')
        super()._post(runs)
        with without_check_access():
            Payout.pay(Payout.search([
                        ('payslip.run', 'in', [r.id for r in runs]),
                        ('state', '=', 'requested'),
                        ]))


class Payslip(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.payslip'

    convoy_payouts = fields.One2Many('sosolo.convoy.payout', 'payslip',
        "Payouts", readonly=True)

    def get_move(self, config, journal, period):
        """The payslip's move, with the cost taken from the member's account.

        Dr member account (party = member) / Cr share account for the
        gross pay and employer contributions the payouts pay, and for the
        sick pay with its contributions when the configuration puts the
        cost of sick pay on the member's account (sick_pay_cost).
        """
        pool = Pool()
        Configuration = pool.get('sosolo.convoy.configuration')
        Line = pool.get('account.move.line')
        move = super().get_move(config, journal, period)
        convoy = Configuration(1)
        with without_check_access():
            amounts = [(sum((p.paid_amount or _ZERO
                        for p in self.convoy_payouts), _ZERO),
                    'sosolo_convoy.msg_payout_description')]
        if convoy.sick_pay_bearer == 'member':
            amounts.append((self.sick_pay_cost(),
                    'sosolo_convoy.msg_sick_pay_member_description'))
        party = self.employee.party
        lines = []
        for amount, description in amounts:
            if not amount:
                continue
            lines.append(Line(account=convoy.required('member_account'),
                    party=party, debit=amount, credit=_ZERO,
                    description=gettext(description)))
            share_line = Line(account=convoy.required('share_account'),
                debit=_ZERO, credit=amount)
            if share_line.account.party_required:
                share_line.party = party
            lines.append(share_line)
        if lines:
            move.lines = list(move.lines) + lines
        return move

    def get_pension_rate(self):
        "The pension premium of the member's plan."
        Member = Pool().get('sosolo.member')
        # Payroll staff compute payslips without the membership groups.
        with without_check_access():
            members = Member.search([
                    ('party', '=', self.employee.party.id),
                    ('company', '=', self.run.company.id),
                    ], limit=1)
            if members:
                return members[0].convoy_plan.pension_rate
        return super().get_pension_rate()

    def sick_pay_cost(self):
        """The sick pay of the payslip and the employer contributions on
        it: the contributions in proportion of the sick pay to the gross
        pay, to the öre."""
        sick_pay = sum((l.amount for l in self.lines
                if l.kind == 'sick_pay'), _ZERO)
        if not sick_pay or not self.gross:
            return _ZERO
        return payroll_rules.to_cent(
            sick_pay + self.contributions * sick_pay / self.gross)


class PayslipLine(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.payslip.line'

    convoy_payout = fields.Many2One('sosolo.convoy.payout', "Payout",
        readonly=True, ondelete='CASCADE')

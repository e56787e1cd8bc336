# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from collections import defaultdict
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from . import rules
from .exceptions import ContributionRateError, PayRunError
from .files import AgiContact, AgiIndividual, agi_krona, agi_xml


def month_bounds(period):
    "First day of `period`'s month and first day of the next."
    start = dt.date(period.year, period.month, 1)
    end = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, end


class AgiExport(Wizard):
    "Export AGI"
    __name__ = 'sosolo.payroll.agi.export'

    start = StateView('sosolo.payroll.agi.export.start',
        'sosolo_payroll.agi_export_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Export", 'export', 'tryton-ok', default=True),
            ])
    export = StateTransition()
    result = StateView('sosolo.payroll.agi.export.result',
        'sosolo_payroll.agi_export_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_export(self):
        period = self.start.period
        self.result.file = self.get_file(self.start.company, period)
        self.result.filename = f'agi-{period:%Y-%m}.xml'
        return 'result'

    def default_result(self, fields):
        file = self.result.file
        # Keep the session small once the file has been shown.
        self.result.file = None
        return {'file': file, 'filename': self.result.filename}

    @classmethod
    def get_individuals(cls, company, period, runs=()):
        """The IUs of the month: posted payslips paid in it, per payee.

        Also returns the month's employer contributions (field 487),
        computed as Skatteverket does (rules.declared_contributions): on
        each payee's pay of the month in whole kronor, as field 011
        declares it, per rate, öre dropped per rate. The rates are those
        of the payee's last payment date in the month. `runs` being
        posted count as posted.
        """
        pool = Pool()
        Payslip = pool.get('sosolo.payroll.payslip')
        Rate = pool.get('sosolo.payroll.contribution.rate')
        start, end = month_bounds(period)
        payslips = Payslip.search([
                ('run.company', '=', company.id),
                *cls.reported_domain(start, end, runs),
                ], order=[('employee', 'ASC'), ('id', 'ASC')])
        sums = defaultdict(lambda: defaultdict(Decimal))
        employees = {}
        dates = {}
        for payslip in payslips:
            employee = payslip.employee
            employees[employee.id] = employee
            date = payslip.run.payment_date
            dates[employee.id] = max(dates.get(employee.id, date), date)
            values = sums[employee.id]
            # Pay that bears no contributions (born 1937 or earlier) is
            # reported in field 131, not 011.
            if payslip.contribution_rate:
                values['cash_pay'] += payslip.gross
            else:
                values['no_contributions'] += payslip.gross
            values['tax'] += payslip.tax
            values['mileage'] += payslip.mileage or 0
        individuals = []
        bases = []
        rates = {}
        for employee_id, values in sums.items():
            employee = employees[employee_id]
            individuals.append(AgiIndividual(
                    payee_id=employee.agi_identity,
                    specification_number=employee.specification_number,
                    cash_pay=values['cash_pay'], tax=values['tax'],
                    cash_pay_no_contributions=values['no_contributions'],
                    mileage=bool(values['mileage']),
                    sink=employee.taxed_under_sink))
            if not values['cash_pay']:
                continue
            date = dates[employee_id]
            if date not in rates:
                rates[date] = Rate.rules_for(date)
            try:
                chosen = rules.applicable_rates(
                    rates[date], employee.birth_date, date)
            except rules.NoContributionRate:
                raise ContributionRateError(gettext(
                        'sosolo_payroll.msg_contribution_no_rate',
                        date=date))
            bases += rules.contribution_bases(
                chosen, agi_krona(values['cash_pay']))
        individuals.sort(key=lambda i: i.specification_number)
        return individuals, rules.declared_contributions(bases)

    @staticmethod
    def reported_domain(start, end, runs=()):
        """The domain of the payslips an AGI reports for the months from
        `start` to `end` (excluded): those of posted runs paid in them;
        `runs` being posted count as posted."""
        return [
            ['OR',
                ('run.state', 'in', ['posted', 'paid']),
                ('run', 'in', [r.id for r in runs]),
                ],
            ('run.payment_date', '>=', start),
            ('run.payment_date', '<', end),
            ]

    @classmethod
    def reported_pay(cls, employee, last, months):
        """The pay the AGI reports for `employee` (fields 011 and 131:
        the gross of its payslips) in each of the `months` months up to
        `last`'s: [(first day of the month, Decimal)], oldest first."""
        Payslip = Pool().get('sosolo.payroll.payslip')
        firsts = [dt.date(last.year, last.month, 1)]
        while len(firsts) < months:
            previous = firsts[0] - dt.timedelta(days=1)
            firsts.insert(0, previous.replace(day=1))
        pay = dict.fromkeys(firsts, Decimal(0))
        for payslip in Payslip.search([
                    ('employee', '=', employee.id),
                    *cls.reported_domain(firsts[0], month_bounds(last)[1]),
                    ]):
            date = payslip.run.payment_date
            pay[date.replace(day=1)] += payslip.gross or 0
        return list(pay.items())

    @classmethod
    def get_file(cls, company, period):
        pool = Pool()
        Configuration = pool.get('sosolo.payroll.configuration')
        config = Configuration(1)
        orgnr = company.se_orgnr
        if not orgnr:
            raise PayRunError(gettext('sosolo_payroll.msg_agi_no_orgnr',
                    company=company.rec_name))
        individuals, contributions = cls.get_individuals(company, period)
        if not individuals:
            raise PayRunError(gettext('sosolo_payroll.msg_agi_nothing',
                    period=f'{period:%Y-%m}'))
        contact = AgiContact(
            name=config.contact_name or company.rec_name,
            phone=config.contact_phone or '',
            email=config.contact_email or '')
        return agi_xml(orgnr, period, individuals, contributions, contact)


class AgiExportStart(ModelView):
    "Export AGI"
    __name__ = 'sosolo.payroll.agi.export.start'

    company = fields.Many2One('company.company', "Company", required=True)
    period = fields.Date("Period", required=True,
        help="Any day of the month of payment.")

    @staticmethod
    def default_company():
        return Transaction().context.get('company')


class AgiExportResult(ModelView):
    "Export AGI"
    __name__ = 'sosolo.payroll.agi.export.result'

    file = fields.Binary("File", readonly=True, filename='filename')
    filename = fields.Char("File Name", readonly=True)

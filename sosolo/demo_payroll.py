# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Payroll demo data: two members employed, one month paid, with
three sick days of Anna's in it.

The personal identity numbers are made up; they only pass the Luhn check.
The pay run is dated by demo_dates, some eight months before the demo is
built. The demo has only Skatteverket's 2026 tables 33-35 (shipped with
sosolo_payroll's tests); for any other year it needs (DemoDates.tax_years)
it loads the same rows with the year column rewritten. Those stand-in
tables are demo data only, not Skatteverket's tables of that year.
"""
import datetime as dt
from decimal import Decimal
from pathlib import Path

from proteus import Model, Wizard

#: (member index, identity, table, column, clearing, account, salary)
EMPLOYEES = [
    (0, '811228-9874', 33, 1, '8327-9', '123 456 789-0', Decimal(30000)),
    (1, '070314-1234', 34, 1, '6000', '123456789', Decimal(20000)),
    ]


#: Swedish month names, for the pay run's description.
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli",
    "augusti", "september", "oktober", "november", "december")


def tax_tables(year=2026):
    """Skatteverket's 2026 tables 33-35, shipped with the module's tests,
    standing in for `year`: the year column (the first) is rewritten."""
    from trytond.modules import sosolo_payroll
    data = (Path(sosolo_payroll.__file__).parent / 'tests' / 'data'
        / 'skattetabell-2026-30B-tabell-33-35.csv').read_bytes()
    header, *rows = data.splitlines(keepends=True)
    prefix = b'2026;'
    assert all(r.startswith(prefix) for r in rows if r.strip())
    return header + b''.join(
        str(year).encode() + b';' + r[len(prefix):] if r.strip() else r
        for r in rows)


def load(config, company, members, progress, dates):
    "Employ two members and post their pay run, on the DemoDates `dates`."
    from trytond.modules.sosolo_sweden.rules import parse_bank_account
    Account = Model.get('account.account', config=config)
    Configuration = Model.get('sosolo.payroll.configuration', config=config)
    Employee = Model.get('sosolo.payroll.employee', config=config)
    Journal = Model.get('account.journal', config=config)
    Run = Model.get('sosolo.payroll.run', config=config)
    progress.step(label="Skattetabeller och löner")
    for year in dates.tax_years:
        wizard = Wizard('sosolo.payroll.tax_table.import', config=config)
        wizard.form.file = tax_tables(year)
        wizard.execute('import_')
        wizard.execute('end')
    payroll = Configuration(1)
    payroll.journal, = Journal.find([('type', '=', 'general')], limit=1)
    from trytond.modules.sosolo_payroll.configuration import BAS_ACCOUNTS
    for name, code in BAS_ACCOUNTS.items():
        account, = Account.find([
                ('code', '=', code), ('company', '=', company.id)])
        setattr(payroll, name, account)
    payroll.payer_iban = 'SE45 5000 0000 0583 9825 7466'
    payroll.payer_bic = 'ESSESESS'
    payroll.contact_name = "Lönekontoret"
    payroll.contact_phone = '0950-12345'
    payroll.contact_email = 'lon@sosolo.example'
    payroll.save()
    run = Run(payment_date=dates.pay_run,
        description=MONTHS[dates.pay_run.month - 1].capitalize())
    for index, code, table, column, clearing, number, salary in EMPLOYEES:
        # The member keeps the account salary goes to in the portal
        # (sosolo_convoy pays it before the employee's own).
        party = members[index]
        party.se_bank_account = str(
            parse_bank_account(f'{clearing}, {number}'))
        party.save()
        employee = Employee(party=party, identity_code=code,
            tax_table=table, tax_column=column, bank_clearing=clearing,
            bank_account=number, start_date=dates.employment_start)
        employee.save()
        payslip = run.payslips.new(employee=employee)
        payslip.lines.new(kind='salary', amount=salary)
        if index == 0:
            sick_leave(config, employee, dates.sick_start, salary)
    run.save()
    run.click('compute')
    run.click('post')
    return run


def sick_leave(config, employee, first_date, salary):
    """Three sick days of `employee` from `first_date`, confirmed: the pay
    run pays their sick pay. The pay lost is three fifths of an average
    week of the monthly `salary` (twelve months in 52 weeks)."""
    SickLeave = Model.get('sosolo.payroll.sick_leave', config=config)
    week_pay = (salary * 12 / 52).quantize(Decimal('0.01'))
    record = SickLeave(employee=employee, first_date=first_date,
        recovery_date=first_date + dt.timedelta(days=3), week_pay=week_pay,
        lost_pay=(week_pay * 3 / 5).quantize(Decimal('0.01')))
    record.save()
    record.click('confirm')

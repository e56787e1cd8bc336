# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Payroll demo data: two members employed, April 2026 paid.

The personal identity numbers are made up; they only pass the Luhn check.
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


def tax_tables():
    "Skatteverket's 2026 tables 33-35, shipped with the module's tests."
    from trytond.modules import sosolo_payroll
    return (Path(sosolo_payroll.__file__).parent / 'tests' / 'data'
        / 'skattetabell-2026-30B-tabell-33-35.csv').read_bytes()


def load(config, company, members, progress):
    "Employ two members and post the April 2026 pay run."
    Account = Model.get('account.account', config=config)
    Configuration = Model.get('sosolo.payroll.configuration', config=config)
    Employee = Model.get('sosolo.payroll.employee', config=config)
    Journal = Model.get('account.journal', config=config)
    Run = Model.get('sosolo.payroll.run', config=config)
    progress.step(label="Skattetabeller och löner")
    wizard = Wizard('sosolo.payroll.tax_table.import', config=config)
    wizard.form.file = tax_tables()
    wizard.execute('import_')
    wizard.execute('end')
    payroll = Configuration(1)
    payroll.journal, = Journal.find([('type', '=', 'general')], limit=1)
    from trytond.modules.sosolo_payroll.configuration import (
        BAS_ACCOUNTS)
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
    run = Run(payment_date=dt.date(2026, 4, 25), description="April")
    for index, code, table, column, clearing, number, salary in EMPLOYEES:
        employee = Employee(party=members[index], identity_code=code,
            tax_table=table, tax_column=column, bank_clearing=clearing,
            bank_account=number, start_date=dt.date(2026, 1, 1))
        employee.save()
        payslip = run.payslips.new(employee=employee)
        payslip.lines.new(kind='salary', amount=salary)
    run.save()
    run.click('compute')
    run.click('post')
    return run

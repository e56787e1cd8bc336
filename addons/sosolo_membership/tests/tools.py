# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proteus helpers for membership scenarios and demo data."""
from decimal import Decimal

from proteus import Model, Wizard


def configure_membership(config, company, contribution=Decimal('500'),
        fee=Decimal('300'), capital_code='2083', fee_code='3990'):
    "Set the membership configuration on the BAS accounts."
    Configuration = Model.get('sosolo.membership.configuration',
        config=config)
    Account = Model.get('account.account', config=config)
    capital, = Account.find([
            ('code', '=', capital_code), ('company', '=', company.id)])
    fee_account, = Account.find([
            ('code', '=', fee_code), ('company', '=', company.id)])
    configuration = Configuration(1)
    configuration.capital_account = capital
    configuration.fee_account = fee_account
    for kind in ['person', 'sole_trader', 'company', 'investing']:
        setattr(configuration, f'contribution_{kind}', contribution)
    configuration.fee_amount = fee
    configuration.save()
    return configuration


def payment_method(config, company, bank_code='1930'):
    "A bank payment method for paying invoices."
    Method = Model.get('account.invoice.payment.method', config=config)
    Journal = Model.get('account.journal', config=config)
    Account = Model.get('account.account', config=config)
    methods = Method.find([('company', '=', company.id)])
    if methods:
        return methods[0]
    bank, = Account.find([
            ('code', '=', bank_code), ('company', '=', company.id)])
    journal, = Journal.find([('type', '=', 'cash')], limit=1)
    method = Method(name="Bankgiro", journal=journal, company=company,
        credit_account=bank, debit_account=bank)
    method.save()
    return method


def pay(config, invoice, date, method):
    "Pay `invoice` in full on `date`."
    wizard = Wizard('account.invoice.pay', [invoice], config=config)
    wizard.form.payment_method = method
    wizard.form.date = date
    wizard.form.amount = invoice.amount_to_pay
    wizard.execute('choice')
    invoice.reload()
    return invoice

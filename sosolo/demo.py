# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Demo data: SOSOLO Västerbotten ek. för., its customers and members.

Every name, number and address here is made up; the organisation numbers
only pass the Luhn check. Every date follows the day the demo is built
(see demo_dates): three fiscal years around it, records in the months
before it.
"""
from decimal import Decimal

from proteus import Model, Wizard
from trytond.exceptions import UserWarning as TrytonWarning
from trytond.modules.sosolo_sweden.rules import today as swedish_today

from . import cooperative
from .demo_dates import demo_dates

COOPERATIVE = {
    'name': "SOSOLO Västerbotten ek. för.",
    'orgnr': '769640-1236',
    'vat': 'SE769640123601',
    'bankgiro': '5050-1055',
    'payment_days': 30,
    'address': {'street': "Storgatan 12", 'postal_code': '921 31',
        'city': "Lycksele"},
    }
CUSTOMERS = [
    ("Lycksele Bygg & Montage AB", '556677-8899', "Köpmangatan 3",
        '921 32', "Lycksele"),
    ("Umeå Kaffe & Bröd AB", '556811-2345', "Rådhusesplanaden 9",
        '903 28', "Umeå"),
    ("Storumans Fjällturism AB", '559012-3450', "Blå vägen 240",
        '923 31', "Storuman"),
    ]

#: (name, email, street, postal code, municipality)
MEMBERS = [
    ("Anna Lind", 'anna@example.se', "Sorselevägen 4", '924 32',
        "Sorsele"),
    ("Bertil Nilsson", 'bertil@example.se', "Skolgatan 17", '921 33',
        "Lycksele"),
    ("Cecilia Berg", 'cecilia@example.se', "Volgsjövägen 22", '912 32',
        "Vilhelmina"),
    ("David Öhman", 'david@example.se', "Kungsgatan 50", '903 25', "Umeå"),
    ("Elin Sjöberg", 'elin@example.se', "Doroteavägen 8", '917 31',
        "Dorotea"),
    ]

#: (customer index, description, quantity, unit price, VAT template),
#: invoiced on the dates of DemoDates.invoices
INVOICES = [
    (0, "Snickeriarbete, Anna Lind", 24, Decimal('650.00'), 'vat_out_25'),
    (1, "Webbplats och foton, Bertil Nilsson", 1, Decimal('18500.00'),
        'vat_out_25'),
    (2, "Guidad bussresa Borgafjäll, Cecilia Berg", 30, Decimal('450.00'),
        'vat_out_6'),
    (2, "Konsert vid fjällstugan, David Öhman", 1, Decimal('12000.00'),
        'vat_out_6'),
    ]

REVENUE_ACCOUNT = {'vat_out_25': '3001', 'vat_out_12': '3002',
    'vat_out_6': '3003'}


def party(config, name, street, postal_code, city, email=None,
        orgnr=None):
    Party = Model.get('party.party', config=config)
    record = Party(name=name)
    address, = record.addresses
    address.street = street
    address.postal_code = postal_code
    address.city = city
    if email:
        record.contact_mechanisms.new(type='email', value=email)
    if orgnr:
        identifier = record.identifiers.new(type='se_orgnr')
        identifier.code = orgnr
    record.save()
    return record


def payment_term(config):
    "The customers' payment term that cooperative.setup made."
    Configuration = Model.get('account.configuration', config=config)
    return Configuration(1).default_customer_payment_term


def configure_membership(config, company, contribution, fee,
        capital_code='2083', fee_code='3990'):
    "Set the membership configuration on the BAS accounts."
    Configuration = Model.get('sosolo.membership.configuration',
        config=config)
    capital = account(config, capital_code, company)
    fee_account = account(config, fee_code, company)
    configuration = Configuration(1)
    configuration.capital_account = capital
    configuration.fee_account = fee_account
    for kind in ['person', 'sole_trader', 'company', 'investing']:
        setattr(configuration, f'contribution_{kind}', contribution)
    configuration.fee_amount = fee
    configuration.save()
    return configuration


def payment_method(config, company, bank_code='1930'):
    "The bank payment method the demo's customers and members pay with."
    Method = Model.get('account.invoice.payment.method', config=config)
    Journal = Model.get('account.journal', config=config)
    methods = Method.find([('company', '=', company.id)])
    if methods:
        return methods[0]
    bank = account(config, bank_code, company)
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


def tax(config, fs_id, company):
    Tax = Model.get('account.tax', config=config)
    template = cooperative.model_id(config, 'sosolo_sweden', fs_id)
    found, = Tax.find([('template', '=', template),
            ('company', '=', company.id)])
    return found


def account(config, code, company):
    Account = Model.get('account.account', config=config)
    found, = Account.find([('code', '=', code),
            ('company', '=', company.id)])
    return found


def load(config, progress, today=None):
    """Load the demo cooperative into an empty database with the modules,
    dated from `today` (the real date by default)."""
    dates = demo_dates(today or swedish_today())
    progress.step(label="Kooperativet, kontoplan och räkenskapsår")
    first, *others = dates.fiscal_year_starts
    company, fiscalyear = cooperative.setup(config,
        COOPERATIVE['name'], COOPERATIVE['orgnr'], COOPERATIVE['vat'],
        first, address=COOPERATIVE['address'],
        bankgiro=COOPERATIVE['bankgiro'],
        payment_days=COOPERATIVE['payment_days'])
    for start in others:
        cooperative.create_fiscal_year(config, company, start)
    progress.step(label="Kunder och medlemmar")
    customers = [party(config, n, s, p, c, orgnr=o)
        for n, o, s, p, c in CUSTOMERS]
    members = [party(config, n, s, p, c, email=e)
        for n, e, s, p, c in MEMBERS]
    term = payment_term(config)
    if _activated(config, 'sosolo_membership'):
        # Before the customer invoices: invoice numbers follow dates.
        from . import demo_membership
        demo_membership.load(config, company, members, progress, dates)
    progress.step(label="Fakturor")
    for (index, *item), date in zip(INVOICES, dates.invoices):
        invoice(config, company, customers, term, index, date, *item)
        progress.step()
    if _activated(config, 'sosolo_payroll'):
        from . import demo_payroll
        demo_payroll.load(config, company, members, progress, dates)
    if _activated(config, 'sosolo_templates'):
        # Before the assignments: approving one issues its employment
        # information from the published template.
        from . import demo_templates
        demo_templates.load(config, company, progress)
    if _activated(config, 'sosolo_convoy'):
        from . import demo_convoy
        demo_convoy.load(config, company, customers, members, progress,
            dates)
    if _activated(config, 'sosolo_templates'):
        demo_templates.sign_agreement(config, progress, dates.today)
        demo_templates.send_offer(config, company, customers, members,
            progress, dates)
    if _activated(config, 'sosolo_meeting'):
        from . import demo_meeting
        demo_meeting.load(config, company, progress, dates)
    if _activated(config, 'sosolo_community'):
        from . import demo_community, demo_tenders
        demo_community.load(config, company, progress, dates)
        demo_tenders.load(config, members, progress, dates)
    return company, members


def invoice(config, company, customers, term, index, date, description,
        quantity, price, tax_id):
    "Post a customer invoice of one line."
    Invoice = Model.get('account.invoice', config=config)
    record = Invoice(type='out', party=customers[index], invoice_date=date,
        payment_term=term)
    line = record.lines.new()
    line.description = description
    line.quantity = quantity
    line.unit_price = price
    line.account = account(config, REVENUE_ACCOUNT[tax_id], company)
    line.taxes.append(tax(config, tax_id, company))
    record.save()
    answering_warnings(config, record.click, 'post')
    return record


def answering_warnings(config, func, *args):
    """Call `func`, answering Tryton's warnings as a user would.

    The demo's invoices are dated months before today, so Tryton warns
    that their due dates are past.
    """
    while True:
        try:
            return func(*args)
        except TrytonWarning as warning:
            Warning = Model.get('res.user.warning', config=config)
            Warning(user=config.user, name=warning.name).save()


def _activated(config, module):
    Module = Model.get('ir.module', config=config)
    return bool(Module.find([
                ('name', '=', module), ('state', '=', 'activated')]))

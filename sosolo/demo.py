# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Demo data: SOSOLO Västerbotten ek. för., its customers and members.

Every name, number and address here is made up; the organisation numbers
only pass the Luhn check.
"""
import datetime as dt
from decimal import Decimal

from proteus import Model
from trytond.exceptions import UserWarning as TrytonWarning

from . import cooperative

COOPERATIVE = {
    'name': "SOSOLO Västerbotten ek. för.",
    'orgnr': '769640-1236',
    'vat': 'SE769640123601',
    'bankgiro': '5050-1055',
    'payment_days': 30,
    'address': {'street': "Storgatan 12", 'postal_code': '921 31',
        'city': "Lycksele"},
    }
FISCAL_YEAR_START = dt.date(2026, 1, 1)

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

#: (customer index, date, description, quantity, unit price, VAT template)
INVOICES = [
    (0, dt.date(2026, 3, 16), "Snickeriarbete, Anna Lind", 24,
        Decimal('650.00'), 'vat_out_25'),
    (1, dt.date(2026, 4, 2), "Webbplats och foton, Bertil Nilsson", 1,
        Decimal('18500.00'), 'vat_out_25'),
    (2, dt.date(2026, 6, 10), "Guidad bussresa Borgafjäll, Cecilia Berg", 30,
        Decimal('450.00'), 'vat_out_6'),
    (2, dt.date(2026, 9, 1), "Konsert vid fjällstugan, David Öhman", 1,
        Decimal('12000.00'), 'vat_out_6'),
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


def load(config, progress):
    "Load the demo cooperative into an empty database with the modules."
    progress.step(label="Kooperativet, kontoplan och räkenskapsår")
    company, fiscalyear = cooperative.setup(config,
        COOPERATIVE['name'], COOPERATIVE['orgnr'], COOPERATIVE['vat'],
        FISCAL_YEAR_START, address=COOPERATIVE['address'],
        bankgiro=COOPERATIVE['bankgiro'],
        payment_days=COOPERATIVE['payment_days'])
    progress.step(label="Kunder och medlemmar")
    customers = [party(config, n, s, p, c, orgnr=o)
        for n, o, s, p, c in CUSTOMERS]
    members = [party(config, n, s, p, c, email=e)
        for n, e, s, p, c in MEMBERS]
    term = payment_term(config)
    if _activated(config, 'sosolo_membership'):
        # Before the customer invoices: invoice numbers follow dates.
        from . import demo_membership
        demo_membership.load(config, company, members, progress)
    progress.step(label="Fakturor")
    for item in INVOICES:
        invoice(config, company, customers, term, *item)
        progress.step()
    if _activated(config, 'sosolo_payroll'):
        from . import demo_payroll
        demo_payroll.load(config, company, members, progress)
    if _activated(config, 'sosolo_convoy'):
        from . import demo_convoy
        demo_convoy.load(config, company, customers, members, progress)
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

    The demo's invoices are dated earlier in the year, so Tryton warns
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

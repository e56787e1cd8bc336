# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convoy demo data: Anna invoices through the cooperative.

Anna has the standard plan, one assignment invoiced and paid by the
customer (so her activity account has a balance), one draft and one
receipt for an expense; the dates come from demo_dates. The guarantee
fund takes a tenth of the fee; Anna has an advance on a second invoice,
paid out as salary in an extra pay run today, and the customer of an
overdue invoice has had a reminder.
"""
import datetime as dt
from decimal import Decimal

from proteus import Model

from . import cooperative

#: A one-page PDF, the demo's scanned receipt.
RECEIPT = (b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n'
    b'2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n'
    b'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 210 297]>>endobj\n'
    b'trailer<</Root 1 0 R>>\n%%EOF\n')
#: (customer index, description, [(line, qty, price, VAT)])
PAID = (1, "Inredning av kaféet",
    [("Snickeriarbete, timmar", Decimal(40), Decimal('625'), '25')])
ADVANCE = (2, "Skyltar till fjällstugorna",
    [("Snickeriarbete, timmar", Decimal(16), Decimal('625'), '25')])
#: Anna's advance on the invoice of ADVANCE: 5,000 kr of her 9,400 kr.
ADVANCE_AMOUNT = Decimal(5000)
FUND_POLICY = (
    "Garantifonden byggs upp av en tiondel av kooperativets avgift. Du "
    "kan få förskott på upp till 80 % av din andel av en bokförd faktura, "
    "högst 50 000 kr åt gången. Betalar kunden inte trots påminnelser "
    "bär fonden förskottet så långt den räcker.")
DRAFT = (0, "Ombyggnad av kontoret",
    [("Snickeriarbete, timmar", Decimal(60), Decimal('625'), '25'),
        ("Material", Decimal(1), Decimal('4800'), '25')])


def load(config, company, customers, members, progress, dates):
    """Give Anna (the first member) a plan, assignments and an expense,
    on the DemoDates `dates`."""
    from .demo import pay, payment_method
    Configuration = Model.get('sosolo.convoy.configuration', config=config)
    Expense = Model.get('sosolo.convoy.expense', config=config)
    Journal = Model.get('account.journal', config=config)
    Member = Model.get('sosolo.member', config=config)
    Plan = Model.get('sosolo.convoy.plan', config=config)
    progress.step(label="Uppdrag")
    plan = Plan(cooperative.model_id(
            config, 'sosolo_convoy', 'plan_standard'))
    configuration = Configuration(1)
    configuration.default_plan = plan
    configuration.journal, = Journal.find([('type', '=', 'general')],
        limit=1)
    configuration.fund_rate = Decimal(10)
    configuration.advance_rate = Decimal(80)
    configuration.advance_member_limit = Decimal(50000)
    configuration.advance_total_limit = Decimal(200000)
    configuration.fund_policy = FUND_POLICY
    configuration.save()
    anna, = Member.find([('party', '=', members[0].id)])
    anna.plan = plan
    anna.save()
    index, description, lines = PAID
    paid = assignment(config, company, anna, customers, index, description,
        dates.assignment_start, dates.assignment_end, lines)
    paid.click('submit')
    paid.click('approve')
    paid.reload()
    # Approval invoices today; the customer pays the same day.
    pay(config, paid.invoice, paid.invoice.invoice_date,
        payment_method(config, company))
    index, description, lines = DRAFT
    assignment(config, company, anna, customers, index, description,
        dates.draft_start, dates.draft_end, lines)
    expense = Expense(company=company, member=anna, kind='receipt',
        date=dates.expense, purpose="Skruvdragare till kaféjobbet",
        amount=Decimal('1250.00'), vat_amount=Decimal('250.00'),
        receipt=RECEIPT, receipt_name='kvitto.pdf')
    expense.save()
    expense.click('submit')
    index, description, lines = ADVANCE
    record = assignment(config, company, anna, customers, index,
        description, dates.assignment_end, dates.assignment_end, lines)
    record.click('submit')
    record.click('approve')
    record.reload()
    advance_and_reminder(config, record.invoice, customers[0], dates.today)
    # An extra pay run today pays the advance.
    Run = Model.get('sosolo.payroll.run', config=config)
    run = Run(payment_date=dates.today, description="Förskott")
    run.save()
    run.click('compute')
    run.click('post')


def advance_and_reminder(config, invoice, customer, today):
    """Anna's advance on `invoice`, and a reminder to `customer` of its
    overdue invoice. Model methods, not buttons: run in a transaction of
    the demo's own, as the demo's user (database.run: the advance locks
    the member and the advances)."""
    from trytond.pool import Pool

    from . import database

    def work():
        pool = Pool()
        Advance = pool.get('sosolo.convoy.advance')
        Dunning = pool.get('account.dunning')
        Invoice = pool.get('account.invoice')
        Party = pool.get('party.party')
        Procedure = pool.get('account.dunning.procedure')
        record = Invoice(invoice.id)
        assignment, = record.convoy_invoiced_assignments
        Advance.request(assignment.member, record, ADVANCE_AMOUNT)
        procedure, = Procedure.create([{'name': "Påminnelser",
                    'levels': [('create', [{'sequence': 1,
                                    'overdue': dt.timedelta(days=8)}])]}])
        Party.write([Party(customer.id)],
            {'dunning_procedure': procedure.id})
        Dunning.generate_dunnings(today)
        Dunning.process(Dunning.search([('state', '=', 'draft')]))
    database.run(config, work)


def assignment(config, company, member, customers, index, description,
        start, end, lines):
    "A draft assignment of `member` for the customer at `index`."
    Assignment = Model.get('sosolo.convoy.assignment', config=config)
    record = Assignment(company=company, member=member,
        customer=customers[index], description=description,
        start_date=start, end_date=end)
    for text, quantity, price, vat in lines:
        record.lines.new(description=text, quantity=quantity,
            unit_price=price, vat=vat)
    record.save()
    return record

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Demo memberships: Anna and Bertil are active members, Cecilia applies.

They applied, were admitted and paid about ten months before the demo was
built (see demo_dates).

Their personal numbers are Skatteverket-style test numbers that pass the
Luhn check (Cecilia's is a samordningsnummer); their portal password,
``demo``, is set by ``database.set_demo_passwords``.
"""
import datetime as dt
from decimal import Decimal

from proteus import Model, Wizard

#: (email, kind, identity number, municipality code, gender)
ACTIVE = [
    ('anna@example.se', 'person', '19811228-9874', '2422', 'female'),
    ('bertil@example.se', 'sole_trader', '19750305-1232', '2481', 'male'),
    ]
APPLICANT = ('cecilia@example.se', 'person', '19811288-9871', '2462',
    'female')


def load(config, company, parties, progress, dates):
    """Make the demo members of `parties` (found by e-mail), on the
    DemoDates `dates`."""
    from .demo import (
        answering_warnings,
        configure_membership,
        pay,
        payment_method,
    )
    Member = Model.get('sosolo.member', config=config)
    WebUser = Model.get('web.user', config=config)
    progress.step(label="Medlemskap")
    configure_membership(config, company, contribution=Decimal('500'),
        fee=Decimal('300'))
    method = payment_method(config, company)
    by_email = {p.email: p for p in parties}
    consent = dt.datetime.combine(dates.decision, dt.time(9, 0))

    def member(email, kind, number, municipality, gender):
        party = by_email[email]
        record = Member(party=party, kind=kind, identity_number=number,
            municipality=municipality, gender=gender,
            application_date=dates.application)
        record.save()
        # Consents are read-only in the back office: the portal stores
        # them when one applies; the demo writes them as admin.
        Member._proxy.write([record.id], {
                'consent_statutes': consent, 'consent_data': consent},
            config.context)
        WebUser(email=email, party=party,
            email_valid=True).save()
        return record

    members = [member(*row) for row in ACTIVE]
    for record in members:
        record.decision_date = dates.decision
        record.save()
    answering_warnings(config, Member.click, members, 'approve')
    for record in members:
        record.reload()
        pay(config, record.capital_invoice, dates.capital_payment, method)
    progress.step(label="Årsavgifter")
    run = Wizard('sosolo.member.fee.run', config=config)
    run.form.year = dates.fee_year
    run.form.invoice_date = dates.fee
    answering_warnings(config, run.execute, 'invoice')
    # Anna has paid her fee, Bertil not yet.
    anna = Member(members[0].id)
    fee, = anna.fees
    pay(config, fee.invoice, dates.fee_payment, method)
    member(*APPLICANT)
    return members

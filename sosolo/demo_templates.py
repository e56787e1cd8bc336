# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Templates demo data: the starter library, published, a seal, and an
offer from Bertil that waits for the customer's answer.

The module loads its starter library as drafts; the demo cooperative
publishes every one, as staff would after reading them. Approving an
assignment then issues its employment information (LAS 6 c §). The
cooperative's seal is a self-signed certificate made here, where a real
cooperative configures one from a trust service provider.
"""
import datetime as dt
from decimal import Decimal
from pathlib import Path

from proteus import Model


def load(config, company, progress):
    "Make the demo's seal; publish every draft version of the library."
    Version = Model.get('sosolo.template.version', config=config)
    progress.step(label="Mallar")
    make_seal(company.party.name)
    drafts = Version.find([('state', '=', 'draft')])
    if drafts:
        Version.click(drafts, 'publish')


def make_seal(name):
    """A self-signed seal for `name` in the configured folder, unless one
    is there already."""
    from trytond.config import config as trytond_config
    from trytond.modules.sosolo_templates.seal import self_signed
    folder = Path(trytond_config.get('sosolo_templates', 'seal_directory'))
    if (folder / 'certificate.pem').exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    key, certificate = self_signed(name, dt.datetime.now(dt.timezone.utc))
    key_file = folder / 'key.pem'
    key_file.touch(mode=0o600)
    key_file.write_bytes(key)
    (folder / 'certificate.pem').write_bytes(certificate)


def sign_agreement(config, progress, today):
    """Anna's paid assignment gets its uppdragsavtal, signed by the
    customer through a link and sealed, so that `sosolo document-verify`
    has a signed document to check. Her employment information stays
    issued, for her to acknowledge in the portal."""
    from . import cooperative
    Assignment = Model.get('sosolo.convoy.assignment', config=config)
    Document = Model.get('sosolo.template.document', config=config)
    Signature = Model.get('sosolo.template.document.signature',
        config=config)
    Version = Model.get('sosolo.template.version', config=config)
    progress.step(label="Undertecknat uppdragsavtal")
    paid, = Assignment.find([('state', 'in', ['paid', 'settled'])],
        limit=1)
    version = Version(cooperative.model_id(
            config, 'sosolo_templates', 'version_assignment_agreement'))
    document = Document(version=version, company=paid.company,
        member=paid.member, customer=paid.customer, assignment=paid)
    document.save()
    document.click('fill')
    free = {'datum': today.isoformat(), 'betalningsvillkor': '30'}
    for value in document.values:
        if value.variable.name in free:
            value.value = free[value.variable.name]
    document.save()
    document.click('issue')
    Signature(document=document, name="Karin Ek",
        email='karin@example.se', method='link',
        signed_at=dt.datetime.combine(today, dt.time(9, 30)),
        ip_address='192.0.2.10',
        user_agent='Mozilla/5.0 (Linux; Android 14) Mobile',
        consent_text="Jag har läst uppdragsavtalet och godkänner det.",
        pdf_sha256=document.pdf_sha256).save()
    document.click('seal')


#: The link token of Bertil's demo offer: known, so that one can open the
#: customer's page of the demo (and its browser test can) without the
#: e-mail. A real offer's token is random.
OFFER_TOKEN = 'demo-bertils-offert'
#: (customer index, description, [(line, qty, price, VAT)], e-mail)
OFFER = (2, "Webbplats och bilder för fjällstugorna",
    [("Webbplats, timmar", Decimal(24), Decimal('650'), '25'),
        ("Fotografering, dag", Decimal(1), Decimal('6500'), '25')],
    'info@fjallturism.example')


def send_offer(config, company, customers, members, progress, dates):
    """Bertil (the second member) offers a customer a draft assignment
    on the demo's draft dates; the offer waits for the customer's answer
    at portal/offert/OFFER_TOKEN."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    from .demo_convoy import assignment
    Member = Model.get('sosolo.member', config=config)
    progress.step(label="Offert")
    bertil, = Member.find([('party', '=', members[1].id)])
    index, description, lines, email = OFFER
    draft = assignment(config, company, bertil, customers, index,
        description, dates.draft_start, dates.draft_end, lines)
    # Offer.make is a model method, not a button: run it in a transaction
    # of the demo's own, as the demo's user.
    with Transaction().start(config.database_name, config.user,
            context=config.context) as transaction:
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        Offer = pool.get('sosolo.template.offer')
        record = Assignment(draft.id)
        Offer.make(record.member, record, email, free={
                'pristyp': "Fast pris", 'kundtyp': "Företag",
                'betalningsvillkor': '30'}, token=OFFER_TOKEN)
        transaction.commit()

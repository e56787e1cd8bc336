# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Community demo data: tenders.

The CPV subset and two notices of sosolo_community's test fixtures: the
converted Swedish notice of Uppsala universitet and the eForms SDK's
maximal contract notice. Their dates are moved by whole days so that the
first deadline falls four and six weeks after the demo's today, and the
portal lists them open. Anna hears about educational administration
(CPV group 751), which the second one asks for, and leads a consortium
with Bertil for its first lot.
"""
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from proteus import Model

FIXTURES = (Path(__file__).resolve().parent.parent / 'addons'
    / 'sosolo_community' / 'tests' / 'data')
TENDERS = [
    ('ted-converted/21-364236-001-EXP.xml', 28),
    ('eforms-sdk/cn_24_maximal.xml', 42),
    ]
_DATE = re.compile(r'(<cbc:\w*Date>)(\d{4}-\d\d-\d\d)')
_DEADLINE = re.compile(r'<cac:(?:TenderSubmissionDeadline|'
    r'ParticipationRequestReception)Period>\s*(?:<!--[^>]*-->\s*)?'
    r'<cbc:EndDate>(\d{4}-\d\d-\d\d)')


def moved(text, deadline):
    "The notice `text` with its dates moved so its first deadline is this."
    first = min(dt.date.fromisoformat(d) for d in _DEADLINE.findall(text))
    delta = deadline - first
    return _DATE.sub(lambda m: m.group(1) + (
            dt.date.fromisoformat(m.group(2)) + delta).isoformat(), text)


def load(config, members, progress, dates):
    "Import the CPV subset and two tenders; Anna's interest and consortium."
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    progress.step(label="Upphandlingar")
    files = []
    for path, days in TENDERS:
        text = (FIXTURES / 'tenders' / path).read_text(encoding='utf-8')
        files.append((Path(path).name, moved(
                    text, dates.today + dt.timedelta(days=days)).encode()))
    cpv = FIXTURES / 'cpv' / 'cpv_social-service-cpv-subset.gc'
    # The imports are model methods, not RPC: called in a transaction of
    # their own, as the sosolo commands call them.
    with Transaction().start(config.database_name, config.user,
            context=config.context) as transaction:
        pool = Pool()
        pool.get('sosolo.community.cpv').import_file(
            cpv.name, cpv.read_bytes())
        pool.get('sosolo.community.tender').import_files(files)
        transaction.commit()
    Cpv = Model.get('sosolo.community.cpv', config=config)
    Interest = Model.get('sosolo.community.interest', config=config)
    Member = Model.get('sosolo.member', config=config)
    anna, = Member.find([('party', '=', members[0].id)])
    code, = Cpv.find([('code', '=', '75121000')])
    Interest(member=anna, cpv=code, level='group').save()
    consortium(config, Member, members)


def consortium(config, Member, members):
    "Anna and Bertil prepare a bid for the first lot of the second tender."
    Tender = Model.get('sosolo.community.tender', config=config)
    Consortium = Model.get('sosolo.community.consortium', config=config)
    anna, = Member.find([('party', '=', members[0].id)])
    bertil, = Member.find([('party', '=', members[1].id)])
    tender = Tender.find([], order=[('id', 'DESC')], limit=1)[0]
    consortium = Consortium(company=anna.company, tender=tender,
        lot=tender.lots[0], lead=anna,
        notes="Anna skriver anbudet, Bertil tar fram referenserna.")
    for member, percent, work in [
            (anna, Decimal(60), "Projektledning och utbildning"),
            (bertil, Decimal(40), "Webbplats och dokumentation"),
            ]:
        consortium.shares.new(member=member, percent=percent, work=work)
    consortium.save()
    consortium.click('prepare')

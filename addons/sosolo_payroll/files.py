# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files for Skatteverket and the bank, from plain values.

AGI: "Arbetsgivardeklaration på individnivå", Skatteverket's technical
description and XML schema 1.1 (instans/komponent schema 1.1). Salary
payments: ISO 20022 Customer Credit Transfer Initiation pain.001.001.03
with category purpose SALA (Svenska Bankföreningen's implementation
guide for ISO 20022 payments).
"""
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lxml import etree

from trytond.modules.sosolo_sweden.rules import now as swedish_now

from .rules import to_krona

AGI_NS = 'http://xmls.skatteverket.se/se/skatteverket/da/instans/schema/1.1'
AGD_NS = 'http://xmls.skatteverket.se/se/skatteverket/da/komponent/schema/1.1'
AGI_SCHEMA = ('http://xmls.skatteverket.se/se/skatteverket/da/'
    'arbetsgivardeklaration/arbetsgivardeklaration_1.1.xsd')
PAIN_NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'
#: AGI amounts are whole kronor (Skatteverket's ställningstagande
#: 2017-06-08, dnr 131 238881-17/111: also each payee's pay); öre are
#: rounded half up.
AGI_ROUNDING = ROUND_HALF_UP


@dataclass(frozen=True)
class AgiContact:
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class AgiIndividual:
    payee_id: str  # field 215: 12 digits
    specification_number: int  # field 570
    cash_pay: Decimal  # field 011, subject to contributions
    tax: Decimal  # field 001, or 274 for SINK
    cash_pay_no_contributions: Decimal = Decimal(0)  # field 131
    mileage: bool = False  # field 050, tax-free mileage paid
    sink: bool = False  # taxed under SINK: tax in field 274, not 001


def agi_krona(amount):
    "An AGI amount: whole kronor (AGI_ROUNDING)."
    return to_krona(amount, AGI_ROUNDING)


def agi_employer_id(orgnr):
    "AgRegistreradId: 16 and the ten digits of the organisation number."
    digits = re.sub(r'\D', '', orgnr)
    if len(digits) == 10:
        digits = '16' + digits
    return digits


def agi_xml(employer_orgnr, period, individuals, contributions, contact,
        program='SOSOLO', created=None):
    """The AGI file for `period` (a date in the month) as UTF-8 bytes.

    `contributions` is the month's employer contributions (field 487);
    the withheld tax (497) is the sum of the individuals' tax fields.
    An IU carries exactly one tax field: 001 (AvdrPrelSkatt) or, for a
    payee taxed under SINK, 274 (AvdrSkattSINK) (Skatteverket's
    technical description, check SK_001).
    """
    employer = agi_employer_id(employer_orgnr)
    period_text = f'{period.year:04d}{period.month:02d}'
    created = created or swedish_now().replace(microsecond=0)
    E = etree.Element
    nsmap = {None: AGI_NS, 'agd': AGD_NS,
        'xsi': 'http://www.w3.org/2001/XMLSchema-instance'}

    def agd(parent, tag, text=None, code=None):
        node = etree.SubElement(parent, f'{{{AGD_NS}}}{tag}')
        if code:
            node.set('faltkod', code)
        if text is not None:
            node.text = str(text)
        return node

    def krona(amount):
        return str(agi_krona(amount))

    root = E(f'{{{AGI_NS}}}Skatteverket', nsmap=nsmap)
    root.set('omrade', 'Arbetsgivardeklaration')
    root.set('{http://www.w3.org/2001/XMLSchema-instance}schemaLocation',
        f'{AGI_NS} {AGI_SCHEMA}')
    sender = agd(root, 'Avsandare')
    agd(sender, 'Programnamn', program)
    agd(sender, 'Organisationsnummer', employer)
    technical = agd(sender, 'TekniskKontaktperson')
    agd(technical, 'Namn', contact.name)
    agd(technical, 'Telefon', contact.phone)
    agd(technical, 'Epostadress', contact.email)
    agd(sender, 'Skapad', created.isoformat())
    common = agd(root, 'Blankettgemensamt')
    employer_node = agd(common, 'Arbetsgivare')
    agd(employer_node, 'AgRegistreradId', employer)
    person = agd(employer_node, 'Kontaktperson')
    agd(person, 'Namn', contact.name)
    agd(person, 'Telefon', contact.phone)
    agd(person, 'Epostadress', contact.email)

    def form():
        blankett = agd(root, 'Blankett')
        case = agd(blankett, 'Arendeinformation')
        agd(case, 'Arendeagare', employer)
        agd(case, 'Period', period_text)
        return agd(blankett, 'Blankettinnehall')

    hu = agd(form(), 'HU')
    group = agd(hu, 'ArbetsgivareHUGROUP')
    agd(group, 'AgRegistreradId', employer, '201')
    agd(hu, 'RedovisningsPeriod', period_text, '006')
    agd(hu, 'SummaArbAvgSlf', krona(contributions), '487')
    agd(hu, 'SummaSkatteavdr',
        krona(sum((agi_krona(i.tax) for i in individuals),
                Decimal(0))), '497')
    for individual in individuals:
        iu = agd(form(), 'IU')
        group = agd(iu, 'ArbetsgivareIUGROUP')
        agd(group, 'AgRegistreradId', employer, '201')
        payee = agd(iu, 'BetalningsmottagareIUGROUP')
        choice = agd(payee, 'BetalningsmottagareIDChoice')
        agd(choice, 'BetalningsmottagarId', individual.payee_id, '215')
        agd(iu, 'RedovisningsPeriod', period_text, '006')
        agd(iu, 'Specifikationsnummer',
            f'{individual.specification_number:03d}', '570')
        if individual.cash_pay:
            agd(iu, 'KontantErsattningUlagAG', krona(individual.cash_pay),
                '011')
        if individual.cash_pay_no_contributions:
            agd(iu, 'KontantErsattningEjUlagSA',
                krona(individual.cash_pay_no_contributions), '131')
        if individual.sink:
            agd(iu, 'AvdrSkattSINK', krona(individual.tax), '274')
        else:
            agd(iu, 'AvdrPrelSkatt', krona(individual.tax), '001')
        if individual.mileage:
            agd(iu, 'Bilersattning', '1', '050')
    return etree.tostring(root, xml_declaration=True, encoding='UTF-8',
        pretty_print=True)


@dataclass(frozen=True)
class Transfer:
    end_to_end_id: str
    amount: Decimal
    name: str
    clearing: str  # Swedish clearing number
    account: str  # clearing + account number, digits (BBAN)
    remittance: str


def pain001_xml(message_id, payer_name, payer_orgnr, payer_iban, payer_bic,
        execution_date, transfers, created=None):
    """A pain.001.001.03 salary payment file (SEK, purpose SALA)."""
    created = created or swedish_now().replace(microsecond=0)
    total = sum((t.amount for t in transfers), Decimal(0))

    def sub(parent, tag, text=None, **attrib):
        node = etree.SubElement(parent, f'{{{PAIN_NS}}}{tag}', **attrib)
        if text is not None:
            node.text = str(text)
        return node

    def money(amount):
        return f'{Decimal(amount):.2f}'

    root = etree.Element(f'{{{PAIN_NS}}}Document', nsmap={None: PAIN_NS})
    initiation = sub(root, 'CstmrCdtTrfInitn')
    header = sub(initiation, 'GrpHdr')
    sub(header, 'MsgId', message_id)
    sub(header, 'CreDtTm', created.isoformat())
    sub(header, 'NbOfTxs', len(transfers))
    sub(header, 'CtrlSum', money(total))
    party = sub(header, 'InitgPty')
    sub(party, 'Nm', payer_name)
    org = sub(sub(party, 'Id'), 'OrgId')
    other = sub(org, 'Othr')
    sub(other, 'Id', re.sub(r'\D', '', payer_orgnr or ''))
    sub(sub(other, 'SchmeNm'), 'Cd', 'BANK')
    info = sub(initiation, 'PmtInf')
    sub(info, 'PmtInfId', message_id)
    sub(info, 'PmtMtd', 'TRF')
    sub(info, 'NbOfTxs', len(transfers))
    sub(info, 'CtrlSum', money(total))
    kind = sub(info, 'PmtTpInf')
    sub(sub(kind, 'SvcLvl'), 'Cd', 'NURG')
    sub(sub(kind, 'CtgyPurp'), 'Cd', 'SALA')
    sub(info, 'ReqdExctnDt', execution_date.isoformat())
    sub(sub(info, 'Dbtr'), 'Nm', payer_name)
    sub(sub(sub(info, 'DbtrAcct'), 'Id'), 'IBAN',
        re.sub(r'\s', '', payer_iban or ''))
    sub(sub(sub(info, 'DbtrAgt'), 'FinInstnId'), 'BIC', payer_bic or '')
    for transfer in transfers:
        tx = sub(info, 'CdtTrfTxInf')
        sub(sub(tx, 'PmtId'), 'EndToEndId', transfer.end_to_end_id)
        sub(sub(tx, 'Amt'), 'InstdAmt', money(transfer.amount), Ccy='SEK')
        member = sub(sub(sub(tx, 'CdtrAgt'), 'FinInstnId'), 'ClrSysMmbId')
        sub(sub(member, 'ClrSysId'), 'Cd', 'SESBA')
        sub(member, 'MmbId', transfer.clearing)
        sub(sub(tx, 'Cdtr'), 'Nm', transfer.name)
        other = sub(sub(sub(tx, 'CdtrAcct'), 'Id'), 'Othr')
        sub(other, 'Id', transfer.account)
        sub(sub(other, 'SchmeNm'), 'Cd', 'BBAN')
        sub(sub(tx, 'RmtInf'), 'Ustrd', transfer.remittance)
    return etree.tostring(root, xml_declaration=True, encoding='UTF-8',
        pretty_print=True)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a TED eForms notice (UBL XML), without a database.

The XPaths are the eForms SDK's (fields/fields.json): notice id OPP-010,
publication number OPP-012, title BT-21, description BT-24, procedure
BT-105, main CPV BT-262, additional CPV BT-263, estimated value BT-27,
place BT-5071, lots BT-137 (schemeName 'Lot'; prior information notices
use 'Part'), the deadline BT-131, or BT-1311 when only requests to
participate are asked for (restricted procedures), and the buyer OPT-300
resolved in the notice's organisations. Where a text is given in several
languages the Swedish one (languageID 'SWE') wins.
"""
import datetime as dt
from decimal import Decimal, InvalidOperation

from lxml import etree

from .tender_data import Lot, Notice, TenderFileError, cpv_code, cpv_codes

NS = {
    'cac': 'urn:oasis:names:specification:ubl:schema:xsd:'
    'CommonAggregateComponents-2',
    'cbc': 'urn:oasis:names:specification:ubl:schema:xsd:'
    'CommonBasicComponents-2',
    'efac': 'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-'
    'components/1',
    'efbc': 'http://data.europa.eu/p27/eforms-ubl-extension-basic-'
    'components/1',
    }

#: The root elements of the notices we read, by kind.
ROOTS = {
    'PriorInformationNotice': 'pin',
    'ContractNotice': 'cn',
    'ContractAwardNotice': 'can',
    }

_LANGUAGE = 'SWE'
_CPV = ("cbc:ItemClassificationCode[@listName='cpv']")
_AMOUNT = 'cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount'
_NUTS = ("cac:RealizedLocation/cac:Address/"
    "cbc:CountrySubentityCode[@listName='nuts']")


def read(name, data):
    "The Notice in the eForms XML `data` of file `name`."
    parser = etree.XMLParser(resolve_entities=False, no_network=True,
        huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exception:
        raise TenderFileError(name, 'xml', error=str(exception))
    local = etree.QName(root).localname
    if local not in ROOTS or not etree.QName(root).namespace.startswith(
            'urn:oasis:names:specification:ubl:schema:xsd:'):
        raise TenderFileError(name, 'not_notice', element=local)
    notice_id = _text(root, "cbc:ID[@schemeName='notice-id']")
    if not notice_id:
        raise TenderFileError(name, 'missing', field='notice-id')
    publication_id = _text(root, './/efac:Publication/'
        'efbc:NoticePublicationID')
    kind = ROOTS[local]
    project = root.find('cac:ProcurementProject', NS)
    lots = tuple(_lot(name, lot, kind) for lot in root.xpath(
            "cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot' "
            "or cbc:ID/@schemeName='Part']", namespaces=NS))
    value, currency = _amount(name, project, _AMOUNT)
    nuts = _text(project, _NUTS)
    for lot in root.xpath("cac:ProcurementProjectLot/"
            "cac:ProcurementProject", namespaces=NS):
        nuts = nuts or _text(lot, _NUTS)
    return Notice(
        reference=publication_id or notice_id,
        kind=kind,
        format='eforms',
        notice_id=notice_id,
        publication_id=publication_id,
        issue_date=_date(name, _text(root, 'cbc:IssueDate')),
        buyer=_buyer(root),
        title=_swedish(project, 'cbc:Name'),
        description=_swedish(project, 'cbc:Description'),
        procedure=_text(root, 'cac:TenderingProcess/cbc:ProcedureCode'),
        main_cpv=cpv_code(_text(project,
                'cac:MainCommodityClassification/' + _CPV)),
        estimated_value=value,
        currency=currency,
        nuts=nuts,
        lots=lots)


def _lot(name, element, kind):
    project = element.find('cac:ProcurementProject', NS)
    process = element.find('cac:TenderingProcess', NS)
    deadline = None
    for period in ['cac:TenderSubmissionDeadlinePeriod',
            'cac:ParticipationRequestReceptionPeriod']:
        if process is not None and deadline is None:
            deadline = _datetime(name,
                _text(process, period + '/cbc:EndDate'),
                _text(process, period + '/cbc:EndTime'))
    value, currency = _amount(name, project, _AMOUNT)
    additional = cpv_codes(c.text for c in project.xpath(
            'cac:AdditionalCommodityClassification/' + _CPV,
            namespaces=NS)) if project is not None else []
    main = cpv_code(_text(project,
            'cac:MainCommodityClassification/' + _CPV))
    return Lot(
        id=_text(element, 'cbc:ID'),
        title=_swedish(project, 'cbc:Name'),
        main_cpv=main,
        additional_cpv=tuple(c for c in additional if c != main),
        deadline=deadline,
        value=value,
        currency=currency)


def _buyer(root):
    "The name of the first buyer (OPT-300) among the organisations."
    buyer = _text(root, 'cac:ContractingParty/cac:Party/'
        'cac:PartyIdentification/cbc:ID')
    if not buyer:
        return None
    for company in root.xpath('.//efac:Organizations/efac:Organization/'
            'efac:Company', namespaces=NS):
        if _text(company, 'cac:PartyIdentification/cbc:ID') == buyer:
            return _swedish(company, 'cac:PartyName/cbc:Name')
    return None


def _text(element, path):
    if element is None:
        return None
    found = element.find(path, NS)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def _swedish(element, path):
    "The text at `path` in Swedish where given, else the first one."
    if element is None:
        return None
    texts = element.findall(path, NS)
    for text in texts:
        if text.get('languageID') == _LANGUAGE and text.text:
            return text.text.strip()
    for text in texts:
        if text.text and text.text.strip():
            return text.text.strip()
    return None


def _amount(name, element, path):
    if element is None:
        return None, None
    found = element.find(path, NS)
    if found is None or not (found.text or '').strip():
        return None, None
    try:
        value = Decimal(found.text.strip())
    except InvalidOperation:
        raise TenderFileError(name, 'value', value=found.text.strip())
    return value, found.get('currencyID')


def _split_zone(text):
    "'2021-08-18+01:00' → ('2021-08-18', '+01:00'); 'Z' too."
    for i, char in enumerate(text):
        if i >= 8 and char in '+-Z':
            return text[:i], text[i:]
    return text, ''


def _date(name, text):
    if not text:
        return None
    day, _ = _split_zone(text)
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        raise TenderFileError(name, 'date', value=text)


def _datetime(name, date_text, time_text):
    """The UTC (naive, as Tryton stores it) moment of an eForms date and
    time, each with its zone ('2021-08-18+01:00', '23:59:00+01:00'). A
    date without time is the end of that day."""
    if not date_text:
        return None
    day, day_zone = _split_zone(date_text)
    clock, zone = _split_zone(time_text) if time_text else ('23:59:59', '')
    zone = zone or day_zone
    try:
        moment = dt.datetime.fromisoformat(
            f"{day}T{clock}{'+00:00' if zone in ('', 'Z') else zone}")
    except ValueError:
        raise TenderFileError(name, 'date',
            value=f"{date_text} {time_text or ''}".strip())
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)

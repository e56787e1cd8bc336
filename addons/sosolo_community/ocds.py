# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read OCDS 1.1 release and record packages, without a database.

A release package gives one notice per ocid, from its latest release
(by date); a record package one per record, from its compiled release
(or its latest release when it has none). Fields follow the OCDS for
eForms mapping (open-contracting/european-union-support): lots are
`tender.lots`, their CPV codes the classifications of the items whose
`relatedLot` names them, their deadline `tenderPeriod.endDate`. A
tender without lots is one lot, 'LOT-0000', as eForms writes a
procedure without lots.
"""
import datetime as dt
import json
from decimal import Decimal

from .tender_data import (
    PROCEDURE_CODES,
    Lot,
    Notice,
    TenderFileError,
    cpv_codes,
)

#: The eForms procedure (BT-105) of an OCDS procurementMethod, where
#: procurementMethodDetails holds none.
METHODS = {'open': 'open', 'selective': 'restricted',
    'limited': 'neg-wo-call', 'direct': 'neg-wo-call'}
SINGLE_LOT = 'LOT-0000'


def read(name, data):
    "The Notices in the OCDS JSON `data` of file `name`."
    try:
        package = json.loads(data, parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as exception:
        raise TenderFileError(name, 'json', error=str(exception))
    if not isinstance(package, dict):
        raise TenderFileError(name, 'not_ocds')
    if isinstance(package.get('records'), list):
        releases = []
        for record in package['records']:
            release = record.get('compiledRelease')
            if not release:
                release = _latest(record.get('releases') or [])
            if release:
                releases.append(release)
    elif isinstance(package.get('releases'), list):
        latest = {}
        for release in package['releases']:
            latest.setdefault(release.get('ocid'), []).append(release)
        releases = [_latest(r) for r in latest.values()]
    else:
        raise TenderFileError(name, 'not_ocds')
    notices = [_notice(name, r) for r in releases if isinstance(r, dict)]
    if not notices:
        raise TenderFileError(name, 'not_ocds')
    return notices


def _latest(releases):
    releases = [r for r in releases if isinstance(r, dict)]
    return max(releases, key=lambda r: str(r.get('date') or ''),
        default=None)


def _kind(release):
    tags = release.get('tag') or []
    status = (release.get('tender') or {}).get('status')
    if {'award', 'awardUpdate', 'contract', 'contractUpdate'} & set(tags) \
            or status in {'complete', 'unsuccessful'}:
        return 'can'
    if 'planning' in tags or status == 'planned':
        return 'pin'
    return 'cn'


def _notice(name, release):
    ocid = release.get('ocid')
    if not ocid:
        raise TenderFileError(name, 'missing', field='ocid')
    tender = release.get('tender') or {}
    value, currency = _value(tender.get('value'))
    details = tender.get('procurementMethodDetails')
    procedure = details if details in PROCEDURE_CODES else METHODS.get(
        tender.get('procurementMethod'))
    items = [i for i in tender.get('items') or [] if isinstance(i, dict)]
    lots = tender.get('lots') or [{'id': SINGLE_LOT}]
    return Notice(
        reference=ocid,
        kind=_kind(release),
        format='ocds',
        notice_id=ocid,
        publication_id=release.get('id'),
        issue_date=_date(name, release.get('date')),
        buyer=_buyer(release),
        title=tender.get('title'),
        description=tender.get('description'),
        procedure=procedure,
        main_cpv=next(iter(_codes(items)), None),
        estimated_value=value,
        currency=currency,
        nuts=_nuts(items),
        lots=tuple(_lot(name, lot, tender, items, len(lots) == 1)
            for lot in lots))


def _lot(name, lot, tender, items, single):
    lot_items = [i for i in items
        if i.get('relatedLot') == lot.get('id')
        or (single and not i.get('relatedLot'))]
    codes = _codes(lot_items)
    period = lot.get('tenderPeriod') or tender.get('tenderPeriod') or {}
    value, currency = _value(lot.get('value'))
    return Lot(
        id=str(lot.get('id') or SINGLE_LOT),
        title=lot.get('title') or (tender.get('title') if single else None),
        main_cpv=codes[0] if codes else None,
        additional_cpv=tuple(codes[1:]),
        deadline=_datetime(name, period.get('endDate')),
        value=value,
        currency=currency)


def _codes(items):
    "The CPV codes of `items`: each main one, then the additional ones."
    main, additional = [], []
    for item in items:
        classification = item.get('classification') or {}
        if str(classification.get('scheme', '')).upper() == 'CPV':
            main.append(classification.get('id'))
        for other in item.get('additionalClassifications') or []:
            if str(other.get('scheme', '')).upper() == 'CPV':
                additional.append(other.get('id'))
    return cpv_codes(main + additional)


def _buyer(release):
    buyer = release.get('buyer') or {}
    if buyer.get('name'):
        return buyer['name']
    for party in release.get('parties') or []:
        if 'buyer' in (party.get('roles') or []):
            return party.get('name')
    return None


def _nuts(items):
    for item in items:
        for address in item.get('deliveryAddresses') or []:
            if address.get('region'):
                return address['region']
    return None


def _value(value):
    if not isinstance(value, dict) or value.get('amount') is None:
        return None, None
    return Decimal(str(value['amount'])), value.get('currency')


def _datetime(name, text):
    "The UTC (naive) moment of an OCDS date-time."
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(text))
    except ValueError:
        raise TenderFileError(name, 'date', value=text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def _date(name, text):
    moment = _datetime(name, text)
    return moment.date() if moment else None

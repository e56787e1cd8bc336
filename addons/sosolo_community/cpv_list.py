# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Read the CPV vocabulary with its Swedish labels, without a database.

Two layouts: the EU's genericode code lists (the eForms SDK's
``codelists/cpv*.gc``, column ``swe_label``) and SIMAP's ``cpv_2008.xml``
(``<CPV CODE="03000000-1"><TEXT LANG="SV">…``). CPV codes are 8 digits
(the check digit dropped, as eForms writes them); a code's parent is the
code with its last significant digit after the division zeroed.
"""
from lxml import etree

from .tender_data import TenderFileError, cpv_code

_GC = '{http://docs.oasis-open.org/codelist/ns/genericode/1.0/}'


def read(name, data):
    "[(code, Swedish label)] of the CPV file `name` holding `data`."
    if not data.strip():
        raise TenderFileError(name, 'empty')
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exception:
        raise TenderFileError(name, 'xml', error=str(exception))
    if root.tag == _GC + 'CodeList':
        rows = _genericode(root)
    elif root.tag == 'CPV_CODE':
        rows = _simap(root)
    else:
        raise TenderFileError(name, 'not_cpv',
            element=etree.QName(root).localname)
    if not rows:
        raise TenderFileError(name, 'not_cpv',
            element=etree.QName(root).localname)
    return rows


def _genericode(root):
    rows = []
    for row in root.iter('Row'):
        values = {v.get('ColumnRef'): (v.findtext('SimpleValue') or '')
            for v in row.iter('Value')}
        code = cpv_code(values.get('code'))
        label = (values.get('swe_label') or values.get('Name') or '').strip()
        if code and label:
            rows.append((code, label))
    return rows


def _simap(root):
    rows = []
    for cpv in root.iter('CPV'):
        code = cpv_code(cpv.get('CODE'))
        label = next((t.text for t in cpv.iter('TEXT')
                if t.get('LANG') == 'SV' and t.text), None)
        if code and label:
            rows.append((code, label.strip()))
    return rows


def parent_code(code):
    """The code one level up: 85131110 → 85131100 → 85131000 → 85130000
    → 85100000 → 85000000 → None (a division has no parent)."""
    digits = code.rstrip('0')
    if len(digits) <= 2:
        return None
    return (digits[:-1]).ljust(8, '0')

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import unittest
from decimal import Decimal

from lxml import etree

from trytond.modules.sosolo_payroll.files import (
    AGD_NS,
    AGI_NS,
    PAIN_NS,
    AgiContact,
    AgiIndividual,
    Transfer,
    agi_employer_id,
    agi_xml,
    pain001_xml,
)

NS = {'i': AGI_NS, 'a': AGD_NS, 'p': PAIN_NS}
D = Decimal


class AgiTestCase(unittest.TestCase):
    """AGI file (Skatteverket, "Teknisk beskrivning för
    arbetsgivardeklaration på individnivå", schema 1.1)"""

    def agi(self):
        individuals = [
            AgiIndividual('198112289874', 1, D('28611.40'), D('6012')),
            AgiIndividual('193605011234', 7, D(0), D(0),
                cash_pay_no_contributions=D(5000)),
            AgiIndividual('200703141234', 12, D(23400), D(4346),
                mileage=True),
            ]
        data = agi_xml('556334-3689', dt.date(2026, 4, 25), individuals,
            D(13858), AgiContact("Lena", '090-1', 'lon@example.se'),
            created=dt.datetime(2026, 5, 2, 10, 0))
        return data, etree.fromstring(data)

    def test_envelope(self):
        data, root = self.agi()
        self.assertTrue(data.startswith(
                b"<?xml version='1.0' encoding='UTF-8'?>"))
        self.assertEqual(root.tag, f'{{{AGI_NS}}}Skatteverket')
        self.assertEqual(root.get('omrade'), 'Arbetsgivardeklaration')
        self.assertEqual(root.findtext(
                'a:Avsandare/a:Organisationsnummer', namespaces=NS),
            '165563343689')
        self.assertEqual(root.findtext(
                'a:Blankettgemensamt/a:Arbetsgivare/a:AgRegistreradId',
                namespaces=NS), '165563343689')
        self.assertEqual(
            {e.text for e in root.iterfind('.//a:Period', NS)}, {'202604'})

    def test_sums(self):
        "HU 497 is the sum of the IUs' 001; amounts are whole kronor"
        _, root = self.agi()
        hu, = root.iterfind('.//a:HU', NS)
        self.assertEqual(hu.findtext('a:SummaArbAvgSlf[@faltkod="487"]',
                namespaces=NS), '13858')
        self.assertEqual(hu.findtext('a:SummaSkatteavdr[@faltkod="497"]',
                namespaces=NS), str(6012 + 4346))
        ius = root.findall('.//a:IU', NS)
        self.assertEqual([iu.findtext(
                    'a:Specifikationsnummer[@faltkod="570"]', namespaces=NS)
                for iu in ius], ['001', '007', '012'])
        first, old, young = ius
        self.assertEqual(first.findtext('a:KontantErsattningUlagAG',
                namespaces=NS), '28611')
        self.assertIsNone(first.find('a:Bilersattning', NS))
        self.assertIsNone(old.find('a:KontantErsattningUlagAG', NS))
        self.assertEqual(old.findtext(
                'a:KontantErsattningEjUlagSA[@faltkod="131"]',
                namespaces=NS), '5000')
        self.assertEqual(young.findtext('a:Bilersattning[@faltkod="050"]',
                namespaces=NS), '1')

    def test_sink(self):
        "A SINK payee's tax is field 274 instead of 001, and in HU 497"
        individuals = [
            AgiIndividual('198112189876', 1, D(30000), D(6100)),
            # SINK: 25 % of 20,000 kr (lag (1991:586) om särskild
            # inkomstskatt för utomlands bosatta, 7 §).
            AgiIndividual('198001019999', 2, D(20000), D(5000), sink=True),
            ]
        root = etree.fromstring(agi_xml('556334-3689', dt.date(2026, 4, 25),
                individuals, D(15710), AgiContact("Lena", '090-1', 'l@x.se')))
        resident, sink = root.findall('.//a:IU', NS)
        self.assertEqual(resident.findtext(
                'a:AvdrPrelSkatt[@faltkod="001"]', namespaces=NS), '6100')
        self.assertIsNone(resident.find('a:AvdrSkattSINK', NS))
        self.assertEqual(sink.findtext(
                'a:AvdrSkattSINK[@faltkod="274"]', namespaces=NS), '5000')
        self.assertIsNone(sink.find('a:AvdrPrelSkatt', NS))
        self.assertEqual(root.findtext('.//a:HU/a:SummaSkatteavdr',
                namespaces=NS), '11100')

    def test_employer_id(self):
        self.assertEqual(agi_employer_id('556334-3689'), '165563343689')
        self.assertEqual(agi_employer_id('165563343689'), '165563343689')


class PainTestCase(unittest.TestCase):
    "Salary payments, ISO 20022 pain.001.001.03"

    def test_file(self):
        data = pain001_xml('RUN-1', "Kooperativet", '556334-3689',
            'SE45 5000 0000 0583 9825 7466', 'ESSESESS',
            dt.date(2026, 4, 25), [
                Transfer('E1', D('27117.00'), "Anna", '8327',
                    '832791234567890', "Lön"),
                Transfer('E2', D('19054.50'), "Bertil", '6000',
                    '6000123456789', "Lön"),
                ], created=dt.datetime(2026, 4, 20, 8, 0))
        root = etree.fromstring(data)
        self.assertEqual(root.tag, f'{{{PAIN_NS}}}Document')
        self.assertEqual(root.findtext('.//p:GrpHdr/p:NbOfTxs',
                namespaces=NS), '2')
        self.assertEqual(root.findtext('.//p:GrpHdr/p:CtrlSum',
                namespaces=NS), '46171.50')
        self.assertEqual(root.findtext('.//p:CtgyPurp/p:Cd',
                namespaces=NS), 'SALA')
        self.assertEqual(root.findtext('.//p:DbtrAcct/p:Id/p:IBAN',
                namespaces=NS), 'SE4550000000058398257466')
        amounts = root.findall('.//p:CdtTrfTxInf/p:Amt/p:InstdAmt', NS)
        self.assertEqual([(a.text, a.get('Ccy')) for a in amounts],
            [('27117.00', 'SEK'), ('19054.50', 'SEK')])
        self.assertEqual(sum(D(a.text) for a in amounts), D('46171.50'))

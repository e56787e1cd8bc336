# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing tender notices (TED eForms XML, OCDS JSON) and CPV codes."""
import datetime as dt
import unittest
from decimal import Decimal
from unittest.mock import patch

from trytond.config import config
from trytond.exceptions import UserError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_community.tender_data import (
    TenderFileError,
    read_notices,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction

from .tender_tools import (
    CPV_SUBSET,
    TENDERS,
    fixture,
    fixtures,
    generated_notice,
)

# Per fixture: reference, [(lot, main and additional CPV, deadline UTC)].
EXPECTED = {
    'eforms-sdk/cn_24_maximal.xml': ('14549263-b47b-4e59-96a1-2d0d13e19343', [
            ('LOT-0001', ['75121000'], dt.datetime(2023, 5, 22, 19, 59, 32)),
            ('LOT-0002', ['75121000'], dt.datetime(2023, 5, 22, 19, 59, 32)),
            ]),
    'eforms-sdk/cn_24_minimal.xml': ('f42be27e-09cf-4f0e-a745-63ec689631e6', [
            ('LOT-0000', ['72230000'], dt.datetime(2020, 2, 4, 8, 0)),
            ]),
    'eforms-sdk/cn_24_open.xml': ('c4c415ee-ac08-4465-8fa6-57568cf69462', [
            ('LOT-0000', ['71630000', '71314100', '50300000', '31600000'],
                dt.datetime(2020, 4, 3, 11, 0)),
            ]),
    'eforms-sdk/cn_25.xml': ('39d68def-a6aa-4e85-aa8d-97f0600ea41e', [
            ('LOT-0000', ['50000000'], dt.datetime(2020, 5, 27, 10, 0)),
            ]),
    'ted-converted/21-364236-001-EXP.xml': ('352907-2021', [
            ('LOT-0000', ['39180000'], dt.datetime(2021, 8, 18, 22, 59)),
            ]),
    'ted-converted/21-364240-001-EXP.xml': ('354339-2021', [
            ('LOT-0000', ['85300000', '98000000', '85310000'], None),
            ]),
    'ocds/ocds-213czf-000-00001-02-tender.json': ('ocds-213czf-000-00001', [
            ('LOT-0000', ['45233130', '45233162'],
                dt.datetime(2010, 4, 1, 18, 0)),
            ]),
    'ocds/ocds-213czf-000-00001-04-award.json': ('ocds-213czf-000-00001', [
            ('LOT-0000', [], None),
            ]),
    'ocds/ocds-213czf-000-00001.json': ('ocds-213czf-000-00001', [
            ('LOT-0000', ['45233130', '45233162'],
                dt.datetime(2010, 4, 8, 18, 0)),
            ]),
    'ocds-from-eforms/352907-2021.json': (
        'ocds-sosolo-aff2863e-b4cc-4e91-baba-b3b85f709117', [
            ('LOT-0000', ['39180000'], dt.datetime(2021, 8, 18, 22, 59)),
            ]),
    }


class TenderFileTestCase(unittest.TestCase):
    "Reading notices, without a database"

    def test_every_fixture_listed(self):
        "Every tender fixture in the repository is checked below"
        self.assertEqual({name for name, _ in fixtures()}, set(EXPECTED))

    def test_fixtures(self):
        "Every fixture reads with its notice id, lots, CPV codes, deadlines"
        for name, data in fixtures():
            with self.subTest(name=name):
                reference, lots = EXPECTED[name]
                notice, = read_notices(name, data)
                self.assertEqual(notice.reference, reference)
                self.assertEqual(
                    [(lot.id, list(lot.cpv_codes), lot.deadline)
                        for lot in notice.lots], lots)

    def test_swedish_title(self):
        "A multilingual notice keeps its Swedish title"
        notice, = read_notices('x.xml', generated_notice(lots=2))
        self.assertEqual(
            notice.title, "Laboratorieinredning Hus 6 och 7 Ångström")
        self.assertEqual([lot.title for lot in notice.lots],
            ["Delkontrakt 1", "Delkontrakt 2"])

    def test_prior_information_notice(self):
        "A prior information notice's parts are its lots"
        notice, = read_notices('pin.xml', generated_notice(
                lots=3, root='PriorInformationNotice', scheme='Part'))
        self.assertEqual(notice.kind, 'pin')
        self.assertEqual([lot.id for lot in notice.lots],
            ['LOT-0001', 'LOT-0002', 'LOT-0003'])
        self.assertEqual(notice.lots[0].value, Decimal('1000'))

    def test_restricted_deadline(self):
        "Without a tender deadline, the participation request one counts"
        _, data = fixture('eforms-sdk/cn_24_maximal.xml')
        notice, = read_notices('cn_24_maximal.xml', data)
        self.assertEqual(notice.procedure, 'neg-w-call')
        self.assertEqual(notice.lots[0].deadline,
            dt.datetime(2023, 5, 22, 19, 59, 32))

    def test_refused(self):
        "Broken XML, a non-notice XML, empty files and bad JSON are refused"
        _, cpv = 'cpv', CPV_SUBSET.read_bytes()
        cases = [
            (b'<ContractNotice><cbc:ID', 'xml'),
            (cpv, 'not_notice'),
            (b'<?xml version="1.0"?><html/>', 'not_notice'),
            (b'', 'empty'),
            (b'  \n', 'empty'),
            (b'{"releases": [', 'json'),
            (b'{"hello": "world"}', 'not_ocds'),
            (b'PK\x03\x04', 'format'),
            ]
        for data, problem in cases:
            with self.subTest(problem=problem, data=data[:20]):
                with self.assertRaises(TenderFileError) as context:
                    read_notices('bad.xml', data)
                self.assertEqual(context.exception.problem, problem)
                self.assertEqual(context.exception.params['file'], 'bad.xml')


class TenderImportTestCase(unittest.TestCase):
    "Importing notices into the database"

    @classmethod
    def setUpClass(cls):
        activate_module('sosolo_community')

    def stored(self, tender, without=('reference', 'format', 'notice_id',
                'publication_id')):
        "The stored fields of `tender` and its lots."
        Tender = Pool().get('sosolo.community.tender')
        fields = [f for f in ['kind', 'format', 'notice_id',
                'publication_id', 'issue_date', 'buyer', 'title',
                'description', 'procedure', 'main_cpv', 'estimated_value',
                'currency_code', 'nuts', 'reference'] if f not in without]
        tender = Tender(tender.id)
        return ({f: getattr(tender, f) for f in fields},
            [(lot.lot, lot.title, lot.cpv_codes, lot.deadline, lot.value,
                    lot.currency_code) for lot in tender.lots])

    @with_transaction()
    def test_import_fixtures(self):
        "Every fixture imports, and again as updated or unchanged"
        Tender = Pool().get('sosolo.community.tender')
        for name, data in fixtures():
            with self.subTest(name=name):
                reference, lots = EXPECTED[name]
                (tender, status), = Tender.import_files([(name, data)])
                self.assertEqual(tender.reference, reference)
                self.assertEqual(
                    [(lot.lot, lot.cpv_codes, lot.deadline)
                        for lot in tender.lots], lots
                    if not name.startswith('ocds/') or status == 'created'
                    else [(lot.lot, lot.cpv_codes, lot.deadline)
                        for lot in tender.lots])
                (again, status), = Tender.import_files([(name, data)])
                self.assertEqual(again, tender)
                self.assertEqual(status, 'unchanged')
        # The three OCDS files are one process: one notice, updated.
        self.assertEqual(
            Tender.search_count([('reference', '=', 'ocds-213czf-000-00001')]),
            1)
        self.assertEqual(Tender.search_count([]),
            len({r for r, _ in EXPECTED.values()}))

    @with_transaction()
    def test_update(self):
        "A changed notice is updated: fields and lots, never duplicated"
        Tender = Pool().get('sosolo.community.tender')
        (tender, status), = Tender.import_files(
            [('a.xml', generated_notice(lots=3))])
        self.assertEqual(status, 'created')
        (tender2, status), = Tender.import_files(
            [('a.xml', generated_notice(lots=2).replace(
                        b'Delkontrakt 1<', b'Delkontrakt ett<'))])
        self.assertEqual((tender2, status), (tender, 'updated'))
        self.assertEqual([(lot.lot, lot.title) for lot in tender.lots],
            [('LOT-0001', "Delkontrakt ett"), ('LOT-0002', "Delkontrakt 2")])
        self.assertEqual(Tender.search_count([]), 1)

    @with_transaction()
    def test_ocds_updates_merge(self):
        "A later, partial OCDS release keeps what it leaves out"
        Tender = Pool().get('sosolo.community.tender')
        (tender, _), (_, status) = Tender.import_files([
                fixture('ocds/ocds-213czf-000-00001-02-tender.json'),
                fixture('ocds/ocds-213czf-000-00001-04-award.json')])
        self.assertEqual(status, 'updated')
        self.assertEqual(tender.kind, 'can')
        self.assertEqual(tender.main_cpv, '45233130')
        self.assertEqual(tender.lots[0].cpv_codes, ['45233130', '45233162'])

    @with_transaction()
    def test_ocds_and_eforms_same_fields(self):
        "The OCDS and eForms forms of one notice store the same fields"
        Tender = Pool().get('sosolo.community.tender')
        (eforms, _), (ocds, _) = Tender.import_files([
                fixture('ted-converted/21-364236-001-EXP.xml'),
                fixture('ocds-from-eforms/352907-2021.json')])
        self.assertEqual(self.stored(ocds), self.stored(eforms))
        fields, lots = self.stored(eforms)
        self.assertEqual(fields['buyer'], "Uppsala universitet")
        self.assertEqual(fields['estimated_value'], Decimal('2000000'))
        self.assertEqual(fields['currency_code'], 'SEK')
        self.assertEqual(fields['nuts'], 'SE121')
        self.assertEqual(fields['issue_date'], dt.date(2021, 7, 8))
        self.assertEqual(ocds.format, 'ocds')

    @with_transaction()
    def test_refused_writes_nothing(self):
        "A malformed file, even after good ones, imports nothing at all"
        Tender = Pool().get('sosolo.community.tender')
        Lot = Pool().get('sosolo.community.tender.lot')
        for name, data in [
                ('broken.xml', b'<ContractNotice><cbc:ID'),
                ('cpv.gc', CPV_SUBSET.read_bytes()),
                ('empty.xml', b'')]:
            with self.subTest(name=name):
                with self.assertRaises(UserError) as context:
                    Tender.import_files([fixture(
                                'ted-converted/21-364236-001-EXP.xml'),
                            (name, data)])
                self.assertTrue(
                    context.exception.message.startswith(f'{name}: '))
                self.assertEqual(
                    len(context.exception.message.splitlines()), 1)
                self.assertEqual(Tender.search_count([]), 0)
                self.assertEqual(Lot.search_count([]), 0)

    @with_transaction()
    def test_hundred_lots(self):
        "A notice with 100 lots imports with all of them"
        Tender = Pool().get('sosolo.community.tender')
        (tender, _), = Tender.import_files(
            [('big.xml', generated_notice(lots=100))])
        self.assertEqual(len(tender.lots), 100)
        self.assertEqual(tender.lots[99].cpv_codes, ['79624000', '85140000'])
        self.assertEqual(tender.deadline, dt.datetime(2027, 1, 1, 11, 0))

    @with_transaction()
    def test_import_folder(self):
        "The cron imports the configured folder, skipping a malformed file"
        import tempfile
        from pathlib import Path
        Tender = Pool().get('sosolo.community.tender')
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, 'a.xml').write_bytes(
                (TENDERS / 'ted-converted/21-364236-001-EXP.xml').read_bytes())
            Path(folder, 'b.xml').write_bytes(b'<broken')
            Path(folder, 'c.json').write_bytes(
                (TENDERS / 'ocds/ocds-213czf-000-00001.json').read_bytes())
            with patch.object(config, 'get', lambda *a, **k: folder
                    if a[:2] == ('sosolo_community', 'tender_folder')
                    else k.get('default')), \
                    self.assertLogs(
                        'trytond.modules.sosolo_community.tender') as logs:
                Tender.import_folder()
        self.assertEqual(sorted(t.reference for t in Tender.search([])),
            ['352907-2021', 'ocds-213czf-000-00001'])
        self.assertIn('b.xml', logs.output[0])

    @with_transaction()
    def test_cpv_import(self):
        "CPV codes import with their Swedish labels and find their parent"
        Cpv = Pool().get('sosolo.community.cpv')
        created, updated = Cpv.import_file('cpv.gc', CPV_SUBSET.read_bytes())
        self.assertEqual((created, updated), (11, 0))
        code, = Cpv.search([('code', '=', '85131110')])
        self.assertEqual(code.name, "Tandregleringskirurgi")
        self.assertEqual(code.parent.code, '85131100')
        self.assertIsNone(Cpv.search([('code', '=', '85140000')])[0].parent)
        self.assertEqual(Cpv.import_file('cpv.gc', CPV_SUBSET.read_bytes()),
            (0, 0))
        self.assertEqual(Cpv.search([('rec_name', 'ilike', '%hälsovård%')],
                count=True), 2)
        with self.assertRaises(UserError):
            Cpv.import_file('bad.gc', b'<x/>')

    @with_transaction()
    def test_matching_lots(self):
        "A member's interests pick the matching lots"
        pool = Pool()
        Cpv = pool.get('sosolo.community.cpv')
        Interest = pool.get('sosolo.community.interest')
        Member = pool.get('sosolo.member')
        Party = pool.get('party.party')
        Tender = pool.get('sosolo.community.tender')
        Cpv.import_file('cpv.gc', CPV_SUBSET.read_bytes())
        (tender, _), = Tender.import_files(
            [('big.xml', generated_notice(lots=6))])
        company = create_company()
        with set_company(company):
            party = Party(name="Anna")
            party.save()
            member = Member(party=party, kind='person', company=company)
            member.save()
        nursing, = Cpv.search([('code', '=', '79624000')])
        Interest.create([{'member': member.id, 'cpv': nursing.id,
                    'level': 'class'}])
        interests = Interest.rules_of(member)
        self.assertEqual(
            [lot.lot for lot in tender.lots if lot.matches(interests)],
            ['LOT-0001', 'LOT-0004'])

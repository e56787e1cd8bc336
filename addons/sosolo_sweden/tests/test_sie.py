# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIE import and export against the database (issue #3).

Test files in data/ are from the jsisie project (MIT, LICENSE-jsisie.txt).
"""
import datetime as dt
import io
import os
import random
import re
import unittest
import zipfile
from collections import defaultdict
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.currency.tests import create_currency
from trytond.modules.sosolo_sweden.exceptions import SIEImportError
from trytond.modules.sosolo_sweden.sie_export import SIEExporter
from trytond.modules.sosolo_sweden.sie_import import (
    SIEImporter,
    opening_period,
)
from trytond.modules.sosolo_sweden.sie_reader import file_kind, read
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from .books import create_fiscalyear

DATA = Path(__file__).parent / 'data'
GOLDEN = Path(__file__).parent / 'sie_golden.se'
TODAY = dt.date(2026, 11, 27)
#: 4E and type 1-3 files: their balances must come out of the books.
BOOKS = [
    'BL0001_typ1.SE', 'BL0001_typ2.SE', 'BL0001_typ3.SE', 'BL0001_typ4.SE',
    'Bokslut Norstedts SIE 4E.se', 'SIE_exempelfil.se',
    'arsaldo_ovnbolag.se', 'objektsaldo_ovnbolag.se',
    'periodsaldo_ovnbolag.se', 'transaktioner_ovnbolag.se', 'typ4.se',
    ]
#: 4I files: vouchers from other programs, into existing years.
VOUCHERS = ['BL0001_typ4I.SI', 'FAKT.SI', 'Lön.si']
#: Files that must be refused, with the line and the reason.
REFUSED = [
    ('transaktioner_ovnbolag-bad-balance.se', 3905, 'does not balance'),
    ('Sie4.se', 592, 'is not a number'),
    ('urval_ovnbolag.si', 1, '#FLAGGA 1'),
    ]


def data(name):
    return (DATA / name).read_bytes()


def new_company(name="Övningsbolaget AB"):
    Currency = Pool().get('currency.currency')
    currencies = Currency.search([('code', '=', 'SEK')])
    currency = currencies[0] if currencies else create_currency('SEK')
    return create_company(name, currency=currency)


def import_file(company, name, content=None):
    with set_company(company):
        importer = SIEImporter(company, content or data(name), name)
        importer.run()
        return importer


def export(fiscalyear, checksum=False, sie_type=4):
    stream = BytesIO()
    exporter = SIEExporter(fiscalyear, sie_type=sie_type,
        checksum=checksum, today=TODAY)
    replaced = exporter.export(stream)
    return stream.getvalue(), replaced


def book_balances(company, fiscalyear):
    """Balance per account code at the end of `fiscalyear` (balance sheet)
    and over the year outside its opening period (income statement),
    computed with the ORM, independently of the export's queries."""
    pool = Pool()
    Line = pool.get('account.move.line')
    closing, result = defaultdict(Decimal), defaultdict(Decimal)
    lines = Line.search([
            ('move.company', '=', company.id),
            ('move.date', '<=', fiscalyear.end_date),
            ('move.state', '=', 'posted'),
            ])
    for line in lines:
        amount = line.debit - line.credit
        if line.account.type.statement == 'balance':
            closing[line.account.code] += amount
        elif (line.move.period.fiscalyear == fiscalyear
                and line.move.period.type == 'standard'):
            result[line.account.code] += amount
    return (
        {k: v for k, v in closing.items() if v},
        {k: v for k, v in result.items() if v})


def object_sums(sie, start, end):
    "Sum per (dimension, object) of the #TRANS dated from `start` to `end`."
    sums = defaultdict(Decimal)
    for voucher in sie.vouchers:
        if start <= voucher.date <= end:
            for transaction in voucher.transactions:
                for key in transaction.objects:
                    sums[key] += transaction.amount
    return {k: v for k, v in sums.items() if v}


def without(content, labels=('#GEN', '#PROGRAM')):
    return [line for line in content.split(b'\n')
        if line.split(b' ')[0] not in {x.encode() for x in labels}]


class SIETestCase(unittest.TestCase):
    "SIE import and export"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_sweden')

    def fiscalyear(self, company, start):
        FiscalYear = Pool().get('account.fiscalyear')
        fiscalyear, = FiscalYear.search([
                ('company', '=', company.id),
                ('start_date', '=', start)])
        return fiscalyear

    # One transaction per file: on PostgreSQL, a transaction that holds
    # the lines of several imports gets poor query plans (the planner's
    # statistics do not count rows the transaction has not committed).

    def test_import_books(self):
        """Each 4E and type 1-3 file gives books with its #UB 0 and #RES 0

        Imports are slow, so the books of typ4.se are also exported for
        the round trip and those of BL0001_typ4.SE for the export types.
        """
        checks = {
            'typ4.se': self.check_round_trip,
            'BL0001_typ4.SE': self.check_export_types,
            'transaktioner_ovnbolag.se': self.check_objects,
            'BL0001_typ3.SE': self.check_objects_ignored,
            }
        for name in BOOKS:
            with self.subTest(name=name):
                self.import_books(name, checks)

    @with_transaction()
    def import_books(self, name, checks):
        company = new_company()
        importer = import_file(company, name)
        sie = importer.sie
        start, _ = sie.years[0]
        closing, result = book_balances(
            company, self.fiscalyear(company, start))
        expected_closing = {k: v for k, v in sie.closing[0].items()
            if v and importer.statement(k) == 'balance'}
        expected_result = {k: v for k, v in sie.result[0].items()
            if v and importer.statement(k) == 'income'}
        self.assertEqual(closing, expected_closing, name)
        self.assertEqual(result, expected_result, name)
        if name in checks:
            checks[name](company, importer)

    def test_import_vouchers_4i(self):
        "4I vouchers become draft moves in existing fiscal years"
        for name in VOUCHERS:
            with self.subTest(name=name):
                self.import_vouchers(name)

    @with_transaction()
    def import_vouchers(self, name):
        Move = Pool().get('account.move')
        company = new_company()
        with set_company(company):
            for year in (2011, 2012):
                create_fiscalyear(company, dt.date(year, 1, 1),
                    dt.date(year, 12, 31))
        sie = read(data(name), file_kind(name))
        import_file(company, name)
        moves = Move.search([('company', '=', company.id)])
        self.assertEqual(len(moves), len(sie.vouchers))
        self.assertEqual({m.state for m in moves}, {'draft'})
        self.assertEqual(
            sum(len(m.lines) for m in moves),
            sum(1 for v in sie.vouchers for t in v.transactions
                if t.amount))

    def test_import_refused(self):
        "A bad file is refused with its line and writes nothing"
        for name, line, reason in REFUSED:
            with self.subTest(name=name):
                self.import_refused(name, line, reason)

    @with_transaction()
    def import_refused(self, name, line, reason):
        pool = Pool()
        Account = pool.get('account.account')
        FiscalYear = pool.get('account.fiscalyear')
        Move = pool.get('account.move')
        company = new_company()
        with self.assertRaises(SIEImportError) as cm:
            import_file(company, name)
        message = cm.exception.message
        self.assertIn(f"Line {line}:", message)
        self.assertIn(reason, message)
        for Model in [Account, FiscalYear, Move]:
            self.assertFalse(
                Model.search([('company', '=', company.id)]))

    def not_sie(self):
        "(name, content, line, words) of files that are not SIE (#11)"
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, 'w') as zip_file:
            zip_file.writestr('arsaldo.se', data('arsaldo_ovnbolag.se'))
        return [
            # What a failed download saves under the file's name.
            ('SIE4_2026.se', b'<!DOCTYPE html>\n<html lang="sv">\n'
                b'<head><title>502 Bad Gateway</title></head>\n'
                b'<body><h1>502 Bad Gateway</h1></body>\n</html>\n',
                1, 'web page (HTML): "<!DOCTYPE html>"'),
            ('bokslut.se', b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
                b'1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n',
                1, 'PDF document: "%PDF-1.4"'),
            ('arsaldo.se', archive.getvalue(), 1, 'zip archive'),
            ('tom.se', b'', None, 'The file is empty'),
            ('slump.si', random.Random(11).randbytes(4096), None, ''),
            ]

    def test_import_not_sie(self):
        "HTML, PDF, zip, empty and random bytes are refused, nothing written"
        for name, content, line, words in self.not_sie():
            with self.subTest(name=name):
                self.import_not_sie(name, content, line, words)

    @with_transaction()
    def import_not_sie(self, name, content, line, words):
        pool = Pool()
        Account = pool.get('account.account')
        FiscalYear = pool.get('account.fiscalyear')
        Move = pool.get('account.move')
        File = pool.get('sosolo.sie.file')
        Import = pool.get('sosolo.sie.import', type='wizard')
        company = new_company()
        models = [Account, FiscalYear, Move, File]
        before = [Model.search_count([]) for Model in models]
        with set_company(company), \
                self.assertRaises(SIEImportError) as cm:
            SIEImporter(company, content, name).run()
        message = cm.exception.message
        self.assertIn("not a SIE file", message)
        self.assertIn(words, message)
        if line:
            self.assertTrue(message.startswith(f"Line {line}:"), message)
        # The back office's wizard refuses it at the preview.
        with set_company(company):
            session, _, _ = Import.create()
            wizard = Import(session)
            wizard.start.file = content
            wizard.start.filename = name
            with self.assertRaises(SIEImportError) as cm:
                wizard.default_preview(None)
            self.assertEqual(cm.exception.message, message)
        self.assertEqual([Model.search_count([]) for Model in models],
            before)

    @with_transaction()
    def test_import_not_sie_swedish(self):
        "The refusal is in Swedish for a Swedish user: inte en SIE-fil"
        pool = Pool()
        Lang = pool.get('ir.lang')
        swedish, = Lang.search([('code', '=', 'sv')])
        Lang.load_translations([swedish])
        company = new_company()
        name, content, _, _ = self.not_sie()[0]
        # set_company() would set the admin's language (en) again.
        with Transaction().set_context(language='sv'), \
                self.assertRaises(SIEImportError) as cm:
            SIEImporter(company, content, name)
        self.assertEqual(cm.exception.message,
            'Rad 1: inte en SIE-fil utan en webbsida (HTML): '
            '"<!DOCTYPE html>".')

    @with_transaction()
    def test_import_missing_record(self):
        "A 4E file without #RAR is refused, naming #SIETYP's line (#11)"
        pool = Pool()
        Move = pool.get('account.move')
        company = new_company()
        content = b'\n'.join(without(
                data('transaktioner_ovnbolag.se'), ['#RAR']))
        line = next(number for number, text
            in enumerate(content.split(b'\n'), 1)
            if text.startswith(b'#SIETYP'))
        with self.assertRaises(SIEImportError) as cm:
            import_file(company, 'utan-rar.se', content)
        self.assertEqual(cm.exception.message,
            f'Line {line}: not a SIE file: a file of type 4E has #RAR, '
            'this one has not: "#SIETYP 4".')
        self.assertFalse(Move.search([('company', '=', company.id)]))

    @with_transaction()
    def test_import_checksum(self):
        "A #KSUMMA file with one changed amount is refused"
        name = 'Bokslut Norstedts SIE 4E.se'
        content = data(name)
        altered = content.replace(
            b'8999\t    398624.26', b'8999\t    398624.27')
        self.assertNotEqual(content, altered)
        company = new_company()
        with self.assertRaises(SIEImportError) as cm:
            import_file(company, name, altered)
        self.assertIn("checksum", cm.exception.message)
        # The file itself imports in test_import_books.
        self.assertIn(name, BOOKS)
        self.assertTrue(read(content).checksum)

    @with_transaction()
    def test_import_twice(self):
        "The same file twice is refused the second time"
        Import = Pool().get('sosolo.sie.import', type='wizard')
        company = new_company()
        with set_company(company):
            session, _, _ = Import.create()
            wizard = Import(session)
            wizard.start.file = data('arsaldo_ovnbolag.se')
            wizard.start.filename = 'arsaldo_ovnbolag.se'
            preview = wizard.default_preview(None)
            self.assertEqual(
                (preview['sie_type'], preview['accounts'],
                    preview['new_accounts'], preview['vouchers']),
                ('1E', 567, 567, 0))
            self.assertEqual(wizard.transition_import_(), 'result')
        with self.assertRaises(SIEImportError) as cm:
            import_file(company, 'copy.se', data('arsaldo_ovnbolag.se'))
        self.assertIn("already been imported", cm.exception.message)

    def check_round_trip(self, first, importer):
        "Export, import into an empty company, export: the same file"
        name = 'typ4.se'
        start = dt.date(2012, 1, 1)
        with set_company(first):
            exported, replaced = export(
                self.fiscalyear(first, start), checksum=True)
        self.assertFalse(replaced)
        # typ4.se has objects: they make the round trip too.
        for record in [b'#DIM 1 Kostnadsst', b'#OBJEKT 6 200 ',
                b'#TRANS 7010 {1 AO} 24000.00']:
            self.assertIn(record, exported)
        second = new_company()
        import_file(second, 'export.se', exported)
        with set_company(second):
            again, _ = export(self.fiscalyear(second, start), checksum=True)
        self.assertEqual(without(exported, ['#GEN', '#PROGRAM', '#KSUMMA']),
            without(again, ['#GEN', '#PROGRAM', '#KSUMMA']))
        # The export is a faithful copy of the original's books.
        original = read(data(name))
        copy = read(again)
        for attribute in ['opening', 'closing', 'result']:
            for year in (0, -1):
                self.assertEqual(
                    {k: v for k, v in getattr(original, attribute)[year]
                        .items() if v},
                    getattr(copy, attribute)[year], (attribute, year))
        self.assertEqual(len(copy.vouchers), len(original.vouchers))
        self.assertTrue(copy.checksum)

    def check_objects(self, company, importer):
        """Objects on #TRANS become analytic lines with the file's sums
        per object; the export writes them back the same"""
        pool = Pool()
        AnalyticLine = pool.get('analytic_account.line')
        sie = importer.sie
        start, end = sie.years[0]
        expected = object_sums(sie, start, end)
        self.assertEqual(set(expected), {('1', 'Nord'), ('1', 'Syd'),
                ('6', '0001'), ('7', '1'), ('7', '4')})
        self.assertTrue(any(len(t.objects) == 3
                for v in sie.vouchers for t in v.transactions))
        books = defaultdict(Decimal)
        for line in AnalyticLine.search([
                    ('account.company', '=', company.id),
                    ('date', '>=', start), ('date', '<=', end)]):
            books[(str(line.account.root.sie_dimension),
                    line.account.code)] += line.debit - line.credit
        self.assertEqual({k: v for k, v in books.items() if v}, expected)
        with set_company(company):
            content, _ = export(self.fiscalyear(company, start))
        copy = read(content)
        self.assertEqual(object_sums(copy, start, end), expected)
        self.assertEqual(copy.dimensions, {
                '1': 'Resultatenheter', '6': 'Projekt',
                '7': 'Medarbetare'})
        self.assertEqual(copy.objects, sie.objects)

    def check_objects_ignored(self, company, importer):
        "#OIB/#OUB/#PSALDO with objects are not imported: the user is told"
        warnings = '\n'.join(importer.warnings)
        for label in ['#OIB', '#OUB', '#PSALDO']:
            self.assertIn(f'{label} with objects is not imported', warnings)

    def check_export_types(self, company, importer):
        "Types 1-3 leave out what the type does not have"
        fiscalyear = self.fiscalyear(company, dt.date(2009, 7, 1))
        with set_company(company):
            for sie_type, labels in [
                    (1, {'#IB', '#UB', '#RES'}),
                    (2, {'#PSALDO'}),
                    (4, {'#VER', '#TRANS'}),
                    ]:
                content, _ = export(fiscalyear, sie_type=sie_type)
                found = {line.split(b' ')[0].decode()
                    for line in content.splitlines()}
                self.assertTrue(labels <= found, (sie_type, found))
                if sie_type < 4:
                    self.assertNotIn('#VER', found)
                if sie_type < 2:
                    self.assertNotIn('#PSALDO', found)
                self.assertIn(b'#SIETYP %d' % sie_type, content)

            Export = Pool().get('sosolo.sie.export', type='wizard')
            session, _, _ = Export.create()
            wizard = Export(session)
            wizard.start.fiscalyear = fiscalyear
            wizard.start.sie_type = '4'
            wizard.start.checksum = True
            self.assertEqual(wizard.transition_generate(), 'result')
            result = wizard.default_result(None)
        self.assertEqual(result['filename'], 'SIE4_2009-2010.se')
        self.assertEqual(result['replaced'], '')
        self.assertTrue(read(result['file']).checksum)

    @with_transaction()
    def test_export_golden(self):
        "Export of a small company's year equals the golden file"
        content = self.golden_export()
        if os.environ.get('SOSOLO_WRITE_GOLDEN'):
            GOLDEN.write_bytes(content)
        self.assertEqual(content, GOLDEN.read_bytes())
        sie = read(content)
        self.assertEqual(sie.dimensions, {'1': 'Kostnadsställe',
                '6': 'Projekt'})
        D = Decimal
        self.assertEqual(
            object_sums(sie, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
            {('1', 'NORR'): D('-500.40'), ('6', 'P1'): D('60'),
                ('6', 'P 2'): D('39.90')})
        self.assertEqual(sie.checksum, int(re.search(
                    rb'#KSUMMA (\d+)', content).group(1)))

    def golden_export(self):
        pool = Pool()
        Account = pool.get('account.account')
        Analytic = pool.get('analytic_account.account')
        Journal = pool.get('account.journal')
        Move = pool.get('account.move')
        Party = pool.get('party.party')
        Identifier = pool.get('party.identifier')
        company = new_company("Kooperativet Åsele ek. för.")
        Identifier.create([{'party': company.party.id,
                    'type': 'se_orgnr', 'code': '769600-1994'}])
        Party.write([company.party], {'name': company.party.name})
        with set_company(company):
            importer = SIEImporter(company, b'\n'.join([b'#FLAGGA 0',
                        b'#PROGRAM SOSOLO 1', b'#FORMAT PC8',
                        b'#GEN 20260101', b'#SIETYP 4', b'#FNAMN x',
                        b'#RAR 0 20260101 20261231', b'#KONTO 1930 Bank']),
                'x.se')
            types = importer.get_types()
            accounts = {}
            for code, name, ktyp in [
                    ('1510', "Kundfordringar", 'T'),
                    ('1930', "Företagskonto", 'T'),
                    ('2083', "Medlemsinsatser", 'S'),
                    ('2611', "Utgående moms 25 %", 'S'),
                    ('3001', "Försäljning inom Sverige, 25 %", 'I'),
                    ('6110', "Kontorsmateriel €", 'K'),
                    ]:
                accounts[code], = Account.create([{
                            'company': company.id, 'code': code,
                            'name': name, 'type': types[ktyp].id}])
            previous = create_fiscalyear(company,
                dt.date(2025, 1, 1), dt.date(2025, 12, 31))
            fiscalyear = create_fiscalyear(company,
                dt.date(2026, 1, 1), dt.date(2026, 12, 31))
            journal, = Journal.create([{
                        'code': 'F', 'name': "Fakturor", 'type': 'revenue'}])
            bank, = Journal.create([{
                        'code': 'B', 'name': "Bank", 'type': 'cash'}])

            # Analytic accounts: a root numbered by hand, one by default
            # (Projekt: 6), and a line split over two projects.
            cost, project = Analytic.create([{
                        'company': company.id, 'type': 'root',
                        'name': "Kostnadsställe", 'sie_dimension': 1,
                        }, {
                        'company': company.id, 'type': 'root',
                        'name': "Projekt",
                        }])
            objects = {}
            for root, code, name in [
                    (cost, 'NORR', "Kontor Norr"),
                    (project, 'P1', "Skolkör"),
                    (project, 'P 2', "Konsert \"Vår\""),
                    ]:
                objects[code], = Analytic.create([{
                            'company': company.id, 'type': 'normal',
                            'root': root.id, 'parent': root.id,
                            'code': code, 'name': name}])

            def move(journal, date, description, lines, period=None):
                period = period or pool.get('account.period').find(
                    company, date)
                return {'company': company.id, 'journal': journal.id,
                    'period': period.id, 'date': date,
                    'description': description,
                    'lines': [('create', [{
                                    'account': accounts[c].id,
                                    'debit': max(a, 0), 'credit': max(-a, 0),
                                    'description': d,
                                    'analytic_lines': [('create', [{
                                                    'account': objects[o].id,
                                                    'debit': max(x, 0),
                                                    'credit': max(-x, 0),
                                                    'date': date,
                                                    } for o, x in analytic])],
                                    } for c, a, d, *analytic in lines])]}
            D = Decimal
            moves = Move.create([
                    move(bank, dt.date(2025, 1, 1), "Insatser", [
                            ('1930', D('5000'), None),
                            ('2083', D('-5000'), "Medlem \"Åsa\"")],
                        period=opening_period(previous)),
                    move(journal, dt.date(2025, 6, 30), "Faktura 2025-0001", [
                            ('1510', D('1250'), None),
                            ('2611', D('-250'), None),
                            ('3001', D('-1000'), None)]),
                    move(bank, dt.date(2026, 2, 3), "Inbetalning", [
                            ('1930', D('1250'), None),
                            ('1510', D('-1250'), None)]),
                    move(journal, dt.date(2026, 1, 15), "Faktura 2026-0001", [
                            ('1510', D('625.50'), "Kund: Björk & Söner"),
                            ('2611', D('-125.10'), None),
                            ('3001', D('-500.40'), None,
                                ('NORR', D('-500.40')))]),
                    move(bank, dt.date(2026, 1, 20), "Papper €", [
                            ('6110', D('99.90'), None,
                                ('P1', D('60')), ('P 2', D('39.90'))),
                            ('1930', D('-99.90'), None)]),
                    ])
            Move.post(moves)
            content, replaced = export(fiscalyear, checksum=True)
        self.assertEqual(replaced, {'€'})
        return content


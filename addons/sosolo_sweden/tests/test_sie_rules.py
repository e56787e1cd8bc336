# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIE grammar, reader and writer, without a database.

Source of the rules: SIE-gruppen, "SIE filformat, utgåva 4B" (chapter 5
syntax, 7 #KSUMMA, 8 labels). Test files in data/ are from the jsisie
project (MIT, data/LICENSE-jsisie.txt).
"""
import datetime as dt
import doctest
import unittest
import zlib
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from trytond.modules.sosolo_sweden import sie_format
from trytond.modules.sosolo_sweden.sie_format import (
    ObjectList,
    SIEError,
    Writer,
    checksum_text,
    default_dimension,
    format_amount,
    format_objects,
    quote,
    split,
    split_objects,
)
from trytond.modules.sosolo_sweden.sie_reader import (
    check_required,
    computed_closing,
    file_kind,
    read,
)

DATA = Path(__file__).parent / 'data'


def sie(*lines):
    return ('\r\n'.join(lines) + '\r\n').encode('cp437')


class SIEGrammarTestCase(unittest.TestCase):

    def test_split(self):
        "Fields: bare, quoted, escaped quotes, tabs, object lists (4B 5.4-5.7)"
        for text, expected in [
                ('#KONTO 1910 Kassa', ['#KONTO', '1910', 'Kassa']),
                ('#KONTO\t1910\t"Kassa och bank"',
                    ['#KONTO', '1910', 'Kassa och bank']),
                ('#FNAMN "Bolaget \\"Bästa\\" AB"',
                    ['#FNAMN', 'Bolaget "Bästa" AB']),
                ('#TRANS 3010 { "1" "1"} -500',
                    ['#TRANS', '3010', (('1', '1'),), '-500']),
                ('#TRANS 1930 {} 0 20091210 "" ',
                    ['#TRANS', '1930', (), '0', '20091210', '']),
                ('#TRANS 1930 {1 Nord 6 "P 1"} 1',
                    ['#TRANS', '1930', (('1', 'Nord'), ('6', 'P 1')), '1']),
                ]:
            self.assertEqual(split(text), expected, text)

    def test_quote(self):
        "Quote what has spaces or quotes, escape \" as \\\" (4B 5.7)"
        for value, expected in [
                ('1910', '1910'), ('', '""'), ('Kassa och bank',
                    '"Kassa och bank"'), ('a"b', '"a\\"b"'),
                ('rad\nbrytning', '"rad brytning"'),
                ]:
            self.assertEqual(quote(value), expected)
            self.assertEqual(split(quote(value))[0],
                value.replace('\n', ' '))

    def test_amounts(self):
        "Amounts: point, at most two decimals, credit negative (4B 5.9)"
        for value, expected in [
                (Decimal('128'), '128.00'), (Decimal('-12.5'), '-12.50'),
                (Decimal('0.005'), '0.00'), (Decimal('0.015'), '0.02'),
                (Decimal('-0.001'), '0.00'),
                ]:
            self.assertEqual(format_amount(value), expected)
        for text in ['12.345', '1 000', 'abc', '']:
            with self.assertRaises(SIEError):
                sie_format.parse_amount(text, 3)

    def test_dates(self):
        "Dates YYYYMMDD (4B 5.10)"
        self.assertEqual(sie_format.parse_date('20260131'),
            dt.date(2026, 1, 31))
        for text in ['20260231', '2026-01-31', '260131']:
            with self.assertRaises(SIEError) as cm:
                sie_format.parse_date(text, 9)
            self.assertEqual(cm.exception.line, 9)

    def test_checksum_text(self):
        "#KSUMMA covers fields without separators, quotes, braces (4B 7)"
        self.assertEqual(
            checksum_text(split('#TRANS 1910 {1 "Nord"} -1.00 "a \\"b\\""')),
            '#TRANS19101Nord-1.00a "b"')

    def test_checksum_fixture(self):
        "The #KSUMMA of Norstedts Bokslut's file (854227682) is computed"
        content = (DATA / 'Bokslut Norstedts SIE 4E.se').read_bytes()
        self.assertEqual(read(content).checksum, 854227682)


class SIEReaderTestCase(unittest.TestCase):

    def test_tolerant(self):
        "CR LF, tabs, blank lines, #RTRANS/#BTRANS, unknown labels"
        data = sie(
            '#FLAGGA 0', '', '#SIETYP\t4', '#RAR 0 20260101 20261231',
            '#XYZ what', '#VER A 1 20260105 "Hyra"', '{',
            '   #BTRANS 1930 {} -1000', '   #RTRANS 1930 {} -900',
            '   #TRANS 1930 {} -900', '\t#TRANS 5010 {} 900', '}')
        result = read(data)
        self.assertEqual(result.sie_type, 4)
        self.assertEqual(result.warnings, [(5, 'unknown_label', '#XYZ')])
        voucher, = result.vouchers
        self.assertEqual([(t.account, t.amount) for t in
                voucher.transactions],
            [('1930', Decimal('-900')), ('5010', Decimal('900'))])

    def test_refused(self):
        "Refused files name the line and the reason"
        header = ['#FLAGGA 0', '#SIETYP 4', '#RAR 0 20260101 20261231']
        for lines, line, code in [
                (['#VER A 1 20260105', '{', '#TRANS 1930 {} -1',
                        '#TRANS 5010 {} 2', '}'], 4, 'unbalanced'),
                (['#VER A 1 20260132', '{', '}'], 4, 'bad_date'),
                (['#VER A 1 20260105', '{', '#TRANS 1930 {} 1,234',
                        '}'], 6, 'bad_amount'),
                (['#KONTO 19X0 Kassa'], 4, 'account_not_number'),
                (['#IB 0 1930 12x'], 4, 'bad_amount'),
                (['#VER A 1 20260105', '{', '#TRANS 1930 {} 0'], 4,
                    'voucher_unclosed'),
                # #12, found by fuzzing: an AttributeError or TypeError
                (['#KONTO {} Kassa'], 4, 'misplaced_object_list'),
                (['#KONTO 19\u00b2 Kassa'], 4, 'account_not_number'),
                (['{}'], 4, 'bad_object_list'),
                (['#VER A 1 {1 "a"}', '{', '}'], 4, 'misplaced_object_list'),
                (['#VER A 1 20260105', '{', '#TRANS 1930 {} {}', '}'], 6,
                    'misplaced_object_list'),
                ]:
            with self.assertRaises(SIEError) as cm:
                read(sie(*header, *lines))
            self.assertEqual(
                (cm.exception.line, cm.exception.code), (line, code), lines)

    def test_checksum_refused(self):
        "Opening #KSUMMA without a closing one; a wrong #KSUMMA"
        with self.assertRaises(SIEError) as cm:
            read(sie('#FLAGGA 0', '#KSUMMA', '#SIETYP 1'))
        self.assertEqual((cm.exception.line, cm.exception.code),
            (2, 'checksum_unclosed'))
        right = zlib.crc32('#SIETYP1'.encode('cp437'))
        self.assertEqual(read(sie('#FLAGGA 0', '#KSUMMA', '#SIETYP 1',
                    f'#KSUMMA {right}')).checksum, right)
        with self.assertRaises(SIEError) as cm:
            read(sie('#FLAGGA 0', '#KSUMMA', '#SIETYP 1',
                    f'#KSUMMA {right + 1}'))
        self.assertEqual((cm.exception.line, cm.exception.code),
            (4, 'checksum_wrong'))

    def test_flag_4i(self):
        "A 4I file with #FLAGGA 1 was imported already (4B 8.1)"
        data = sie('#FLAGGA 1', '#SIETYP 4')
        self.assertEqual(read(data, 'E').flag, 1)
        with self.assertRaises(SIEError) as cm:
            read(data, 'I')
        self.assertEqual(cm.exception.code, 'already_imported')

    def test_file_kind(self):
        self.assertEqual(
            [file_kind(n) for n in ['a.SI', 'b.si', 'c.se', 'd.SE']],
            ['I', 'I', 'E', 'E'])

    def test_fixtures(self):
        "Every fixture reads, or is refused with its line and reason"
        refused = {
            'transaktioner_ovnbolag-bad-balance.se': (3905, 'unbalanced'),
            'Sie4.se': (592, 'account_not_number'),
            'urval_ovnbolag.si': (1, 'already_imported'),
            }
        for path in sorted(DATA.iterdir()):
            if path.suffix.lower() not in {'.se', '.si'}:
                continue
            with self.subTest(name=path.name):
                if path.name in refused:
                    with self.assertRaises(SIEError) as cm:
                        read(path.read_bytes(), file_kind(path))
                    self.assertEqual(
                        (cm.exception.line, cm.exception.code),
                        refused[path.name])
                    continue
                result = read(path.read_bytes(), file_kind(path))
                # and has every record its type requires (#11)
                check_required(result)
                if result.kind == 'E' and result.sie_type == 4:
                    # The file's own vouchers lead from #IB to #UB/#RES.
                    expected = {
                        **result.closing[0], **result.result[0]}
                    self.assertEqual(computed_closing(result),
                        {k: v for k, v in expected.items() if v})


class NotSIETestCase(unittest.TestCase):
    "What is not a SIE file is refused with its first line (#11)"

    HEADER = ['#FLAGGA 0', '#PROGRAM "SOSOLO" 1', '#FORMAT PC8',
        '#GEN 20260105', '#SIETYP 4', '#FNAMN "Kooperativet"']

    def refused(self, data, kind='E'):
        with self.assertRaises(SIEError) as cm:
            check_required(read(data, kind))
        return (cm.exception.line, cm.exception.code, cm.exception.params)

    def test_content(self):
        "HTML, PDF, zip, empty, binary: refused before any record is read"
        for data, expected in [
                (b'\r\n<!DOCTYPE html>\r\n<html lang="sv"><head>'
                    b'<title>404</title></head><body>Not found</body>'
                    b'</html>\r\n',
                    (2, 'not_sie_html', {'text': '<!DOCTYPE html>'})),
                (b'<HTML><BODY>Fel</BODY></HTML>',
                    (1, 'not_sie_html',
                        {'text': '<HTML><BODY>Fel</BODY></HTML>'})),
                (b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n',
                    (1, 'not_sie_pdf', {'text': '%PDF-1.7'})),
                (b'PK\x03\x04\x14\x00\x00\x00\x08\x00',
                    (1, 'not_sie_zip', {'text': 'PK' + '?' * 8})),
                (b'', (1, 'empty', {})),
                (b' \r\n\r\n', (1, 'empty', {})),
                (b'#FLAGGA 0\r\n#SIETYP 4\x00\x01\r\n',
                    (2, 'not_sie', {'text': '#SIETYP 4??'})),
                (b'Konto;Belopp\r\n1930;100\r\n',
                    (1, 'not_sie', {'text': 'Konto;Belopp'})),
                # #12, found by fuzzing: an IndexError
                (b'\x1c', (1, 'not_sie', {'text': '?'})),
                ]:
            with self.subTest(data=data[:20]):
                self.assertEqual(self.refused(data), expected)

    def test_first_record(self):
        "#FLAGGA is the first record; a long line is shown cut"
        self.assertEqual(self.refused(sie('', '#SIETYP 4', '#FLAGGA 0')),
            (2, 'not_sie', {'text': '#SIETYP 4'}))
        line, code, params = self.refused(sie('x' * 100))
        self.assertEqual((line, code), (1, 'not_sie'))
        self.assertEqual(params['text'], 'x' * 59 + '…')

    def test_required(self):
        "The records the type requires (SIE 4B): which one is missing"
        rar = '#RAR 0 20260101 20261231'
        konto = '#KONTO 1930 Bank'
        ver = ['#VER A 1 20260105', '{', '#TRANS 1930 {} 1',
            '#TRANS 3001 {} -1', '}']
        self.assertEqual(self.refused(sie(*self.HEADER, konto)),
            (5, 'missing_record',
                {'label': '#RAR', 'type': '4E', 'text': '#SIETYP 4'}))
        self.assertEqual(self.refused(sie(*self.HEADER, rar)),
            (5, 'missing_record',
                {'label': '#KONTO', 'type': '4E', 'text': '#SIETYP 4'}))
        header = [h for h in self.HEADER if not h.startswith('#FNAMN')]
        self.assertEqual(self.refused(sie(*header, rar, konto))[2]['label'],
            '#FNAMN')
        header = [h.replace('4', '1') if h.startswith('#SIETYP') else h
            for h in self.HEADER]
        self.assertEqual(self.refused(sie(*header, rar))[:2],
            (5, 'missing_record'))
        no_type = [h for h in self.HEADER if not h.startswith('#SIETYP')]
        self.assertEqual(self.refused(sie(*no_type, rar, konto)),
            (1, 'missing_record',
                {'label': '#SIETYP', 'type': '?', 'text': '#FLAGGA 0'}))
        # An import file (4I) needs vouchers, not #RAR or #KONTO.
        self.assertEqual(self.refused(sie(*self.HEADER), 'I'),
            (5, 'missing_record',
                {'label': '#VER', 'type': '4I', 'text': '#SIETYP 4'}))
        check_required(read(sie(*self.HEADER, *ver), 'I'))
        check_required(read(sie(*self.HEADER, rar, konto), 'E'))


class SIEWriterTestCase(unittest.TestCase):

    def test_write_read(self):
        "What the writer writes, the reader reads back, checksum included"
        stream = BytesIO()
        writer = Writer(stream, checksum=True)
        writer.write('#FLAGGA', 0)
        writer.write('#SIETYP', 4)
        writer.write('#FNAMN', 'Kooperativet "Åsele" €')
        writer.write('#RAR', 0, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        writer.write('#KONTO', '1930', 'Företagskonto')
        writer.write('#KONTO', '1513', 'Kundfordringar – delad faktura')
        writer.write('#VER', 'A', 1, dt.date(2026, 1, 2), 'Två ord')
        writer.write('{')
        writer.write('#TRANS', '1930', ObjectList([('1', 'Nord')]),
            Decimal('10.5'))
        writer.write('#TRANS', '3001', ObjectList(), Decimal('-10.5'),
            '', 'Text')
        writer.write('}')
        writer.close()
        self.assertEqual(writer.replaced, {'€'})
        content = stream.getvalue()
        self.assertEqual(content.splitlines()[1], b'#KSUMMA')
        self.assertTrue(content.splitlines()[-1].startswith(b'#KSUMMA '))
        result = read(content)
        self.assertEqual(result.company_name, 'Kooperativet "Åsele" ?')
        # The en dash CP437 lacks is written as a hyphen, not "?".
        self.assertIn(b'#KONTO 1513 "Kundfordringar - delad faktura"',
            content.splitlines())
        self.assertEqual(result.accounts['1930'].name, 'Företagskonto')
        voucher, = result.vouchers
        self.assertEqual(voucher.text, 'Två ord')
        self.assertEqual(voucher.transactions[0].objects, (('1', 'Nord'),))
        self.assertEqual(voucher.transactions[1].text, 'Text')
        self.assertTrue(result.checksum)


class SIEObjectsTestCase(unittest.TestCase):
    "Dimensions and object lists (SIE 4B, 5.9 and 8.8-8.10, 8.21-8.22)"

    def test_object_list_write_read(self):
        "Object lists written are split back into the same pairs"
        for objects, text in [
                ([], '{}'),
                ([('1', 'AO')], '{1 AO}'),
                ([('1', 'Nord'), ('6', 'P 1')], '{1 Nord 6 "P 1"}'),
                ([('20', 'a"b')], '{20 "a\\"b"}'),
                ]:
            self.assertEqual(format_objects(objects), text)
            record = f'#TRANS 7010 {text} 24000.00'
            self.assertEqual(split(record)[2], tuple(objects), record)

    def test_object_list_fixture(self):
        "typ4.se's #TRANS 7010 {1 AO} 24000.00 (line 832) is read"
        result = read((DATA / 'typ4.se').read_bytes())
        self.assertEqual(result.dimensions, {'1': 'Kostnadsställe',
                '6': 'Projekt'})
        self.assertEqual(result.objects[('6', '200')], 'Nyetablering Söder')
        transactions = [t for v in result.vouchers for t in v.transactions
            if t.line == 832]
        self.assertEqual(
            [(t.account, t.objects, t.amount) for t in transactions],
            [('7010', (('1', 'AO'),), Decimal('24000.00'))])

    def test_underdim_and_ignored(self):
        "#UNDERDIM is a dimension; #OIB/#OUB/#PSALDO with objects warn once"
        result = read(sie(
                '#FLAGGA 0', '#SIETYP 3', '#RAR 0 20260101 20261231',
                '#DIM 1 Kostnadsställe', '#UNDERDIM 21 Avdelning 1',
                '#OBJEKT 21 A "Avd A"',
                '#OIB 0 1930 {1 N} 10', '#OIB 0 1930 {1 S} 10',
                '#OUB 0 1930 {1 N} 10',
                '#PSALDO 0 202601 3001 {1 N} -5',
                '#PSALDO 0 202601 3001 {} -5'))
        self.assertEqual(result.dimensions,
            {'1': 'Kostnadsställe', '21': 'Avdelning'})
        self.assertEqual(result.objects, {('21', 'A'): 'Avd A'})
        self.assertEqual(result.warnings, [
                (7, 'objects_ignored', '#OIB'),
                (9, 'objects_ignored', '#OUB'),
                (10, 'objects_ignored', '#PSALDO')])
        self.assertEqual(dict(result.periods[0]),
            {('202601', '3001'): Decimal('-5')})

    def test_default_dimension(self):
        "Reserved dimensions 1 and 6 by name, else the first free from 20"
        for name, used, expected in [
                ('Kostnadsställe', set(), 1),
                ('Resultatenheter', set(), 1),
                ('Projekt', set(), 6),
                ('projekt', {6}, 20),
                ('Region', set(), 20),
                ('Region', {20, 22}, 21),
                ('', {1, 6, 20}, 21),
                ]:
            self.assertEqual(default_dimension(name, used), expected,
                (name, used))

    def test_split_objects(self):
        "Pieces sum to the line and, per object, to its analytic amount"
        D = Decimal
        for amount, dimensions, expected in [
                (D('100'), [], [((), D('100'))]),
                (D('-50'), [('1', [('A', D('-50'))])],
                    [((('1', 'A'),), D('-50'))]),
                # Split over two objects of one dimension.
                (D('100'), [('1', [('A', D('70')), ('B', D('30'))])],
                    [((('1', 'A'),), D('70')), ((('1', 'B'),), D('30'))]),
                # Two dimensions, each whole.
                (D('100'), [('1', [('A', D('100'))]),
                        ('6', [('P', D('100'))])],
                    [((('1', 'A'), ('6', 'P')), D('100'))]),
                # Partly assigned: the rest has no object.
                (D('-100'), [('1', [('A', D('-40'))])],
                    [((('1', 'A'),), D('-40')), ((), D('-60'))]),
                # Both split: cut where either part ends.
                (D('100'), [('1', [('A', D('60')), ('B', D('40'))]),
                        ('6', [('X', D('50')), ('Y', D('50'))])],
                    [((('1', 'A'), ('6', 'X')), D('50')),
                        ((('1', 'A'), ('6', 'Y')), D('10')),
                        ((('1', 'B'), ('6', 'Y')), D('40'))]),
                # Opposite signs: by the first dimension.
                (D('10'), [('1', [('A', D('30')), ('B', D('-20'))]),
                        ('6', [('P', D('10'))])],
                    [((('1', 'A'), ('6', 'P')), D('30')),
                        ((('1', 'B'), ('6', 'P')), D('-20'))]),
                ]:
            pieces = split_objects(amount, dimensions)
            self.assertEqual(pieces, expected, (amount, dimensions))
            self.assertEqual(sum(p for _, p in pieces), amount)
            self.assertTrue(all(isinstance(o, ObjectList)
                    for o, _ in pieces))


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(sie_format))
    return tests


class SIEAccountTypeTestCase(unittest.TestCase):
    "#KTYP from Tryton's account types and from the BAS classes"

    def test_export_type(self):
        from trytond.modules.sosolo_sweden.sie_export import account_type
        for args, expected in [
                (('1930', 'balance', True, False, False), 'T'),
                (('1510', 'balance', False, False, False), 'T'),
                (('2440', 'balance', False, False, False), 'S'),
                (('3001', 'income', False, True, False), 'I'),
                (('4010', 'income', False, False, True), 'K'),
                (('3740', 'income', False, False, False), 'I'),
                (('8999', 'income', False, False, False), 'K'),
                ]:
            self.assertEqual(account_type(*args), expected, args)

    def test_import_type(self):
        "BAS-kontoplanen: classes 1-2 balance sheet, 3-8 income statement"
        from trytond.modules.sosolo_sweden.sie_import import (
            account_statement,
            default_type,
        )
        for code, ktyp, statement, typed in [
                ('1930', '', 'balance', 'T'), ('2440', '', 'balance', 'S'),
                ('3001', '', 'income', 'I'), ('7010', '', 'income', 'K'),
                ('2099', 'S', 'balance', 'S'), ('8310', 'I', 'income', 'I'),
                ]:
            self.assertEqual(account_statement(code, ktyp), statement)
            self.assertEqual(default_type(code, ktyp), typed)

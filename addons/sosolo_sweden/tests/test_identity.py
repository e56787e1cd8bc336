# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish basics without a database: identity numbers, amounts,
postal codes and bank accounts (issue #12)."""
import datetime as dt
import doctest
import unittest
from decimal import Decimal

from trytond.modules.sosolo_sweden import amount, identity
from trytond.modules.sosolo_sweden.amount import (
    NumberError,
    format_money,
    format_number,
    format_percent,
    parse_number,
)
from trytond.modules.sosolo_sweden.identity import (
    normalize_orgnr,
    normalize_personal,
    parse_personal,
)
from trytond.modules.sosolo_sweden.rules import (
    BankAccount,
    normalize_postal_code,
    parse_bank_account,
)

D = Decimal
NBSP = '\u00a0'


class IdentityTestCase(unittest.TestCase):

    def test_personal(self):
        """Personnummer and samordningsnummer

        Skatteverket's test personnummer 19811228-9874 (SKV 704), the
        same with day + 60 as samordningsnummer (SKV 707)."""
        for value, code, birth, coordination in [
                ('19811228-9874', '198112289874', dt.date(1981, 12, 28),
                    False),
                ('811228-9874', '198112289874', dt.date(1981, 12, 28),
                    False),
                (' 811228 9874 ', '198112289874', dt.date(1981, 12, 28),
                    False),
                ('198112289874', '198112289874', dt.date(1981, 12, 28),
                    False),
                # 100 years or more: '+'
                ('811228+9874', '188112289874', dt.date(1881, 12, 28),
                    False),
                ('19811288-9871', '198112889871', dt.date(1981, 12, 28),
                    True),
                ('701063-2391', '197010632391', dt.date(1970, 10, 3), True),
                ]:
            with self.subTest(value=value):
                number = parse_personal(value)
                self.assertEqual(number.code, code)
                self.assertEqual(number.birth_date, birth)
                self.assertEqual(number.coordination, coordination)
                self.assertEqual(str(number), f'{code[:8]}-{code[8:]}')

    def test_personal_invalid(self):
        "Wrong check digits, dates and forms are no number"
        for value in ['811228-9875', '19811288-9877', '', None, 'abc',
                '19811328-9874', '19811292-9874', '8112289874x',
                '1981-12-28-9874', '81122-89874',
                # other Unicode digits, which both libraries take
                '\uff18\uff11\uff11\uff12\uff12\uff18\uff19\uff18\uff17'
                '\uff14',
                '811228-9874\n5']:
            with self.subTest(value=value):
                self.assertIsNone(parse_personal(value))
                self.assertIsNone(normalize_personal(value))

    def test_orgnr(self):
        "Organisation numbers: ten digits with a Luhn check digit (SKV 709)"
        for value, expected in [
                ('5566778899', '556677-8899'),
                ('556677-8899', '556677-8899'),
                (' 556677 8899', '556677-8899'),
                ('556677-8898', None),
                ('198112289874', None),
                ('55667788', None),
                ('', None),
                (None, None),
                ('\u0665' * 10, None),
                ]:
            with self.subTest(value=value):
                self.assertEqual(normalize_orgnr(value), expected)


class AmountTestCase(unittest.TestCase):

    def test_parse(self):
        "Amounts as Swedes type them"
        for text, expected in [
                ('1 234,50', '1234.50'),
                (f'1{NBSP}234,50 kr', '1234.50'),
                ('1234.50', '1234.50'),
                ('12 345 678', '12345678'),
                ('100:-', '100'),
                ('600', '600'),
                ('0', '0'),
                ('-5', '-5'),
                ('\u22125,5', '-5.5'),
                ('-0', '0'),
                ('999999999999,99', '999999999999.99'),
                ]:
            with self.subTest(text=text):
                self.assertEqual(parse_number(text), D(expected))

    def test_refused(self):
        "Exponents, NaN, too many digits or decimals are refused (#12)"
        for text, reason in [
                ('1e30', 'format'),
                ('1E5', 'format'),
                ('NaN', 'format'),
                ('sNaN', 'format'),
                ('Infinity', 'format'),
                ('-inf', 'format'),
                ('1_000', 'format'),
                ('12 34', 'format'),
                ('1.234,50', 'format'),
                (',5', 'format'),
                ('1,', 'format'),
                ('1,50:-', 'format'),
                ('', 'format'),
                ('\u0661', 'format'),
                ('1,234', 'decimals'),
                ('0,001', 'decimals'),
                ('1' * 13, 'digits'),
                ('9' * 5000, 'digits'),
                ]:
            with self.subTest(text=text):
                with self.assertRaises(NumberError) as context:
                    parse_number(text)
                self.assertEqual(context.exception.reason, reason)
        self.assertEqual(parse_number('0,0001', decimals=4), D('0.0001'))

    def test_format(self):
        "Amounts and rates as Swedes write them, kept on one line"
        self.assertEqual(format_number(D('1234567.891')),
            f'1{NBSP}234{NBSP}567,89')
        self.assertEqual(format_number(D('-5')), '-5,00')
        self.assertEqual(format_number(D('2.50'), None), '2,5')
        self.assertEqual(format_money(D('7500')), f'7{NBSP}500,00{NBSP}kr')
        self.assertEqual(format_money(None), '–')
        self.assertEqual(format_percent(D('31.42')), f'31,42{NBSP}%')
        self.assertEqual(format_percent(D('100')), f'100{NBSP}%')
        for value in [D('0.01'), D('1234.5'), D('-999999999999.99')]:
            with self.subTest(value=value):
                self.assertEqual(parse_number(format_number(value)), value)


class AddressTestCase(unittest.TestCase):

    def test_postal_code(self):
        "Five digits, not starting with 0, written NNN NN"
        for value, expected in [
                ('92131', '921 31'),
                ('921 31', '921 31'),
                ('SE-921 31', '921 31'),
                ('021 31', None),
                ('9213', None),
                ('921311', None),
                ('', None),
                ('\uff19\uff12\uff11\uff13\uff11', None),
                ]:
            with self.subTest(value=value):
                self.assertEqual(normalize_postal_code(value), expected)

    def test_bank_account(self):
        "Clearing and account numbers (Bankgirot's account layouts)"
        for value, expected in [
                ('8327-9, 123 456 789-0', ('83279', '1234567890')),
                ('6000, 123456789', ('6000', '123456789')),
                ('5000-1234567', ('5000', '1234567')),
                ('3300 811228-9874', ('3300', '8112289874')),
                ('0123 1234567', None),
                ('6000 123456', None),  # six digits: too short
                ('8327-9, 123 456 789 01', None),  # eleven: too long
                ('8327-9', None),
                ('abc', None),
                ]:
            with self.subTest(value=value):
                self.assertEqual(parse_bank_account(value),
                    expected and BankAccount(*expected))
        self.assertEqual(str(BankAccount('83279', '1234567890')),
            '8327-9, 1234567890')


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(amount))
    tests.addTests(doctest.DocTestSuite(identity))
    return tests

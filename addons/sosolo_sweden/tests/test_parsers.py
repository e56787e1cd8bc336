# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The form parsers: a value, or InputError with the message (#12)."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.exceptions import InputError
from trytond.modules.sosolo_sweden.rules import BankAccount
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

D = Decimal


class ParsersTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_sweden')
        # Dropped after, closing its connections: a scenario that follows
        # restores the database from a template, and PostgreSQL refuses
        # to drop one that pooled connections still use.
        cls.addClassCleanup(drop_db)

    def assertParses(self, parser, cases):
        "`cases` are (text, value), or (text, part of the message)."
        for text, expected in cases:
            with self.subTest(text=text):
                if isinstance(expected, Refused):
                    with self.assertRaises(InputError) as context:
                        parser(text)
                    self.assertIn(expected, context.exception.message)
                else:
                    self.assertEqual(parser(text), expected)

    @with_transaction()
    def test_numbers(self):
        "Amounts, decimals and integers, with their bounds"
        self.assertParses(parsers.amount, [
                ('1 234,50', D('1234.50')),
                ('0', D(0)),
                ('1e30', Refused("an amount in kronor")),
                ('NaN', Refused("an amount in kronor")),
                ('-5', Refused("at least 0")),
                ('1,234', Refused("at most 2 digits after")),
                ('1' * 20, Refused("at most 12 digits before")),
                ])
        self.assertParses(parsers.decimal(0, 100, decimals=4), [
                ('31,42', D('31.42')),
                ('100', D(100)),
                ('100,5', Refused("at most 100")),
                ('12,345678', Refused("at most 4 digits after")),
                ('x', Refused("Write a number")),
                ])
        self.assertParses(parsers.decimal(D('0.5'), D(50000)), [
                ('0,25', Refused("at least 0,5")),
                ('50 000,01', Refused("at most 50\u00a0000.")),
                ])
        year = parsers.integer(1900, 2100)
        self.assertParses(year, [
                ('1985', 1985),
                ('2 026', 2026),
                ('1985,5', Refused("a whole number")),
                ('1e3', Refused("a whole number")),
                ('1899', Refused("at least 1900")),
                ('3000', Refused("at most 2100")),
                ])
        self.assertIsInstance(year('1985'), int)

    @with_transaction()
    def test_dates(self):
        "Dates only as YYYY-MM-DD, though Python reads more ISO forms"
        self.assertParses(parsers.date, [
                ('2026-03-31', dt.date(2026, 3, 31)),
                (' 2026-03-31 ', dt.date(2026, 3, 31)),
                ('2026-02-30', Refused("YYYY-MM-DD")),
                ('20260331', Refused("YYYY-MM-DD")),
                ('2026-W13-2', Refused("YYYY-MM-DD")),
                ('31/3 2026', Refused("YYYY-MM-DD")),
                ('\uff12026-03-31', Refused("YYYY-MM-DD")),
                ])

    @with_transaction()
    def test_identities(self):
        "Organisation, personal and coordination numbers"
        self.assertParses(parsers.orgnr, [
                ('5566778899', '556677-8899'),
                ('556677-8898', Refused("organisation number")),
                ])
        self.assertParses(parsers.personnummer, [
                ('811228-9874', '19811228-9874'),
                ('19811288-9871', Refused("is a samordningsnummer")),
                ('811228-9875', Refused("not a valid personnummer")),
                ])
        self.assertParses(parsers.samordningsnummer, [
                ('19811288-9871', '19811288-9871'),
                ('811228-9874', Refused("not a valid samordningsnummer")),
                ])
        self.assertParses(parsers.personal_number, [
                ('811228-9874', '19811228-9874'),
                ('19811288-9871', '19811288-9871'),
                ('5566778899', Refused("personal or coordination")),
                ])

    @with_transaction()
    def test_payments_and_addresses(self):
        "Bankgiro, bank account, postal code and e-mail"
        self.assertParses(parsers.bankgiro, [
                ('5050 1055', '5050-1055'),
                ('5050-1056', Refused("bankgiro")),
                ])
        self.assertParses(parsers.bank_account, [
                ('8327-9, 123 456 789-0', BankAccount('83279', '1234567890')),
                ('8327-9', Refused("clearing and account number")),
                ])
        self.assertParses(parsers.postal_code, [
                ('92131', '921 31'),
                ('021 31', Refused("five digits")),
                ])
        self.assertParses(parsers.email, [
                (' Anna.Lind@Example.SE ', 'anna.lind@example.se'),
                ('anna@example', Refused("e-mail")),
                ('anna lind@example.se', Refused("e-mail")),
                ('anna@@example.se', Refused("e-mail")),
                ('anna@example.se\n', 'anna@example.se'),
                ('anna@exa\x00mple.se', Refused("e-mail")),
                ('a' * 250 + '@example.se', Refused("e-mail")),
                ])

    @with_transaction()
    def test_text_and_choice(self):
        "Text has a length and no control characters; a choice its options"
        name = parsers.text(10)
        self.assertParses(name, [
                ('  Anna Lind ', 'Anna Lind'),
                ('Anna Lindström', Refused("at most 10 characters")),
                ('Anna\x00', Refused("control characters")),
                ('An\nna', Refused("control characters")),
                ('\ud800', Refused("control characters")),
                ])
        self.assertParses(parsers.text(multiline=True), [
                ('Rad 1\r\nRad 2\tslut', 'Rad 1\nRad 2\tslut'),
                ('Rad\x1b', Refused("control characters")),
                ])
        self.assertParses(parsers.choice(['person', 'company']), [
                ('person', 'person'),
                ('admin', Refused("one of the options")),
                ])


class Refused(str):
    "Part of the message an InputError must have."

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import unittest
from decimal import Decimal

from trytond.modules.sosolo_convoy.routes import parse_amount


class ParseAmountTestCase(unittest.TestCase):
    "Amounts typed in the portal"

    def test_parse_amount(self):
        "Swedish decimal comma and spaces; no negatives or fractions of öre"
        for text, expected in [
                ('1 234,50', '1234.50'),
                ('1\u00a0234,50 kr', '1234.50'),
                ('600', '600'),
                ('12.5', '12.5'),
                ('0', '0'),
                ('', None),
                ('abc', None),
                ('-5', None),
                ('1,234', None),  # not an amount in kronor and öre
                ('NaN', None),
                ('Infinity', None),
                # #12: was InvalidOperation, a 500 with its text
                ('1e30', None),
                ('9' * 40, None),
                ]:
            with self.subTest(text=text):
                value = parse_amount(text)
                self.assertEqual(
                    value, expected and Decimal(expected))

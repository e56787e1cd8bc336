# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import unittest
from decimal import Decimal

from trytond.modules.sosolo_convoy import rules


class FeeTestCase(unittest.TestCase):
    "The cooperative's fee"

    def test_fee(self):
        "Fee by rate, minimum and amount"
        for amount, rate, minimum, expected in [
                # Frilans Finans' published example: 40,000 kr at 6 %.
                ('40000', '6', None, '2400.00'),
                ('1234.56', '6', None, '74.07'),  # 74.0736
                ('1234.50', '6', None, '74.07'),  # 74.07 exactly
                ('0.25', '6', None, '0.02'),  # 0.015, half up
                ('1000', '6', '100', '100'),
                ('5000', '6', '100', '300.00'),
                ('50', '6', '100', '50'),  # never more than the amount
                ('-1000', '6', None, '-60.00'),  # credit note
                ('-50', '6', '100', '-50'),
                ]:
            with self.subTest(amount=amount, rate=rate, minimum=minimum):
                self.assertEqual(
                    rules.fee(Decimal(amount), Decimal(rate),
                        minimum and Decimal(minimum)),
                    Decimal(expected))

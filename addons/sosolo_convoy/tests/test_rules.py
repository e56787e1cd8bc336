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


class CreditTestCase(unittest.TestCase):
    "What the member's account is credited when the customer pays"

    def test_member_share(self):
        "Frilans Finans' published example: 40,000 kr less 6 % is 37,600"
        self.assertEqual(
            rules.member_share(Decimal(40000), Decimal(6)),
            Decimal('37600.00'))
        self.assertEqual(
            rules.member_share(Decimal(-40000), Decimal(6)),
            Decimal('-37600.00'))

    def test_credit_due(self):
        "Credit due after a payment, proportional to what was paid"
        for share, total, settled, expected in [
                # 40,000 excl. VAT, 50,000 incl. 25 %, fee 6 %
                ('37600', '50000', '50000', '37600.00'),
                ('37600', '50000', '20000', '15040.00'),
                ('37600', '50000', '0', '0.00'),
                ('9400', '12500', '3333.33', '2506.66'),  # 2506.664
                ('9400', '12500', '1', '0.75'),  # 0.752
                ('9400', '12500', '2', '1.50'),  # 1.504
                ('100', '3', '1', '33.33'),
                ('100', '3', '2', '66.67'),  # 66.666..., half up
                ('-9400', '-12500', '-12500', '-9400.00'),  # credit note
                ('100', '0', '0', '0.00'),
                ]:
            with self.subTest(share=share, total=total, settled=settled):
                self.assertEqual(
                    rules.credit_due(Decimal(share), Decimal(total),
                        Decimal(settled)), Decimal(expected))

    def test_partial_payments_add_up(self):
        "Partial credits add up to the credit of one full payment"
        share, total = Decimal('9400'), Decimal('12500')
        for payments in [
                ['3333.33', '3333.33', '5833.34'],
                ['0.01'] * 7 + ['12499.93'],
                ['1'] * 3 + ['12497'],
                ]:
            with self.subTest(payments=payments):
                settled = credited = Decimal(0)
                for payment in payments:
                    settled += Decimal(payment)
                    credited += rules.credit_due(
                        share, total, settled) - credited
                self.assertEqual(settled, total)
                self.assertEqual(credited, Decimal('9400.00'))

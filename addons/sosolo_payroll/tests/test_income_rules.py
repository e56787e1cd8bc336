# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The a-kassa's income condition on AGI-reported pay (issue 16)."""
import unittest
from decimal import Decimal

from trytond.modules.sosolo_payroll.rules import income_condition

D = Decimal

#: (monthly pay, total, months at 11,000 kr or more, total met, months met)
CASES = [
    ("nothing", [], D(0), 0, False, False),
    ("exactly 120,000 kr, 12 × 10,000", [D(10_000)] * 12,
        D(120_000), 0, True, False),
    ("119,999.99 kr", [D(11_000)] * 10 + [D('9999.99')],
        D('119999.99'), 10, False, True),
    ("4 months at exactly 11,000 kr and 76,000 kr more",
        [D(11_000)] * 4 + [D(76_000)] + [D(0)] * 7,
        D(120_000), 5, True, True),
    ("3 months at 11,000 kr, one just under, one far over",
        [D(11_000)] * 3 + [D('10999.99'), D(100_000)],
        D('143999.99'), 4, True, True),
    ("3 months at 11,000 kr and nothing more over the limit",
        [D(11_000)] * 3 + [D('10999.99')] * 9,
        D('131999.91'), 3, True, False),
    ("4 months at 11,000 kr, 44,000 kr in all", [D(11_000)] * 4,
        D(44_000), 4, False, True),
    ]


class IncomeConditionTestCase(unittest.TestCase):
    "The income condition: 120,000 kr and 4 months of 11,000 kr"

    def test_cases(self):
        for name, monthly, total, months, total_met, months_met in CASES:
            with self.subTest(name):
                condition = income_condition(monthly)
                self.assertEqual(condition.total, total)
                self.assertEqual(condition.months, months)
                self.assertEqual(condition.total_met, total_met)
                self.assertEqual(condition.months_met, months_met)
                self.assertEqual(condition.met, total_met and months_met)

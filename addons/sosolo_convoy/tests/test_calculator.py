# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import unittest
from decimal import Decimal as D
from pathlib import Path

from trytond.modules.sosolo_convoy.calculator import compute
from trytond.modules.sosolo_payroll import rules as payroll
from trytond.modules.sosolo_payroll.tests.test_rules import rates_2025_2026

#: Skatteverket's 2026 tables 33-35, shipped with sosolo_payroll's tests.
TAX_TABLES = (Path(payroll.__file__).parent / 'tests' / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')
MAY = dt.date(2026, 5, 25)
BORN_1985 = dt.date(1985, 3, 1)
BORN_2005 = dt.date(2005, 6, 1)  # 20 at the start of 2026


class CalculatorTestCase(unittest.TestCase):
    "The salary calculator, every step"

    @classmethod
    def setUpClass(cls):
        cls.bands = list(payroll.read_tax_table(TAX_TABLES.read_bytes()))

    def table(self, number, column):
        bands = [b for b in self.bands
            if b.table == number and b.column == column]

        def lookup(gross):
            return payroll.band_tax(payroll.find_band(bands, gross), gross)
        return lookup

    def test_frilans_finans_example(self):
        """Frilans Finans' published example ("Så räknar du ut din lön",
        frilansfinans.se): 40,000 kr invoiced excl. VAT, fee 6 % = 2,400
        kr, 37,600 kr left at 31.42 % gives 28,611 kr gross including
        holiday pay and 8,989 kr employer contributions. The tax is
        Skatteverket's 2026 table 33, column 1: 5,577 kr on 28,601-28,800.
        """
        result = compute(D(40000), D(6), None, rates_2025_2026(),
            BORN_1985, MAY, tax_lookup=self.table(33, 1))
        self.assertEqual(result.fee, D('2400.00'))
        self.assertEqual(result.available, D('37600.00'))
        self.assertEqual(result.employer_rate, D('31.42'))
        self.assertEqual(result.employer_rates, ((D('31.42'), None),))
        self.assertEqual(result.gross, D(28611))
        self.assertEqual(result.employer_contributions, D(8989))
        # holiday pay is inside the gross and at least 12 % of the
        # salary (semesterlagen 16 b §): 28,611 x 12 / 112 = 3,065.46,
        # rounded up (#11)
        self.assertEqual(result.salary, D(25545))
        self.assertEqual(result.holiday_pay, D(3066))
        self.assertEqual(result.salary + result.holiday_pay, result.gross)
        self.assertEqual(result.tax, D(5577))
        self.assertEqual(result.net, D(23034))
        # the pay run's contributions on that gross are the same
        amount, _ = payroll.contributions(
            rates_2025_2026(), BORN_1985, MAY, result.gross)
        self.assertEqual(amount, result.employer_contributions)

    def test_percent_tax(self):
        "30 % of 28,611 kr is 8,583.30 kr: 8,583 kr withheld"
        result = compute(D(40000), D(6), None, rates_2025_2026(),
            BORN_1985, MAY, tax_percent=D(30))
        self.assertEqual(result.tax, D(8583))
        self.assertEqual(result.net, D(20028))

    def test_no_tax(self):
        result = compute(D(40000), D(6), None, rates_2025_2026(),
            BORN_1985, MAY)
        self.assertEqual(result.tax, D(0))
        self.assertEqual(result.net, result.gross)

    def test_youth_rate(self):
        """The youth reduction (SFS 2026:100): 20.81 % from April 2026 on
        pay up to 25,000 kr a month, 31.42 % above it"""
        for amount, date, rate, gross, contributions in [
                # under the cap: 18,800 / 1.2081 = 15,561.63
                (D(20000), MAY, D('20.81'), D(15562), D(3238)),
                # before April 2026 the full rate: 18,800 / 1.3142
                (D(20000), dt.date(2026, 3, 25), D('31.42'), D(14305),
                    D(4495)),
                # over the cap: 25,000 x 1.2081 = 30,202.50 buys the first
                # 25,000 kr; (37,600 - 30,202.50) / 1.3142 = 5,628.90 more
                (D(40000), MAY, D('20.81'), D(30629), D(6971)),
                ]:
            with self.subTest(amount=amount, date=date):
                result = compute(amount, D(6), None, rates_2025_2026(),
                    BORN_2005, date, tax_percent=D(30))
                self.assertEqual(result.employer_rate, rate)
                self.assertEqual(result.gross, gross)
                self.assertEqual(result.employer_contributions,
                    contributions)
                self.assertEqual(
                    result.gross + result.employer_contributions,
                    result.available)
                # the pay run's contributions on that gross agree, but for
                # the öre the pay run drops (14,305 x 31.42 % = 4,494.63)
                amount, _ = payroll.contributions(
                    rates_2025_2026(), BORN_2005, date, result.gross)
                self.assertIn(contributions - amount, {0, 1})

    def test_minimum_fee(self):
        result = compute(D(1000), D(6), D(100), rates_2025_2026(),
            BORN_1985, MAY)
        self.assertEqual(result.fee, D(100))
        self.assertEqual(result.available, D(900))

    def test_no_rate(self):
        "A date without contribution rates is refused"
        with self.assertRaises(payroll.NoContributionRate):
            compute(D(40000), D(6), None, rates_2025_2026(), BORN_1985,
                dt.date(2024, 5, 25))

    def test_as_dict(self):
        result = compute(D(40000), D(6), None, rates_2025_2026(),
            BORN_2005, MAY).as_dict()
        self.assertEqual(result['gross'], '30629.00')
        self.assertEqual(result['employer_rate'], '20.81')
        self.assertEqual(result['employer_rates'], [
                {'rate': '20.81', 'monthly_cap': '25000'},
                {'rate': '31.42', 'monthly_cap': None}])

    def test_pension(self):
        """A plan's pension premium of 4.5 % of gross pay, with the
        särskild löneskatt of 24.26 % on it (lag 1991:687), by hand:

        37,600 kr available (40,000 less the 6 % fee) pays gross g,
        contributions 31.42 % g, premium 4.5 % g and tax 24.26 % of the
        premium: g x (1 + 0.3142 + 0.045 x 1.2426) = g x 1.370117, so
        g = 37,600 / 1.370117 = 27,442.91, 27,443 kr (whole kronor, half
        up). Premium 27,443 x 4.5 % = 1,234.935, 1,234.94 kr; särskild
        löneskatt 1,234.94 x 24.26 % = 299.596, 299.60 kr; contributions
        the rest, 37,600 - 27,443 - 1,234.94 - 299.60 = 8,622.46 kr (the
        pay run withholds 27,443 x 31.42 % = 8,622.59, öre dropped:
        8,622 kr). Holiday pay 27,443 x 12 / 112 = 2,940.32, 2,941 kr.
        """
        result = compute(D(40000), D(6), None, rates_2025_2026(),
            BORN_1985, MAY, tax_percent=D(30), pension_rate=D('4.5'))
        self.assertEqual(result.available, D('37600.00'))
        self.assertEqual(result.gross, D(27443))
        self.assertEqual(result.pension_premium, D('1234.94'))
        self.assertEqual(result.pension_tax, D('299.60'))
        self.assertEqual(result.employer_contributions, D('8622.46'))
        self.assertEqual(result.holiday_pay, D(2941))
        self.assertEqual(result.gross + result.employer_contributions
            + result.pension_premium + result.pension_tax, D(37600))
        amount, _ = payroll.contributions(
            rates_2025_2026(), BORN_1985, MAY, result.gross)
        self.assertEqual(amount, D(8622))
        self.assertLessEqual(amount, result.employer_contributions)
        # The tax is on the gross: the premium is not the member's pay.
        self.assertEqual(result.tax, D(8232))
        self.assertEqual(result.as_dict()['pension_premium'], '1234.94')
        # No pension: the split of before.
        without = compute(D(40000), D(6), None, rates_2025_2026(),
            BORN_1985, MAY)
        self.assertEqual((without.gross, without.pension_premium),
            (D(28611), D(0)))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import doctest
import unittest
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from trytond.modules.sosolo_payroll import rules
from trytond.modules.sosolo_payroll.rules import (
    ContributionRate,
    NoContributionRate,
    TaxTableError,
    age_at_year_start,
    band_tax,
    contribution_bases,
    contributions,
    declared_contributions,
    find_band,
    fixed_percent_tax,
    holiday_pay,
    read_tax_table,
    salary_from_available,
)

DATA = Path(__file__).parent / 'data'
#: Skatteverket's tables 33-35 for 2026, monthly pay (see data/README).
FIXTURE = DATA / 'skattetabell-2026-30B-tabell-33-35.csv'
HEADER = ('År;Antal dgr;Tabellnr;Inkomst fr.o.m.;Inkomst t.o.m.;'
    'Kolumn 1;Kolumn 2;Kolumn 3;Kolumn 4;Kolumn 5;Kolumn 6')

D = Decimal


def rates_2025_2026():
    "The rates of contribution.xml, as plain values."
    full = D('31.42')
    return [
        ContributionRate(90, full, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ContributionRate(20, D('10.21'), dt.date(2025, 1, 1),
            dt.date(2025, 12, 31), min_age=66, born_from=1938),
        ContributionRate(10, D(0), dt.date(2025, 1, 1),
            dt.date(2025, 12, 31), born_to=1937),
        ContributionRate(90, full, dt.date(2026, 1, 1)),
        ContributionRate(20, D('10.21'), dt.date(2026, 1, 1),
            min_age=67, born_from=1938),
        ContributionRate(10, D(0), dt.date(2026, 1, 1), born_to=1937),
        ContributionRate(30, D('20.81'), dt.date(2026, 4, 1),
            dt.date(2027, 9, 30), min_age=18, max_age=22,
            monthly_cap=D(25000)),
        ]


class TaxTableTestCase(unittest.TestCase):
    "Skatteverket's tax tables: reading and looking up"

    @classmethod
    def setUpClass(cls):
        cls.bands = list(read_tax_table(FIXTURE.read_bytes()))

    def lookup(self, table, column, pay):
        bands = [b for b in self.bands
            if b.table == table and b.column == column]
        return band_tax(find_band(bands, pay), pay)

    def test_read_fixture(self):
        "The fixture gives 6 columns for each of its 1,443 rows"
        self.assertEqual(len(self.bands), 1443 * 6)
        self.assertEqual({b.table for b in self.bands}, {33, 34, 35})
        self.assertEqual({b.year for b in self.bands}, {2026})

    def test_lookups(self):
        "Tax at row edges and in every column (values from the CSV)"
        for table, column, pay, tax in [
                # 2026;30B;33;35001;35200;7185;7035;3931;7185;10990;10990
                (33, 1, 35001, 7185),
                (33, 1, 35200, 7185),
                (33, 1, D('35200.99'), 7185),
                (33, 1, 35201, 7235),
                (33, 2, 35100, 7035),
                (33, 3, 35100, 3931),
                (33, 4, 35100, 7185),
                (33, 5, 35100, 10990),
                (33, 6, 35100, 10990),
                # 2026;30B;33;34801;35000;7134;...
                (33, 1, 35000, 7134),
                (33, 1, 2000, 0),
                (33, 1, 1, 0),
                # 2026;30B;33;79801;80000;26595;...;30888;30888
                (33, 1, 80000, 26595),
                (33, 6, 80000, 30888),
                ]:
            with self.subTest(table=table, column=column, pay=pay):
                self.assertEqual(self.lookup(table, column, pay), tax)

    def test_above_table_without_percent(self):
        "Pay above the kronor rows finds no band in the fixture"
        bands = [b for b in self.bands if b.table == 33 and b.column == 1]
        self.assertIsNone(find_band(bands, 80001))

    def test_percent_rows(self):
        "A 30% row taxes the whole pay, öre dropped; an empty end is open"
        data = '\r\n'.join([HEADER,
            '2026;30B;33;79801;80000;26595;26467;23362;23386;30888;30888',
            '2026;30%;33;80001;;33;33;30;30;39;39', '']).encode('latin-1')
        bands = [b for b in read_tax_table(data) if b.column == 1]
        self.assertEqual(band_tax(find_band(bands, 80000), 80000), 26595)
        self.assertEqual(band_tax(find_band(bands, 80001), 80001),
            D(26400))  # 80,001 x 33 % = 26,400.33
        self.assertEqual(band_tax(find_band(bands, 1000000), 1000000),
            D(330000))

    def test_column_7(self):
        "A file with Kolumn 7 is read, the column may be empty"
        data = '\r\n'.join([HEADER + ';Kolumn 7',
            '2026;30B;33;1;2000;0;0;0;0;0;0;0',
            '2026;30B;33;2001;2100;150;0;150;0;150;2;',
            ]).encode('latin-1')
        bands = list(read_tax_table(data))
        self.assertEqual(len(bands), 13)
        self.assertEqual(bands[6].column, 7)

    def test_bad_rows(self):
        "A bad row is reported with its line number"
        good = '2026;30B;33;1;2000;0;0;0;0;0;0'
        for rows, line, reason in [
                ([good, '2026;30B;33;2001;2100;150;0;x;0;150;2'], 3,
                    'column 3'),
                ([good, '2026;30B;33;2001;2100;150;0;150;0;150'], 3,
                    'fields'),
                ([good, '2025;30B;33;2001;2100;150;0;150;0;150;2'], 3,
                    'year'),
                ([good, '2026;30B;33;1500;2100;150;0;150;0;150;2'], 3,
                    'overlaps'),
                ([good, '2026;30B;33;2200;2100;150;0;150;0;150;2'], 3,
                    'below'),
                ([good, '2026;XX;33;2001;2100;150;0;150;0;150;2'], 3,
                    'period'),
                ([good, '2026;30%;33;2001;;150;0;150;0;150;2'], 3,
                    'percentage'),
                # #12, found by fuzzing: InvalidOperation, csv.Error
                ([good, '2026;30%;33;2001;;NaN;0;1;0;1;2'], 3, 'percentage'),
                ([good, '2026;30%;33;2001;;1e1;0;1;0;1;2'], 3, 'percentage'),
                ]:
            data = '\r\n'.join([HEADER] + rows).encode('latin-1')
            with self.subTest(rows=rows):
                with self.assertRaises(TaxTableError) as cm:
                    list(read_tax_table(data))
                self.assertEqual(cm.exception.line, line)
                self.assertIn(reason, cm.exception.reason)

    def test_long_field(self):
        "A field over the csv module's limit is a bad row (#12, fuzzing)"
        data = '\r\n'.join([HEADER, '2026;"' + 'x' * 200000])
        with self.assertRaises(TaxTableError) as cm:
            list(read_tax_table(data.encode('latin-1')))
        self.assertEqual(cm.exception.line, 2)
        self.assertIn('not CSV', cm.exception.reason)

    def test_bad_header(self):
        "A file that is not Skatteverket's is refused at line 1"
        with self.assertRaises(TaxTableError) as cm:
            list(read_tax_table(b'a;b;c\r\n1;2;3\r\n'))
        self.assertEqual(cm.exception.line, 1)

    def test_fixed_percent(self):
        "Side income is taxed at 30 %, öre dropped"
        self.assertEqual(fixed_percent_tax(D('10000.90'), 30), D(3000))
        self.assertEqual(fixed_percent_tax(D('999'), D('22.5')), D(224))


class ContributionTestCase(unittest.TestCase):
    """Employer contributions (Skatteverket, "Arbetsgivaravgifter",
    rates for 2025 and 2026; youth reduction SFS 2026:100)"""

    def test_rates(self):
        rates = rates_2025_2026()
        for birth, paid, pay, amount, rate in [
                # turned 66 at the start of 2025: pension part only
                (dt.date(1958, 6, 1), dt.date(2025, 5, 25), 30000, 3063,
                    D('10.21')),
                # turned 67 at the start of 2026
                (dt.date(1958, 12, 31), dt.date(2026, 5, 25), 30000, 3063,
                    D('10.21')),
                # born 1959: 66 at the start of 2026, full rate
                (dt.date(1959, 1, 1), dt.date(2026, 5, 25), 30000, 9426,
                    D('31.42')),
                # born 1937 or earlier: nothing
                (dt.date(1937, 12, 31), dt.date(2026, 5, 25), 30000, 0,
                    D(0)),
                (dt.date(1938, 1, 1), dt.date(2026, 5, 25), 30000, 3063,
                    D('10.21')),
                # 19 in 2026 (born 2007): full rate until March
                (dt.date(2007, 2, 10), dt.date(2026, 3, 25), 20000, 6284,
                    D('31.42')),
                # and the reduced rate from April (SFS 2026:100)
                (dt.date(2007, 2, 10), dt.date(2026, 4, 1), 20000, 4162,
                    D('20.81')),
                # 30,000 kr in May: 25,000 x 20.81 % + 5,000 x 31.42 %
                # = 5,202.50 + 1,571 = 6,773.50
                (dt.date(2007, 2, 10), dt.date(2026, 5, 25), 30000, 6773,
                    D('20.81')),
                # turned 23 at the start of 2026 (born 2002): full rate
                (dt.date(2002, 12, 31), dt.date(2026, 5, 25), 20000, 6284,
                    D('31.42')),
                # turned 18 at the start of 2026 (born 2007) but 17 born 2008
                (dt.date(2008, 1, 1), dt.date(2026, 5, 25), 20000, 6284,
                    D('31.42')),
                # the worked example's gross
                (dt.date(1980, 1, 1), dt.date(2026, 5, 25), 28611, 8989,
                    D('31.42')),
                ]:
            with self.subTest(birth=birth, paid=paid, pay=pay):
                result, chosen = contributions(rates, birth, paid, pay)
                self.assertEqual(result, amount)
                self.assertEqual(chosen[0].rate, rate)

    def test_age_at_year_start(self):
        self.assertEqual(age_at_year_start(dt.date(1958, 12, 31), 2026), 67)
        self.assertEqual(age_at_year_start(dt.date(1959, 1, 1), 2026), 66)

    def test_no_rate(self):
        "Pay in a year without rates is refused"
        with self.assertRaises(NoContributionRate):
            contributions(rates_2025_2026(), dt.date(1980, 1, 1),
                dt.date(2024, 12, 25), 1000)


class DeclaredContributionsTestCase(unittest.TestCase):
    """The month's contributions as Skatteverket computes them for the
    AGI: per rate on the month's total pay, öre dropped per rate
    (ställningstagande 2017-06-08, dnr 131 238881-17/111; #11)"""

    def test_total_not_sum_of_payees(self):
        "7 payees of 28,611 kr: 62,927 kr, not 7 x 8,989 = 62,923 kr"
        full = D('31.42')
        # 28,611 x 31.42 % = 8,989.5762: each payee alone 8,989 kr
        self.assertEqual(declared_contributions([(full, D(28611))]),
            D(8989))
        # 200,277 x 31.42 % = 62,927.0334
        self.assertEqual(
            declared_contributions([(full, D(28611))] * 7), D(62927))

    def test_per_rate(self):
        "Each rate is rounded on its own, then the rates are added"
        bases = [
            # 10,005 x 10.21 % = 1,021.5105
            (D('10.21'), D(10005)),
            # 28,611 x 31.42 % = 8,989.5762
            (D('31.42'), D(28611)),
            # 0 % (born 1937 or earlier)
            (D(0), D(5000)),
            ]
        # not one rounding of 1,021.5105 + 8,989.5762 = 10,011.0867
        self.assertEqual(declared_contributions(bases), D(1021 + 8989))
        self.assertEqual(declared_contributions([]), D(0))

    def test_bases_youth_cap(self):
        "The youth rate takes the pay up to 25,000 kr, the full rate the rest"
        chosen = rules.applicable_rates(rates_2025_2026(),
            dt.date(2007, 5, 5), dt.date(2026, 5, 25))
        self.assertEqual(contribution_bases(chosen, D(30000)),
            [(D('20.81'), D(25000)), (D('31.42'), D(5000))])
        self.assertEqual(contribution_bases(chosen, D(20000)),
            [(D('20.81'), D(20000))])
        # 25,000 x 20.81 % = 5,202.50 -> 5,202; 5,000 x 31.42 % = 1,571
        amount, _ = contributions(rates_2025_2026(), dt.date(2007, 5, 5),
            dt.date(2026, 5, 25), D(30000))
        self.assertEqual(amount, D(6773))


class SalaryTestCase(unittest.TestCase):

    def test_frilans_finans_example(self):
        """Frilans Finans' published example ("Hur beräknar Frilans Finans
        min lön?", frilansfinans.se/fragor-och-svar): a 40,000 kr invoice
        excl. VAT, fee 6 % = 2,400 kr, leaves 37,600 kr for pay costs; at
        31.42 % that is 28,611 kr gross including holiday pay and 8,989 kr
        employer contributions.

        The split of the gross is semesterlagen 16 b § (#11): 28,611 x
        12 / 112 = 3,065.46, rounded up to 3,066 kr holiday pay, on
        25,545 kr salary (12 % of it is 3,065.40). Half up it was 3,065
        on 25,546 (11.998 %)."""
        result = salary_from_available(D(40000) - D(2400), D('31.42'))
        self.assertEqual(result.gross, D(28611))
        self.assertEqual(result.contributions, D(8989))
        self.assertEqual(result.salary + result.holiday_pay, D(28611))
        self.assertEqual(result.salary, D(25545))
        self.assertEqual(result.holiday_pay, D(3066))
        self.assertGreaterEqual(result.holiday_pay, result.salary * D('0.12'))
        # and contributions computed on the gross agree
        amount, _ = contributions(rates_2025_2026(), dt.date(1980, 1, 1),
            dt.date(2026, 5, 25), result.gross)
        self.assertEqual(amount, result.contributions)

    def test_table(self):
        for available, rate, gross, contrib in [
                (D(0), D('31.42'), D(0), D(0)),
                (D(13142), D('31.42'), D(10000), D(3142)),
                (D(11021), D('10.21'), D(10000), D(1021)),
                (D(5000), D(0), D(5000), D(0)),
                ]:
            with self.subTest(available=available, rate=rate):
                result = salary_from_available(available, rate)
                self.assertEqual(result.gross, gross)
                self.assertEqual(result.contributions, contrib)

    def test_issue_11_sizes(self):
        "The sizes of #11 that gave under 12 %, now at least 12 %"
        for gross, salary, holiday in [
                # 15,562 x 12 / 112 = 1,667.36
                (D(15562), D(13894), D(1668)),
                # 107,290 x 12 / 112 = 11,495.36
                (D(107290), D(95794), D(11496)),
                # 112 x 12 / 112 = 12 exactly: nothing to round
                (D(112), D(100), D(12)),
                (D(1), D(0), D(1)),
                (D(0), D(0), D(0)),
                ]:
            with self.subTest(gross=gross):
                result = salary_from_available(gross, D(0))
                self.assertEqual(result.gross, gross)
                self.assertEqual(result.salary, salary)
                self.assertEqual(result.holiday_pay, holiday)

    @given(st.integers(1, 500_000), st.integers(0, 99))
    def test_holiday_pay_at_least_12_percent(self, kronor, ore):
        """Holiday pay >= 12 % of the salary, salary + holiday pay =
        gross, both whole kronor (semesterlagen 16 b §, #11)"""
        amount = D(kronor) + D(ore) / 100
        for available, rate in [(amount, D('31.42')), (amount, D(0))]:
            result = salary_from_available(available, rate)
            self.assertEqual(result.salary + result.holiday_pay,
                result.gross)
            self.assertGreaterEqual(
                result.holiday_pay, result.salary * D('0.12'))
            # and not a krona more than needed
            self.assertLess(
                result.holiday_pay - 1, (result.salary + 1) * D('0.12'))
            for value in [result.gross, result.salary, result.holiday_pay]:
                self.assertEqual(value, value.to_integral_value())
                self.assertGreaterEqual(value, 0)

    def test_holiday_pay(self):
        "12 % (semesterlagen 16 b §), whole kronor, öre rounded up"
        self.assertEqual(holiday_pay(D(25000)), D(3000))
        self.assertEqual(holiday_pay(D('104')), D(13))  # 12.48
        self.assertEqual(holiday_pay(D('105')), D(13))  # 12.60
        self.assertEqual(holiday_pay(D('100')), D(12))  # 12.00

    @given(st.integers(1, 500_000), st.integers(0, 99))
    def test_holiday_pay_property(self, kronor, ore):
        "holiday_pay() is whole kronor and at least 12 % (#11)"
        salary = D(kronor) + D(ore) / 100
        pay = holiday_pay(salary)
        self.assertEqual(pay, pay.to_integral_value())
        self.assertGreaterEqual(pay, salary * D('0.12'))
        self.assertLess(pay - 1, salary * D('0.12'))


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(rules))
    return tests

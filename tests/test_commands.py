# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sosolo command as an operator runs it: `sosolo init` sets up a real
cooperative's empty database; bad input is one clear line, no traceback,
and leaves nothing behind."""
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from .server import (
    BIN, ROOT, _env, _pg, backend, demo_database, free_port, write_config)


class InitCommandTest(unittest.TestCase):

    def setUp(self):
        self.workdir = Path(tempfile.mkdtemp(prefix='sosolo-init-'))
        self.config = write_config(
            self.workdir / 'trytond.conf', self.workdir, free_port())
        self.database = f'sosolo_init_{os.getpid()}'
        self.addCleanup(shutil.rmtree, self.workdir, ignore_errors=True)
        if backend() == 'postgresql':
            self.addCleanup(
                _pg, f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def sosolo(self, *args):
        env = _env()
        env['SOSOLO_ADMIN_PASSWORD'] = 'a-long-admin-password'
        return subprocess.run(
            [str(BIN / 'sosolo'), '-c', str(self.config),
                '-d', self.database, *args],
            cwd=ROOT, capture_output=True, text=True, env=env,
            stdin=subprocess.DEVNULL)

    def database_exists(self):
        if backend() == 'postgresql':
            return bool(_pg("SELECT 1 FROM pg_database WHERE datname = "
                    f"'{self.database}'"))
        return (self.workdir / f'{self.database}.sqlite').exists()

    def test_invalid_orgnr_refused(self):
        "a wrong check digit is refused in one line and creates nothing"
        result = self.sosolo('init', '--company', 'Fel ek. för.',
            '--orgnr', '769640-1237')
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.strip(),
            "sosolo: '769640-1237' är inte ett giltigt organisationsnummer "
            "(10 siffror, NNNNNN-NNNN, med rätt kontrollsiffra)")
        self.assertNotIn('Traceback', result.stderr)
        self.assertFalse(self.database_exists())

    def test_bad_date_refused(self):
        result = self.sosolo('init', '--company', 'X ek. för.',
            '--orgnr', '769640-1236', '--fiscal-year-start', '2027-13-01')
        self.assertEqual(result.returncode, 1)
        self.assertIn("'2027-13-01' är inget datum", result.stderr)
        self.assertFalse(self.database_exists())

    def test_init_sets_up_the_books(self):
        "init creates the cooperative's books, ready to use, in Swedish"
        result = self.sosolo('init', '--company', 'Inlandets Kooperativ ek. för.',
            '--orgnr', '7696401236', '--vat', 'SE769640123601',
            '--fiscal-year-start', '2027-07-01')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('Inlandets Kooperativ', result.stdout)

        # Read the database back with proteus in a clean process.
        script = (
            "import sys, json\n"
            "from proteus import config, Model\n"
            f"config.set_trytond({self.database!r}, "
            f"config_file={str(self.config)!r})\n"
            "Company = Model.get('company.company')\n"
            "company, = Company.find()\n"
            "FiscalYear = Model.get('account.fiscalyear')\n"
            "year, = FiscalYear.find()\n"
            "Account = Model.get('account.account')\n"
            "User = Model.get('res.user')\n"
            "admin, = User.find([('login', '=', 'admin')])\n"
            "print(json.dumps({\n"
            "  'name': company.party.name,\n"
            "  'orgnr': company.se_orgnr, 'vat': company.se_vat,\n"
            "  'form': company.se_legal_form,\n"
            "  'f_tax': company.f_tax_approved,\n"
            "  'currency': company.currency.code,\n"
            "  'year': [year.name, str(year.start_date), str(year.end_date)],\n"
            "  'periods': len([p for p in year.periods if p.type == 'standard']),\n"
            "  'accounts': sorted(a.code for a in Account.find(\n"
            "      [('code', 'in', ['1510', '1930', '2083', '2611', '3001',\n"
            "                       '7010', '7510'])])),\n"
            "  'language': admin.language.code,\n"
            "}))\n")
        check = subprocess.run([str(BIN / 'python'), '-c', script],
            cwd=ROOT, capture_output=True, text=True, env=_env())
        self.assertEqual(check.returncode, 0, check.stderr)
        import json
        found = json.loads(check.stdout.strip().splitlines()[-1])
        self.assertEqual(found, {
                'name': 'Inlandets Kooperativ ek. för.',
                'orgnr': '769640-1236',
                'vat': 'SE769640123601',
                'form': 'EK',
                'f_tax': True,
                'currency': 'SEK',
                'year': ['2027/2028', '2027-07-01', '2028-06-30'],
                'periods': 12,
                'accounts': ['1510', '1930', '2083', '2611', '3001', '7010',
                    '7510'],
                'language': 'sv',
                })

        again = self.sosolo('init', '--company', 'Y', '--orgnr',
            '769640-1236')
        self.assertEqual(again.returncode, 1)
        self.assertIn('finns redan', again.stderr)


class SalaryCalcCommandTest(unittest.TestCase):
    """`sosolo salary-calc` on a copy of the demo database (its 2026 tax
    tables 33-35 and the contribution rates the pay run uses)."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = Path(tempfile.mkdtemp(prefix='sosolo-calc-'))
        cls.database = f'sosolo_calc_{os.getpid()}'
        cls.config = write_config(
            cls.workdir / 'trytond.conf', cls.workdir, free_port())
        demo_database(cls.workdir, cls.database)

    @classmethod
    def tearDownClass(cls):
        if backend() == 'postgresql':
            _pg(f'DROP DATABASE IF EXISTS "{cls.database}" WITH (FORCE)')
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def calc(self, *args):
        return subprocess.run(
            [str(BIN / 'sosolo'), '-c', str(self.config),
                '-d', self.database, 'salary-calc', *args],
            cwd=ROOT, capture_output=True, text=True, env=_env(),
            stdin=subprocess.DEVNULL)

    def test_frilans_finans_example(self):
        """Frilans Finans' published example: 40,000 kr at 6 % gives
        28,611 kr gross and 8,989 kr contributions; table 33 column 1 of
        2026 withholds 5,577 kr"""
        import json
        result = self.calc('--amount', '40000', '--birth-date', '1985-03-01',
            '--pay-date', '2026-05-25', '--table', '33', '--column', '1',
            '--json')
        self.assertEqual(result.returncode, 0, result.stderr)
        steps = json.loads(result.stdout)
        self.assertEqual({k: steps[k] for k in [
                    'fee', 'available', 'employer_rate',
                    'employer_contributions', 'gross', 'holiday_pay', 'tax',
                    'net', 'plan']}, {
                'fee': '2400.00', 'available': '37600.00',
                'employer_rate': '31.42',
                'employer_contributions': '8989.00', 'gross': '28611.00',
                'holiday_pay': '3065.00', 'tax': '5577.00',
                'net': '23034.00', 'plan': 'Standard'})

    def test_youth_percent_table(self):
        "the youth rate up to 25,000 kr, 30 % tax, as a Swedish table"
        result = self.calc('--amount', '40000', '--birth-date', '2005-06-01',
            '--pay-date', '2026-05-25', '--percent', '30')
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertRegex(lines[4],
            r'^Arbetsgivaravgifter 20,81 % upp till 25 000,00 kr, '
            r'sedan 31,42 % +-6 971,00 kr$')
        self.assertRegex(lines[5],
            r'^Bruttolön inkl\. semesterersättning +30 629,00 kr$')
        self.assertRegex(lines[7], r'^Skatt, 30 % +-9 188,00 kr$')
        self.assertRegex(lines[8], r'^Nettolön +21 441,00 kr$')

    def test_bad_input(self):
        "bad input is one Swedish line and exit 1"
        for args, message in [
                (['--amount', 'mycket'],
                    "--amount: 'mycket' är inget belopp"),
                (['--amount', '100', '--plan', 'Guld'],
                    "det finns ingen avgiftsplan som heter 'Guld'"),
                (['--amount', '100', '--pay-date', '2026-02-30'],
                    "'2026-02-30' är inget datum (ÅÅÅÅ-MM-DD)"),
                (['--amount', '100', '--pay-date', '2024-05-25'],
                    "Ingen arbetsgivaravgift gäller för lön som betalas ut "
                    "2024-05-25."),
                (['--amount', '40000', '--pay-date', '2025-05-25',
                        '--table', '33'],
                    "Skattetabell 33 kolumn 1 för 2025 har ingen rad för "
                    "månadslönen 28611. Läs in årets skattetabeller."),
                ]:
            with self.subTest(args=args):
                result = self.calc(*args)
                self.assertEqual(result.returncode, 1)
                self.assertEqual(result.stderr, f"sosolo: {message}\n")


if __name__ == '__main__':
    unittest.main()

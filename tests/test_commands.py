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

from .server import BIN, ROOT, _env, _pg, backend, free_port, write_config


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


if __name__ == '__main__':
    unittest.main()

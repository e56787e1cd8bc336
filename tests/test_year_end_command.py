# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`sosolo year-end` as an accountant runs it on a new cooperative's
books (#11): open the next year, close one, and one line with exit 1
for what it refuses. The dates come from the year given to init."""
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from .server import BIN, ROOT, _env, _pg, backend, free_port, write_config

YEAR = 2026


class YearEndCommandTest(unittest.TestCase):

    def setUp(self):
        self.workdir = Path(tempfile.mkdtemp(prefix='sosolo-year-end-'))
        self.config = write_config(
            self.workdir / 'trytond.conf', self.workdir, free_port())
        self.database = f'sosolo_year_end_{os.getpid()}'
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

    def test_year_end(self):
        "open, close, and refuse in one line"
        result = self.sosolo('init', '--company', 'Årskooperativet ek. för.',
            '--orgnr', '7696401236', '--fiscal-year-start', f'{YEAR}-01-01')
        self.assertEqual(result.returncode, 0, result.stderr)

        result = self.sosolo('year-end', '--close', str(YEAR + 5))
        self.assertEqual((result.returncode, result.stderr),
            (1, f"sosolo: räkenskapsåret {YEAR + 5} finns inte\n"))

        result = self.sosolo('year-end', '--close', str(YEAR))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
                f"Räkenskapsåret {YEAR + 1} är öppnat med 12 perioder och "
                "sina nummerserier.",
                f"Räkenskapsåret {YEAR} och dess perioder är stängda.",
                ])

        result = self.sosolo('year-end', '--close', str(YEAR))
        self.assertEqual((result.returncode, result.stderr), (1,
                f"sosolo: Räkenskapsåret {YEAR} är redan stängt.\n"))
        self.assertNotIn('Traceback', result.stderr)

        result = self.sosolo('year-end', '--open')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
                f"Räkenskapsåret {YEAR + 2} är öppnat med 12 perioder och "
                "sina nummerserier.",
                ])


if __name__ == '__main__':
    unittest.main()

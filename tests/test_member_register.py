# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`sosolo member-register` on a copy of the demo database: the files it
writes are read back. Dates follow the demo's (sosolo.demo_dates)."""
import csv
import datetime as dt
import shutil
import tempfile
import unittest
from pathlib import Path

from pypdf import PdfReader

from sosolo.demo_dates import demo_dates
from trytond.modules.sosolo_sweden.rules import today as swedish_today

from .server import demo_database, free_port, run_sosolo, write_config

#: The dates of the demo database, built today.
DATES = demo_dates(swedish_today())
#: The register as of today, and as of the day before the first
#: application.
TODAY = DATES.today.isoformat()
BEFORE = (DATES.application - dt.timedelta(days=1)).isoformat()


class MemberRegisterTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.workdir = Path(tempfile.mkdtemp(prefix='sosolo-register-'))
        cls.name = 'sosolo_register'
        demo_database(cls.workdir, cls.name)
        cls.config = write_config(
            cls.workdir / 'trytond.conf', cls.workdir, free_port())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def register(self, date, format_):
        output = self.workdir / f'register-{date}.{format_}'
        run_sosolo(self.config, self.name, 'member-register',
            '--date', date, '--format', format_, '-o', str(output))
        return output

    def test_csv(self):
        "The CSV lists the members at the date with their contributions"
        with open(self.register(TODAY, 'csv'),
                encoding='utf-8') as file:
            rows = list(csv.DictReader(file, delimiter=';'))
        entry = DATES.capital_payment.isoformat()
        self.assertEqual(
            [(r['Namn'], r['Inbetalda insatser'], r['Inträdesdatum'])
                for r in rows],
            [('Anna Lind', '500,00', entry),
                ('Bertil Nilsson', '500,00', entry)])
        # Member numbers come from a Tryton sequence: on PostgreSQL a
        # rolled-back transaction does not give its number back, so the
        # demo's numbers may have gaps; they are four digits, ascending.
        numbers = [r['Medlemsnummer'] for r in rows]
        self.assertTrue(all(len(n) == 4 and n.isdigit() for n in numbers))
        self.assertLess(numbers[0], numbers[1])
        self.assertEqual(rows[0]['Adress'], 'Sorselevägen 4, 924 32 Sorsele')
        self.assertEqual(rows[0]['Insatsskyldighet'], '500,00')
        self.assertEqual(rows[0]['Utträdesdatum'], '')

    def test_before_entry(self):
        "Before the members entered the register is empty"
        with open(self.register(BEFORE, 'csv'),
                encoding='utf-8') as file:
            self.assertEqual(list(csv.DictReader(file, delimiter=';')), [])

    def test_pdf(self):
        "The PDF is the back office's register report"
        text = PdfReader(self.register(TODAY, 'pdf')).pages[0] \
            .extract_text()
        self.assertIn(f'Medlemsförteckning {TODAY}', text)
        self.assertIn('Anna Lind', text)
        self.assertIn('Bertil Nilsson', text)
        self.assertIn('Antal: 2', text)

    def test_bad_date(self):
        "A date that is no date is refused in one Swedish line"
        with self.assertRaisesRegex(RuntimeError, "inget datum"):
            self.register(f'{DATES.today.year}-13-01', 'csv')

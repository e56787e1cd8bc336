# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`sosolo document-verify` on a copy of the demo database (issue #13):
the uppdragsavtal of Anna's paid assignment, signed by the customer and
sealed, is accepted as it is, and refused with one byte changed or when
it is not sealed."""
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
from pathlib import Path

from .server import (
    BIN,
    ROOT,
    _env,
    _pg,
    backend,
    demo_database,
    free_port,
    write_config,
)


class DocumentVerifyTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.workdir = Path(tempfile.mkdtemp(prefix='sosolo-verify-'))
        cls.name = 'sosolo_verify'
        demo_database(cls.workdir, cls.name)
        cls.config = write_config(
            cls.workdir / 'trytond.conf', cls.workdir, free_port())
        sql = ("SELECT sealed_pdf, pdf FROM sosolo_template_document "
            "WHERE state = 'sealed' ORDER BY id")
        if backend() == 'postgresql':
            rows = _pg(sql, cls.name)
        else:
            with sqlite3.connect(cls.workdir / f'{cls.name}.sqlite') as db:
                rows = db.execute(sql).fetchall()
        (sealed, issued), = rows
        cls.sealed = bytes(sealed)
        cls.issued = bytes(issued)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def verify(self, data):
        path = self.workdir / 'dokument.pdf'
        path.write_bytes(data)
        return subprocess.run(
            [str(BIN / 'sosolo'), '-c', str(self.config), '-d', self.name,
                'document-verify', str(path)],
            cwd=ROOT, capture_output=True, text=True, env=_env())

    def test_sealed_accepted(self):
        "the sealed PDF: exit 0, the document, its signer and times"
        result = self.verify(self.sealed)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Äkta och oförändrat: Uppdragsavtal – Anna Lind",
            result.stdout)
        self.assertRegex(result.stdout, r"undertecknat av Karin Ek "
            r"<karin@example\.se>, personlig länk, \S+ 09:30:00 UTC "
            r"\(\S+ 1[01]:30:00\+0[12]:00 Europe/Stockholm\)")

    def test_altered_refused(self):
        "one byte changed: exit 1 and one line"
        altered = bytearray(self.sealed)
        altered[len(altered) // 2] ^= 0x01
        result = self.verify(bytes(altered))
        self.assertEqual((result.returncode, result.stdout), (1, ''))
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertIn("ändrats", result.stderr)

    def test_unsealed_refused(self):
        "the issued PDF before its seal: exit 1 and one line"
        result = self.verify(self.issued)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fuzz target: Skatteverket's tax-table file, read as for an import
(#12; see sosolo_sweden/tests/fuzz.py for how targets are made)."""
from pathlib import Path

from trytond.modules.sosolo_payroll.exceptions import TaxTableImportError
from trytond.modules.sosolo_payroll.tax_table import read_file
from trytond.modules.sosolo_sweden.tests.fuzz import TOKENS, Target, files

FIXTURE = (Path(__file__).parent / 'data'
    / 'skattetabell-2026-30B-tabell-33-35.csv')
#: Field values a tax table gets wrong besides the common ones.
TAX_TOKENS = TOKENS + [b'30%', b'30B', b'30D', b'33', b'-1', b'101',
    b'100,5', b'-0,5', b'\xb2', b'2027', b';', b'"', b'"1;2"',
    b'"' + b'x' * 140000]  # over the csv module's field limit
_HEADER = FIXTURE.read_bytes().split(b'\r\n', 1)[0]
#: The fixture has no percentage rows (30%, above its last band).
PERCENT_ROWS = b'\r\n'.join([_HEADER,
        b'2026;30B;33;80001;80200;27126;29160;26760;28526;25926;31320',
        b'2026;30%;33;80201;100000;33;36;33;35;32;39',
        b'2026;30%;33;100001;;35;38;35;37;34;41', b''])

TAX_TABLE = Target('tax-table reader',
    files([FIXTURE.read_bytes(), PERCENT_ROWS], separator=b';',
        tokens=TAX_TOKENS),
    read_file, (TaxTableImportError,))

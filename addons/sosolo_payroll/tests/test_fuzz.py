# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A short fuzz run in CI: the tax-table reader answers arbitrary and
near-valid files with TaxTableImportError only (#12)."""
import unittest

from trytond.modules.sosolo_sweden.tests.fuzz import run
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

from .fuzz import TAX_TABLE


class FuzzTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_payroll')
        # Dropped after, closing its connections: a scenario that follows
        # restores the database from a template, and PostgreSQL refuses
        # to drop one that pooled connections still use.
        cls.addClassCleanup(drop_db)

    @with_transaction()
    def test_tax_table(self):
        "The tax-table reader raises TaxTableImportError only"
        run(TAX_TABLE)

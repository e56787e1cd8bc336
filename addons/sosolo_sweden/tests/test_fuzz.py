# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A short fuzz run in CI: the SIE and BgMax readers and every form
parser answer arbitrary and near-valid input with their user error only
(#12). bench/fuzz.py runs the same targets for minutes."""
import unittest

from hypothesis import settings

from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

from .fuzz import BGMAX, PARSERS, SHORT, SIE, run


class FuzzTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_sweden')
        # Dropped after, closing its connections: a scenario that follows
        # restores the database from a template, and PostgreSQL refuses
        # to drop one that pooled connections still use.
        cls.addClassCleanup(drop_db)

    @with_transaction()
    def test_sie(self):
        "The SIE reader raises SIEImportError only"
        run(SIE)

    @with_transaction()
    def test_bgmax(self):
        "The BgMax reader raises BgMaxImportError only"
        run(BGMAX)

    @with_transaction()
    def test_parsers(self):
        "Each form parser raises InputError only"
        for target in PARSERS:
            with self.subTest(target=target.name):
                run(target, settings(SHORT, max_examples=100))

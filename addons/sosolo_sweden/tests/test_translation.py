# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tryton's own modules read in Swedish: the override files of `OVERRIDES`
translate every string of theirs, where Tryton looks for it."""
import unittest

from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)
from trytond.transaction import Transaction

from .translation import OVERRIDES, load_swedish, untranslated_override


class TrytonSwedishTestCase(unittest.TestCase):
    "Swedish of Tryton's modules"
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module(list(OVERRIDES))

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        drop_db()

    @with_transaction()
    def test_tryton_modules_in_swedish(self):
        "every string of Tryton's modules in use reads in Swedish"
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Menu = pool.get('ir.ui.menu')
        Party = pool.get('party.party')
        load_swedish()
        # A second load, as on a module update, keeps what the first made.
        load_swedish()
        with Transaction().set_context(language='sv'):
            menu = Menu(ModelData.get_id('party', 'menu_party'))
            self.assertEqual(menu.name, "Parter")
            self.assertEqual(
                Party.fields_get(['name'])['name']['string'], "Namn")
        missing = {module: untranslated_override(module)
            for modules in OVERRIDES.values() for module in modules}
        Transaction().rollback()
        self.assertEqual({m: s for m, s in missing.items() if s}, {},
            "run scripts/export-translations "
            + ' '.join(OVERRIDES) + " and translate")

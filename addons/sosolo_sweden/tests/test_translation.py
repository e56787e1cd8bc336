# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tryton's own modules read in Swedish: the override files of `OVERRIDES`
translate every string of theirs, where Tryton looks for it."""
import unittest

from trytond.modules import get_module_info
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)
from trytond.transaction import Transaction

from .translation import OVERRIDES, load_swedish, untranslated_override


def depends(module):
    "Every module that `module` depends on, directly or not."
    direct = set(get_module_info(module).get('depends', []))
    return direct.union(*map(depends, direct))


def to_activate():
    """The modules of `OVERRIDES` that none of the others depends on:
    activating them activates all, from the database cache that the test
    run prepares for each addon."""
    implied = set().union(*map(depends, OVERRIDES))
    return sorted(set(OVERRIDES) - implied)


class TrytonSwedishTestCase(unittest.TestCase):
    "Swedish of Tryton's modules"
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module(to_activate())

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        drop_db()

    @with_transaction()
    def test_tryton_modules_in_swedish(self):
        """every string of Tryton's modules in use reads in Swedish, the
        books and invoices in the glossary's words"""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Menu = pool.get('ir.ui.menu')
        Party = pool.get('party.party')
        Invoice = pool.get('account.invoice')
        Move = pool.get('account.move')
        Translation = pool.get('ir.translation')
        load_swedish()

        def menu(module, fs_id):
            return Menu(ModelData.get_id(module, fs_id)).name

        def label(Model, name):
            return Model.fields_get([name])[name]['string']
        # The books and invoices, in the words of docs/glossary-sv.md.
        with Transaction().set_context(language='sv'):
            self.assertEqual(
                menu('account', 'menu_account_tree_chart'), "Kontoplan")
            self.assertEqual(
                menu('account', 'menu_general_ledger'), "Huvudbok")
            self.assertEqual(
                menu('account_invoice', 'menu_invoice_out_form'),
                "Kundfakturor")
            self.assertEqual(
                label(Invoice, 'payment_term'), "Betalningsvillkor")
            self.assertEqual(label(Invoice, 'untaxed_amount'), "Exkl. moms")
            self.assertEqual(dict(Invoice.fields_get(['state'])['state'][
                        'selection'])['cancelled'], "Makulerad")
            self.assertEqual(label(Move, 'journal'), "Verifikationsserie")
            self.assertEqual(Move.__names__()['model'], "Verifikation")
        # A report's string and a dialog's button, found by their source.
        self.assertEqual(Translation.get_source(
                'account.general_ledger', 'report', 'sv', "Debit"), "Debet")
        self.assertEqual(Translation.get_source(
                'account.invoice.credit,start,credit', 'wizard_button', 'sv',
                "Credit"), "Kreditera")
        # The reminders (account_dunning_letter), as the glossary says.
        self.assertEqual(Translation.get_source(
                'account.dunning.letter', 'report', 'sv', "Reminder Notice"),
            "Betalningspåminnelse")
        # A second load, as on a module update, keeps what the first made.
        load_swedish()
        with Transaction().set_context(language='sv'):
            self.assertEqual(menu('party', 'menu_party'), "Parter")
            self.assertEqual(label(Party, 'name'), "Namn")
        missing = {module: untranslated_override(module)
            for modules in OVERRIDES.values() for module in modules}
        Transaction().rollback()
        self.assertEqual({m: s for m, s in missing.items() if s}, {},
            "run scripts/export-translations "
            + ' '.join(OVERRIDES) + " and translate")

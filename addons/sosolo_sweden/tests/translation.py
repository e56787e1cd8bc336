# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Test mixin: every string a user can see has its Swedish translation.

Tryton 8.0 ships no Swedish, so each SOSOLO module carries its own
``locale/sv.po``, and the Swedish of Tryton's modules in
``locale/override/sv.po`` of the SOSOLO module named in `OVERRIDES`;
`scripts/export-translations MODULE` refreshes both.
"""
import importlib
from pathlib import Path

import polib

from trytond.pool import Pool
from trytond.tests.test_tryton import with_transaction
from trytond.transaction import Transaction

# The Tryton modules in use, each under the SOSOLO module whose
# locale/override/sv.po holds its Swedish (that module depends on it).
OVERRIDES = {
    'sosolo_sweden': [
        'ir', 'res', 'company', 'party', 'country', 'currency',
        'account', 'account_invoice', 'account_product',
        'analytic_account', 'product',
        ],
    'sosolo_portal': ['web_user'],
    'sosolo_convoy': [
        'account_dunning', 'account_dunning_fee', 'account_dunning_letter',
        'account_dunning_email',
        ],
    }


def load_swedish(lang='sv'):
    "Register the views' strings and load the translations of `lang`."
    pool = Pool()
    Lang = pool.get('ir.lang')
    TranslationSet = pool.get('ir.translation.set', type='wizard')
    session_id, _, _ = TranslationSet.create()
    TranslationSet(session_id).transition_set_()
    TranslationSet.delete(session_id)
    language, = Lang.search([('code', '=', lang)])
    Lang.load_translations([language])


def untranslated(module, lang='sv'):
    "The msgids of `module` that have no translation in `lang`."
    pool = Pool()
    Translation = pool.get('ir.translation')
    load_swedish(lang)

    def entries(code):
        content = Translation.translation_export(code, module)
        return polib.pofile(content.decode('utf-8')) if content else []
    # The module's strings, from the source language: a string that sv.po
    # lacks altogether has no Swedish record to export.
    translated = {(e.msgctxt, e.msgid) for e in entries(lang) if e.msgstr}
    return [f'{entry.msgctxt}: {entry.msgid!r}' for entry in entries('en')
        if not entry.obsolete
        and (entry.msgctxt, entry.msgid) not in translated]


def source_entries(module):
    """The po entries of Tryton's `module` in English, each msgctxt in the
    form that overrides it from another module: ``type:name:module.fs_id``.
    """
    Translation = Pool().get('ir.translation')
    content = Translation.translation_export('en', module)
    entries = []
    for entry in polib.pofile(content.decode('utf-8')) if content else []:
        ttype, name, fs_id = entry.msgctxt.split(':')
        if fs_id == 'None':
            # A record without an XML id: nothing in a po file names it.
            continue
        entry.msgctxt = f'{ttype}:{name}:{module}.{fs_id}'
        entry.msgstr = ''
        if entry.msgid_plural:
            entry.msgstr_plural = {0: '', 1: ''}
        entries.append(entry)
    return entries


def untranslated_override(module, lang='sv'):
    """The msgids of Tryton's `module` whose translation in `lang` is
    missing where Tryton looks for it (`load_swedish` first)."""
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Translation = pool.get('ir.translation')
    translated = {
        (t.type, t.name, t.res_id, t.src if t.res_id < 0 else None)
        for t in Translation.search([
                ('lang', '=', lang),
                ('value', '!=', ''),
                ('value', '!=', None),
                ('fuzzy', '=', False),
                ], order=[])
        # Swedish has two forms: the plural is value_1.
        if not t.src_plural or t.value_1}
    missing = []
    for entry in source_entries(module):
        ttype, name, res_id = entry.msgctxt.split(':')
        fs_module, fs_id = res_id.split('.', 1)
        res_id = ModelData.get_id(fs_module, fs_id) if fs_id else -1
        # Tryton finds a record's field by its id, other strings by source.
        if (ttype, name, res_id, entry.msgid if res_id < 0 else None) \
                not in translated:
            missing.append(f'{entry.msgctxt}: {entry.msgid!r}')
    return missing


def fuzzy(module):
    """The msgctxt of the entries marked fuzzy in `module`'s po files:
    Tryton loads them but never shows them, so they read in English.
    scripts/export-translations marks a string fuzzy when it fills it
    from a similar one."""
    folder = Path(importlib.import_module(
            f'trytond.modules.{module}').__file__).parent / 'locale'
    return [f'{path.relative_to(folder)}: {entry.msgctxt}'
        for path in sorted(folder.glob('**/sv.po'))
        for entry in polib.pofile(str(path)) if 'fuzzy' in entry.flags]


class SwedishTranslationTestMixin:
    "Mix into a ModuleTestCase."

    def test_swedish_translation_not_fuzzy(self):
        "no Swedish translation is marked fuzzy, which Tryton would not show"
        self.assertEqual(fuzzy(self.module), [],
            "check each, and remove its '#, fuzzy' line")

    @with_transaction()
    def test_swedish_translation_complete(self):
        "every user-facing string has a Swedish translation in sv.po"
        missing = untranslated(self.module)
        Transaction().rollback()
        self.assertEqual(missing, [],
            f"run scripts/export-translations {self.module} and translate")

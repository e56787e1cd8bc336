# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Test mixin: every string a user can see has its Swedish translation.

Tryton 8.0 ships no Swedish, so each SOSOLO module carries its own
``locale/sv.po``; `scripts/export-translations MODULE` refreshes it.
"""
import polib

from trytond.pool import Pool
from trytond.tests.test_tryton import with_transaction
from trytond.transaction import Transaction


def untranslated(module, lang='sv'):
    "The msgids of `module` that have no translation in `lang`."
    pool = Pool()
    Lang = pool.get('ir.lang')
    Translation = pool.get('ir.translation')
    TranslationSet = pool.get('ir.translation.set', type='wizard')
    session_id, _, _ = TranslationSet.create()
    TranslationSet(session_id).transition_set_()
    TranslationSet.delete(session_id)
    language, = Lang.search([('code', '=', lang)])
    Lang.load_translations([language])

    def entries(code):
        content = Translation.translation_export(code, module)
        return polib.pofile(content.decode('utf-8')) if content else []
    # The module's strings, from the source language: a string that sv.po
    # lacks altogether has no Swedish record to export.
    translated = {(e.msgctxt, e.msgid) for e in entries(lang) if e.msgstr}
    return [f'{entry.msgctxt}: {entry.msgid!r}' for entry in entries('en')
        if not entry.obsolete
        and (entry.msgctxt, entry.msgid) not in translated]


class SwedishTranslationTestMixin:
    "Mix into a ModuleTestCase."

    @with_transaction()
    def test_swedish_translation_complete(self):
        "every user-facing string has a Swedish translation in sv.po"
        missing = untranslated(self.module)
        Transaction().rollback()
        self.assertEqual(missing, [],
            f"run scripts/export-translations {self.module} and translate")

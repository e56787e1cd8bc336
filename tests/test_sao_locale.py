# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""sao speaks Swedish: sao/locale/sv.po translates every message of the
installed sao, and `make web` serves the sv.json made from it (issue 17).
"""
import importlib.util
import json
import unittest

import polib

from .server import ROOT

spec = importlib.util.spec_from_file_location(
    'sao_locale', ROOT / 'scripts' / 'sao_locale.py')
sao_locale = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sao_locale)


class SaoSwedishTest(unittest.TestCase):
    "sao/locale/sv.po and sv.json"

    def test_every_message_translated(self):
        "each msgid of sao's messages.pot has its Swedish in sv.po"
        po = polib.pofile(str(sao_locale.PO))
        translated = {(e.msgid, e.msgid_plural) for e in po
            if not e.obsolete and e.translated()}
        missing = [e.msgid for e in polib.pofile(str(sao_locale.POT))
            if (e.msgid, e.msgid_plural) not in translated]
        self.assertEqual(missing, [],
            "run scripts/export-translations sao and translate")

    def test_json_made_from_po(self):
        "sv.json is sv.po in the layout of sao's own locale/*.json"
        po = polib.pofile(str(sao_locale.PO))
        self.assertEqual(
            json.loads(sao_locale.JSON.read_text(encoding='utf-8')),
            sao_locale.po2json(po))
        # The layout is sao's: its German comes out as it ships it.
        german = sao_locale.POT.parent / 'de'
        self.assertEqual(
            sao_locale.po2json(polib.pofile(str(german) + '.po')),
            json.loads(german.with_suffix('.json').read_text()))

    def test_served_beside_sao_locales(self):
        "make web puts sv.json beside sao's own, which stay"
        locale = ROOT / 'var' / 'sao' / 'locale'
        self.assertEqual(
            (locale / 'sv.json').resolve(), sao_locale.JSON.resolve())
        self.assertTrue((locale / 'de.json').exists())

    def test_swedish_units_and_answers(self):
        "the time units and yes/no answers sao parses stay distinct"
        data = sao_locale.po2json(polib.pofile(str(sao_locale.PO)))
        units = [data[k][1] for k in 'YMwdhms']
        self.assertEqual(len(set(units)), len(units))
        # sao's timedelta parser takes the first unit a part ends with.
        for unit in units:
            self.assertEqual(
                [u for u in units if unit.endswith(u)], [unit], unit)
        self.assertEqual(data['y'][1], 'j')
        self.assertEqual(data['Yes'][1], 'Ja')

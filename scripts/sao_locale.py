# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""sao's Swedish: sao/locale/sv.po, and the sv.json that sao loads, made
as sao's own build makes its JSON (grunt-po2json, format "raw").

    python scripts/sao_locale.py

adds the msgids of sao's messages.pot that sv.po lacks (empty), keeps
the translations, marks the msgids sao dropped obsolete and writes
sv.json; scripts/export-translations sao runs it.
"""
import json
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / 'node_modules' / 'tryton-sao' / 'locale' / 'messages.pot'
PO = ROOT / 'sao' / 'locale' / 'sv.po'
JSON = PO.with_suffix('.json')


def po2json(po):
    """The dict of `po` (a polib.POFile) in sao's JSON layout: each msgid
    maps to [msgid_plural or null, msgstr, ...], "" holds the header;
    fuzzy entries are left out."""
    data = {'': {k.lower(): v for k, v in po.metadata.items()}}
    for entry in po:
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            data[entry.msgid] = [entry.msgid_plural] + [
                entry.msgstr_plural[i]
                for i in sorted(entry.msgstr_plural)]
        else:
            data[entry.msgid] = [None, entry.msgstr]
    return data


def dumps(data):
    return json.dumps(data, ensure_ascii=False, separators=(',', ':'))


def refresh(pot_path=POT, po_path=PO):
    "Bring `po_path` in step with sao's messages.pot, in sao's order."
    old = polib.pofile(str(po_path)) if po_path.exists() else []
    known = {(e.msgid, e.msgid_plural): e for e in old if not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.header = ''
    po.metadata = {'Content-Type': 'text/plain; charset=utf-8'}
    for source in polib.pofile(str(pot_path)):
        entry = known.pop((source.msgid, source.msgid_plural), None)
        if entry is None:
            entry = polib.POEntry(
                msgid=source.msgid, msgid_plural=source.msgid_plural)
            if source.msgid_plural:
                entry.msgstr_plural = {0: '', 1: ''}
        po.append(entry)
    for entry in known.values():
        entry.obsolete = True
        po.append(entry)
    po.save(str(po_path))
    return po


def main():
    po = refresh()
    JSON.write_text(dumps(po2json(po)), encoding='utf-8')
    entries = [e for e in po if not e.obsolete]
    print(f"{PO.relative_to(ROOT)}: "
        f"{sum(e.translated() for e in entries)}/{len(entries)} translated")


if __name__ == '__main__':
    main()

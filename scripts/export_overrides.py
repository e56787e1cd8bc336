# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Refresh the ``locale/override/sv.po`` of SOSOLO modules from a database
where they are activated (scripts/export-translations runs it).

    python scripts/export_overrides.py CONFIG DATABASE MODULE...

Each MODULE named in `OVERRIDES` gets the strings of its Tryton modules,
grouped by module in that order, each msgctxt as ``type:name:module.fs_id``.
Existing translations and translator comments are kept, new strings come
with an empty msgstr, strings Tryton no longer has are kept as obsolete.
"""
import sys
from pathlib import Path

import polib

from trytond.config import update_etc
from trytond.pool import Pool
from trytond.transaction import Transaction

ROOT = Path(__file__).resolve().parent.parent
MARK = '--- module '


def refresh(path, modules, source_entries):
    "Rewrite the po file at `path` with the strings of `modules`."
    old = polib.pofile(str(path)) if path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.header = old.header
    po.metadata = {'Content-Type': 'text/plain; charset=utf-8'}
    for module in modules:
        entries = sorted(source_entries(module),
            key=lambda e: (e.msgctxt, e.msgid))
        for entry in entries:
            previous = known.pop((entry.msgctxt, entry.msgid), None)
            if previous:
                entry.msgstr = previous.msgstr
                entry.msgstr_plural = previous.msgstr_plural
                entry.tcomment = previous.tcomment
                entry.flags = previous.flags
            # One marker heads each module's strings.
            entry.tcomment = '\n'.join(line
                for line in (entry.tcomment or '').splitlines()
                if not line.startswith(MARK))
            po.append(entry)
        if entries:
            entries[0].tcomment = '\n'.join(
                filter(None, [f'{MARK}{module} ---', entries[0].tcomment]))
    for entry in known.values():
        entry.obsolete = True
        po.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    translated = sum(1 for e in po if not e.obsolete and e.translated())
    total = sum(1 for e in po if not e.obsolete)
    print(f"{path.relative_to(ROOT)}: {translated}/{total} translated"
        f" ({', '.join(modules)})")


def main(config, database, modules):
    update_etc(config)
    from trytond.modules.sosolo_sweden.tests.translation import (
        OVERRIDES,
        load_swedish,
        source_entries,
    )
    Pool.start()
    pool = Pool(database)
    pool.init()
    with Transaction().start(database, 0) as transaction:
        # Only the wizard Set Translations registers the English of views
        # and reports: without it their strings would turn obsolete.
        load_swedish()
        for module in modules:
            if module in OVERRIDES:
                refresh(ROOT / 'addons' / module / 'locale' / 'override'
                    / 'sv.po', OVERRIDES[module], source_entries)
        transaction.rollback()


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

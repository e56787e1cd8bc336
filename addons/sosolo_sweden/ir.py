# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import polib

from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

# The translation types whose override Tryton finds by their source too.
_BY_SOURCE = {'report', 'view', 'wizard_button', 'selection'}


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('account.fiscalyear|open_next_years',
                "Open Next Fiscal Years"))


class Translation(metaclass=PoolMeta):
    __name__ = 'ir.translation'

    @classmethod
    def translation_import(cls, lang, module, po_path):
        cls._create_overridden(lang, po_path)
        return super().translation_import(lang, module, po_path)

    @classmethod
    def _create_overridden(cls, lang, po_path):
        """Create, empty, each translation in `lang` that an entry of a
        ``locale/override`` file (msgctxt ``type:name:module.fs_id``)
        replaces, where the overridden module has none.

        Tryton 8.0's ``override_translation`` (trytond/ir/translation.py)
        only rewrites a translation that the overridden module loaded from
        its own po file, and fails with "ValueError: not enough values to
        unpack" when it has none; no Tryton module ships a Swedish one.
        """
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        entries = []
        for path in [po_path] if isinstance(po_path, str) else po_path:
            for entry in polib.pofile(path):
                if entry.obsolete:
                    continue
                translation, res_id = cls.from_poentry(entry)
                if '.' in res_id:
                    entries.append((translation, *res_id.split('.', 1)))
        if not entries:
            return

        def key(ttype, name, res_id, module, src, src_plural):
            if ttype in _BY_SOURCE:
                return ttype, name, res_id, module, src, src_plural
            return ttype, name, res_id, module

        # In SQL, as below: reading the records of the few thousand
        # translations of these modules, and each record's id by
        # ModelData.get_id, took two seconds of every module update.
        modules = list({m for _, m, _ in entries})
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        cursor.execute(*table.select(table.type, table.name, table.res_id,
                table.module, table.src, table.src_plural,
                where=(table.lang == lang) & table.module.in_(modules)))
        existing = {key(*row) for row in cursor}
        data = ModelData.__table__()
        cursor.execute(*data.select(data.module, data.fs_id, data.db_id,
                where=data.module.in_(modules)))
        db_ids = {(module, fs_id): db_id for module, fs_id, db_id in cursor}
        rows = []
        for translation, module, fs_id in entries:
            res_id = db_ids[module, fs_id] if fs_id else -1
            k = key(translation.type, translation.name, res_id, module,
                translation.src, translation.src_plural)
            if k not in existing:
                existing.add(k)
                rows.append([lang, module, translation.type,
                        translation.name, res_id, translation.src,
                        translation.src_plural, '', False])
        # In SQL, as Tryton registers its own sources (register_model):
        # through create() the 2,000 records of one file take seconds.
        columns = [table.lang, table.module, table.type, table.name,
            table.res_id, table.src, table.src_plural, table.value,
            table.fuzzy]
        for i in range(0, len(rows), 500):
            cursor.execute(*table.insert(columns, rows[i:i + 500]))

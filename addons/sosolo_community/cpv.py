# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CPV vocabulary (Common Procurement Vocabulary, Commission
Regulation (EC) No 213/2008) with Swedish labels, imported from a file
(cpv_list.py)."""
from trytond.model import ModelSQL, ModelView, Unique, fields

from . import cpv_list
from .tender import file_error
from .tender_data import TenderFileError


class Cpv(ModelSQL, ModelView):
    "CPV Code"
    __name__ = 'sosolo.community.cpv'

    code = fields.Char("Code", size=8, required=True, readonly=True)
    name = fields.Char("Name", required=True, readonly=True)
    parent = fields.Function(fields.Many2One('sosolo.community.cpv',
            "Parent", help="The nearest code above in the vocabulary."),
        'get_parent')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'sosolo_community.msg_cpv_code_unique'),
            ]
        cls._order = [('code', 'ASC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        return f'{self.code} {self.name}'

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, operand, *extra = clause
        if operator.startswith('!') or operator.startswith('not '):
            bool_op = 'AND'
        else:
            bool_op = 'OR'
        return [bool_op,
            ('code', operator, operand, *extra),
            ('name', operator, operand, *extra),
            ]

    @classmethod
    def get_parent(cls, codes, name):
        wanted = {}
        for record in codes:
            parent = cpv_list.parent_code(record.code)
            chain = []
            while parent:
                chain.append(parent)
                parent = cpv_list.parent_code(parent)
            wanted[record.id] = chain
        found = {c.code: c.id for c in cls.search([
                    ('code', 'in', sorted({p for chain in wanted.values()
                                for p in chain}))])}
        return {i: next((found[p] for p in chain if p in found), None)
            for i, chain in wanted.items()}

    @classmethod
    def import_file(cls, name, data):
        """Add the codes of CPV file `name` (bytes `data`) and update the
        labels of those known: returns (created, updated)."""
        try:
            rows = cpv_list.read(name, data)
        except TenderFileError as exception:
            raise file_error(exception) from exception
        labels = dict(rows)
        existing = cls.search([('code', 'in', list(labels))])
        to_write = []
        for record in existing:
            label = labels.pop(record.code)
            if record.name != label:
                to_write.extend(([record], {'name': label}))
        if to_write:
            cls.write(*to_write)
        cls.create([{'code': c, 'name': n} for c, n in labels.items()])
        return len(labels), len(to_write) // 2

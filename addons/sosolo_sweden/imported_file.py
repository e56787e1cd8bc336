# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import Unique, fields


class ImportedFileMixin:
    """A file imported into a company's books, known by its SHA-256, so
    that the same content is never imported twice."""
    __slots__ = ()
    _duplicate_message = None

    company = fields.Many2One(
        'company.company', "Company", required=True, readonly=True)
    filename = fields.Char("File Name", readonly=True)
    sha256 = fields.Char("SHA-256", required=True, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_sha256_unique', Unique(t, t.company, t.sha256),
                cls._duplicate_message),
            ]
        cls._order.insert(0, ('create_date', 'DESC'))

    @classmethod
    def imported(cls, company, sha256):
        "Whether `company` has imported a file with this content."
        return bool(cls.search([
                    ('company', '=', company.id),
                    ('sha256', '=', sha256),
                    ], limit=1))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The cooperative's company: the database's first (DESIGN.md: one)."""
from trytond.cache import Cache
from trytond.pool import PoolMeta


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    _cooperative_cache = Cache(
        'company.company.cooperative_ids', context=False)

    @classmethod
    def cooperative_ids(cls):
        """The ids of the companies by id, the cooperative's first.

        The database holds one company; a portal request, a public
        application and the commands work in it. Cached, as every portal
        request asks (sosolo_portal.portal.as_portal).
        """
        ids = cls._cooperative_cache.get(None)
        if ids is None:
            ids = cls._cooperative_cache.set(None, tuple(
                    c.id for c in cls.search([], order=[('id', 'ASC')])))
        return list(ids)

    @classmethod
    def on_modification(cls, mode, companies, field_names=None):
        super().on_modification(mode, companies, field_names=field_names)
        if mode in {'create', 'delete'}:
            cls._cooperative_cache.clear()

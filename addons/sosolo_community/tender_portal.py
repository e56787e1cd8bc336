# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tenders' entry in the member portal (its template, in this
module's templates, is found through portal.Portal)."""
from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import PoolMeta


class TenderPortal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(60, 'upphandlingar',
                gettext('sosolo_community.msg_portal_tenders')),
            ]

    @classmethod
    def start_items(cls, user):
        return super().start_items(user) + [
            StartItem(60, 'upphandlingar',
                gettext('sosolo_community.msg_portal_tenders'),
                gettext('sosolo_community.msg_portal_tenders_text')),
            ]

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tenders' entry in the member portal."""
import os

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import PoolMeta

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')


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

    @classmethod
    def template_directories(cls):
        directories = super().template_directories()
        if TEMPLATES not in directories:
            directories = [TEMPLATES] + directories
        return directories

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import PoolMeta

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(75, 'dokument', "Dokument"),
            ]

    @classmethod
    def start_items(cls, user):
        return super().start_items(user) + [
            StartItem(75, 'dokument', "Dokument",
                "Dina avtal, offerter och din anställningsinformation."),
            ]

    @classmethod
    def public_pages(cls):
        return super().public_pages() + [
            ('verifiera', gettext('sosolo_templates.msg_verify_page'))]

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()

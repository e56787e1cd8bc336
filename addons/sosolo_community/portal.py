# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import PoolMeta

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')
#: The community's pages: (sequence, path, message of the label), and
#: the message of the start page's text with the label's id + "_text".
PAGES = [
    (80, 'katalog', 'portal_directory'),
    (82, 'resurser', 'portal_resources'),
    (84, 'erbjudanden', 'portal_deals'),
    (86, 'konsortier', 'portal_consortia'),
    ]
#: The public directory's path: members listed publicly, no login.
PUBLIC_DIRECTORY = 'medlemmar'


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(sequence, path,
                gettext(f'sosolo_community.msg_{page}'))
            for sequence, path, page in PAGES]

    @classmethod
    def start_items(cls, user):
        return super().start_items(user) + [
            StartItem(sequence, path,
                gettext(f'sosolo_community.msg_{page}'),
                gettext(f'sosolo_community.msg_{page}_text'))
            for sequence, path, page in PAGES]

    @classmethod
    def public_pages(cls):
        return super().public_pages() + [(PUBLIC_DIRECTORY,
                gettext('sosolo_community.msg_portal_public_directory'))]

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import PoolMeta

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')
#: The member's pages: (sequence, path, message of the label), and the
#: message of the start page's text with the label's id + "_text".
PAGES = [
    (50, 'uppdrag', 'portal_assignments'),
    (55, 'kundfakturor', 'portal_customer_invoices'),
    (60, 'konto', 'portal_account'),
    (65, 'utlagg', 'portal_expenses'),
    (70, 'lonebesked', 'portal_payslips'),
    (75, 'arbetsgivarintyg', 'portal_certificate'),
    ]


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(sequence, path, gettext(f'sosolo_convoy.msg_{page}'))
            for sequence, path, page in PAGES]

    @classmethod
    def start_items(cls, user):
        return super().start_items(user) + [
            StartItem(sequence, path, gettext(f'sosolo_convoy.msg_{page}'),
                gettext(f'sosolo_convoy.msg_{page}_text'))
            for sequence, path, page in PAGES]

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()

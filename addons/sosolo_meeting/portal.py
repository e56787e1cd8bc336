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
            NavItem(45, 'stamma',
                gettext('sosolo_meeting.msg_portal_meeting'))]

    @classmethod
    def start_items(cls, user):
        return super().start_items(user) + [
            StartItem(45, 'stamma',
                gettext('sosolo_meeting.msg_portal_meeting'),
                gettext('sosolo_meeting.msg_portal_meeting_text'))]

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()

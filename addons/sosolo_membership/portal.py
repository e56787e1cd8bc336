# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import Pool, PoolMeta

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(20, 'medlemskap', "Mitt medlemskap"),
            NavItem(30, 'fakturor', "Mina fakturor"),
            NavItem(40, 'uppgifter', "Mina uppgifter"),
            ]

    @classmethod
    def start_items(cls, user):
        items = super().start_items(user) + [
            StartItem(20, 'medlemskap', "Mitt medlemskap",
                "Se medlemsnummer, datum och inbetald insats, och ladda ner "
                "ditt medlemsbevis."),
            StartItem(30, 'fakturor', "Mina fakturor",
                "Fakturor från kooperativet: insats och årsavgift."),
            StartItem(40, 'uppgifter', "Mina uppgifter",
                "Ändra adress, telefon och bankkonto."),
            ]
        member = member_of(user)
        if member and member.state == 'active':
            items.append(StartItem(90, 'uttrade', "Utträde",
                    "Säg upp ditt medlemskap och se när du kan utträda."))
        return items

    @classmethod
    def application_path(cls):
        return 'bli-medlem'

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()


def member_of(user):
    "The membership of the web user's party (the latest), or None."
    Member = Pool().get('sosolo.member')
    if not user or not user.party:
        return None
    members = Member.search([('party', '=', user.party.id)],
        order=[('application_date', 'DESC'), ('id', 'DESC')], limit=1)
    return members[0] if members else None

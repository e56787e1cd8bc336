# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import os

from trytond.modules.sosolo_portal.portal import NavItem, StartItem
from trytond.pool import PoolMeta

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(50, 'uppdrag', "Mina uppdrag"),
            NavItem(55, 'kundfakturor', "Kundfakturor"),
            NavItem(60, 'konto', "Mitt konto"),
            NavItem(65, 'utlagg', "Utlägg"),
            NavItem(70, 'lonebesked', "Lönebesked"),
            ]

    @classmethod
    def start_items(cls, user):
        return super().start_items(user) + [
            StartItem(50, 'uppdrag', "Mina uppdrag",
                "Lägg upp ett uppdrag så fakturerar kooperativet din kund."),
            StartItem(55, 'kundfakturor', "Kundfakturor",
                "Fakturorna till dina kunder och om de är betalda."),
            StartItem(60, 'konto', "Mitt konto",
                "Saldo, kontoutdrag och begäran om löneuttag."),
            StartItem(65, 'utlagg', "Utlägg",
                "Ladda upp kvitton för det du har köpt i verksamheten."),
            StartItem(70, 'lonebesked', "Lönebesked",
                "Dina lönespecifikationer som PDF."),
            ]

    @classmethod
    def template_directories(cls):
        return [TEMPLATES] + super().template_directories()

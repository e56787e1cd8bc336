# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The community in the portal, in headless Chromium on the demo
database: Anna finds Bertil, books the trailer and is refused a slot
Bertil has (#15)."""
import datetime as dt
import re

from playwright.sync_api import expect

from sosolo.demo_dates import demo_dates
from trytond.modules.sosolo_sweden.rules import today as swedish_today

from .test_portal_browser import PortalBrowserCase

#: The dates of the demo database, built today.
DATES = demo_dates(swedish_today())
#: The Monday after the demo's reference day: Anna has the trailer then,
#: Bertil on the Tuesday from 8 to 12 (sosolo/demo_community.py).
MONDAY = DATES.today + dt.timedelta(days=7 - DATES.today.weekday())
TUESDAY = MONDAY + dt.timedelta(days=1)
BERTIL_PHONE = '070-444 55 66'
PAGES = ['katalog', 'katalog?kompetens=webb&kommun=2482',
    'katalog/min-profil', 'resurser', 'erbjudanden', 'konsortier',
    'upphandlingar']


class CommunityBrowserTest(PortalBrowserCase):
    server_name = 'sosolo_community'

    def test_anna_finds_bertil_and_books(self):
        """Anna finds Bertil by skill and municipality, books the trailer
        and is refused an overlapping slot, in Swedish"""
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.get_by_role('link', name='Medlemskatalog').first.click()
        page.fill('#f-kompetens', 'webbutveckling')
        page.select_option('#f-kommun', label='Skellefteå')
        page.get_by_role('button', name='Sök').click()
        main = page.locator('main')
        expect(main).to_contain_text('Bertil Nilsson')
        expect(main).to_contain_text('bertil@example.se')
        self.assertNotIn(BERTIL_PHONE, page.content())
        self.assertEqual(self.axe_violations(page), [])

        page.get_by_role('link', name='Delade resurser').first.click()
        page.select_option('#f-resource', label='Släpvagn')
        day = TUESDAY + dt.timedelta(days=1)
        page.fill('#f-start', f'{day.isoformat()}T09:00')
        page.fill('#f-end', f'{day.isoformat()}T12:00')
        page.get_by_role('button', name='Boka', exact=True).click()
        expect(page.get_by_role('status')).to_contain_text(
            'Bokningen är gjord')
        page.select_option('#f-resource', label='Släpvagn')
        page.fill('#f-start', f'{TUESDAY.isoformat()}T10:00')
        page.fill('#f-end', f'{TUESDAY.isoformat()}T11:00')
        page.get_by_role('button', name='Boka', exact=True).click()
        alert = page.get_by_role('alert')
        expect(alert).to_contain_text(
            f'Släpvagn är redan bokad mellan {TUESDAY.isoformat()} 10:00')
        expect(alert).to_contain_text(
            f'Den är ledig från {TUESDAY.isoformat()} 12:00')
        self.assertEqual(self.axe_violations(page), [])

    def test_pages_fit_phone_and_axe(self):
        "At 360 px no page scrolls sideways; axe finds no violations"
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        for path in PAGES:
            page.goto(self.url(path))
            with self.subTest(page=path):
                self.assert_no_horizontal_scroll(page, path)
                self.assertEqual(self.axe_violations(page), [])
                self.assertNotIn(BERTIL_PHONE, page.content())
        # Cecilia is not listed: not found by her own skill.
        page.goto(self.url('katalog?kompetens=%C3%B6vers%C3%A4ttning'))
        self.assertIsNone(re.search('Cecilia', page.inner_text('main')))

    def test_bertil_sees_annas_consortium(self):
        """Bertil sees the consortium Anna leads, with both shares, and
        cannot add members"""
        page = self.page(width=360)
        self.login(page, 'bertil@example.se')
        page.get_by_role('link', name='Konsortier').first.click()
        main = page.locator('main')
        expect(main).to_contain_text('Leds av')
        expect(main).to_contain_text('Anna Lind')
        expect(main).to_contain_text('Webbplats och dokumentation')
        expect(main).to_contain_text('40 %')
        expect(main).to_contain_text('Förbereds')
        self.assertEqual(page.locator('select[name=profile]').count(), 0)
        self.assertEqual(self.axe_violations(page), [])

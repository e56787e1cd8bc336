# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The general meeting in the portal, in headless Chromium on the demo
database: this year's ordinary meeting is open with one open ballot
(sosolo/demo_meeting.py). Anna votes on a 360 px phone without
JavaScript; the second try is answered 409 (#14)."""

from playwright.sync_api import expect

from trytond.modules.sosolo_sweden.rules import today as swedish_today

from .test_portal_browser import PortalBrowserCase

TODAY = swedish_today()


class MeetingBrowserTest(PortalBrowserCase):
    server_name = 'sosolo_meeting'

    def test_anna_votes_without_javascript(self):
        "Anna votes on a phone without JavaScript; a second try is 409"
        context = self.browser.new_context(
            viewport={'width': 360, 'height': 740},
            java_script_enabled=False, locale='sv-SE')
        self.addCleanup(context.close)
        page = context.new_page()
        self.login(page, 'anna@example.se')
        page.goto(self.url('stamma'))
        page.get_by_role('link',
            name=f'Ordinarie föreningsstämma {TODAY.year}').click()
        meeting_url = page.url
        # A second tab with the same form, as a member who taps twice.
        second = context.new_page()
        second.goto(meeting_url)
        form = page.get_by_role('group', name='Rösta för Anna Lind')
        form.get_by_label('Ja').check()
        page.get_by_role('button', name='Rösta').click()
        expect(page.locator('main')).to_contain_text('är räknad')
        second.get_by_role('group', name='Rösta för Anna Lind').get_by_label(
            'Nej').check()
        with second.expect_response(
                lambda r: '/omrostning/' in r.url) as answer:
            second.get_by_role('button', name='Rösta').click()
        self.assertEqual(answer.value.status, 409)
        expect(second.locator('main')).to_contain_text('redan avgiven')

        checked = self.page(width=360)
        self.login(checked, 'anna@example.se')
        checked.goto(meeting_url)
        expect(checked.locator('main')).to_contain_text(
            'Rösten för Anna Lind är avgiven')
        self.assertEqual(self.axe_violations(checked), [])
        self.assert_no_horizontal_scroll(checked, 'stamma')

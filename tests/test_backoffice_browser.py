# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The back office in headless Chromium: sao served by trytond, with the
demo database that `make run` builds."""
import unittest

from playwright.sync_api import expect, sync_playwright

from .browser import launch
from .server import Server


class BackOfficeBrowserTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = Server('sosolo_backoffice').start()
        cls.playwright = sync_playwright().start()
        cls.browser = launch(cls.playwright)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        cls.server.stop()

    def login(self, page, password='admin'):
        page.goto(self.server.url + '/')
        database = page.locator('#database:visible')
        # The first page of a fresh server loads sao's scripts and
        # translations: on a busy CI machine (other test processes
        # activating modules beside it) that once took over 30 s.
        database.wait_for(timeout=90000)
        # trytond started with -d offers only that database, read-only.
        if database.evaluate('e => e.tagName') == 'SELECT':
            database.select_option(self.server.name)
        elif database.is_editable():
            database.fill(self.server.name)
        page.fill('#login', 'admin')
        page.locator('.login-dialog button[type=submit]').click()
        password_field = page.locator('input[type=password]:visible')
        password_field.wait_for(timeout=90000)
        password_field.fill(password)
        password_field.press('Enter')

    def test_admin_opens_chart_of_accounts(self):
        "admin logs in and opens the BAS chart of accounts"
        page = self.browser.new_page()
        self.login(page)
        search = page.locator('#global-search-entry, .global-search input'
            ).first
        # The menu reads Swedish (#17).
        search.fill('Kontoplan')
        page.get_by_text('Ekonomi / Rapporter / Kontoplan').click(
            timeout=30000)
        root = page.get_by_text('Kontoplan BAS (Sverige)')
        expect(root).to_be_visible(timeout=30000)
        # No first-login configuration wizard stands in the way: the
        # cooperative's setup closed it.
        expect(page.get_by_text('Modulinställningar')).to_have_count(0)
        root.locator('xpath=ancestor::tr').locator(
            '.expander').first.click()
        expect(page.get_by_text('Tillgångar').first).to_be_visible(
            timeout=30000)
        page.close()

    def test_wrong_password_is_refused(self):
        "a wrong password does not open the back office"
        page = self.browser.new_page()
        self.login(page, password='not-the-password')
        # sao asks again for the password and opens no menu.
        expect(page.locator('input[type=password]:visible')).to_be_visible(
            timeout=30000)
        expect(page.get_by_text('Ekonomi')).to_have_count(0)
        page.close()

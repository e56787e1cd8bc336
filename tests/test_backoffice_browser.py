# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The back office in headless Chromium: sao served by trytond, with the
demo database that `make run` builds."""
import struct
import tempfile
import unittest
from pathlib import Path

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

    def open_menu(self, page, text, path):
        "Open the menu entry at `path` found by searching `text`."
        search = page.locator('#global-search-entry, .global-search input'
            ).first
        search.fill(text)
        page.get_by_text(path).click(timeout=30000)

    def test_admin_opens_chart_of_accounts(self):
        "admin logs in and opens the BAS chart of accounts"
        page = self.browser.new_page()
        self.login(page)
        # The menu reads Swedish (#17).
        self.open_menu(page, 'Kontoplan', 'Ekonomi / Rapporter / Kontoplan')
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

    def test_customer_invoice_form_in_swedish(self):
        """a customer invoice opens with Swedish labels and sao's own
        buttons in Swedish, as its screenshot shows (#17)"""
        page = self.browser.new_page(viewport={'width': 1280, 'height': 900})
        self.login(page)
        self.open_menu(page, 'Kundfakturor',
            'Ekonomi / Fakturor / Kundfakturor')
        tab = page.locator('#tabcontent > .tab-pane.active')
        # sao's toolbar: the button titles come from sao's own sv.json.
        for button, title in [('new_', "Ny"), ('save', "Spara"),
                ('reload', "Läs om/ångra"), ('attach', "Bilaga"),
                ('print', "Skriv ut rapport"),
                ('relate', "Öppna relaterade poster")]:
            with self.subTest(button=button):
                expect(tab.locator(f'button#{button}')).to_have_attribute(
                    'title', title, timeout=30000)
        expect(page.locator('#tablist .active')).to_contain_text(
            "Kundfakturor")
        # A new customer invoice, in its form.
        tab.locator('button#new_').click()
        form = tab.locator('.form').first
        expect(form).to_be_visible(timeout=30000)
        labels = ["Typ", "Nummer", "Part", "Fakturaadress", "Beskrivning",
            "Referens", "Fakturadatum", "Betalningsvillkor", "Valuta"]
        for label in labels:
            with self.subTest(label=label):
                expect(form.locator('label', has_text=label).first
                    ).to_be_in_viewport(timeout=30000)
        # The type is a Swedish selection, the invoice tab a Swedish page.
        kind = form.get_by_role('combobox', name="Typ:")
        expect(kind).to_be_in_viewport()
        # sao fills the new record's defaults after the form shows: the
        # select has no option chosen until then, so wait for it.
        expect(kind.locator('option:checked')).to_have_text("Kund",
            timeout=30000)
        expect(form.locator('.nav-tabs a', has_text="Faktura").first
            ).to_be_visible()
        with tempfile.TemporaryDirectory() as folder:
            shot = Path(folder) / 'kundfaktura.png'
            page.screenshot(path=shot)
            data = shot.read_bytes()
        # A PNG of the whole viewport, with more than a blank page in it.
        self.assertEqual(data[:8], b'\x89PNG\r\n\x1a\n')
        self.assertEqual(struct.unpack('>II', data[16:24]), (1280, 900))
        self.assertGreater(len(data), 40000)
        # Nothing English on what the screenshot shows of the form.
        text = form.inner_text()
        for english in ["Invoice Date", "Payment Term", "Currency",
                "Customer", "Party"]:
            self.assertNotIn(english, text)
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

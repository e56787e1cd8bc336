# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The member portal in headless Chromium, on a real trytond serving a
copy of the demo database (Anna and Bertil are members, password demo).
"""
import re
import struct
import unittest

from aiosmtpd.controller import Controller
from playwright.sync_api import expect, sync_playwright
from pypdf import PdfReader

from .browser import launch
from .server import ROOT, Server, free_port

AXE = ROOT / 'node_modules' / 'axe-core' / 'axe.min.js'
SCREENS = ROOT / 'var' / 'test' / 'screens'
WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
MEMBER_PAGES = ['', 'medlemskap', 'fakturor', 'uppgifter',
    'uppgifter/bankkonto', 'uttrade', 'nyckeltal']
PUBLIC_PAGES = ['logga-in', 'glomt-losenord', 'bli-medlem']


class Mailbox:
    "An SMTP sink: the messages trytond sends."

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return '250 OK'


class PortalBrowserCase(unittest.TestCase):
    "A trytond with the demo database, an SMTP sink and Chromium."
    server_name = 'sosolo_portal'

    @classmethod
    def setUpClass(cls):
        cls.mailbox = Mailbox()
        cls.smtp = Controller(cls.mailbox, hostname='127.0.0.1',
            port=free_port())
        cls.smtp.start()
        cls.server = Server(cls.server_name,
            smtp_port=cls.smtp.port).start()
        cls.playwright = sync_playwright().start()
        cls.browser = launch(cls.playwright)

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        cls.server.stop()
        cls.smtp.stop()

    def url(self, path=''):
        return f'{self.server.url}/{self.server.name}/portal/{path}'

    def page(self, width=1280):
        # axe is injected as a script: let it past the portal's CSP.
        context = self.browser.new_context(
            viewport={'width': width, 'height': 800}, bypass_csp=True,
            locale='sv-SE')
        self.addCleanup(context.close)
        return context.new_page()

    def login(self, page, email, password='demo'):
        page.goto(self.url('logga-in'))
        page.fill('#f-email', email)
        page.fill('#f-password', password)
        page.get_by_role('button', name='Logga in').click()
        expect(page.get_by_role('heading', level=1)).to_contain_text(
            'Välkommen')

    def axe_violations(self, page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """tags => axe.run(document, {
                runOnly: {type: 'tag', values: tags}})""", WCAG)
        # axe ran its rules on the page (an empty page passes nothing).
        self.assertTrue(result['passes'])
        return [(v['id'], [n['target'] for n in v['nodes']])
            for v in result['violations']]

    def assert_no_horizontal_scroll(self, page, path):
        scroll, client = page.evaluate(
            '() => [document.documentElement.scrollWidth, '
            'document.documentElement.clientWidth]')
        self.assertLessEqual(scroll, client, path)


class PortalBrowserTest(PortalBrowserCase):

    def test_apply(self):
        "A new member applies and confirms the e-mail address"
        page = self.page(width=360)
        page.goto(self.url())
        page.get_by_role('link', name='Bli medlem').click()
        page.check('#kind-sole_trader')
        page.fill('#f-name', 'Frida Fjällström')
        page.fill('#f-identity_number', '19811288-9871')
        page.fill('#f-email', 'frida@example.se')
        page.fill('#f-street', 'Blå vägen 12')
        page.fill('#f-postal_code', '923 31')
        page.fill('#f-city', 'Storuman')
        page.select_option('#f-municipality', '2421')
        page.fill('#f-password', 'frida-secret-1')
        page.fill('#f-password2', 'frida-secret-1')
        page.check('#f-consent_statutes')
        page.get_by_role('button', name='Skicka ansökan').click()
        # Without consent to data processing: error beside it, input kept.
        expect(page.locator('#e-consent_data')).to_be_visible()
        expect(page.locator('#f-name')).to_have_value('Frida Fjällström')
        self.assertEqual(self.axe_violations(page), [])
        page.fill('#f-password', 'frida-secret-1')
        page.fill('#f-password2', 'frida-secret-1')
        page.check('#f-consent_data')
        page.get_by_role('button', name='Skicka ansökan').click()
        expect(page.get_by_role('heading', level=1)).to_have_text(
            'Tack för din ansökan')
        page.wait_for_timeout(500)
        message, = [m for m in self.mailbox.messages
            if 'frida@example.se' in m.rcpt_tos]
        body = message.content.decode('utf-8', 'replace')
        link = re.search(r'(http://\S+/portal/bekrafta-epost\?token=\w+)',
            body.replace('=\r\n', '').replace('=3D', '='))
        self.assertTrue(link, body[:2000])
        page.goto(link.group(1))
        expect(page.get_by_role('heading', level=1)).to_contain_text(
            'bekräftad')
        self.login(page, 'frida@example.se', 'frida-secret-1')
        page.get_by_role('link', name='Mitt medlemskap').first.click()
        expect(page.locator('main')).to_contain_text('inväntar styrelsens')

    def test_anna_certificate(self):
        "Anna sees her membership and downloads the certificate PDF"
        page = self.page()
        self.login(page, 'anna@example.se')
        page.get_by_role('link', name='Mitt medlemskap').first.click()
        main = page.locator('main')
        expect(main).to_contain_text('Du är medlem')
        expect(main).to_contain_text('500,00')
        # The number comes from a sequence (gaps on PostgreSQL): the
        # page and the certificate must show the same one.
        number = main.locator(
            'xpath=.//dt[normalize-space()="Medlemsnummer"]'
            '/following-sibling::dd[1]').inner_text().strip()
        self.assertRegex(number, r'^\d{4}$')
        with page.expect_download() as download:
            page.get_by_role('link', name='Ladda ner medlemsbevis').click()
        pdf = PdfReader(download.value.path())
        text = pdf.pages[0].extract_text()
        self.assertIn('Medlemsbevis', text)
        self.assertIn('Anna Lind', text)
        self.assertIn(number, text)
        page.get_by_role('link', name='Mina fakturor').click()
        expect(page.locator('tbody tr')).to_have_count(2)
        with page.expect_download() as download:
            page.locator('tbody a').first.click()
        text = PdfReader(download.value.path()).pages[0].extract_text()
        self.assertIn('Anna Lind', text)

    def test_resign(self):
        "Bertil resigns and sees his exit date"
        page = self.page()
        self.login(page, 'bertil@example.se')
        page.goto(self.url('uttrade'))
        exit_date = page.locator('#exit-date').inner_text()
        self.assertRegex(exit_date, r'^\d{4}-12-31$')
        page.get_by_role('button', name='Säg upp medlemskapet').click()
        expect(page.locator('#e-confirm')).to_be_visible()
        page.check('#f-confirm')
        page.get_by_role('button', name='Säg upp medlemskapet').click()
        expect(page).to_have_url(self.url('medlemskap'))
        expect(page.locator('#exit-date')).to_have_text(exit_date)
        expect(page.locator('main')).to_contain_text('Uppsagd')

    def test_bank_account(self):
        "Anna changes her bank account with her password; it waits (#12)"
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.get_by_role('link', name='Mina uppgifter').first.click()
        page.get_by_role('link', name='Byt bankkonto').click()
        expect(page.locator('main')).to_contain_text('8327-9, 1234567890')
        page.fill('#f-bank_account', '9020, 123 4567')
        page.fill('#f-password', 'wrong-password')
        page.get_by_role('button', name='Byt bankkonto').click()
        expect(page.locator('#e-password')).to_contain_text('Lösenordet')
        self.assertEqual(self.axe_violations(page), [])
        page.fill('#f-password', 'demo')
        page.get_by_role('button', name='Byt bankkonto').click()
        expect(page).to_have_url(re.compile(r'/portal/uppgifter\?'))
        expect(page.locator('#bank-account')).to_have_text(
            '8327-9, 1234567890')
        expect(page.locator('#bank-account-new')).to_have_text(
            '9020, 1234567')
        page.wait_for_timeout(500)
        self.assertTrue([m for m in self.mailbox.messages
                if 'anna@example.se' in m.rcpt_tos
                and b'glomt-losenord' in m.content])

    def test_phone_width(self):
        "At 360 px no portal page scrolls sideways"
        SCREENS.mkdir(parents=True, exist_ok=True)
        page = self.page(width=360)
        for path in PUBLIC_PAGES:
            page.goto(self.url(path))
            self.assert_no_horizontal_scroll(page, path)
        self.login(page, 'anna@example.se')
        for path in MEMBER_PAGES:
            page.goto(self.url(path))
            self.assert_no_horizontal_scroll(page, path)
        page.goto(self.url('medlemskap'))
        shot = SCREENS / 'portal-medlemskap-360.png'
        page.screenshot(path=str(shot), full_page=True)
        width, = struct.unpack('>I', shot.read_bytes()[16:20])
        self.assertEqual(width, 360)

    def test_accessibility(self):
        "axe-core finds no WCAG 2.1 A/AA violations on any portal page"
        page = self.page()
        for path in PUBLIC_PAGES:
            page.goto(self.url(path))
            with self.subTest(page=path):
                self.assertEqual(self.axe_violations(page), [])
        # A form with errors.
        page.goto(self.url('logga-in'))
        page.get_by_role('button', name='Logga in').click()
        with self.subTest(page='logga-in, fel'):
            self.assertEqual(self.axe_violations(page), [])
        self.login(page, 'anna@example.se')
        for path in MEMBER_PAGES:
            page.goto(self.url(path))
            with self.subTest(page=path):
                self.assertEqual(self.axe_violations(page), [])



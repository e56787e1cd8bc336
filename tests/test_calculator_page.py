# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The public salary calculator (/portal/loneraknare) over HTTP on a real
trytond serving a copy of the demo database, and once in a 360 px
headless Chromium without JavaScript."""
import html
import re
import unittest
import urllib.error
import urllib.parse
import urllib.request

from playwright.sync_api import expect, sync_playwright

from sosolo.demo_dates import demo_dates
from trytond.modules.sosolo_sweden.rules import today as swedish_today

from .browser import launch
from .server import Server

NBSP = '\u00a0'


#: The demo database is built today: its pay run's year has tax tables
#: (Skatteverket's 2026 rows standing in for it, see sosolo.demo_payroll)
#: and the year before its first table year has none.
DATES = demo_dates(swedish_today())
PAY_DATE = DATES.pay_run.isoformat()
NO_TABLE_YEAR = DATES.tax_years[0] - 1
#: The youth reduction's window is the law's (SFS 2026:100, 1 April
#: 2026 - 30 September 2027), not the demo's; with a percentage no tax
#: table is needed.
YOUTH_PAY_DATE = '2026-05-25'

def kronor(text):
    "'28 611,00 kr' as the portal writes it (no-break spaces)."
    return text.replace(' ', NBSP)


class CalculatorPageTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = Server('sosolo_calculator').start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def url(self, **query):
        url = f'{self.server.url}/{self.server.name}/portal/loneraknare'
        if query:
            url += '?' + urllib.parse.urlencode(query)
        return url

    def get(self, **query):
        "(status, body) of the page, without any cookie: a visitor."
        try:
            with urllib.request.urlopen(self.url(**query)) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def standard_plan(self):
        status, body = self.get()
        self.assertEqual(status, 200)
        plan, = re.findall(r'<option value="(\d+)" selected>'
            r'Standard \(6 %\)</option>', body)
        return plan

    def cells(self, body):
        "The result table: {row heading, spaces as spaces: amount}."
        rows = re.findall(
            r'<th scope="row">(.*?)</th>\s*<td class="num">(.*?)</td>',
            body, re.S)
        return {re.sub(r'\s+', ' ', re.sub('<[^>]+>', '', h)).strip():
            html.unescape(re.sub('<[^>]+>', '', v)) for h, v in rows}

    def test_form_for_visitors(self):
        "a visitor gets the form, Swedish, with no result yet"
        status, body = self.get()
        self.assertEqual(status, 200)
        self.assertIn('<h1>Löneräknare</h1>', body)
        self.assertIn('<html lang="sv"', body)
        self.assertNotIn('Så blir lönen', body)
        self.assertNotIn('logga-ut', body)

    def test_linked_from_login(self):
        "a visitor finds the calculator from the login page"
        url = f'{self.server.url}/{self.server.name}/portal/logga-in'
        with urllib.request.urlopen(url) as response:
            body = response.read().decode()
        self.assertIn('href="/%s/portal/loneraknare"' % self.server.name,
            body)

    def test_frilans_finans_example(self):
        """Frilans Finans' published example, 40,000 kr at 6 %, with
        Skatteverket's 2026 table 33 column 1 (in the demo, for the year
        of its pay run)"""
        status, body = self.get(amount='40 000', plan=self.standard_plan(),
            birth_year='1985', pay_date=PAY_DATE, tax='table',
            table='33', column='1')
        self.assertEqual(status, 200, body)
        self.assertEqual(self.cells(body), {
                'Fakturerat exklusive moms': kronor('40 000,00 kr'),
                'Föreningens avgift 6 %': kronor('−2 400,00 kr'),
                'Kvar till lön och avgifter': kronor('37 600,00 kr'),
                'Arbetsgivaravgifter 31,42 %': kronor('−8 989,00 kr'),
                'Bruttolön inklusive semesterersättning':
                    kronor('28 611,00 kr'),
                # 28,611 x 12 / 112 = 3,065.46, rounded up (16 b §, #11)
                'varav semesterersättning 12 %': kronor('3 066,00 kr'),
                'Skatt': kronor('−5 577,00 kr'),
                'Nettolön': kronor('23 034,00 kr'),
                })

    def test_youth_rate_percent(self):
        "born 2005: 20.81 % up to 25,000 kr a month, 30 % tax"
        status, body = self.get(amount='40000', plan=self.standard_plan(),
            birth_year='2005', pay_date=YOUTH_PAY_DATE, tax='percent',
            percent='30')
        self.assertEqual(status, 200, body)
        cells = self.cells(body)
        self.assertEqual(cells[
                'Arbetsgivaravgifter 20,81 % upp till 25 000,00 kr i '
                'månaden, sedan 31,42 %'], kronor('−6 971,00 kr'))
        self.assertEqual(cells['Skatt'], kronor('−9 188,00 kr'))
        self.assertEqual(cells['Nettolön'], kronor('21 441,00 kr'))

    def test_bad_input(self):
        "bad input: 400, a Swedish error beside each field, input kept"
        status, body = self.get(amount='mycket', plan='0',
            birth_year='85', pay_date=PAY_DATE, tax='percent',
            percent='130')
        self.assertEqual(status, 400)
        self.assertIn('Beräkningen är inte gjord', body)
        for name, text in [
                ('amount', 'Ange det fakturerade beloppet exklusive moms'),
                ('plan', 'Välj en av avgiftsplanerna.'),
                ('birth_year', 'Ange födelseåret med fyra siffror'),
                ('percent', 'Ange en procentsats från 0 till 100'),
                ]:
            with self.subTest(field=name):
                self.assertRegex(body,
                    f'<p class="error" id="e-{name}">{text}')
        self.assertIn('value="mycket"', body)
        self.assertNotIn('Så blir lönen', body)

    def test_no_tax_table_for_the_year(self):
        "a year without tax tables: the payroll's message, no result"
        status, body = self.get(amount='40000', plan=self.standard_plan(),
            birth_year='1985', pay_date=f'{NO_TABLE_YEAR}-05-25',
            tax='table', table='33', column='1')
        self.assertEqual(status, 400)
        self.assertIn(
            f'Skattetabell 33 kolumn 1 för {NO_TABLE_YEAR} har ingen rad',
            body)

    def test_phone_without_javascript(self):
        "on a 360 px phone without JavaScript, nothing scrolls sideways"
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                context = browser.new_context(
                    viewport={'width': 360, 'height': 740},
                    java_script_enabled=False, locale='sv-SE')
                page = context.new_page()
                page.goto(self.url())
                page.fill('#f-amount', '40000')
                page.fill('#f-birth_year', '1985')
                page.fill('#f-pay_date', PAY_DATE)
                page.check('#tax-table')
                page.fill('#f-table', '33')
                page.get_by_role('button', name='Räkna ut lönen').click()
                expect(page.get_by_role('heading', level=2)).to_have_text(
                    'Så blir lönen')
                expect(page.locator('table')).to_contain_text(
                    kronor('23 034,00 kr'))
                for selector in ['form', 'table', '#f-amount']:
                    box = page.locator(selector).bounding_box()
                    self.assertLessEqual(box['x'] + box['width'], 360,
                        selector)
            finally:
                browser.close()

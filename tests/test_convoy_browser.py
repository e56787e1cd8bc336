# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The member's business in the portal, in headless Chromium on the demo
database: Anna has a plan, a paid assignment (so a balance), a draft
assignment, an expense and a payslip; Bertil is another member.
"""
import re

from playwright.sync_api import expect

from sosolo.demo_dates import demo_dates
from trytond.modules.sosolo_sweden.rules import today as swedish_today

from .test_portal_browser import PortalBrowserCase

#: The dates of the demo database, built today.
DATES = demo_dates(swedish_today())

PAGES = ['uppdrag', 'uppdrag/nytt', 'kundfakturor', 'konto', 'konto/uttag',
    'utlagg', 'utlagg/nytt', 'utlagg/mil', 'utlagg/traktamente', 'lonebesked']
RECORD = re.compile(r'/portal/[a-z/]+/\d+')


class ConvoyBrowserTest(PortalBrowserCase):
    server_name = 'sosolo_convoy'

    def test_anna_submits_assignment(self):
        "Anna creates an assignment for a new customer and submits it"
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.get_by_role('link', name='Mina uppdrag').first.click()
        page.get_by_role('link', name='Nytt uppdrag').click()
        page.check('#customer-new')
        page.fill('#f-customer_name', 'Sorsele Skoter & Fiske AB')
        page.fill('#f-customer_orgnr', '556912-3458')
        page.fill('#f-customer_email', 'info@skoterfiske.example')
        page.fill('#f-customer_street', 'Vindelvägen 2')
        page.fill('#f-customer_postal_code', '924 31')
        page.fill('#f-customer_city', 'Sorsele')
        page.fill('#f-description', 'Ny brygga vid sjön')
        page.fill('#f-start_date', DATES.draft_start.isoformat())
        page.fill('#f-end_date', DATES.draft_end.isoformat())
        page.fill('#f-line-0-description', 'Snickeriarbete')
        page.fill('#f-line-0-quantity', '12,5')
        page.fill('#f-line-0-unit_price', '600')
        page.get_by_role('button', name='Skicka in').click()
        # A wrong check digit: the error beside the field, input kept.
        expect(page.locator('#e-customer_orgnr')).to_be_visible()
        expect(page.locator('#f-line-0-quantity')).to_have_value('12,5')
        self.assertEqual(self.axe_violations(page), [])
        self.assert_no_horizontal_scroll(page, 'uppdrag/nytt')
        page.fill('#f-customer_orgnr', '556912-3457')
        page.get_by_role('button', name='Skicka in').click()
        expect(page.locator('#state')).to_contain_text('Inskickat')
        main = page.locator('main')
        expect(main).to_contain_text('7\u00a0500,00\u00a0kr')
        expect(main).to_contain_text('9\u00a0375,00\u00a0kr')
        page.get_by_role('link', name='Tillbaka till mina uppdrag').click()
        expect(main).to_contain_text('Ny brygga vid sjön')

    def test_anna_uses_calculator(self):
        "Anna opens the calculator from her menu: 40,000 kr gives 28,611"
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.get_by_role('link', name='Löneräknare').first.click()
        page.fill('#f-amount', '40000')
        page.fill('#f-birth_year', '1985')
        page.fill('#f-pay_date', DATES.pay_run.isoformat())
        page.check('#tax-percent')
        page.fill('#f-percent', '30')
        page.get_by_role('button', name='Räkna ut lönen').click()
        table = page.locator('table')
        # Frilans Finans' published example (40,000 kr, fee 6 %), then
        # 30 % tax on 28,611 kr in whole kronor.
        for amount in ['2\u00a0400,00', '37\u00a0600,00', '28\u00a0611,00',
                '8\u00a0989,00', '8\u00a0583,00', '20\u00a0028,00']:
            expect(table).to_contain_text(amount)

    def test_anna_payout_too_large(self):
        "A payout larger than what Anna has is refused beside the field"
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.goto(self.url('konto'))
        available = page.locator('#available').inner_text()
        self.assertNotEqual(available, '0,00\u00a0kr')
        page.get_by_role('link', name='Begär löneuttag').click()
        page.fill('#f-amount', '1000000')
        page.get_by_role('button', name='Begär uttag').click()
        error = page.locator('#e-amount')
        expect(error).to_be_visible()
        self.assertRegex(error.inner_text(), r'[åäö]')
        # Amounts the Swedish way, not as raw numbers.
        self.assertRegex(error.inner_text(), r'1\s000\s000,00')
        expect(page.locator('#f-amount')).to_have_value('1000000')
        expect(page.locator('#available')).to_have_text(available)
        # Nothing was requested: the one payout is the demo's advance,
        # paid out (demo_convoy).
        expect(page.locator('main tbody tr')).to_have_count(1)
        expect(page.locator('main tbody tr')).to_contain_text('Utbetalt')

    def test_pages_fit_phone_and_axe(self):
        "At 360 px no page scrolls sideways; axe finds no violations"
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        for path in PAGES:
            page.goto(self.url(path))
            with self.subTest(page=path):
                self.assert_no_horizontal_scroll(page, path)
                self.assertEqual(self.axe_violations(page), [])

    def test_anna_tracker_and_certificate(self):
        """Anna follows her paid assignment's money in the tracker and
        opens her arbetsgivarintyg at 360 px; Bertil gets 404 on both of
        hers (#16)"""
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.goto(self.url('uppdrag'))
        page.get_by_role('link', name='Inredning av kaféet').click()
        steps = page.locator('ol.steps')
        expect(steps).to_contain_text('Klart: uppdraget godkänt')
        expect(steps).to_contain_text('Klart: kunden betalar')
        tracker = page.url
        self.assert_no_horizontal_scroll(page, 'uppdrag/N')
        self.assertEqual(self.axe_violations(page), [])
        page.get_by_role('link', name='Arbetsgivarintyg').first.click()
        main = page.locator('main')
        expect(main).to_contain_text('Inredning av kaféet')
        expect(main).to_contain_text(f'{DATES.pay_run:%Y-%m}')
        self.assert_no_horizontal_scroll(page, 'arbetsgivarintyg')
        self.assertEqual(self.axe_violations(page), [])
        pdf = page.get_by_role('link', name='Hämta arbetsgivarintyget')
        certificate = pdf.get_attribute('href')
        self.assertRegex(certificate, r'/arbetsgivarintyg/\d+\.pdf$')
        response = page.request.get(self.server.url + certificate)
        self.assertEqual(response.status, 200)
        self.assertEqual(response.headers['content-type'], 'application/pdf')
        bertil = self.page()
        self.login(bertil, 'bertil@example.se')
        for link in [self.server.url + certificate, tracker]:
            with self.subTest(link=link):
                self.assertEqual(bertil.request.get(link).status, 404)

    def anna_record_links(self):
        "Every link to one of Anna's records on her pages."
        page = self.page()
        self.login(page, 'anna@example.se')
        links = set()
        for path in PAGES:
            page.goto(self.url(path))
            hrefs = page.eval_on_selector_all(
                'main a', 'links => links.map(a => a.href)')
            links.update(h for h in hrefs if RECORD.search(h))
        for path in list(links):
            if re.search(r'/uppdrag/\d+$', path):
                page.goto(path)
                hrefs = page.eval_on_selector_all(
                    'main a', 'links => links.map(a => a.href)')
                links.update(h for h in hrefs if RECORD.search(h))
        return links

    def test_bertil_gets_404(self):
        "Bertil gets 404 for Anna's assignments, invoices, expenses, payslips"
        links = self.anna_record_links()
        kinds = {re.search(r'/portal/([a-z]+)/', l).group(1) for l in links}
        self.assertEqual(kinds,
            {'uppdrag', 'kundfakturor', 'utlagg', 'lonebesked'})
        page = self.page()
        self.login(page, 'bertil@example.se')
        for link in sorted(links):
            with self.subTest(link=link):
                self.assertEqual(page.request.get(link).status, 404)
        # Posting to Anna's draft, with Bertil's own CSRF token.
        page.goto(self.url('uppdrag/nytt'))
        token = page.locator('input[name=csrf_token]').first.get_attribute(
            'value')
        drafts = [l for l in links if re.search(r'/uppdrag/\d+$', l)]
        self.assertTrue(drafts)
        for link in drafts:
            response = page.request.post(link, form={
                    'csrf_token': token, 'action': 'submit',
                    'description': 'Bertils'})
            self.assertEqual(response.status, 404, link)
        # Bertil's own pages show nothing of Anna's.
        for path in ['uppdrag', 'kundfakturor', 'konto', 'utlagg']:
            page.goto(self.url(path))
            self.assertNotIn('Anna', page.locator('main').inner_text())

    def test_payout_withdrawn(self):
        """Anna withdraws a payout request; Bertil cannot, not even with
        his own CSRF token (runs after the tests that expect no payout)"""
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.goto(self.url('konto/uttag'))
        page.fill('#f-amount', '100')
        page.get_by_role('button', name='Begär uttag').click()
        page.goto(self.url('konto/uttag'))
        # The new request, above the demo's advance paid out.
        rows = page.locator('main tbody tr')
        expect(rows).to_have_count(2)
        row = rows.first
        expect(row).to_contain_text('Begärt')
        form = row.locator('form')
        action = form.get_attribute('action')
        self.assertRegex(action, r'/portal/konto/uttag/\d+/avbryt$')

        bertil = self.page()
        self.login(bertil, 'bertil@example.se')
        bertil.goto(self.url('konto/uttag'))
        token = bertil.locator('input[name=csrf_token]').first.get_attribute(
            'value')
        response = bertil.request.post(self.server.url + action,
            form={'csrf_token': token})
        self.assertEqual(response.status, 404)
        page.reload()
        expect(row).to_contain_text('Begärt')

        row.get_by_role('button', name='Avbryt').click()
        expect(page.locator('.message')).to_have_text(
            'Ditt uttag är avbrutet.')
        expect(row).to_contain_text('Avbrutet')
        expect(row.locator('form')).to_have_count(0)
        self.assertEqual(self.axe_violations(page), [])
        # Once withdrawn it cannot be withdrawn again.
        token = page.locator('input[name=csrf_token]').first.get_attribute(
            'value')
        response = page.request.post(self.server.url + action,
            form={'csrf_token': token})
        self.assertEqual(response.status, 409)

    def test_anna_claims_mileage_and_per_diem(self):
        """Anna claims a trip by her own car and a per diem from the
        portal; each is priced at Skatteverket's rate of its year (2025:
        25 kr/mil, 290 kr a whole day; allowance_data.xml cites them)"""
        page = self.page(width=360)
        self.login(page, 'anna@example.se')
        page.goto(self.url('utlagg'))
        page.get_by_role('link', name='Milersättning för egen bil').click()
        page.fill('#f-date', '2025-11-10')
        page.fill('#f-purpose', 'Sorsele–Lycksele, kundmöte')
        page.fill('#f-quantity', '12,25')
        page.get_by_role('button', name='Skicka resan').click()
        expect(page.locator('#e-quantity')).to_have_text(
            'Skriv sträckan i kilometer, till exempel 42 eller 42,5.')
        self.assertEqual(self.axe_violations(page), [])
        page.fill('#f-quantity', '164')
        page.get_by_role('button', name='Skicka resan').click()
        card = page.locator('li.card', has_text='Sorsele–Lycksele')
        # 164 km at 2.50 kr/km.
        expect(card).to_contain_text('410,00')
        expect(card).to_contain_text('Milersättning')
        expect(card).to_contain_text('Inskickat')

        page.get_by_role('link', name='traktamente').click()
        page.fill('#f-date', '2025-11-11')
        page.fill('#f-purpose', 'Mässa i Umeå')
        page.fill('#f-quantity', '1,3')
        page.get_by_role('button', name='Skicka resan').click()
        expect(page.locator('#e-quantity')).to_contain_text('halva dagar')
        page.fill('#f-quantity', '1,5')
        page.get_by_role('button', name='Skicka resan').click()
        card = page.locator('li.card', has_text='Mässa i Umeå')
        # One and a half days at 290 kr a whole day.
        expect(card).to_contain_text('435,00')
        expect(card).to_contain_text('Traktamente')

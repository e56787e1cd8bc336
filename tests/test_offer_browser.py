# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A customer answers Bertil's demo offer on a phone, in headless
Chromium on the demo database (issue #13): no login, the PDF, the
consent; once answered, the link answers 409."""
from playwright.sync_api import expect

from sosolo.demo_templates import OFFER_TOKEN

from .test_portal_browser import PortalBrowserCase


class OfferBrowserTest(PortalBrowserCase):
    server_name = 'sosolo_offer'

    def test_customer_accepts_on_phone(self):
        "the customer accepts on a 360 px phone, axe clean; then 409"
        page = self.page(width=360)
        path = f'offert/{OFFER_TOKEN}'
        page.goto(self.url(path))
        expect(page.get_by_role('heading', level=1)).to_contain_text(
            'Offert från')
        self.assertEqual(self.axe_violations(page), [])
        self.assert_no_horizontal_scroll(page, path)
        pdf = page.request.get(self.url(f'{path}/offert.pdf'))
        self.assertEqual((pdf.status, pdf.headers['content-type']),
            (200, 'application/pdf'))

        # Without the consent: the error beside the box, what was typed kept.
        page.fill('#f-name', 'Sara Lund')
        page.fill('#f-email', 'sara@fjallturism.example')
        page.get_by_role('button', name='Anta offerten').click()
        expect(page.locator('#e-consent')).to_be_visible()
        expect(page.locator('#f-name')).to_have_value('Sara Lund')
        self.assertEqual(self.axe_violations(page), [])
        self.assert_no_horizontal_scroll(page, path)

        page.check('#f-consent')
        page.get_by_role('button', name='Anta offerten').click()
        expect(page.get_by_role('heading', level=1)).to_have_text(
            'Tack för ditt svar')
        expect(page.locator('main')).to_contain_text(
            'Du har antagit offerten')
        self.assertEqual(self.axe_violations(page), [])

        response = page.goto(self.url(path))
        self.assertEqual(response.status, 409)
        expect(page.get_by_role('heading', level=1)).to_have_text(
            'Offerten är redan besvarad')
        self.assertEqual(page.request.get(
                self.url(f'{path}/offert.pdf')).status, 409)

        # Bertil sees it accepted among his documents.
        self.login(page, 'bertil@example.se')
        page.goto(self.url('dokument'))
        expect(page.locator('main')).to_contain_text('Offert: antagen')

    def test_verify_page_on_phone(self):
        "the public page verifiera fits a 360 px phone, axe clean"
        page = self.page(width=360)
        page.goto(self.url('logga-in'))
        page.get_by_role('link', name='Kontrollera ett dokument').click()
        expect(page.get_by_role('heading', level=1)).to_have_text(
            'Kontrollera ett dokument')
        self.assertEqual(self.axe_violations(page), [])
        self.assert_no_horizontal_scroll(page, 'verifiera')
        # Nothing chosen: the error beside the field.
        page.get_by_role('button', name='Kontrollera').click()
        expect(page.locator('#e-file')).to_have_text('Välj en PDF-fil.')
        self.assertEqual(self.axe_violations(page), [])

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The arbetsgivarintyg's portal pages and the tracker's opt-out, through
werkzeug's test client: Anna's certificate is hers only (#16, #12)."""
import re
from unittest.mock import patch

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_membership.tests.test_routes import (
    PASSWORD,
    active_member,
)
from trytond.modules.sosolo_portal.portal import own
from trytond.modules.sosolo_portal.tests.tools import PortalRouteTestCase, csrf
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool

from .test_end_to_end import configure
from .test_module import pdf_text
from .test_routes import annas_records

SEND = ('trytond.modules.sosolo_portal.mail.'
    'send_message_transactional')


class CertificateRouteTestCase(PortalRouteTestCase):
    "Test the certificate pages of the portal"
    module = 'sosolo_convoy'
    password = PASSWORD

    @classmethod
    def setUpData(cls):
        setup_books(configure)

        def members():
            Employee = Pool().get('sosolo.payroll.employee')
            company = books()
            with set_company(company):
                for name, email in [("Anna Lind", 'anna@example.se'),
                        ("Bertil Nilsson", 'bertil@example.se')]:
                    active_member(company, name, email)
                annas_records()
                employee, = Employee.search([('party.name', '=', "Anna Lind")])
                return employee.id
        cls.employee = committed(members)

    def tracker_email_off(self):
        def read():
            Member = Pool().get('sosolo.member')
            member, = Member.search([('party.name', '=', "Anna Lind")])
            return member.tracker_email_off
        return committed(read)

    def test_annas_certificate(self):
        """Anna's page lists her assignment and the AGI pay of November;
        the PDF carries them; the button e-mails it to her address"""
        anna = self.logged_in('anna@example.se')
        page = anna.get(self.url('arbetsgivarintyg'))
        self.assertEqual(page.status_code, 200)
        text = page.get_data(as_text=True)
        self.assertIn(f'arbetsgivarintyg/{self.employee}.pdf', text)
        self.assertIn("Annas faktura", text)
        self.assertRegex(text,
            r'2026-11</td>\s*<td class="num">1\xa0120,00')
        pdf = anna.get(self.url(f'arbetsgivarintyg/{self.employee}.pdf'))
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.content_type, 'application/pdf')
        content = ' '.join(pdf_text(pdf.data).split())
        self.assertIn("Anna Lind", content)
        self.assertIn("Annas faktura", content)
        path = f'arbetsgivarintyg/{self.employee}/skicka'
        with patch(SEND) as send:
            response = anna.post(self.url(path), data={
                    'csrf_token': csrf(anna, self.url('arbetsgivarintyg'))})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(send.call_args[0][0]['To'], 'anna@example.se')
        page = anna.get(response.headers['Location']).get_data(as_text=True)
        # The notice; its Swedish is the translation test's to check.
        self.assertIn('<p class="message" role="status">', page)

    def assert_404(self, client):
        token = csrf(client, self.url('arbetsgivarintyg'))
        for method, path in [
                ('GET', f'arbetsgivarintyg/{self.employee}.pdf'),
                ('POST', f'arbetsgivarintyg/{self.employee}/skicka')]:
            with self.subTest(method=method, path=path), \
                    patch(SEND) as send:
                response = client.open(self.url(path), method=method,
                    data={'csrf_token': token})
                self.assertEqual(response.status_code, 404)
                send.assert_not_called()

    def test_bertil_gets_404(self):
        "Anna's certificate through Bertil's session answers 404"
        bertil = self.logged_in('bertil@example.se')
        self.assert_404(bertil)
        page = bertil.get(self.url('arbetsgivarintyg'))
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Annas", page.get_data(as_text=True))

    def test_bertil_gets_404_without_route_check(self):
        """With the route's own check removed, the record rules still
        answer 404 for Anna's certificate"""
        bertil = self.logged_in('bertil@example.se')
        with patch('trytond.modules.sosolo_convoy.certificate_routes.'
                '_employee', lambda pool, user, employee_id: own(
                    pool.get('sosolo.payroll.employee'), employee_id)):
            self.assert_404(bertil)

    def test_tracker_opt_out(self):
        "Anna turns the tracker's e-mails off and on again"
        anna = self.logged_in('anna@example.se')
        for data, off in [({}, True), ({'wanted': 'yes'}, False)]:
            with self.subTest(off=off):
                response = anna.post(self.url('uppdrag/epost'), data={
                        'csrf_token': csrf(anna, self.url('uppdrag')),
                        **data})
                self.assertEqual(response.status_code, 303)
                self.assertEqual(self.tracker_email_off(), off)
                page = anna.get(response.headers['Location'])
                box = re.search(r'<input id="f-wanted"[^>]*>',
                    page.get_data(as_text=True)).group(0)
                self.assertEqual('checked' in box, not off)


del PortalRouteTestCase

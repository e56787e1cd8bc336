# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The portal's list of open tenders and the weekly e-mail's opt-out,
through werkzeug's test client."""
import datetime as dt
from unittest.mock import patch

from trytond.modules.sosolo_membership.tests.test_routes import (
    PASSWORD,
    active_member,
    configure_membership,
)
from trytond.modules.sosolo_portal.tests.tools import PortalRouteTestCase, csrf
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool

from .tender_tools import CPV_SUBSET, fixture, generated_notice


class TenderRouteTestCase(PortalRouteTestCase):
    "Test the tenders page of the portal"
    module = 'sosolo_community'
    password = PASSWORD

    @classmethod
    def setUpData(cls):
        setup_books(configure_membership)

        def data():
            pool = Pool()
            Cpv = pool.get('sosolo.community.cpv')
            Interest = pool.get('sosolo.community.interest')
            Tender = pool.get('sosolo.community.tender')
            company = books()
            anna = active_member(company, "Anna Lind", 'anna@example.se')
            active_member(company, "Bertil Nilsson", 'bertil@example.se')
            Cpv.import_file('cpv.gc', CPV_SUBSET.read_bytes())
            nursing, = Cpv.search([('code', '=', '79624000')])
            Interest.create([{'member': anna.id, 'cpv': nursing.id,
                        'level': 'class', 'municipalities': ['2481']}])
            Tender.import_files([
                    # Open, in January 2027, nothing for Anna.
                    ('early.xml', generated_notice(lots=2,
                            cpvs=('45000000',), publication='1-2027')),
                    # Open, in February 2027, lot 1 is nursing.
                    ('late.xml', generated_notice(lots=2,
                            cpvs=('80110000', '79624000'), month=2,
                            publication='2-2027')),
                    # Closed in 2021.
                    fixture('ted-converted/21-364236-001-EXP.xml'),
                    ])
            # This module's sv.po loads once sv exists, as `sosolo init`
            # does it.
            Lang = pool.get('ir.lang')
            Lang.load_translations(Lang.search([('code', '=', 'sv')]))
        committed(data, user=0)

    def test_matching_first(self):
        "Anna sees the open tenders, the one matching her first"
        response = self.logged_in('anna@example.se').get(
            self.url('upphandlingar'))
        self.assertEqual(response.status_code, 200)
        html = response.get_data(as_text=True)
        self.assertIn("<h1>Upphandlingar</h1>", html)
        self.assertEqual(html.count('<section'), 2)
        self.assertLess(html.index('2-2027'), html.index('1-2027'))
        self.assertEqual(html.count("(passar dig)"), 1)
        # Lot 1 of 2-2027: 2027-02-02 12:00 +01:00, shown in the
        # company's time zone, which the test company leaves to UTC.
        self.assertIn("2027-02-02 kl. 11.00", html)
        self.assertIn("2027-01-03 kl. 11.00", html)
        self.assertIn('aria-current="page">Upphandlingar<', html)
        self.assertNotIn('352907-2021', html)

    def test_no_interests(self):
        "Bertil, with no interests, sees them by deadline, none matching"
        response = self.logged_in('bertil@example.se').get(
            self.url('upphandlingar'))
        self.assertEqual(response.status_code, 200)
        html = response.get_data(as_text=True)
        self.assertLess(html.index('1-2027'), html.index('2-2027'))
        self.assertNotIn("passar dig", html)

    def test_login_needed(self):
        "Without a session the page sends to the login"
        response = self.client().get(self.url('upphandlingar'))
        self.assertEqual(response.status_code, 303)
        self.assertIn('logga-in', response.headers['Location'])

    def send_digests(self):
        "Send the weekly e-mails an hour after the import: the messages."
        def send():
            pool = Pool()
            Interest = pool.get('sosolo.community.interest')
            Tender = pool.get('sosolo.community.tender')
            now = max(t.create_date for t in Tender.search([])) \
                + dt.timedelta(hours=1)
            with patch('trytond.modules.sosolo_portal.mail.'
                    'send_message_transactional') as send:
                Interest.send_digests(now)
            return [c.args[0] for c in send.call_args_list]
        return committed(send)

    def set_digest(self, client, value):
        page = self.url('upphandlingar')
        response = client.post(self.url('upphandlingar/veckobrev'), data={
                'csrf_token': csrf(client, page), 'digest': value})
        self.assertEqual(response.status_code, 303)
        return client.get(page).get_data(as_text=True)

    def test_digest(self):
        "Anna gets the week's matching tenders by e-mail, until she opts out"
        msg, = self.send_digests()
        self.assertEqual(msg['To'], 'anna@example.se')
        self.assertIn("1", msg['Subject'])
        body = msg.get_content()
        self.assertIn("Anna Lind", body)
        self.assertIn("(2-2027)", body)
        self.assertIn("Delkontrakt 1: 2027-02-02 kl. 11.00", body)
        self.assertNotIn("1-2027", body)
        client = self.logged_in('anna@example.se')
        html = self.set_digest(client, 'off')
        self.assertIn("Du får inget veckobrev", html)
        self.assertEqual(self.send_digests(), [])
        html = self.set_digest(client, 'on')
        self.assertIn("Sluta skicka", html)
        self.assertEqual(len(self.send_digests()), 1)

    def test_digest_bad_value(self):
        "Only on and off are understood"
        client = self.logged_in('anna@example.se')
        response = client.post(self.url('upphandlingar/veckobrev'), data={
                'csrf_token': csrf(client, self.url('upphandlingar')),
                'digest': 'maybe'})
        self.assertEqual(response.status_code, 400)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Consortia in the portal, as the restricted portal user (#15, item 4)."""
from trytond.model.exceptions import AccessError
from trytond.modules.sosolo_membership.tests.test_routes import (
    PASSWORD,
    configure_membership,
)
from trytond.modules.sosolo_portal.tests.tools import (
    PortalRouteTestCase,
    as_portal,
    csrf,
)
from trytond.modules.sosolo_sweden.tests.books import setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool

from .test_consortium import tender
from .test_routes import profiles


def data():
    "The directory's members and a tender of Lycksele kommun."
    ids = profiles()
    notice = tender()
    ids['tender'], ids['lot'] = notice.id, notice.lots[0].id
    return ids


class ConsortiumRouteTestCase(PortalRouteTestCase):
    "Test the consortia pages of the portal"
    module = 'sosolo_community'
    password = PASSWORD

    @classmethod
    def setUpData(cls):
        setup_books(configure_membership)
        cls.ids = committed(data)

    def setUp(self):
        super().setUp()

        def clear():
            "Each test starts with no consortia: the database is shared."
            Consortium = Pool().get('sosolo.community.consortium')
            Consortium.delete(Consortium.search([]))
        committed(clear)

    def register(self, client):
        "Register interest in the lot from the tenders page: the response."
        return client.post(
            self.url(f'upphandlingar/{self.ids["tender"]}/intresse'),
            data={'csrf_token': csrf(client, self.url('upphandlingar')),
                'lot': str(self.ids['lot'])})

    def consortium_of(self, key):
        def find():
            Consortium = Pool().get('sosolo.community.consortium')
            return Consortium.search([('lead', '=', self.ids[key])],
                order=[('id', 'DESC')], limit=1)[0].id
        return committed(find, commit=False)

    def add(self, client, consortium_id, profile_id):
        return client.post(self.url(f'konsortier/{consortium_id}/medlem'),
            data={'csrf_token': csrf(client, self.url('konsortier')),
                'profile': str(profile_id)})

    def test_register_and_add(self):
        """Anna registers interest in the lot and leads; she adds Bertil,
        who then sees the consortium too"""
        anna = self.logged_in('anna@example.se')
        page = anna.get(self.url('upphandlingar')).get_data(as_text=True)
        self.assertIn("Anmäl intresse för Centrum", page)
        response = self.register(anna)
        self.assertEqual(response.status_code, 303)
        page = anna.get(response.headers['Location']).get_data(as_text=True)
        self.assertIn("Ditt intresse är registrerat", page)
        self.assertIn("Snöröjning: Centrum", page)
        self.assertIn("<dd>Intresse</dd>", page)
        self.assertIn("<dd>Anna Lind</dd>", page)
        self.assertIn("Bertil Nilsson AB", page)  # to choose
        self.assertNotIn("Cilla", page)  # unlisted

        bertil = self.logged_in('bertil@example.se')
        page = bertil.get(self.url('konsortier')).get_data(as_text=True)
        self.assertIn("Du är inte med i något konsortium", page)
        consortium_id = self.consortium_of('anna')
        response = self.add(anna, consortium_id, self.ids['bertil_profile'])
        self.assertEqual(response.status_code, 303)
        page = bertil.get(self.url('konsortier')).get_data(as_text=True)
        self.assertIn("Snöröjning: Centrum", page)
        self.assertIn("<td>Bertil Nilsson</td>", page)
        self.assertNotIn("Lägg till en medlem", page)  # not the lead

    def test_other_consortium_404(self):
        """Bertil adding to Anna's consortium is answered 404, whether
        he is in it or not"""
        anna = self.logged_in('anna@example.se')
        self.register(anna)
        consortium_id = self.consortium_of('anna')
        bertil = self.logged_in('bertil@example.se')
        response = self.add(bertil, consortium_id, self.ids['bertil_profile'])
        self.assertEqual(response.status_code, 404)
        self.add(anna, consortium_id, self.ids['bertil_profile'])
        response = self.add(bertil, consortium_id, self.ids['anna_profile'])
        self.assertEqual(response.status_code, 404)

    def test_unlisted_member_404(self):
        "Anna cannot add Cilla, who is not listed: 404"
        anna = self.logged_in('anna@example.se')
        self.register(anna)
        response = self.add(anna, self.consortium_of('anna'),
            self.ids['cilla_profile'])
        self.assertEqual(response.status_code, 404)

    def test_rules_as_portal(self):
        "As Bertil: Anna's consortium and its shares are not readable"
        self.register(self.logged_in('anna@example.se'))
        consortium_id = self.consortium_of('anna')

        def work():
            pool = Pool()
            Consortium = pool.get('sosolo.community.consortium')
            Share = pool.get('sosolo.community.consortium.share')
            WebUser = pool.get('web.user')
            bertil, = WebUser.search([('email', '=', 'bertil@example.se')])
            anna, = WebUser.search([('email', '=', 'anna@example.se')])
            with as_portal(bertil):
                self.assertEqual(Consortium.search([]), [])
                self.assertEqual(Share.search([]), [])
                with self.assertRaises(AccessError):
                    Consortium.read([consortium_id], ['notes'])
            with as_portal(anna):
                self.assertEqual([c.id for c in Consortium.search([])],
                    [consortium_id])
        committed(work, commit=False)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The directory and the shared resources in the portal, as the
restricted portal user (#15)."""
import io
from unittest.mock import patch

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_community import routes
from trytond.modules.sosolo_membership.tests.test_routes import (
    PASSWORD,
    active_member,
    configure_membership,
)
from trytond.modules.sosolo_portal.tests.tools import (
    PortalRouteTestCase,
    as_portal,
    csrf,
)
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool

from .tools import at, resource

#: The smallest files the photo checks take (by their first bytes).
PNG = b'\x89PNG\r\n\x1a\n' + b'\0' * 64
JPEG = b'\xff\xd8\xff\xe0' + b'\0' * 64
BERTIL_PHONE = '070-123 45 67'
BERTIL_EMAIL = 'bertil@snickeri.example'
CILLA_PHONE = '070-999 88 77'


def profiles():
    "Anna, Bertil (listed, phone unpublished) and Cilla (unlisted)."
    pool = Pool()
    Profile = pool.get('sosolo.community.profile')
    company = books()
    ids = {}
    for key, name, email, values in [
            ('anna', "Anna Lind", 'anna@example.se', {
                    'listing': 'cooperative', 'skills': "Redovisning",
                    'municipality': '2481'}),
            ('bertil', "Bertil Nilsson", 'bertil@example.se', {
                    'listing': 'public',
                    'skills': "Snickeri, Takläggning",
                    'services': "Bygger altaner och friggebodar.",
                    'municipality': '2481',
                    'municipalities': ['2421', '2462'],
                    'contacts': [('create', [
                                {'kind': 'phone', 'value': BERTIL_PHONE,
                                    'published': False},
                                {'kind': 'email', 'value': BERTIL_EMAIL,
                                    'published': True}])]}),
            ('cilla', "Cilla Berg", 'cilla@example.se', {
                    'listing': 'unlisted', 'skills': "Snickeri",
                    'municipality': '2481',
                    'contacts': [('create', [
                                {'kind': 'phone', 'value': CILLA_PHONE,
                                    'published': True}])]}),
            ]:
        member = active_member(company, name, email)
        profile, = Profile.create([{'member': member.id,
                    'name': f"{name} AB", **values}])
        ids[key] = member.id
        ids[f'{key}_profile'] = profile.id
    # Erik listed himself publicly, then left the cooperative.
    Member = pool.get('sosolo.member')
    erik = active_member(company, "Erik Ek", 'erik.ek@example.se')
    Profile.create([{'member': erik.id, 'name': "Erik Ek AB",
                'listing': 'public', 'skills': "Snickeri",
                'municipality': '2481'}])
    Member.write([erik], {'state': 'left'})
    with set_company(company):
        ids['trailer'] = resource(company, municipality='2481').id
    Deal = pool.get('sosolo.community.deal')
    Party = pool.get('party.party')
    provider, = Party.create([{'name': "Norrlandsbanken"}])
    deal, = Deal.create([{'company': company.id, 'name': "Företagskonto",
                'kind': 'bank', 'provider': provider.id,
                'members_needed': 2, 'shared_data': ['name', 'email']}])
    Deal.join(deal, pool.get('sosolo.member')(ids['bertil']))
    ids['deal'] = deal.id
    return ids


class CommunityRouteTestCase(PortalRouteTestCase):
    "Test the community pages of the portal"
    module = 'sosolo_community'
    password = PASSWORD

    @classmethod
    def setUpData(cls):
        setup_books(configure_membership)
        cls.ids = committed(profiles)

    def search(self, client, **args):
        response = client.get(self.url('katalog'), query_string=args)
        self.assertEqual(response.status_code, 200)
        return response.get_data(as_text=True)

    def test_figures_show_community(self):
        """The cooperative in figures has the use of the community as a
        table: Anna's and Bertil's listed profiles, Bertil's deal (#17)"""
        client = self.logged_in('anna@example.se')
        response = client.get(self.url('nyckeltal'))
        self.assertEqual(response.status_code, 200)
        page = response.get_data(as_text=True)
        self.assertIn('<h2 id="title-community">Gemenskapens användning</h2>',
            page)
        for label, count in [("Profiler i medlemskatalogen", 2),
                ("Bokningar av delade resurser", 0),
                ("Medlemmar i gemensamma erbjudanden", 1)]:
            with self.subTest(label=label):
                self.assertIn(f'<th scope="row">{label}</th>'
                    f'<td class="num">{count}</td>', page)

    def test_find_by_skill_and_municipality(self):
        "Anna finds Bertil by skill and by a municipality he serves"
        client = self.logged_in('anna@example.se')
        for args in [{'kompetens': 'snickeri'}, {'kommun': '2421'},
                {'q': 'altaner'},
                {'kompetens': 'takläggning', 'kommun': '2462'}]:
            with self.subTest(**args):
                page = self.search(client, **args)
                self.assertIn("Bertil Nilsson AB", page)
                self.assertIn(BERTIL_EMAIL, page)
        page = self.search(client, kommun='2480')
        self.assertNotIn("Bertil Nilsson AB", page)
        self.assertIn("Ingen medlem matchar", page)

    def test_public_directory(self):
        """Without a login only publicly listed members are shown, with
        their published contacts: never Anna (cooperative only), Cilla
        (unlisted) or Bertil's unpublished phone"""
        client = self.client()
        page = client.get(self.url('logga-in')).get_data(as_text=True)
        self.assertIn("Företagarna i kooperativet som visar sig för alla",
            page)
        for args in [{}, {'kompetens': 'snickeri'}, {'kommun': '2481'},
                {'q': 'Lind'}, {'q': 'Cilla'}]:
            with self.subTest(**args):
                response = client.get(self.url('medlemmar'),
                    query_string=args)
                self.assertEqual(response.status_code, 200)
                page = response.get_data(as_text=True)
                self.assertNotIn("Anna Lind", page)
                self.assertNotIn("Cilla Berg", page)
                self.assertNotIn(CILLA_PHONE, page)
                self.assertNotIn(BERTIL_PHONE, page)
                self.assertNotIn("Min profil", page)
                if 'q' not in args:
                    self.assertIn("Bertil Nilsson AB", page)
                    self.assertIn(BERTIL_EMAIL, page)

    def test_unlisted_never_found(self):
        """An unlisted profile, or one of a member who has left, is never
        found, not even by its own skill"""
        client = self.logged_in('anna@example.se')
        for args in [{'kompetens': 'snickeri'}, {'q': 'Cilla'},
                {'q': 'Erik'}, {'kommun': '2481'}]:
            with self.subTest(**args):
                page = self.search(client, **args)
                self.assertNotIn("Cilla Berg", page)
                self.assertNotIn(CILLA_PHONE, page)
                self.assertNotIn("Erik Ek", page)
                response = client.get(self.url('medlemmar'),
                    query_string=args)
                self.assertNotIn("Erik Ek", response.get_data(as_text=True))

    def test_unpublished_contact_never_shown(self):
        "Bertil's unpublished phone is never in Anna's response"
        client = self.logged_in('anna@example.se')
        page = self.search(client, kompetens='snickeri')
        self.assertIn("Bertil Nilsson AB", page)
        self.assertNotIn(BERTIL_PHONE, page)

    def test_unpublished_contact_hidden_by_rules(self):
        """With the route's own filter removed, the record rules still
        keep Bertil's unpublished phone from Anna"""
        client = self.logged_in('anna@example.se')
        with patch.object(routes, 'shown_contacts',
                lambda ids: [('profile', 'in', ids)]):
            page = self.search(client, kompetens='snickeri')
        self.assertIn(BERTIL_EMAIL, page)
        self.assertNotIn(BERTIL_PHONE, page)

    def test_rules_as_portal(self):
        "As Anna: Cilla's profile and Bertil's phone are not readable"
        def work():
            pool = Pool()
            Profile = pool.get('sosolo.community.profile')
            Contact = pool.get('sosolo.community.profile.contact')
            WebUser = pool.get('web.user')
            anna, = WebUser.search([('email', '=', 'anna@example.se')])
            with as_portal(anna):
                found = {p.id for p in Profile.search([])}
                self.assertIn(self.ids['bertil_profile'], found)
                self.assertIn(self.ids['anna_profile'], found)
                self.assertNotIn(self.ids['cilla_profile'], found)
                with self.assertRaises(AccessError):
                    Profile.read([self.ids['cilla_profile']], ['name'])
                values = {c.value for c in Contact.search([])}
                self.assertIn(BERTIL_EMAIL, values)
                self.assertNotIn(BERTIL_PHONE, values)
                self.assertNotIn(CILLA_PHONE, values)
                with self.assertRaises(AccessError):
                    Profile.write(
                        [Profile(self.ids['bertil_profile'])],
                        {'listing': 'unlisted'})
        committed(work, commit=False)

    def book(self, client, start, end):
        return client.post(self.url('resurser/boka'), data={
                'csrf_token': csrf(client, self.url('resurser')),
                'resource': str(self.ids['trailer']),
                'start': start, 'end': end})

    def test_book_and_overlap(self):
        """Anna books the trailer; Bertil's overlapping slot is answered
        409 with when it is free; back to back is fine"""
        anna = self.logged_in('anna@example.se')
        response = self.book(anna, '2026-12-10T09:00', '2026-12-10T11:00')
        self.assertEqual(response.status_code, 303)
        page = anna.get(self.url('resurser')).get_data(as_text=True)
        self.assertIn("2026-12-10 09:00 – 2026-12-10 11:00", page)

        bertil = self.logged_in('bertil@example.se')
        response = self.book(bertil, '2026-12-10T10:00', '2026-12-10T12:00')
        self.assertEqual(response.status_code, 409)
        page = response.get_data(as_text=True)
        self.assertIn("Släpvagn är redan bokad mellan 2026-12-10 10:00 och "
            "2026-12-10 12:00. Den är ledig från 2026-12-10 11:00.", page)
        # Bertil sees when it is booked, not by whom.
        self.assertNotIn("Anna", page)
        response = self.book(bertil, '2026-12-10T11:00', '2026-12-10T12:00')
        self.assertEqual(response.status_code, 303)

    def test_cancel_others_booking_404(self):
        "Bertil cannot cancel Anna's booking: 404, and it stays"
        def annas():
            pool = Pool()
            Booking = pool.get('sosolo.community.booking')
            Member = pool.get('sosolo.member')
            Resource = pool.get('sosolo.community.resource')
            return Booking.book(Member(self.ids['anna']),
                Resource(self.ids['trailer']), at(24 * 20 + 6),
                at(24 * 20 + 7)).id
        booking_id = committed(annas)
        bertil = self.logged_in('bertil@example.se')
        path = f'resurser/bokning/{booking_id}/avboka'
        response = bertil.post(self.url(path), data={
                'csrf_token': csrf(bertil, self.url('resurser'))})
        self.assertEqual(response.status_code, 404)

        def state():
            Booking = Pool().get('sosolo.community.booking')
            return Booking(booking_id).state
        self.assertEqual(committed(state), 'booked')
        anna = self.logged_in('anna@example.se')
        response = anna.post(self.url(path), data={
                'csrf_token': csrf(anna, self.url('resurser'))})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(committed(state), 'cancelled')

    def test_deal_join_and_leave(self):
        """Anna sees 1 of 2 joined, joins with consent and unlocks the
        deal, then leaves; without consent she is refused"""
        anna = self.logged_in('anna@example.se')
        page = anna.get(self.url('erbjudanden')).get_data(as_text=True)
        self.assertIn("1 av 2 medlemmar", page)
        self.assertIn("namn, e-post", page)
        path = self.url(f'erbjudanden/{self.ids["deal"]}/ga-med')
        token = csrf(anna, self.url('erbjudanden'))
        response = anna.post(path, data={'csrf_token': token})
        self.assertEqual(response.status_code, 400)
        response = anna.post(path, data={'csrf_token': token,
                'consent': 'yes'})
        self.assertEqual(response.status_code, 303)
        page = anna.get(self.url('erbjudanden')).get_data(as_text=True)
        self.assertIn("2 av 2 medlemmar", page)
        self.assertIn("erbjudandet gäller", page)
        response = anna.post(
            self.url(f'erbjudanden/{self.ids["deal"]}/lamna'),
            data={'csrf_token': token})
        self.assertEqual(response.status_code, 303)
        page = anna.get(self.url('erbjudanden')).get_data(as_text=True)
        self.assertIn("1 av 2 medlemmar", page)

    def test_participations_as_portal(self):
        "As Anna: Bertil's participation is not found"
        def work():
            pool = Pool()
            Participation = pool.get('sosolo.community.deal.participation')
            WebUser = pool.get('web.user')
            anna, = WebUser.search([('email', '=', 'anna@example.se')])
            with as_portal(anna):
                self.assertEqual(Participation.search([
                            ('member', '=', self.ids['bertil'])]), [])
        committed(work, commit=False)

    def test_member_keeps_own_profile(self):
        """David lists himself with his e-mail published and his phone
        not: Anna finds him with the one and never the other"""
        committed(lambda: active_member(books(), "David Öhman",
                'david@example.se'))
        david = self.logged_in('david@example.se')
        path = self.url('katalog/min-profil')
        page = david.get(path).get_data(as_text=True)
        self.assertIn('value="David Öhman"', page)
        self.assertIn('id="served-2482" name="served" type="checkbox" '
            'value="2482"', page)
        self.assertIn('<label for="served-2482">Skellefteå</label>', page)
        self.assertIn('<option value="other">Annan kommun</option>', page)
        response = david.post(path, data={
                'csrf_token': csrf(david, path), 'name': "Öhman El AB",
                'listing': 'cooperative', 'skills': "Elinstallation",
                'municipality': '2480', 'served': ['2482', 'nowhere'],
                'email': 'david@el.example', 'email_published': 'yes',
                'phone': '070-555 00 11'})
        self.assertEqual(response.status_code, 303)
        page = david.get(response.headers['Location']).get_data(
            as_text=True)
        self.assertIn("Din profil är sparad", page)
        self.assertIn('070-555 00 11', page)
        anna = self.logged_in('anna@example.se')
        page = self.search(anna, kompetens='elinstallation', kommun='2482')
        self.assertIn("Öhman El AB", page)
        self.assertIn('david@el.example', page)
        self.assertNotIn('070-555 00 11', page)
        response = david.post(path, data={
                'csrf_token': csrf(david, path), 'name': "Öhman El AB",
                'listing': 'unlisted'})
        self.assertEqual(response.status_code, 303)
        page = self.search(anna, kompetens='elinstallation')
        self.assertNotIn("Öhman El AB", page)

    def test_photo_upload(self):
        """Erik uploads a photo; a GIF or one over 2 MB is refused in
        Swedish; the directories show it to those who find him"""
        committed(lambda: active_member(books(), "Erik Holm",
                'erik@example.se'))
        erik = self.logged_in('erik@example.se')
        path = self.url('katalog/min-profil')

        def post(data, name='foto.png'):
            return erik.post(path, content_type='multipart/form-data',
                data={'csrf_token': csrf(erik, path), 'name': "Holm Foto",
                    'listing': 'public', 'skills': "Fotografering",
                    'photo': (io.BytesIO(data), name)})
        for data, error in [
                (b'GIF89a' + b'\0' * 64,
                    "Fotot måste vara en JPEG- eller PNG-bild."),
                (PNG + b'\0' * (2 * 1024 * 1024),
                    "Fotot är större än 2 MB.")]:
            with self.subTest(error=error):
                response = post(data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(error, response.get_data(as_text=True))
        response = post(PNG)
        self.assertEqual(response.status_code, 303)

        def profile_id():
            Profile = Pool().get('sosolo.community.profile')
            profile, = Profile.search([('name', '=', "Holm Foto")])
            return profile.id
        erik_profile = committed(profile_id, commit=False)
        photo = f'katalog/{erik_profile}/foto'
        anna = self.logged_in('anna@example.se')
        page = self.search(anna, kompetens='fotografering')
        self.assertIn(f'src="/{self.db_name}/portal/{photo}"', page)
        response = anna.get(self.url(photo))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers['Content-Type'], 'image/png')
        self.assertEqual(response.get_data(), PNG)
        public = self.client()
        page = public.get(self.url('medlemmar')).get_data(as_text=True)
        self.assertIn(f'medlemmar/{erik_profile}/foto', page)
        response = public.get(self.url(f'medlemmar/{erik_profile}/foto'))
        self.assertEqual(response.get_data(), PNG)

    def test_photo_hidden(self):
        """Cilla's photo (unlisted) is 404 for Anna; Anna's (cooperative
        only) is Bertil's to see, and 404 without a login"""
        def photos():
            Profile = Pool().get('sosolo.community.profile')
            Profile.write(Profile.browse([self.ids['cilla_profile'],
                        self.ids['anna_profile']]), {'photo': JPEG})
        committed(photos)
        anna = self.logged_in('anna@example.se')
        response = anna.get(
            self.url(f'katalog/{self.ids["cilla_profile"]}/foto'))
        self.assertEqual(response.status_code, 404)
        path = f'{self.ids["anna_profile"]}/foto'
        bertil = self.logged_in('bertil@example.se')
        response = bertil.get(self.url(f'katalog/{path}'))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers['Content-Type'], 'image/jpeg')
        response = self.client().get(self.url(f'medlemmar/{path}'))
        self.assertEqual(response.status_code, 404)

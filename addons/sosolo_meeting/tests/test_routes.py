# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The general meeting in the portal, through werkzeug's test client:
voting without JavaScript (a second vote 409, not on the roll 403, a
closed ballot 409), proxies given and revoked, and what another member
cannot see (lag (2018:672) 6 kap.; #14)."""
import datetime as dt
from io import BytesIO

from pypdf import PdfReader

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
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
from trytond.transaction import Transaction

D = dt.date
#: Stands for the minutes signed and uploaded.
SIGNED = b'%PDF-1.4 justerat protokoll'


class MeetingRouteTestCase(PortalRouteTestCase):
    "Test the general meeting pages of the portal"
    module = 'sosolo_meeting'
    password = PASSWORD

    @classmethod
    def setUpData(cls):
        setup_books(configure_membership)

        def data():
            pool = Pool()
            Meeting = pool.get('sosolo.meeting')
            Ballot = pool.get('sosolo.meeting.ballot')
            Proxy = pool.get('sosolo.meeting.proxy')
            company = books()
            with set_company(company):
                members = {name: active_member(company, name, email)
                    for name, email in [
                        ("Anna Lind", 'anna@example.se'),
                        ("Bertil Nilsson", 'bertil@example.se'),
                        ("Cecilia Berg", 'cecilia@example.se')]}
                meeting, = Meeting.create([{
                            'company': company.id,
                            'name': "Ordinarie föreningsstämma",
                            'kind': 'ordinary', 'form': 'physical',
                            'place': "Umeå",
                            'meeting_date': D(2027, 1, 12),
                            'fiscal_year_end': D(2026, 12, 31),
                            'items': [('create', [{'title': "Val av "
                                            "ordförande"}])],
                            }])
                extra, = Meeting.create([{
                            'company': company.id,
                            'name': "Extra föreningsstämma",
                            'kind': 'extra', 'form': 'physical',
                            'place': "Lycksele",
                            'meeting_date': D(2026, 12, 20),
                            'motion_deadline': D(2026, 12, 10),
                            }])
                past, = Meeting.create([{
                            'company': company.id,
                            'name': "Höstens extra stämma",
                            'kind': 'extra', 'form': 'physical',
                            'place': "Umeå",
                            'meeting_date': D(2026, 11, 10),
                            'chair': members["Anna Lind"].party.id,
                            'minute_taker': members["Bertil Nilsson"].party.id,
                            'adjusters': [('add', [
                                        members["Cecilia Berg"].party.id])],
                            }])
                Meeting.call([past], D(2026, 10, 6))
                Meeting.call([meeting, extra])
                Meeting.open([meeting, past])
                Meeting.close([past])
                past.signed_minutes = SIGNED
                past.save()
                Meeting.approve([past])
                Meeting.publish([past])
                secret, closed = Ballot.create([
                        {'meeting': meeting.id, 'title': "Budget",
                            'secret': True},
                        {'meeting': meeting.id, 'title': "Stängd"}])
                Ballot.open([secret, closed])
                Ballot.close([closed])
                # After the roll: Doris is not on it.
                active_member(company, "Doris Ny", 'doris@example.se')
                proxy, = Proxy.create([{
                            'principal': members["Anna Lind"].id,
                            'proxy': members["Cecilia Berg"].id}])
                entries = {e.member.party.name: e.id for e in meeting.roll}
                Lang = pool.get('ir.lang')
                Lang.load_translations(Lang.search([('code', '=', 'sv')]))
                return {
                    'meeting': meeting.id, 'extra': extra.id,
                    'past': past.id,
                    'secret': secret.id,
                    'closed': closed.id, 'proxy': proxy.id,
                    'entries': entries}
        cls.ids = committed(data, user=0)

    def vote(self, client, ballot, entry, choice='yes'):
        meeting = self.ids['meeting']
        token = csrf(client, self.url(f'stamma/{meeting}'))
        return client.post(
            self.url(f'stamma/{meeting}/omrostning/{ballot}'),
            data={'csrf_token': token, 'entry': entry, 'choice': choice})

    def test_meeting_pages(self):
        "Anna sees the notice, her roll entry and the open ballot's form"
        client = self.logged_in('anna@example.se')
        page = client.get(self.url('stamma')).get_data(as_text=True)
        self.assertIn("Ordinarie föreningsstämma", page)
        self.assertIn("Cecilia Berg", page)  # her proxy
        response = client.get(self.url(f"stamma/{self.ids['meeting']}"))
        self.assertEqual(response.status_code, 200)
        page = response.get_data(as_text=True)
        self.assertIn("Val av ordförande", page)
        self.assertIn('name="choice" value="yes"', page)
        self.assertIn("Rösta för Anna Lind", page)

    def test_notice_and_minutes_pdf(self):
        "Members download the notice; the signed minutes once published"
        client = self.logged_in('bertil@example.se')
        meeting = self.ids['meeting']
        page = client.get(self.url(f'stamma/{meeting}')).get_data(
            as_text=True)
        self.assertIn(f'stamma/{meeting}/kallelse.pdf', page)
        response = client.get(self.url(f'stamma/{meeting}/kallelse.pdf'))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content_type, 'application/pdf')
        text = PdfReader(BytesIO(response.data)).pages[0].extract_text()
        self.assertIn("Kallelse till Ordinarie föreningsstämma", text)
        self.assertIn("Val av ordförande", text)
        # Not published: no minutes.
        response = client.get(self.url(f'stamma/{meeting}/protokoll.pdf'))
        self.assertEqual(response.status_code, 404)
        past = self.ids['past']
        page = client.get(self.url(f'stamma/{past}')).get_data(as_text=True)
        self.assertIn(f'stamma/{past}/protokoll.pdf', page)
        response = client.get(self.url(f'stamma/{past}/protokoll.pdf'))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.data, SIGNED)
        self.assertIn('protokoll-2026-11-10.pdf',
            response.headers['Content-Disposition'])
        # Without a session: to the login page.
        response = self.client().get(
            self.url(f'stamma/{past}/protokoll.pdf'))
        self.assertEqual(response.status_code, 303)
        self.assertIn('logga-in', response.headers['Location'])

    def test_vote_once(self):
        "A vote gives a receipt; the second try answers 409"
        client = self.logged_in('anna@example.se')
        entry = self.ids['entries']["Anna Lind"]
        response = self.vote(client, self.ids['secret'], entry)
        self.assertEqual(response.status_code, 200)
        page = response.get_data(as_text=True)
        self.assertIn("Ditt kvitto", page)
        response = self.vote(client, self.ids['secret'], entry, 'no')
        self.assertEqual(response.status_code, 409)

    def test_vote_refused(self):
        "Not on the roll 403, another's entry 403, a closed ballot 409"
        doris = self.logged_in('doris@example.se')
        response = self.vote(doris, self.ids['secret'],
            self.ids['entries']["Bertil Nilsson"])
        self.assertEqual(response.status_code, 403)
        bertil = self.logged_in('bertil@example.se')
        response = self.vote(bertil, self.ids['secret'],
            self.ids['entries']["Cecilia Berg"])
        self.assertEqual(response.status_code, 403)
        response = self.vote(bertil, self.ids['closed'],
            self.ids['entries']["Bertil Nilsson"])
        self.assertEqual(response.status_code, 409)
        response = self.client().post(self.url(
                f"stamma/{self.ids['meeting']}/omrostning/"
                f"{self.ids['secret']}"), data={})
        self.assertEqual(response.status_code, 401)

    def test_bertil_cannot_see_annas_proxy(self):
        "Bertil sees none of Anna's proxies, nor can he revoke one"
        client = self.logged_in('bertil@example.se')
        page = client.get(self.url('stamma')).get_data(as_text=True)
        self.assertNotIn("Cecilia Berg", page)
        token = csrf(client, self.url('stamma'))
        response = client.post(self.url(
                f"stamma/fullmakt/{self.ids['proxy']}/aterkalla"),
            data={'csrf_token': token})
        self.assertEqual(response.status_code, 404)
        with Transaction().start(self.db_name, 0):
            pool = Pool()
            WebUser = pool.get('web.user')
            Proxy = pool.get('sosolo.meeting.proxy')
            Roll = pool.get('sosolo.meeting.roll')
            bertil, = WebUser.search([('email', '=', 'bertil@example.se')])
            with as_portal(bertil):
                self.assertEqual(Proxy.search([]), [])
                with self.assertRaises(AccessError):
                    Proxy.read([self.ids['proxy']], ['issue_date'])
                self.assertEqual([e.member.party.name
                        for e in Roll.search([])], ["Bertil Nilsson"])

    def test_give_and_revoke_proxy(self):
        "Bertil gives Cecilia his power of attorney and revokes it"
        client = self.logged_in('bertil@example.se')
        with Transaction().start(self.db_name, 0):
            Member = Pool().get('sosolo.member')
            cecilia, = Member.search([('party.name', '=', "Cecilia Berg")])
            number = cecilia.number
        token = csrf(client, self.url('stamma'))
        response = client.post(self.url('stamma/fullmakt'),
            data={'csrf_token': token, 'number': 'nope'})
        self.assertEqual(response.status_code, 400)
        response = client.post(self.url('stamma/fullmakt'),
            data={'csrf_token': token, 'number': number})
        self.assertEqual(response.status_code, 303)
        page = client.get(self.url('stamma')).get_data(as_text=True)
        self.assertIn("Återkalla fullmakten till Cecilia Berg", page)
        with Transaction().start(self.db_name, 0):
            Proxy = Pool().get('sosolo.meeting.proxy')
            proxy, = Proxy.search([('principal.party.name', '=',
                        "Bertil Nilsson")])
            proxy_id = proxy.id
        response = client.post(self.url(
                f'stamma/fullmakt/{proxy_id}/aterkalla'),
            data={'csrf_token': token})
        self.assertEqual(response.status_code, 303)
        with Transaction().start(self.db_name, 0):
            Proxy = Pool().get('sosolo.meeting.proxy')
            self.assertTrue(Proxy(proxy_id).revoked)

    def test_motion(self):
        "Anna submits a motion; Bertil does not see it"
        client = self.logged_in('anna@example.se')
        path = self.url(f"stamma/{self.ids['extra']}")
        token = csrf(client, path)
        response = client.post(path + '/motion', data={'csrf_token': token,
                'title': "Fler digitala stämmor", 'text': ""})
        self.assertEqual(response.status_code, 400)
        response = client.post(path + '/motion', data={'csrf_token': token,
                'title': "Fler digitala stämmor",
                'text': "Stämman bör kunna hållas digitalt."})
        self.assertEqual(response.status_code, 303)
        page = client.get(path).get_data(as_text=True)
        self.assertIn("Fler digitala stämmor", page)
        bertil = self.logged_in('bertil@example.se')
        page = bertil.get(path).get_data(as_text=True)
        self.assertNotIn("Fler digitala stämmor", page)
        # The open meeting takes no more motions.
        path = self.url(f"stamma/{self.ids['meeting']}")
        response = client.post(path + '/motion', data={
                'csrf_token': csrf(client, path), 'title': "Sent",
                'text': "För sent."})
        self.assertEqual(response.status_code, 400)
        with Transaction().start(self.db_name, 0):
            pool = Pool()
            WebUser = pool.get('web.user')
            Motion = pool.get('sosolo.meeting.motion')
            user, = WebUser.search([('email', '=', 'bertil@example.se')])
            with as_portal(user):
                self.assertEqual(Motion.search([]), [])

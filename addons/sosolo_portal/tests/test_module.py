# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import email
import re
import time
from unittest.mock import patch

import time_machine
from aiosmtpd.controller import Controller

import trytond.config as config
from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company
from trytond.modules.sosolo_portal import portal
from trytond.modules.sosolo_portal.exceptions import EmailLinkError
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_portal.tests.tools import (
    Mailbox,
    as_portal,
    configure_email_links,
    csrf,
    free_port,
    login,
    set_config,
    unset_config,
)
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    ModuleTestCase,
    RouteTestCase,
    with_transaction,
)
from trytond.transaction import Transaction

PASSWORD = 'a-long-secret'
BASE_URL = 'https://portal.sosolo.example/sosolo'
RESET_URL = f'{BASE_URL}/portal/nytt-losenord'
VALIDATION_URL = f'{BASE_URL}/portal/bekrafta-epost'


class SosoloPortalTestCase(
        WebUserSecretsTestMixin, SwedishTranslationTestMixin,
        ModuleTestCase):
    "Test sosolo_portal module"
    module = 'sosolo_portal'

    @with_transaction()
    def test_navigation_has_start(self):
        "The start page is the first menu entry"
        Portal = Pool().get('sosolo.portal')
        self.assertEqual(Portal.navigation(None)[0].path, '')

    @with_transaction()
    def test_portal_user(self):
        "The portal user is in the portal group only and cannot log in"
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        User = pool.get('res.user')
        portal = User(ModelData.get_id('sosolo_portal', 'user_portal'))
        group = ModelData.get_id('sosolo_portal', 'group_portal')
        self.assertEqual([g.id for g in portal.groups], [group])
        self.assertIsNone(portal.password_hash)
        self.assertIsNone(User.get_login('sosolo_portal', {'password': ''}))
        admin = User(ModelData.get_id('res', 'user_admin'))
        self.assertNotIn(group, [g.id for g in admin.groups])

    def create_web_users(self):
        pool = Pool()
        Party = pool.get('party.party')
        User = pool.get('web.user')
        Session = pool.get('web.user.session')
        anna, bertil = Party.create([{'name': 'Anna'}, {'name': 'Bertil'}])
        users = User.create([
                {'email': 'anna@example.se', 'party': anna.id},
                {'email': 'bertil@example.se', 'party': bertil.id},
                {'email': 'nobody@example.se'},
                ])
        for user in users:
            Session.add(user)
        return users

    @with_transaction()
    def test_portal_sees_own_web_user(self):
        "As the portal user, Bertil's session sees only his own account"
        User = Pool().get('web.user')
        anna, bertil, _ = self.create_web_users()
        with as_portal(bertil):
            self.assertEqual(User.search([]), [bertil])
            with self.assertRaises(AccessError):
                User.read([anna.id], ['email'])
            self.assertEqual(
                User.read([bertil.id], ['email'])[0]['email'],
                'bertil@example.se')

    @with_transaction()
    def test_portal_sees_own_party(self):
        "As the portal user, Bertil finds only his own party and its data"
        pool = Pool()
        Party = pool.get('party.party')
        Address = pool.get('party.address')
        Contact = pool.get('party.contact_mechanism')
        anna, bertil, _ = self.create_web_users()
        for user in [anna, bertil]:
            Address.create([{'party': user.party.id, 'city': 'Lycksele'}])
            Contact.create([{'party': user.party.id, 'type': 'phone',
                        'value': '090-12 34 56'}])
        with as_portal(bertil):
            self.assertEqual(Party.search([]), [bertil.party])
            for Model in [Address, Contact]:
                with self.subTest(model=Model.__name__):
                    self.assertEqual(
                        {r.party for r in Model.search([])}, {bertil.party})
            with self.assertRaises(AccessError):
                Party.read([anna.party.id], ['name'])

    @with_transaction()
    def test_portal_without_party_sees_nothing(self):
        "A web user with no party sees no portal account at all"
        User = Pool().get('web.user')
        _, _, nobody = self.create_web_users()
        with as_portal(nobody):
            self.assertEqual(User.search([]), [])

    @with_transaction()
    def test_portal_sessions_own(self):
        "The portal user sees and ends only its own sessions"
        Session = Pool().get('web.user.session')
        anna, bertil, _ = self.create_web_users()
        anna_session, = Session.search([('user', '=', anna.id)])
        with as_portal(bertil):
            own = Session.search([])
            self.assertEqual([s.user.id for s in own], [bertil.id])
            with self.assertRaises(AccessError):
                Session.delete([Session(anna_session.id)])
            with self.assertRaises(AccessError):
                Session.read([anna_session.id], ['user'])
        self.assertTrue(Session.search([('id', '=', anna_session.id)]))

    @with_transaction()
    def test_portal_cannot_read_own_secrets(self):
        "The portal user reads no password hash or token, its own neither"
        User = Pool().get('web.user')
        _, bertil, _ = self.create_web_users()
        with as_portal(bertil):
            for name in ['password_hash', 'reset_password_token',
                    'email_token']:
                with self.subTest(field=name), \
                        self.assertRaises(AccessError):
                    User.read([bertil.id], [name])

    @with_transaction()
    def test_portal_cannot_write_web_user(self):
        "The portal user cannot change a portal account, its own neither"
        User = Pool().get('web.user')
        _, bertil, _ = self.create_web_users()
        with as_portal(bertil):
            with self.assertRaises(AccessError):
                User.write([User(bertil.id)], {'email': 'x@example.se'})

    @with_transaction()
    def test_rule_cache_per_party(self):
        "The rules' cache is keyed on the session's party"
        User = Pool().get('web.user')
        anna, bertil, _ = self.create_web_users()
        with as_portal(anna):
            self.assertEqual(User.search([]), [anna])
        with as_portal(bertil):
            self.assertEqual(User.search([]), [bertil])

    @with_transaction()
    def test_portal_company_follows_companies(self):
        "The portal works in the cooperative's company, made or removed"
        Company = Pool().get('company.company')
        anna, _, _ = self.create_web_users()
        with as_portal(anna):
            self.assertIsNone(Transaction().context['company'])
        company = create_company()
        with as_portal(anna):
            self.assertEqual(Transaction().context['company'], company.id)
            self.assertEqual(
                Transaction().context['_companies'], [company.id])
        Company.delete([company])
        with as_portal(anna):
            self.assertIsNone(Transaction().context['company'])


class SosoloPortalRouteTestCase(RouteTestCase):
    "Test sosolo_portal routes"
    module = 'sosolo_portal'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        configure_email_links(cls, BASE_URL)

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Party = pool.get('party.party')
        User = pool.get('web.user')
        party = Party(name='Ada <script>alert(1)</script>')
        party.save()
        User(email='ada@example.se', password=PASSWORD, party=party).save()
        Transaction().commit()

    def setUp(self):
        super().setUp()
        # Each test starts with no reset requests counted against it.
        with Transaction().start(self.db_name, 0) as transaction:
            Attempt = Pool().get('sosolo.portal.reset.attempt')
            Attempt.delete(Attempt.search([]))
            transaction.commit()

    def url(self, path=''):
        return f'/{self.db_name}/portal/{path}'

    def reset(self, client, email, remote_addr='127.0.0.1'):
        "POST the forgotten-password form; the response and its seconds."
        environ = {'REMOTE_ADDR': remote_addr}
        token = csrf(client, self.url('glomt-losenord'),
            environ_base=environ)
        start = time.monotonic()
        response = client.post(self.url('glomt-losenord'), data={
                'csrf_token': token, 'email': email},
            environ_base=environ)
        return response, time.monotonic() - start

    def test_reset_flood_throttled_per_address(self):
        "25 resets for one address: after 3 the answer is 429 at once (#12)"
        client = self.client()
        # web_user mails one token per validity period.
        self.clear_reset_token('ada@example.se')
        self.addCleanup(self.clear_reset_token, 'ada@example.se')
        with patch('trytond.modules.web_user.user.'
                'send_message_transactional') as send:
            answers = [self.reset(client, 'ada@example.se')
                for _ in range(25)]
        statuses = [r.status_code for r, _ in answers]
        self.assertEqual(statuses, [303] * 3 + [429] * 22)
        self.assertEqual(send.call_count, 1)
        for response, seconds in answers:
            self.assertLess(seconds, 1, response.status_code)
        refused = answers[-1][0]
        self.assertIn('För många begäranden',
            refused.get_data(as_text=True))
        self.assertEqual(refused.headers['Retry-After'], '900')
        # The limit is per address: another one still passes.
        response, _ = self.reset(client, 'nobody@example.se')
        self.assertEqual(response.status_code, 303)

    def test_reset_throttled_per_ip(self):
        "More than 10 resets an hour from one address are refused (#12)"
        client = self.client()
        statuses = [self.reset(client, f'n{i}@example.se', '192.0.2.7')[0]
            .status_code for i in range(11)]
        self.assertEqual(statuses, [303] * 10 + [429])
        response, _ = self.reset(client, 'n11@example.se', '198.51.100.1')
        self.assertEqual(response.status_code, 303)

    def test_reset_limits_from_config(self):
        "The throttle's limits come from [sosolo_portal]"
        set_config(self, 'sosolo_portal', 'reset_max_per_address', '1')
        client = self.client()
        statuses = [self.reset(client, 'nobody@example.se')[0].status_code
            for _ in range(2)]
        self.assertEqual(statuses, [303, 429])

    def test_reset_throttle_window_passes(self):
        "After the address's 15 minutes a reset is let through again"
        client = self.client()
        for _ in range(3):
            self.reset(client, 'nobody@example.se')
        self.assertEqual(
            self.reset(client, 'nobody@example.se')[0].status_code, 429)
        with time_machine.travel(time.time() + 16 * 60):
            self.assertEqual(
                self.reset(client, 'nobody@example.se')[0].status_code, 303)

    def test_access_error_is_404(self):
        "A member route reading what is not the member's answers 404 (#12)"
        client = self.client()
        login(client, self.db_name, 'ada@example.se', PASSWORD)
        with Transaction().start(self.db_name, 0):
            User = Pool().get('web.user')
            other = User(email='other@example.se')
            other.save()
            other_id = other.id
            Transaction().commit()

        def read(user):
            # A route that forgot its ownership check and reads.
            return [User.read([other_id], ['email'])[0]['email']]

        def own(user):
            # A route that forgot its ownership check and takes the id.
            return [portal.own(User, other_id).email]
        for start_items in [read, own]:
            with self.subTest(route=start_items.__name__), \
                    patch.object(Pool(self.db_name).get('sosolo.portal'),
                        'start_items', start_items, create=False):
                response = client.get(self.url())
                page = response.get_data(as_text=True)
                self.assertEqual(response.status_code, 404, page)
                self.assertIn('Sidan finns inte', page)
                self.assertNotIn('other@example.se', page)

    def test_start_redirects_to_login(self):
        "Without a session the start page sends to the login page"
        response = self.client().get(self.url())
        self.assertEqual(response.status_code, 303)
        self.assertIn('/portal/logga-in?next=', response.location)

    def test_post_without_session_401(self):
        "A POST to a member page without session is refused"
        response = self.client().post(self.url('logga-ut'))
        self.assertEqual(response.status_code, 401)

    def test_login_and_start(self):
        "Logging in sets a HttpOnly SameSite=Lax cookie and shows the start"
        client = self.client()
        response = login(client, self.db_name, 'ada@example.se', PASSWORD)
        self.assertEqual(response.status_code, 303)
        cookies = response.headers.getlist('Set-Cookie')
        session, = [c for c in cookies if c.startswith('sosolo_portal=')]
        self.assertIn('HttpOnly', session)
        self.assertIn('SameSite=Lax', session)
        self.assertNotIn('Secure', session)
        self.assertIn(f'Path=/{self.db_name}/portal', session)
        page = client.get(self.url()).get_data(as_text=True)
        self.assertIn('Välkommen', page)

    def test_secure_cookie_behind_tls(self):
        "The session cookie is Secure when the portal is configured for TLS"
        config.set('web', 'portal_tls', 'True')
        self.addCleanup(unset_config, 'web', 'portal_tls')
        response = login(self.client(), self.db_name, 'ada@example.se',
            PASSWORD)
        session, = [c for c in response.headers.getlist('Set-Cookie')
            if c.startswith('sosolo_portal=')]
        self.assertIn('Secure', session)

    def test_name_is_escaped(self):
        "What members type is shown as text, not markup"
        client = self.client()
        login(client, self.db_name, 'ada@example.se', PASSWORD)
        page = client.get(self.url()).get_data(as_text=True)
        self.assertNotIn('<script>alert(1)</script>', page)
        self.assertIn('&lt;script&gt;alert(1)&lt;/script&gt;', page)

    def test_login_without_csrf_refused(self):
        "A login POST without the CSRF token is refused"
        client = self.client()
        csrf(client, self.url('logga-in'))
        response = client.post(self.url('logga-in'), data={
                'email': 'ada@example.se', 'password': PASSWORD})
        self.assertEqual(response.status_code, 403)
        self.assertFalse([c for c in response.headers.getlist('Set-Cookie')
                if c.startswith('sosolo_portal=')])

    def test_logout_without_csrf_refused(self):
        "A logged-in POST without the CSRF token is refused"
        client = self.client()
        login(client, self.db_name, 'ada@example.se', PASSWORD)
        response = client.post(self.url('logga-ut'), data={})
        self.assertEqual(response.status_code, 403)
        response = client.post(self.url('logga-ut'), data={
                'csrf_token': 'x' * 43})
        self.assertEqual(response.status_code, 403)
        # The session still works.
        self.assertEqual(client.get(self.url()).status_code, 200)

    def test_logout(self):
        "Logging out ends the session"
        client = self.client()
        login(client, self.db_name, 'ada@example.se', PASSWORD)
        token = csrf(client, self.url())
        response = client.post(self.url('logga-ut'), data={
                'csrf_token': token})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(client.get(self.url()).status_code, 303)

    def test_wrong_password_keeps_input(self):
        "A wrong password is shown beside the field with the e-mail kept"
        client = self.client()
        with patch('time.sleep'):
            response = login(client, self.db_name, 'ada@example.se', 'nope')
        self.assertEqual(response.status_code, 401)
        page = response.get_data(as_text=True)
        self.assertIn('value="ada@example.se"', page)
        self.assertIn('id="e-password"', page)
        self.assertIn('aria-invalid="true"', page)
        self.assertNotIn('nope', page)

    def test_wrong_passwords_throttled(self):
        "Repeated wrong passwords are delayed, then refused even if right"
        config.set('session', 'max_attempt', '2')
        self.addCleanup(unset_config, 'session', 'max_attempt')
        client = self.client()
        with patch('time.sleep') as sleep:
            statuses = [login(client, self.db_name, 'throttle@example.se',
                    'wrong').status_code for _ in range(3)]
        delays = [c.args[0] for c in sleep.call_args_list]
        self.assertEqual(statuses, [401, 401, 401])
        self.assertEqual(delays, [0, 1, 3])
        with patch('time.sleep'):
            statuses = [login(client, self.db_name, 'throttle@example.se',
                    'wrong').status_code for _ in range(2)]
        self.assertEqual(statuses[-1], 429)

    def test_forgotten_password_same_answer(self):
        "The reset form gives the same answer for unknown addresses"
        client = self.client()
        answers = []
        for address in ['ada@example.se', 'nobody@example.se']:
            token = csrf(client, self.url('glomt-losenord'))
            with patch('trytond.modules.web_user.user.'
                    'send_message_transactional') as send:
                response = client.post(self.url('glomt-losenord'), data={
                        'csrf_token': token, 'email': address})
            answers.append((response.status_code, response.location))
            self.assertEqual(send.called, address == 'ada@example.se')
        self.assertEqual(answers[0], answers[1])

    def test_reset_password_with_token(self):
        "The e-mailed link lets the user choose a new password"
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            user.set_reset_password_token()
            user.save()
            reset_token = user.reset_password_token
            transaction.commit()
        client = self.client()
        url = self.url(
            f'nytt-losenord?token={reset_token}&email=ada@example.se')
        token = csrf(client, url)
        response = client.post(self.url('nytt-losenord'), data={
                'csrf_token': token, 'token': reset_token,
                'email': 'ada@example.se', 'password': 'ada@example.se',
                'password2': 'ada@example.se'})
        self.assertEqual(response.status_code, 400)
        with patch('time.sleep'):
            response = client.post(self.url('nytt-losenord'), data={
                    'csrf_token': token, 'token': reset_token,
                    'email': 'ada@example.se', 'password': 'new-secret-1',
                    'password2': 'new-secret-1'})
        self.assertEqual(response.status_code, 303)
        response = login(client, self.db_name, 'ada@example.se',
            'new-secret-1')
        self.assertEqual(response.status_code, 303)
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            user.password = PASSWORD
            user.save()
            transaction.commit()

    def test_validate_email(self):
        "The validation link confirms the e-mail address once"
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user = User(email='eve@example.se')
            user.set_email_token()
            user.save()
            email_token = user.email_token
            transaction.commit()
        client = self.client()
        url = self.url(f'bekrafta-epost?token={email_token}')
        self.assertEqual(client.get(url).status_code, 200)
        self.assertEqual(client.get(url).status_code, 404)

    def test_reset_link_ignores_forged_host(self):
        "The reset e-mail links to [web] reset_password_url only (#12)"
        mailbox = Mailbox()
        smtp = Controller(mailbox, hostname='127.0.0.1', port=free_port())
        smtp.start()
        self.addCleanup(smtp.stop)
        set_config(self, 'email', 'uri', f'smtp://127.0.0.1:{smtp.port}')
        # web_user sends one reset per validity period.
        self.clear_reset_token('ada@example.se')
        self.addCleanup(self.clear_reset_token, 'ada@example.se')
        client = self.client()
        forged = {'Host': 'evil.example', 'X-Forwarded-Host': 'evil.example'}
        token = csrf(client, self.url('glomt-losenord'), headers=forged)
        response = client.post(self.url('glomt-losenord'), data={
                'csrf_token': token, 'email': 'ada@example.se'},
            headers=forged)
        self.assertEqual(response.status_code, 303)
        message, = mailbox.messages
        body = ''.join(part.get_payload(decode=True).decode('utf-8')
            for part in email.message_from_bytes(message.content).walk()
            if not part.is_multipart())
        self.assertNotIn('evil.example', body)
        links = set(re.findall(r'https?://[^\s"<>]+', body))
        self.assertTrue(links, body)
        for link in links:
            self.assertTrue(link.startswith(RESET_URL + '?'), link)

    def test_reset_refused_without_configured_url(self):
        "Without [web] reset_password_url no e-mail is sent (#12)"
        unset_config('web', 'reset_password_url')
        self.addCleanup(config.set, 'web', 'reset_password_url', RESET_URL)
        client = self.client()
        forged = {'Host': 'evil.example'}
        token = csrf(client, self.url('glomt-losenord'), headers=forged)
        with patch('trytond.modules.web_user.user.'
                'send_message_transactional') as send, \
                self.assertLogs('trytond.modules.sosolo_portal.web_user',
                    'ERROR') as logs:
            response = client.post(self.url('glomt-losenord'), data={
                    'csrf_token': token, 'email': 'ada@example.se'},
                headers=forged)
        self.assertEqual(response.status_code, 503)
        self.assertFalse(send.called)
        self.assertIn('reset_password_url', logs.output[0])
        self.assertIn('portalens adress inte är inställd',
            response.get_data(as_text=True))

    def test_validation_url_is_configured_one(self):
        "The validation link is [web] email_validation_url, not the host"
        with Transaction().start(self.db_name, 0, context={
                    '_request': {'http_host': 'evil.example',
                        'scheme': 'https', 'root_path': ''}}):
            User = Pool().get('web.user')
            user = User(email_token='abc')
            self.assertEqual(user.get_email_validation_url(),
                VALIDATION_URL + '?token=abc')

    def test_validation_refused_without_configured_url(self):
        "A relative or missing validation URL sends nothing (#12)"
        config.set('web', 'email_validation_url', '/sosolo/portal/x')
        self.addCleanup(config.set, 'web', 'email_validation_url',
            VALIDATION_URL)
        with Transaction().start(self.db_name, 0):
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            with patch('trytond.modules.web_user.user.'
                    'send_message_transactional') as send, \
                    self.assertLogs(level='ERROR'), \
                    self.assertRaises(EmailLinkError):
                User.validate_email([user])
            self.assertFalse(send.called)

    def clear_reset_token(self, email):
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', email)])
            user.clear_reset_password_token()
            user.save()
            transaction.commit()

    def logged_in(self):
        "A test client with a portal session of Ada."
        client = self.client()
        response = login(client, self.db_name, 'ada@example.se', PASSWORD)
        self.assertEqual(response.status_code, 303)
        return client

    def start_status(self, client):
        "The start page's status: 200 logged in, 303 sent to the login."
        return client.get(self.url()).status_code

    def test_session_idle_timeout(self):
        "A session is refused after [session] web_timeout idle (#12)"
        set_config(self, 'session', 'web_timeout', '3600')
        client = self.logged_in()
        with time_machine.travel(time.time() + 3500):
            self.assertEqual(self.start_status(client), 200)
        with time_machine.travel(time.time() + 3500 + 3700):
            self.assertEqual(self.start_status(client), 303)

    def test_session_idle_from_last_use(self):
        "Each use restarts the idle time"
        set_config(self, 'session', 'web_timeout', '3600')
        client = self.logged_in()
        start = time.time()
        for hour in range(1, 5):
            with time_machine.travel(start + hour * 3000):
                self.assertEqual(self.start_status(client), 200, hour)

    def test_session_default_idle_is_8_hours(self):
        "Without web_timeout a portal session lasts 8 hours idle"
        if config._config.has_option('session', 'web_timeout'):
            set_config(self, 'session', 'web_timeout', '0')
            unset_config('session', 'web_timeout')
        client = self.logged_in()
        with time_machine.travel(time.time() + 9 * 3600):
            self.assertEqual(self.start_status(client), 303)

    def test_session_absolute_cap(self):
        "In use or not, a session ends session_max_age after login (#12)"
        set_config(self, 'session', 'web_timeout', '3600')
        set_config(self, 'sosolo_portal', 'session_max_age', '10800')
        client = self.logged_in()
        session, = [c for c in login(self.client(), self.db_name,
                    'ada@example.se', PASSWORD).headers.getlist(
                    'Set-Cookie') if c.startswith('sosolo_portal=')]
        self.assertIn('Max-Age=10800', session)
        start = time.time()
        statuses = []
        for step in range(1, 5):
            with time_machine.travel(start + step * 3000):
                statuses.append(self.start_status(client))
        # 50, 100 and 150 minutes after login, then 200 > 180.
        self.assertEqual(statuses, [200, 200, 200, 303])

    def test_password_reset_revokes_sessions(self):
        "Setting a new password through the reset link ends all sessions"
        first, second = self.logged_in(), self.logged_in()
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            user.set_reset_password_token()
            user.save()
            reset_token = user.reset_password_token
            transaction.commit()
        self.addCleanup(self.restore_password)
        with patch('time.sleep'):
            self.assertTrue(self.set_password_token(reset_token))
        self.assertEqual(self.start_status(first), 303)
        self.assertEqual(self.start_status(second), 303)
        response = login(self.client(), self.db_name, 'ada@example.se',
            'new-secret-2')
        self.assertEqual(response.status_code, 303)

    def test_password_change_revokes_sessions(self):
        "Changing the password (back office, commands) ends all sessions"
        client = self.logged_in()
        self.addCleanup(self.restore_password)
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            user.password = 'new-secret-3'
            user.save()
            transaction.commit()
        self.assertEqual(self.start_status(client), 303)

    def test_unchanged_password_keeps_sessions(self):
        "Saving a web user without a new password keeps its sessions"
        client = self.logged_in()
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            User.write([user], {'password': 'x' * 10})
            transaction.commit()
        self.assertEqual(self.start_status(client), 200)

    def set_password_token(self, reset_token):
        client = self.client()
        url = self.url(
            f'nytt-losenord?token={reset_token}&email=ada@example.se')
        token = csrf(client, url)
        response = client.post(self.url('nytt-losenord'), data={
                'csrf_token': token, 'token': reset_token,
                'email': 'ada@example.se', 'password': 'new-secret-2',
                'password2': 'new-secret-2'})
        return response.status_code == 303

    def restore_password(self):
        with Transaction().start(self.db_name, 0) as transaction:
            User = Pool().get('web.user')
            user, = User.search([('email', '=', 'ada@example.se')])
            user.password = PASSWORD
            user.save()
            transaction.commit()

    def test_stylesheet(self):
        "The layout's stylesheet is served"
        response = self.client().get(self.url('portal.css'))
        self.assertEqual(response.status_code, 200)
        self.assertIn('@media', response.get_data(as_text=True))


del ModuleTestCase, RouteTestCase

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for tests of portal routes with werkzeug's test client."""
import re
import socket

import trytond.config as config
from trytond.tests.test_tryton import RouteTestCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client, url, **kwargs):
    "GET `url` and return the CSRF token of its form."
    response = client.get(url, **kwargs)
    match = CSRF_RE.search(response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)[:500]
    return match.group(1)


def login(client, db_name, email, password):
    "Log in through the portal's login form; return the response."
    token = csrf(client, f'/{db_name}/portal/logga-in')
    return client.post(f'/{db_name}/portal/logga-in', data={
            'csrf_token': token, 'email': email, 'password': password})


def unset_config(section, option):
    "Remove an option that a test set with trytond.config.set."
    config._config.remove_option(section, option)
    config._cache_clear()


def configure_email_links(cls, base='http://127.0.0.1:8000/sosolo'):
    """Set the [web] URLs that portal e-mails link to, for a test class.

    The portal sends reset and validation links only to these (#12).
    """
    for option, page in [
            ('reset_password_url', 'nytt-losenord'),
            ('email_validation_url', 'bekrafta-epost')]:
        config.set('web', option, f'{base}/portal/{page}')
        cls.addClassCleanup(unset_config, 'web', option)


class PortalRouteTestCase(RouteTestCase):
    """A RouteTestCase of the portal's pages, its data made by setUpData.

    RouteTestCase.setUpClass starts one plain transaction for
    setUpDatabase; data on the books needs committed transactions with
    the retry of the chart's table locks
    (sosolo_sweden.tests.transactions.committed), which setUpData makes.
    Members log in with the class's `password`.
    """
    password = None

    @classmethod
    def setUpClass(cls):
        super(RouteTestCase, cls).setUpClass()
        configure_email_links(cls)
        cls.setUpData()

    @classmethod
    def setUpData(cls):
        pass

    def url(self, path=''):
        return f'/{self.db_name}/portal/{path}'

    def logged_in(self, email):
        "A client logged in to the portal as `email`."
        client = self.client()
        response = login(client, self.db_name, email, self.password)
        self.assertEqual(response.status_code, 303)
        return client


def set_config(test, section, option, value):
    "Set a trytond option for the duration of `test`."
    if not config._config.has_section(section):
        config._config.add_section(section)
    if config._config.has_option(section, option):
        test.addCleanup(config.set, section, option,
            config._config.get(section, option))
    else:
        test.addCleanup(unset_config, section, option)
    config.set(section, option, value)


def free_port():
    "A TCP port on the loopback that nothing listens to now."
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class Mailbox:
    "An aiosmtpd handler that keeps the messages trytond sends."

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return '250 OK'


def as_portal(web_user):
    """Act as the restricted portal user for `web_user`'s session, as
    every member route of the portal does (portal.as_portal)."""
    from trytond.modules.sosolo_portal.portal import as_portal
    return as_portal(web_user)

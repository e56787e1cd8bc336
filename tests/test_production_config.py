# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The production configuration is the one docker-compose.yml starts
with, and trytond reads it as it would there (issue 12)."""
import unittest

from .server import ROOT

CONFIG = ROOT / 'config' / 'trytond-postgresql.conf'


class ProductionConfigTest(unittest.TestCase):
    "config/trytond-postgresql.conf, read by trytond's own parser"

    @classmethod
    def setUpClass(cls):
        from trytond.config import TrytonConfigParser
        cls.config = TrytonConfigParser()
        cls.config.update_etc(str(CONFIG))

    def test_database_names_not_listed(self):
        "Nobody gets the list of databases from the login page"
        self.assertFalse(self.config.getboolean('database', 'list'))

    def test_behind_one_tls_proxy(self):
        "One proxy's X-Forwarded-* headers trusted, portal cookies Secure"
        self.assertEqual(self.config.getint('web', 'num_proxies'), 1)
        self.assertTrue(self.config.getboolean('web', 'portal_tls'))

    def test_compose_starts_with_it(self):
        "Every trytond process of docker-compose.yml reads this file"
        compose = (ROOT / 'docker-compose.yml').read_text()
        self.assertIn(
            'TRYTOND_CONFIG: /app/config/trytond-postgresql.conf', compose)
        self.assertEqual(compose.count(
                '"-c", "/app/config/trytond-postgresql.conf"'), 2)

    def test_secrets_ignored(self):
        "The .env with POSTGRES_PASSWORD is never committed"
        self.assertIn('.env', (ROOT / '.gitignore').read_text().split())

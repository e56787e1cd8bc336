# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for tests of portal routes with werkzeug's test client."""
import re

import trytond.config as config

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client, url):
    "GET `url` and return the CSRF token of its form."
    response = client.get(url)
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

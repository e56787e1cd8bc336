# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import trytond.config as config
from trytond.pool import PoolMeta
from trytond.transaction import Transaction


def _portal_page(path):
    """The absolute URL of a portal page for links in e-mails.

    Built from the request that sends the mail (host, scheme, prefix);
    the ``[web]`` URLs of web_user still win when configured.
    """
    transaction = Transaction()
    request = transaction.context.get('_request') or {}
    host = request.get('http_host')
    if not host:
        return None
    scheme = request.get('scheme') or 'http'
    root = (request.get('root_path') or '').rstrip('/')
    return (f'{scheme}://{host}{root}/{transaction.database.name}'
        f'/portal/{path}')


class User(metaclass=PoolMeta):
    __name__ = 'web.user'

    def get_email_validation_url(self, url=None):
        if url is None and not config.get('web', 'email_validation_url'):
            url = _portal_page('bekrafta-epost')
        return super().get_email_validation_url(url=url)

    def get_email_reset_password_url(self, url=None):
        if url is None and not config.get('web', 'reset_password_url'):
            url = _portal_page('nytt-losenord')
        return super().get_email_reset_password_url(url=url)

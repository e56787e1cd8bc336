# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import logging
from urllib.parse import urljoin, urlsplit

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import ModelView
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .exceptions import EmailLinkError

logger = logging.getLogger(__name__)

#: A portal session ends after this long idle, unless ``[session]
#: web_timeout`` says otherwise (web_user's own default is 30 days).
IDLE_TIMEOUT = 8 * 60 * 60
#: and this long after login whatever its use (``[sosolo_portal]
#: session_max_age``): a stolen cookie does not live for ever.
MAX_AGE = 24 * 60 * 60


def session_max_age():
    "The absolute lifetime of a portal session, in seconds."
    return config.getint('sosolo_portal', 'session_max_age',
        default=MAX_AGE)


def configured_url(option):
    """The absolute URL of ``[web] option`` for links in e-mails.

    Never built from the request: its Host header is the sender's to
    choose, and a forged one would send the token to another site
    (issue 12). Without an absolute http(s) URL no e-mail is sent.
    """
    url = config.get('web', option)
    parts = urlsplit(url or '')
    if parts.scheme not in {'http', 'https'} or not parts.netloc:
        logger.error(
            "[web] %s is not an absolute URL (%r): "
            "no e-mail with a link is sent", option, url)
        raise EmailLinkError(gettext('sosolo_portal.msg_email_url_missing'))
    return url


def portal_link(path):
    """The absolute URL of the portal's page `path` (``stamma/3``) for a
    link in an e-mail: beside ``[web] reset_password_url``, the portal's
    configured address, never the request's (configured_url)."""
    return urljoin(configured_url('reset_password_url'), path)


class User(metaclass=PoolMeta):
    __name__ = 'web.user'

    @classmethod
    def set_password(cls, users, name, value):
        super().set_password(users, name, value)
        if value and value != 'x' * 10:
            # A changed or reset password ends every session of the
            # user: one an attacker opened with the old one too (#12).
            Session = Pool().get('web.user.session')
            Session.delete(Session.search([
                        ('user', 'in', [u.id for u in users]),
                        ]))

    @classmethod
    @ModelView.button
    def validate_email(cls, users, from_=None):
        configured_url('email_validation_url')
        super().validate_email(users, from_=from_)

    @classmethod
    @ModelView.button
    def reset_password(cls, users, from_=None):
        configured_url('reset_password_url')
        super().reset_password(users, from_=from_)

    def get_email_validation_url(self, url=None):
        if url is None:
            url = configured_url('email_validation_url')
        return super().get_email_validation_url(url=url)

    def get_email_reset_password_url(self, url=None):
        if url is None:
            url = configured_url('reset_password_url')
        return super().get_email_reset_password_url(url=url)

    @classmethod
    def emails_of(cls, parties):
        """The e-mail address of the portal account of each of
        `parties`, by party id: the oldest account's where a party has
        several, and none for a party without one. One query."""
        emails = {}
        for user in cls.search([
                    ('party', 'in', list({p.id for p in parties})),
                    ('email', '!=', None),
                    ], order=[('id', 'ASC')]):
            emails.setdefault(user.party.id, user.email)
        return emails


class UserSession(metaclass=PoolMeta):
    __name__ = 'web.user.session'

    @classmethod
    def timeout(cls):
        return dt.timedelta(seconds=config.getint(
                'session', 'web_timeout', default=IDLE_TIMEOUT))

    @property
    def expired(self):
        age = dt.datetime.now() - self.create_date
        return (super().expired
            or age > dt.timedelta(seconds=session_max_age()))

    @classmethod
    def touch(cls, key):
        """Refresh the session's last use, so that the idle timeout counts
        from it; once a minute at most, in a transaction of its own (page
        views are read-only)."""
        sessions = cls.search([('key', '=', key)])
        if not sessions:
            return
        session, = sessions
        idle = dt.datetime.now() - session.last_modified_at
        if idle < min(dt.timedelta(minutes=1), cls.timeout() / 10):
            return
        with Transaction().new_transaction(readonly=False) as transaction:
            cls.reset(key)
            transaction.commit()

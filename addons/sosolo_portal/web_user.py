# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import logging
from urllib.parse import urlsplit

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import ModelView
from trytond.pool import PoolMeta

from .exceptions import EmailLinkError

logger = logging.getLogger(__name__)


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


class User(metaclass=PoolMeta):
    __name__ = 'web.user'

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

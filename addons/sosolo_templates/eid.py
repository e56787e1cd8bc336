# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Electronic identification (e-ID), whatever the provider: start an
order that identifies a person (auth) or has them sign a text (sign),
collect it until it completes or fails, or cancel it.

Plain Python, no database. A provider (bankid.py; Freja eID could be
another) subclasses Provider and registers itself in PROVIDERS; the
one used is `[eid] provider` (bankid unless set). Signing a document
(eid_signing.py) uses it; so can a portal login later: auth gives the
same Identity.
"""
import datetime as dt
from dataclasses import dataclass, field

from trytond.config import config

#: The states of a collected order.
PENDING, FAILED, COMPLETE = 'pending', 'failed', 'complete'
#: {name: Provider subclass}, filled by the providers' modules.
PROVIDERS = {}


class EidError(Exception):
    """A provider refused a call: `code` is its error code (BankID's
    errorCode: alreadyInProgress, invalidParameters, ...) or
    'unreachable' / 'not_configured'; `details` its text, for the log."""

    def __init__(self, code, details=''):
        super().__init__(code, details)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Order:
    """A started order: `ref` collects or cancels it; the tokens start
    the person's app on this device (autostart) or another (QR)."""
    ref: str
    auto_start_token: str = None
    qr_start_token: str = None
    qr_start_secret: str = None
    #: When the provider answered (UTC): the animated QR counts from it.
    started_at: dt.datetime = None


@dataclass(frozen=True)
class Identity:
    "The person an order identified."
    personal_number: str
    name: str
    given_name: str = None
    surname: str = None


@dataclass(frozen=True)
class Result:
    """What collect found: `status` one of PENDING, FAILED, COMPLETE;
    `hint` why it is pending or failed (the provider's hint code); when
    complete, the Identity and the provider's proof: the `signature` and
    `ocsp_response` as it sent them (BankID: base64)."""
    ref: str
    status: str
    hint: str = None
    identity: Identity = None
    signature: str = None
    ocsp_response: str = None
    raw: dict = field(default=None, compare=False, repr=False)


class Provider:
    "An e-ID provider's relying-party client."
    #: The name PROVIDERS and `[eid] provider` know it by.
    name = None
    #: Its name as the trail prints it.
    title = None

    @classmethod
    def configured(cls):
        """Whether trytond.conf configures the provider: read from the
        configuration only, without connecting or loading certificates."""
        raise NotImplementedError

    @classmethod
    def from_config(cls):
        """The provider as trytond.conf configures it;
        EidError('not_configured') unless configured()."""
        raise NotImplementedError

    def auth(self, end_user_ip, text=None, personal_number=None):
        "Start identifying the person at `end_user_ip`; an Order."
        raise NotImplementedError

    def sign(self, end_user_ip, text, hidden=None, personal_number=None):
        """Start an order in which the person signs `text` (shown to
        them) and `hidden` (bytes signed but not shown); an Order."""
        raise NotImplementedError

    def collect(self, ref):
        "The Result of the order `ref` now."
        raise NotImplementedError

    def cancel(self, ref):
        "Cancel the pending order `ref`."
        raise NotImplementedError

    @classmethod
    def qr_data(cls, order, now):
        """What the QR code of `order` shows at `now` (UTC), or None
        without one. Needs no connection: a class method."""
        return None

    @classmethod
    def start_url(cls, order):
        "The link that starts the person's app on this device, or None."
        return None


def provider():
    "The configured Provider; EidError('not_configured') without one."
    name = config.get('eid', 'provider', default='bankid')
    try:
        return PROVIDERS[name].from_config()
    except KeyError:
        raise EidError('not_configured', name)


def offered():
    """Whether an e-ID provider is configured, so that signing is offered.
    Asked on each documents page: the configuration only, not the
    provider's TLS context that provider() builds."""
    name = config.get('eid', 'provider', default='bankid')
    return name in PROVIDERS and PROVIDERS[name].configured()


def mask(personal_number):
    """A personal number as the trail prints it: the date of birth, the
    rest hidden (19800101-****); the provider's signature keeps it whole.
    """
    digits = ''.join(c for c in personal_number or '' if c.isdigit())
    if len(digits) < 8:
        return '****'
    return f'{digits[:-4]}-****'

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The password reset requests of the last hour, to throttle them, and
what any throttle of portal requests shares.

Kept in the database, not in a worker's memory: production runs several
trytond workers behind one address (issue 12).
"""
import datetime as dt

from sql.aggregate import Count

import trytond.config as config
from trytond.model import ModelSQL, fields
from trytond.transaction import Transaction

#: (option, default) of the [sosolo_portal] section.
LIMITS = {
    'reset_max_per_address': 3,
    'reset_address_window': 15 * 60,
    'reset_max_per_ip': 10,
    'reset_ip_window': 60 * 60,
    }


def limit(option, defaults=LIMITS):
    """A throttle setting of ``[sosolo_portal]``, with its default from
    `defaults` (a module's own throttles bring theirs)."""
    return config.getint('sosolo_portal', option, default=defaults[option])


class AttemptMixin:
    """Requests of one kind, by the client's network, to refuse a flood
    at once: count what came from here in a window, record what is let
    through."""
    __slots__ = ()
    ip_network = fields.Char("IP Network")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__ = {}

    @classmethod
    def _since(cls, seconds):
        return dt.datetime.now() - dt.timedelta(seconds=seconds)

    @classmethod
    def _ip_network(cls):
        # Tryton's own grouping of addresses ([session] ip_network_4/6):
        # one IPv6 client holds a whole /64 or more.
        _, network = Transaction().remote_address()
        return str(network) if network else None

    @classmethod
    def _count(cls, where, seconds):
        "How many attempts match `where` in the last `seconds`."
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        cursor.execute(*table.select(Count(table.id),
                where=where(table)
                & (table.create_date >= cls._since(seconds))))
        count, = cursor.fetchone()
        return count

    @classmethod
    def count_ip(cls, seconds):
        "The attempts from this request's network in the last `seconds`."
        network = cls._ip_network()
        if network is None:
            return 0
        return cls._count(lambda t: t.ip_network == network, seconds)

    @classmethod
    def record_attempt(cls, oldest, values=None):
        "Record an attempt; forget those older than `oldest` seconds."
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        cursor.execute(*table.delete(
                where=table.create_date < cls._since(oldest)))
        cls.create([{'ip_network': cls._ip_network(), **(values or {})}])


class ResetAttempt(AttemptMixin, ModelSQL):
    __name__ = 'sosolo.portal.reset.attempt'
    __string__ = "Portal Password Reset Attempt"
    email = fields.Char("E-mail", size=512)

    @classmethod
    def throttled(cls, email):
        """Whether a reset for `email` from this request's address is over
        ``[sosolo_portal] reset_max_per_address`` in
        ``reset_address_window`` seconds or ``reset_max_per_ip`` in
        ``reset_ip_window`` seconds."""
        email = email[:cls.email.size]
        if cls._count(lambda t: t.email == email,
                limit('reset_address_window')) >= limit(
                'reset_max_per_address'):
            return True
        return (cls.count_ip(limit('reset_ip_window'))
            >= limit('reset_max_per_ip'))

    @classmethod
    def add(cls, email):
        "Record a reset request that was let through."
        cls.record_attempt(
            max(limit('reset_address_window'), limit('reset_ip_window')),
            {'email': email[:cls.email.size]})

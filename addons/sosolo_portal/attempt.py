# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The password reset requests of the last hour, to throttle them.

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


def limit(option):
    "A throttle setting of ``[sosolo_portal]``, with its default."
    return config.getint('sosolo_portal', option, default=LIMITS[option])


class ResetAttempt(ModelSQL):
    __name__ = 'sosolo.portal.reset.attempt'
    __string__ = "Portal Password Reset Attempt"
    email = fields.Char("E-mail", size=512)
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
    def throttled(cls, email):
        """Whether a reset for `email` from this request's address is over
        ``[sosolo_portal] reset_max_per_address`` in
        ``reset_address_window`` seconds or ``reset_max_per_ip`` in
        ``reset_ip_window`` seconds."""
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        email = email[:cls.email.size]
        cursor.execute(*table.select(Count(table.id),
                where=(table.email == email)
                & (table.create_date
                    >= cls._since(limit('reset_address_window')))))
        count, = cursor.fetchone()
        if count >= limit('reset_max_per_address'):
            return True
        network = cls._ip_network()
        if network is None:
            return False
        cursor.execute(*table.select(Count(table.id),
                where=(table.ip_network == network)
                & (table.create_date
                    >= cls._since(limit('reset_ip_window')))))
        count, = cursor.fetchone()
        return count >= limit('reset_max_per_ip')

    @classmethod
    def add(cls, email):
        "Record a reset request that was let through."
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        oldest = max(limit('reset_address_window'), limit('reset_ip_window'))
        cursor.execute(*table.delete(
                where=table.create_date < cls._since(oldest)))
        cls.create([{
                    'email': email[:cls.email.size],
                    'ip_network': cls._ip_network(),
                    }])

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bookings of shared resources, which cannot overlap.

The guarantee is an exclusion constraint (DESIGN.md "Bookings that
cannot overlap"): on PostgreSQL with btree_gist it is the database's
own ``EXCLUDE USING GIST``, elsewhere Tryton's fallback check in
``ModelSQL.validate`` under a table lock (PostgreSQL without the
extension) or SQLite's single writer. ``check_free`` runs first to
tell the member when the resource is free.
"""
import datetime as dt
import logging
import math
from decimal import Decimal

from sql.operators import Equal

from trytond import backend
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import Check, Exclude, ModelSQL, ModelView, Workflow, fields
from trytond.modules.sosolo_sweden import rules
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.sql.functions import TSRange
from trytond.sql.operators import RangeOverlap
from trytond.transaction import Transaction, without_check_access

logger = logging.getLogger(__name__)

STATES = [
    ('booked', "Booked"),
    ('cancelled', "Cancelled"),
    ]


class BookingOverlapError(UserError):
    pass


def free_from(busy, start, end):
    """The earliest time at or after `start` when the slot of `end - start`
    is free, given the `busy` (start, end) pairs, end excluded.

    >>> h = lambda n: dt.datetime(2026, 12, 3, n)
    >>> free_from([(h(8), h(10)), (h(10), h(12)), (h(13), h(14))],
    ...     h(9), h(10))
    datetime.datetime(2026, 12, 3, 12, 0)
    >>> free_from([(h(8), h(10)), (h(11), h(14))], h(9), h(11))
    datetime.datetime(2026, 12, 3, 14, 0)
    """
    length = end - start
    for busy_start, busy_end in sorted(busy):
        if busy_start < start + length and start < busy_end:
            start = busy_end
    return start


def booking_price(price, unit, start, end):
    """What a booking costs: `price` per started hour or day.

    >>> booking_price(Decimal('150'), 'hour',
    ...     dt.datetime(2026, 12, 3, 8), dt.datetime(2026, 12, 3, 10, 30))
    Decimal('450.00')
    >>> booking_price(Decimal('400'), 'day',
    ...     dt.datetime(2026, 12, 3, 8), dt.datetime(2026, 12, 4, 8))
    Decimal('400.00')
    >>> booking_price(None, None, dt.datetime(2026, 12, 3, 8),
    ...     dt.datetime(2026, 12, 3, 9))
    Decimal('0.00')
    """
    if not price or not unit:
        return Decimal('0.00')
    seconds = {'hour': 3600, 'day': 86400}[unit]
    units = math.ceil((end - start).total_seconds() / seconds)
    return (price * units).quantize(Decimal('0.01'))


def local(timestamp):
    "A naive UTC `timestamp` (as bookings are stored) as naive Swedish time."
    return rules.local(timestamp).replace(tzinfo=None)


def utc(timestamp):
    "A naive Swedish `timestamp` as naive UTC."
    return timestamp.replace(tzinfo=rules.ZONE).astimezone(
        dt.timezone.utc).replace(tzinfo=None)


def format_local(timestamp):
    return local(timestamp).strftime('%Y-%m-%d %H:%M')


class Booking(Workflow, ModelSQL, ModelView):
    "Booking of a Shared Resource"
    __name__ = 'sosolo.community.booking'

    _states = {'readonly': Eval('state') != 'booked'}

    resource = fields.Many2One('sosolo.community.resource', "Resource",
        required=True, ondelete='CASCADE', states=_states)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='RESTRICT', states=_states)
    start = fields.DateTime("Start", required=True, states=_states)
    end = fields.DateTime("End", required=True, states=_states,
        domain=[('end', '>', Eval('start'))])
    note = fields.Char("Note", states=_states)
    state = fields.Selection(STATES, "State", readonly=True, required=True)
    state_string = state.translated('state')
    amount = fields.Function(fields.Numeric("Amount", digits=(16, 2)),
        'get_amount')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('end_after_start', Check(t, t.end > t.start),
                'sosolo_community.msg_booking_end_after_start'),
            ('no_overlap', Exclude(t,
                    (t.resource, Equal),
                    (TSRange(t.start, t.end, '[)'), RangeOverlap),
                    where=t.state != 'cancelled'),
                'sosolo_community.msg_booking_overlap_constraint'),
            ]
        cls._order = [('start', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {('booked', 'cancelled')}
        cls._buttons.update({
                'cancel': {
                    'invisible': Eval('state') != 'booked',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def __register__(cls, module):
        if backend.name == 'postgresql':
            create_btree_gist()
        super().__register__(module)

    @staticmethod
    def default_state():
        return 'booked'

    def get_amount(self, name):
        return booking_price(self.resource.price, self.resource.price_unit,
            self.start, self.end)

    def get_rec_name(self, name):
        return '%s %s' % (self.resource.rec_name, format_local(self.start))

    @classmethod
    def create(cls, vlist):
        # Before the insert: on PostgreSQL the exclusion constraint
        # refuses the overlap at the INSERT, before validate, with a
        # message that cannot say when the resource is free.
        for values in vlist:
            if values.get('state', 'booked') != 'cancelled':
                cls.check_free(values.get('resource'), values.get('start'),
                    values.get('end'))
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        for bookings, values in zip(actions, actions):
            if values.keys() & {'resource', 'start', 'end'}:
                for booking in bookings:
                    if booking.state != 'cancelled':
                        cls.check_free(
                            values.get('resource', booking.resource.id),
                            values.get('start', booking.start),
                            values.get('end', booking.end),
                            exclude=booking.id)
        super().write(*args)

    @classmethod
    def check_free(cls, resource_id, start, end, exclude=None):
        """Refuse a booking from `start` to `end` that overlaps another of
        resource `resource_id`, saying when the resource is free.

        Other members' bookings count, whoever asks: they are searched
        without access checks, and only their times are used. Two
        bookings made at once both pass here; the exclusion constraint
        refuses the second.
        """
        if not (resource_id and start and end and start < end):
            return
        Resource = Pool().get('sosolo.community.resource')
        domain = [
            ('resource', '=', resource_id),
            ('state', '!=', 'cancelled'),
            # The later ones too: they tell when it is free.
            ('end', '>', start),
            ]
        if exclude:
            domain.append(('id', '!=', exclude))
        with without_check_access():
            busy = [(b.start, b.end) for b in cls.search(domain)]
            name = Resource(resource_id).rec_name
        if any(s < end and start < e for s, e in busy):
            raise BookingOverlapError(gettext(
                    'sosolo_community.msg_booking_overlap',
                    resource=name,
                    start=format_local(start),
                    end=format_local(end),
                    free=format_local(free_from(busy, start, end))))

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, bookings):
        pass

    @classmethod
    def busy_times(cls, resources, after):
        """When each of `resources` is booked after `after`:
        {resource id: [(start, end)]}, by start.

        Every member's bookings, whoever asks, so they are searched
        without access checks; only their times leave this method.
        """
        result = {r.id: [] for r in resources}
        with without_check_access():
            for booking in cls.search([
                        ('resource', 'in', list(result)),
                        ('state', '=', 'booked'),
                        ('end', '>', after),
                        ], order=[('start', 'ASC')]):
                result[booking.resource.id].append(
                    (booking.start, booking.end))
        return result

    @classmethod
    def book(cls, member, resource, start, end, note=None):
        """Book `resource` for `member` from `start` to `end` (naive UTC):
        the one way the portal, the back office and the tests book."""
        booking, = cls.create([{
                    'member': member.id,
                    'resource': resource.id,
                    'start': start,
                    'end': end,
                    'note': note,
                    }])
        return booking


def create_btree_gist():
    """Create PostgreSQL's btree_gist extension if it is missing.

    The exclusion constraint compares the resource with ``=`` inside a
    GiST index, which needs btree_gist; without it Tryton silently keeps
    the constraint out of the database (PostgreSQL has_constraint) and
    falls back to a check under a table lock. It is created on a
    connection of its own, committed, because ``has_extension`` asks on
    another connection and remembers the answer: the remembered answer
    is dropped after. btree_gist is a trusted extension (PostgreSQL 13+),
    so a user with CREATE on the database may create it; when it may
    not, the fallback is logged and stays.
    """
    import psycopg
    database = Transaction().database
    if database.has_extension('btree_gist'):
        return
    connection = database.get_connection(autocommit=True)
    try:
        with connection.cursor() as cursor:
            cursor.execute('CREATE EXTENSION IF NOT EXISTS btree_gist')
    except psycopg.Error:
        logger.warning("btree_gist could not be created: bookings are "
            "checked under a table lock instead of by the database")
    finally:
        database.put_connection(connection)
    database.clear_cache()

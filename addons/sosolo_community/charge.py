# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Priced bookings of the cooperative's resources, charged to the
member's activity account in convoy (issue 15, item 5).

The member's business is run inside the cooperative, so the use of its
trailer or room is a cost of that business, moved to the member's
activity account as an approved expense's cost is (sosolo_convoy's
expense.py): Dr the member account 2829 with the member as party, Cr the
share account 7690, the amount excluding VAT. A resource a member lends
is settled between the members and is not charged here."""
import datetime as dt
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta

from .booking import format_local, local

_ZERO = Decimal(0)


class BookingChargedError(UserError):
    pass


class Booking(metaclass=PoolMeta):
    __name__ = 'sosolo.community.booking'

    move = fields.Many2One('account.move', "Move", readonly=True,
        help="The charge of the booking to the member's activity account.")

    @classmethod
    def copy(cls, bookings, default=None):
        default = default.copy() if default else {}
        default.setdefault('move')
        return super().copy(bookings, default=default)

    @classmethod
    def cancel(cls, bookings):
        for booking in bookings:
            if booking.move:
                raise BookingChargedError(gettext(
                        'sosolo_community.msg_booking_charged',
                        booking=booking.rec_name))
        super().cancel(bookings)

    @classmethod
    def charge_ended(cls, now=None):
        """Cron, daily: charge each ended, priced booking of a resource
        the cooperative owns to the member's activity account, once."""
        pool = Pool()
        Move = pool.get('account.move')
        Configuration = pool.get('sosolo.convoy.configuration')
        if now is None:
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        bookings = [b for b in cls.search([
                    ('state', '=', 'booked'),
                    ('end', '<=', now),
                    ('move', '=', None),
                    ('resource.owner', '=', None),
                    ('resource.price', '!=', None),
                    ]) if b.amount]
        if not bookings:
            return []
        config = Configuration(1)
        moves = [b.get_charge_move(config) for b in bookings]
        Move.save(moves)
        Move.post(moves)
        for booking, move in zip(bookings, moves):
            booking.move = move
        cls.save(bookings)
        return bookings

    def get_charge_move(self, config):
        "Dr member account / Cr share account, dated the booking's last day."
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        Period = pool.get('account.period')
        company = self.resource.company
        date = local(self.end).date()
        member_account = config.required('member_account')
        debit = Line(account=member_account, debit=self.amount,
            credit=_ZERO)
        if member_account.party_required:
            debit.party = self.member.party
        credit = Line(account=config.required('share_account'), debit=_ZERO,
            credit=self.amount)
        # On the member's statement in the portal: in Swedish.
        return Move(company=company, journal=config.required('journal'),
            period=Period.find(company, date=date), date=date,
            origin=self, lines=[debit, credit],
            description=gettext('sosolo_community.msg_booking_charge_move',
                'sv', resource=self.resource.rec_name,
                start=format_local(self.start), end=format_local(self.end)))


class Move(metaclass=PoolMeta):
    __name__ = 'account.move'

    @classmethod
    def _get_origin(cls):
        return super()._get_origin() + ['sosolo.community.booking']

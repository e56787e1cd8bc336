# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import fields
from trytond.pool import PoolMeta


class Member(metaclass=PoolMeta):
    __name__ = 'sosolo.member'

    tender_digest_off = fields.Boolean("No Tender E-mail",
        help="The member does not want the weekly e-mail of the new "
        "tenders that match the member's interests.")

    @classmethod
    def set_tender_digest(cls, member, wanted):
        """Start or stop `member`'s weekly tender e-mail; the portal's
        opt-out (the portal user writes the own membership, member.xml)."""
        cls.write([member], {'tender_digest_off': not wanted})

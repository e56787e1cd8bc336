# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import fields
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    convoy_assignments = fields.One2Many(
        'sosolo.convoy.assignment', 'customer', "Assignments", readonly=True,
        help="The members' assignments billed to the party.")

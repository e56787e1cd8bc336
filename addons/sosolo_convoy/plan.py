# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from trytond.model import DeactivableMixin, ModelSQL, ModelView, fields

from . import rules


class Plan(DeactivableMixin, ModelSQL, ModelView):
    "Convoy Plan"
    __name__ = 'sosolo.convoy.plan'
    name = fields.Char("Name", required=True, translate=True)
    fee_rate = fields.Numeric("Fee (%)", digits=(5, 2), required=True,
        domain=[('fee_rate', '>=', 0), ('fee_rate', '<', 100)],
        help="The cooperative's fee as a percentage of the invoiced "
        "amount excluding VAT.")
    minimum_fee = fields.Numeric("Minimum Fee", digits=(16, 2),
        domain=['OR',
            ('minimum_fee', '=', None),
            ('minimum_fee', '>=', 0)],
        help="The smallest fee taken on one invoice, if any.")
    pension_rate = fields.Numeric("Pension Premium (%)", digits=(5, 2),
        domain=['OR',
            ('pension_rate', '=', None),
            [('pension_rate', '>=', 0), ('pension_rate', '<', 100)]],
        help="A pension premium as a percentage of the gross pay. The "
        "member's account pays it and the särskild löneskatt on it "
        "(24.26 %) with the salary.")

    @classmethod
    def default_fee_rate(cls):
        return Decimal(6)

    def fee(self, amount):
        "The fee on `amount` excluding VAT."
        return rules.fee(amount, self.fee_rate, self.minimum_fee)

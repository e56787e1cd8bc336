# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import DeactivableMixin, ModelSQL, ModelView, fields
from trytond.modules.sosolo_membership.member import MUNICIPALITIES
from trytond.pyson import Bool, Eval
from trytond.transaction import Transaction

KINDS = [
    ('machine', "Machine"),
    ('vehicle', "Vehicle"),
    ('premises', "Premises"),
    ('equipment', "Equipment"),
    ('skill', "Skill"),
    ]
PRICE_UNITS = [
    (None, ""),
    ('hour', "Per Hour"),
    ('day', "Per Day"),
    ]


class Resource(DeactivableMixin, ModelSQL, ModelView):
    """Shared Resource

    A machine, vehicle, room, piece of equipment or skill that members
    book by the hour or the day. It belongs to a member, or to the
    cooperative when no member is given.
    """
    __name__ = 'sosolo.community.resource'

    company = fields.Many2One('company.company', "Company", required=True)
    name = fields.Char("Name", required=True, translate=False)
    kind = fields.Selection(KINDS, "Kind", required=True)
    kind_string = kind.translated('kind')
    owner = fields.Many2One('sosolo.member', "Owner",
        domain=[('company', '=', Eval('company', -1))],
        help="The member who lends it; empty when the cooperative owns it.")
    municipality = fields.Selection(MUNICIPALITIES, "Municipality")
    municipality_string = municipality.translated('municipality')
    description = fields.Text("Description")
    conditions = fields.Text("Conditions",
        help="What a borrower must know and agree to.")
    price = fields.Numeric("Price", digits=(16, 2),
        states={'required': Bool(Eval('price_unit'))},
        help="Excluding VAT; empty when it is lent for free.")
    price_unit = fields.Selection(PRICE_UNITS, "Price Unit",
        states={'required': Bool(Eval('price'))})
    price_unit_string = price_unit.translated('price_unit')
    bookings = fields.One2Many('sosolo.community.booking', 'resource',
        "Bookings", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('name', 'ASC'))

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

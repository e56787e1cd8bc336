# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import ROUND_HALF_UP, Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields

from .exceptions import AllowanceRateError

KINDS = [
    ('mileage', "Mileage, Own Car"),
    ('per_diem', "Per Diem, Sweden"),
    ]
_CENT = Decimal('0.01')


def allowance(quantity, rate):
    """The tax-free allowance for `quantity` kilometres or days at `rate`
    kronor each, rounded to öre half up."""
    return (Decimal(quantity) * Decimal(rate)).quantize(
        _CENT, rounding=ROUND_HALF_UP)


class AllowanceRate(ModelSQL, ModelView):
    """Tax-Free Allowance Rate

    Skatteverket's tax-free amounts for one year, kept as data (one
    record per kind and year) and added by staff when they change.
    """
    __name__ = 'sosolo.convoy.allowance.rate'

    year = fields.Integer("Year", required=True)
    kind = fields.Selection(KINDS, "Kind", required=True)
    rate = fields.Numeric("Rate", digits=(16, 2), required=True,
        domain=[('rate', '>', 0)],
        help="Kronor per kilometre (mileage) or per full day (per diem).")
    source = fields.Char("Source", help="Where the amount is published.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('year_kind_unique', Unique(t, t.year, t.kind),
                'sosolo_convoy.msg_allowance_rate_unique'),
            ]
        cls._order = [('year', 'DESC'), ('kind', 'ASC'), ('id', 'ASC')]

    @classmethod
    def rate_for(cls, kind, date):
        "The rate of `kind` for the year of `date`, or an error."
        rates = cls.search([
                ('year', '=', date.year),
                ('kind', '=', kind),
                ], limit=1)
        if not rates:
            raise AllowanceRateError(gettext(
                    'sosolo_convoy.msg_allowance_rate_missing',
                    kind=dict(cls.fields_get(['kind'])['kind']['selection'])[
                        kind],
                    year=date.year))
        return rates[0].rate

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Analytic accounts as SIE dimensions (#DIM) and objects (#OBJEKT).

Each analytic root is a dimension; the normal accounts under it are its
objects, named in SIE by their code.
"""
from trytond.model import Unique, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .sie_format import default_dimension


class AnalyticAccount(metaclass=PoolMeta):
    __name__ = 'analytic_account.account'

    sie_dimension = fields.Integer(
        "SIE Dimension",
        domain=['OR',
            ('sie_dimension', '=', None),
            ('sie_dimension', '>', 0),
            ],
        states={
            'invisible': Eval('type') != 'root',
            },
        help="The dimension number of this root in SIE files (#DIM): "
        "1 cost centre, 6 project, 20 and up for one's own.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('sie_dimension_unique', Unique(t, t.company, t.sie_dimension),
                'sosolo_sweden.msg_sie_dimension_unique'),
            ]

    @property
    def sie_object(self):
        "The object's code in SIE files."
        return self.code or str(self.id)


def dimension_roots(company):
    """Return {SIE dimension number: analytic root} of `company`.

    Roots without a number get the default for their name, in the order
    they were created (sie_format.default_dimension).
    """
    Account = Pool().get('analytic_account.account')
    with Transaction().set_context(active_test=False):
        roots = Account.search([
                ('company', '=', company.id),
                ('type', '=', 'root'),
                ('parent', '=', None),
                ], order=[('id', 'ASC')])
    dimensions = {r.sie_dimension: r for r in roots if r.sie_dimension}
    for root in roots:
        if not root.sie_dimension:
            dimensions[default_dimension(root.name, set(dimensions))] = root
    return dimensions


def dimension_objects(company, roots):
    """Return {analytic account id: (dimension, object code)} for the
    normal accounts under `roots` ({dimension: root})."""
    Account = Pool().get('analytic_account.account')
    numbers = {r.id: d for d, r in roots.items()}
    objects = {}
    with Transaction().set_context(active_test=False):
        accounts = Account.search([
                ('company', '=', company.id),
                ('type', '=', 'normal'),
                ('root', 'in', list(numbers)),
                ], order=[('id', 'ASC')])
    for account in accounts:
        objects[account.id] = (
            str(numbers[account.root.id]), account.sie_object)
    return objects

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Record rules on the portal session's party.

Portal routes run as the restricted portal user with ``portal_party`` in
the context (``portal.as_portal``). Record rules of the portal group
bind member-owned records to it, as the company module binds records to
``companies``:
``[('member.party', '=', Eval('portal_party', -1))]``.
"""
from trytond.pool import PoolMeta
from trytond.transaction import Transaction


def portal_party():
    "The party of the portal session of the transaction, or -1."
    party = Transaction().context.get('portal_party')
    return party if isinstance(party, int) else -1


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def _get_cache_key(cls, model_names):
        key = super()._get_cache_key(model_names)
        return (*key, portal_party())

    @classmethod
    def _get_context(cls, model_name):
        context = super()._get_context(model_name)
        context['portal_party'] = portal_party()
        return context

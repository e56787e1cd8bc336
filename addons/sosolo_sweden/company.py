# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import fields
from trytond.pool import PoolMeta

from .rules import LEGAL_FORMS


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    se_legal_form = fields.Selection(
        LEGAL_FORMS, "Legal Form",
        help="The company form, as written in SIE files (#FTYP).")
    f_tax_approved = fields.Boolean(
        "Approved for F-tax",
        help="Printed on invoices as \"Godkänd för F-skatt\".")
    se_bankgiro = fields.Char("Bankgiro",
        help="The bankgiro number customers pay to, printed on invoices.")
    se_orgnr = fields.Function(
        fields.Char("Organisation Number"), 'get_se_identifier')
    se_vat = fields.Function(
        fields.Char("VAT Number"), 'get_se_identifier')

    @classmethod
    def default_se_legal_form(cls):
        return 'EK'

    @classmethod
    def default_f_tax_approved(cls):
        return True

    def get_se_identifier(self, name):
        types = {'se_orgnr': {'se_orgnr'}, 'se_vat': {'eu_vat', 'se_vat'}}
        for identifier in self.party.identifiers:
            if identifier.type in types[name]:
                if name == 'se_vat' and not identifier.code.startswith('SE'):
                    continue
                return identifier.code

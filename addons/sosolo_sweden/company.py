# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import PoolMeta

from .exceptions import BankgiroError
from .rules import LEGAL_FORMS, normalize_bankgiro


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
    se_vat_period = fields.Selection([
            ('month', "Month"),
            ('quarter', "Quarter"),
            ], "VAT Period", required=True,
        help="How often the VAT return is filed, as Skatteverket "
        "decided: the staff's To Do shows when the next one is due.")
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

    @classmethod
    def default_se_vat_period(cls):
        return 'month'

    @classmethod
    def validate(cls, companies):
        super().validate(companies)
        for company in companies:
            company.check_se_bankgiro()

    def check_se_bankgiro(self):
        "A bankgiro number has its Luhn check digit (normalize_bankgiro)."
        if self.se_bankgiro and not normalize_bankgiro(self.se_bankgiro):
            raise BankgiroError(gettext(
                    'sosolo_sweden.msg_company_bankgiro_invalid',
                    bankgiro=self.se_bankgiro, company=self.rec_name))

    def get_se_identifier(self, name):
        types = {'se_orgnr': {'se_orgnr'}, 'se_vat': {'eu_vat', 'se_vat'}}
        for identifier in self.party.identifiers:
            if identifier.type in types[name]:
                if name == 'se_vat' and not identifier.code.startswith('SE'):
                    continue
                return identifier.code

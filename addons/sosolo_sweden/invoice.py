# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import Index, fields
from trytond.pool import PoolMeta
from trytond.pyson import Eval

from .exceptions import InvoiceBankgiroError
from .ocr import is_valid_ocr, ocr_reference


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    se_ocr = fields.Char("OCR Reference", readonly=True, strip=False,
        states={
            'invisible': Eval('type') != 'out',
            },
        help="The bankgiro OCR payment reference, from the invoice number.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.se_ocr.search_unaccented = False
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.se_ocr, Index.Equality())))

    @classmethod
    def _post(cls, invoices):
        # Both post and post_batch come here, before any move is made.
        cls.check_bankgiro(invoices)
        super()._post(invoices)

    @classmethod
    def check_bankgiro(cls, invoices):
        """Refuse customer invoices of a company without a bankgiro: the
        invoice tells the customer to pay to it with the OCR reference."""
        for invoice in invoices:
            if invoice.type == 'out' and not invoice.company.se_bankgiro:
                raise InvoiceBankgiroError(gettext(
                        'sosolo_sweden.msg_invoice_no_bankgiro',
                        company=invoice.company.rec_name))

    def compute_fields(self, field_names=None):
        values = super().compute_fields(field_names=field_names)
        if field_names is None or {'number', 'type'} & set(field_names):
            values['se_ocr'] = (ocr_reference(self.number)
                if self.number and self.type == 'out' else None)
        return values

    def _customer_payment_reference_type(self):
        # Swedish customers pay by bankgiro with the OCR reference.
        return 'se_ocr'

    def _format_customer_payment_reference_se_ocr(self, source):
        return self.se_ocr

    @classmethod
    def _search_customer_payment_reference(cls, value):
        yield from super()._search_customer_payment_reference(value)
        if is_valid_ocr(value):
            yield ('se_ocr', '=', value)

    @classmethod
    def search_rec_name(cls, name, clause):
        return super().search_rec_name(name, clause) + [
            ('se_ocr', *clause[1:])]

    @classmethod
    def copy(cls, invoices, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('se_ocr')
        return super().copy(invoices, default=default)

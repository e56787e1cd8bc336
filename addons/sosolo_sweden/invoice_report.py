# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Swedish customer invoice as PDF (HTML template, WeasyPrint).

What it shows follows mervärdesskattelagen 17 kap. 24 § (the contents
of an invoice: dates, seller's VAT number, VAT per rate, the reason for
no VAT such as reverse charge) and Skatteverket's rule that an F-tax
approved seller states "Godkänd för F-skatt".
"""
from collections import defaultdict

from trytond.pool import Pool
from trytond.report import Report


def vat_per_rate(invoice):
    "[(description, base, amount)] of the invoice's taxes, one per tax."
    totals = defaultdict(lambda: [0, 0])
    for tax in invoice.taxes:
        key = tax.description or (tax.tax.name if tax.tax else '')
        totals[key][0] += tax.base
        totals[key][1] += tax.amount
    return [(k, b, a) for k, (b, a) in sorted(totals.items())]


def legal_notices(invoice):
    "The taxes' legal notices (reverse charge, exemptions), once each."
    notices = []
    for tax in invoice.taxes:
        notice = tax.tax.legal_notice if tax.tax else None
        if notice and notice not in notices:
            notices.append(notice)
    return notices


class InvoiceSE(Report):
    __name__ = 'sosolo.invoice'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Lang = pool.get('ir.lang')
        context = super().get_context(records, header, data)
        lang, = Lang.search([('code', '=', 'sv')], limit=1) or [None]
        context['sv'] = lang
        context['vat_per_rate'] = vat_per_rate
        context['legal_notices'] = legal_notices
        return context

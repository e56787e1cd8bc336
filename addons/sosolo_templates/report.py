# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from genshi.input import HTML

from trytond.pool import Pool
from trytond.report import Report


class DocumentReport(Report):
    "Document"
    __name__ = 'sosolo.template.document'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        # The body is the template's HTML with escaped values
        # (rules.fill). Genshi's Markup would not do: Tryton's report
        # Translator turns each text event into a plain string, which is
        # then escaped; parsed into events, the body stays markup.
        context['markup'] = lambda body: HTML(body, encoding='utf-8')
        return context


class AuditReport(Report):
    "Document Audit Page"
    __name__ = 'sosolo.template.document.audit'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Signature = pool.get('sosolo.template.document.signature')
        context = super().get_context(records, header, data)
        context['methods'] = Signature.method_names()
        return context

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fiscal years: one place that opens a year with its monthly periods
and its sequences, for `sosolo init`, the demo and SIE import."""
from dateutil.relativedelta import relativedelta

from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta
from trytond.rpc import RPC

from .exceptions import YearEndError
from .rules import fiscal_year_name, next_fiscal_year


class FiscalYear(metaclass=PoolMeta):
    __name__ = 'account.fiscalyear'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__.update({
                'create_year': RPC(readonly=False, result=int),
                })

    @classmethod
    def create_year(cls, company, start_date, end_date=None):
        """Create the fiscal year of `company` from `start_date` to
        `end_date` (twelve months by default) with its monthly periods,
        its move sequence and its invoice sequence; return it."""
        pool = Pool()
        Company = pool.get('company.company')
        Sequence = pool.get('ir.sequence.strict')
        ModelData = pool.get('ir.model.data')
        company = Company(int(company))
        if end_date is None:
            _, end_date = next_fiscal_year(
                start_date - relativedelta(days=1))
        name = fiscal_year_name(start_date, end_date)
        if cls.search([
                    ('company', '=', company.id),
                    ('start_date', '<=', end_date),
                    ('end_date', '>=', start_date),
                    ], limit=1):
            raise YearEndError(gettext(
                    'sosolo_sweden.msg_fiscalyear_overlap',
                    fiscalyear=name, company=company.rec_name))
        move_sequence, invoice_sequence = Sequence.create([{
                    'name': f"Verifikationer {name}",
                    'sequence_type': ModelData.get_id(
                        'account', 'sequence_type_account_move'),
                    'company': company.id,
                    }, {
                    'name': f"Fakturor {name}",
                    'sequence_type': ModelData.get_id(
                        'account_invoice', 'sequence_type_account_invoice'),
                    'company': company.id,
                    'prefix': f'{start_date.year}-',
                    'padding': 4,
                    }])
        invoice = invoice_sequence.id
        fiscalyear, = cls.create([{
                    'name': name,
                    'start_date': start_date,
                    'end_date': end_date,
                    'company': company.id,
                    'move_sequence': move_sequence.id,
                    'invoice_sequences': [('create', [{
                                    'company': company.id,
                                    'out_invoice_sequence': invoice,
                                    'out_credit_note_sequence': invoice,
                                    'in_invoice_sequence': invoice,
                                    'in_credit_note_sequence': invoice,
                                    }])],
                    }])
        cls.create_period([fiscalyear])
        return fiscalyear

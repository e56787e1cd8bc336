# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt

from genshi.core import Markup

from trytond.model import ModelView, fields
from trytond.modules.sosolo_sweden.rules import BankAccount, parse_bank_account
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction
from trytond.wizard import Button, StateReport, StateView, Wizard

from . import charts, kpi
from .party import forgotten_password_url, local_time


def _company():
    "The context's company, else the cooperative's, or None."
    Company = Pool().get('company.company')
    company_id = (Transaction().context.get('company')
        or next(iter(Company.cooperative_ids()), None))
    return Company(company_id) if company_id else None


def _date(data):
    "The report's data['date'], a date or its ISO text, as a date."
    date = data['date']
    return dt.date.fromisoformat(date) if isinstance(date, str) else date


class Certificate(Report):
    "Member Certificate"
    __name__ = 'sosolo.member.certificate'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Date = pool.get('ir.date')
        context = super().get_context(records, header, data)
        context['today'] = Date.today()
        return context


class BankAccountEmail(Report):
    "The e-mail to a member whose salary account changed"
    __name__ = 'sosolo.member.bank_account_email'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['forgotten_password_url'] = forgotten_password_url()
        context['masked'] = masked_bank_account
        context['local_time'] = local_time
        return context


def masked_bank_account(text):
    """The account as an e-mail may show it: the clearing number and the
    account number's last four digits (8327-9, …7890)."""
    account = parse_bank_account(text)
    if not account:
        return ''
    return str(BankAccount(account.clearing, '…' + account.number[-4:]))


class MemberInvoice(Report):
    "Invoice to a Member"
    __name__ = 'sosolo.member.invoice'


class Register(Report):
    "Member Register"
    __name__ = 'sosolo.member.register'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Member = pool.get('sosolo.member')
        context = super().get_context(records, header, data)
        date, company = _date(data), _company()
        context['date'] = date
        context['company'] = company
        context['rows'] = Member.register(
            date, company=company.id if company else None)
        return context


class FollowUp(Report):
    "The follow-up figures for the funders, at data['date']"
    __name__ = 'sosolo.member.follow_up'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Member = pool.get('sosolo.member')
        Figure = pool.get('sosolo.member.figure')
        context = super().get_context(records, header, data)
        date, company = _date(data), _company()
        figures = Figure.follow_up(date, company.id if company else None)
        context['date'] = date
        context['company'] = company
        context['figures'] = figures
        context['sections'] = charts.charts(figures, kpi.labels(Member))
        context['tables'] = Figure.follow_up_tables(figures)
        context['Markup'] = Markup
        return context


class PrintRegister(Wizard):
    "Print Member Register"
    __name__ = 'sosolo.member.register.print'

    start = StateView('sosolo.member.register.print.start',
        'sosolo_membership.register_print_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Print", 'print_', 'tryton-print', default=True),
            ])
    print_ = StateReport('sosolo.member.register')

    def do_print_(self, action):
        return action, {'date': self.start.date.isoformat()}


class PrintFollowUp(PrintRegister):
    "Print the Follow-up for the Funders"
    __name__ = 'sosolo.member.follow_up.print'

    print_ = StateReport('sosolo.member.follow_up')


class PrintRegisterStart(ModelView):
    "Print Member Register"
    __name__ = 'sosolo.member.register.print.start'

    date = fields.Date("Date", required=True)

    @classmethod
    def default_date(cls):
        return Pool().get('ir.date').today()

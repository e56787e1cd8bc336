# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The follow-up figures as back-office graphs and lists (issue 17).

Two table_query models over the register: the members active at the
date chosen in the context, by municipality, gender and first-time
entrepreneur; and the new members per month. Their counts agree with
kpi.py and figures.is_active.

Figure.follow_up is every follow-up figure at a date, for `sosolo kpi`,
the portal and the funders' report: other modules add theirs to it
(sosolo_community the use of the community) and to follow_up_tables.
"""
import datetime as dt

from sql import Null
from sql.aggregate import Count, Min
from sql.conditionals import Case
from sql.functions import DateTrunc

from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction

from . import figures, kpi
from .member import FIRST_TIME, GENDERS, MUNICIPALITIES


class FigureContext(ModelView):
    "Membership Figures Context"
    __name__ = 'sosolo.member.figure.context'

    date = fields.Date("Date", required=True)

    @classmethod
    def default_date(cls):
        return Pool().get('ir.date').today()


class Figure(ModelSQL, ModelView):
    "Active Members"
    __name__ = 'sosolo.member.figure'

    company = fields.Many2One('company.company', "Company", readonly=True)
    municipality = fields.Selection(MUNICIPALITIES, "Municipality",
        readonly=True)
    area = fields.Selection([
            ('inland', "Inland (Region 10)"),
            ('coast', "Coast"),
            ], "Area", readonly=True)
    gender = fields.Selection(GENDERS, "Gender", readonly=True)
    first_time = fields.Selection(FIRST_TIME, "First-Time Entrepreneur",
        readonly=True)
    members = fields.Integer("Members", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('municipality', 'ASC'), ('id', 'ASC')]

    @classmethod
    def follow_up(cls, date, company=None):
        """Every follow-up figure at `date`, as a dict that is also the
        JSON of `sosolo kpi`: kpi.kpi, extended by other modules."""
        return kpi.kpi(date, company)

    @classmethod
    def follow_up_tables(cls, figures):
        """[(key, title, [(label, count)])]: the tables that modules add
        to the follow-up's member charts for their part of `figures`,
        with their words in the context's language."""
        return []

    @classmethod
    def table_query(cls):
        pool = Pool()
        member = pool.get('sosolo.member').__table__()
        context = Transaction().context
        date = context.get('date') or pool.get('ir.date').today()
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        # As figures.is_active of Member.register_exit_date: entered,
        # and the exit date (once the member resigned) not passed.
        where = ((member.entry_date != Null) & (member.entry_date <= date)
            & ((member.exit_date == Null)
                | ~member.state.in_(['resigned', 'left'])
                | (member.exit_date >= date)))
        if context.get('company'):
            where &= member.company == context['company']
        # COUNT of a column, not COUNT('*'): PostgreSQL cannot type the
        # '*' parameter.
        # The area and the groups are computed in a subquery and grouped
        # by its columns: grouped by the expression, PostgreSQL sees two
        # differently numbered parameters and refuses the query.
        area = cls.area.sql_cast(
            Case((member.municipality.in_(sorted(figures.INLAND)),
                    'inland'), else_='coast'))
        active = member.select(
            member.id, member.company, member.municipality,
            area.as_('area'), member.gender, member.first_time,
            where=where)
        return active.select(
            Min(active.id).as_('id'),
            active.company.as_('company'),
            active.municipality.as_('municipality'),
            active.area.as_('area'),
            active.gender.as_('gender'),
            active.first_time.as_('first_time'),
            Count(active.id).as_('members'),
            group_by=[active.company, active.municipality, active.area,
                active.gender, active.first_time])


class FigureMonth(ModelSQL, ModelView):
    "New Members per Month"
    __name__ = 'sosolo.member.figure.month'

    company = fields.Many2One('company.company', "Company", readonly=True)
    month = fields.Date("Month", readonly=True)
    members = fields.Integer("New Members", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('month', 'ASC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        pool = Pool()
        member = pool.get('sosolo.member').__table__()
        month = cls.month.sql_cast(DateTrunc('month', member.entry_date))
        where = member.entry_date != Null
        company = Transaction().context.get('company')
        if company:
            where &= member.company == company
        # Grouped by the subquery's column, not the expression (see
        # Figure.table_query).
        entered = member.select(
            member.id, member.company, month.as_('month'), where=where)
        return entered.select(
            Min(entered.id).as_('id'),
            entered.company.as_('company'),
            entered.month.as_('month'),
            Count(entered.id).as_('members'),
            group_by=[entered.company, entered.month])

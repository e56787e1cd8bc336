# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a fiscal year's books as SIE 1-4 (4E).

Reads with python-sql queries: balances are aggregated by the database
and the vouchers of a journal are one query, with their analytic lines
joined, read through a server-side cursor, so memory does not grow with
the number of moves (DESIGN.md, "Large reads") and the database sorts
them once.

The books follow Tryton's model: balance accounts carry over from year
to year, so the opening balance (#IB) of a year is what Tryton carries
into it, plus the moves of its opening period (an adjustment period that
starts on the first day of the year, where SIE import puts the opening
balance). What Tryton carries is the deferrals it wrote when it closed
the previous year (account.account.deferral), or, while that year is
open, everything booked before. Result accounts (#RES) count the year's
moves outside the opening period.

Tryton closes a year by moving each result account's balance to 2099
in one move (the balance non-deferral, see fiscalyear.py); BAS books
the same as 8999 "Årets resultat" against 2099. The file shows it the
BAS way: the closing move's lines on result accounts are one line on
8999, so #RES keeps the year's result account by account.
"""
import datetime as dt
from contextlib import closing
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from sql import Literal, Null
from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond import backend
from trytond.pool import Pool
from trytond.transaction import Transaction

from . import rules
from .analytic import dimension_objects, dimension_roots
from .sie_format import ObjectList, Writer, round_amount, split_objects

PROGRAM = 'SOSOLO'
CHART_TYPE = 'EUBAS97'
#: Rows fetched per round trip when streaming vouchers from PostgreSQL.
FETCH = 2000
#: The income statement account of the year's result (BAS 8999).
RESULT_ACCOUNT = '8999'


def account_type(code, statement, assets, revenue, expense):
    """The #KTYP of an account: T asset, S liability, I income, K expense.

    From the Tryton account type's flags, else from the BAS class (1
    assets, 2 equity and liabilities, 3 income, 4-8 expenses).
    """
    if statement == 'balance':
        return 'T' if assets or code[:1] == '1' else 'S'
    if revenue:
        return 'I'
    if expense:
        return 'K'
    return 'I' if code[:1] == '3' else 'K'


def db_amount(value):
    "A sum from the database as Decimal öre (SQLite sums give floats)."
    if value is None:
        return Decimal(0)
    if isinstance(value, float):
        value = str(value)
    return round_amount(Decimal(value))


def stream_cursor(name):
    """A cursor that reads its rows from the database as they are used.

    psycopg's default cursor loads the whole result into memory; a named
    (server-side) cursor fetches `FETCH` rows at a time. SQLite's cursor
    already steps through the result row by row.
    """
    connection = Transaction().connection
    if backend.name == 'postgresql':
        cursor = connection.cursor(name=name)
        cursor.itersize = FETCH
        return cursor
    return connection.cursor()


class SIEExporter:
    "Export the fiscal year `fiscalyear` as SIE type `sie_type` (1-4)."

    def __init__(self, fiscalyear, sie_type=4, checksum=False, today=None):
        self.fiscalyear = fiscalyear
        self.company = fiscalyear.company
        self.sie_type = int(sie_type)
        self.checksum = checksum
        self.today = today or rules.today()
        self.previous = self.get_previous(fiscalyear)
        self.writer = None
        #: {analytic account id: (dimension, object code)}
        self.objects = {}
        #: codes of the result (income statement) accounts
        self.income_codes = set()

    @staticmethod
    def get_previous(fiscalyear):
        FiscalYear = Pool().get('account.fiscalyear')
        years = FiscalYear.search([
                ('company', '=', fiscalyear.company.id),
                ('end_date', '<', fiscalyear.start_date),
                ], order=[('end_date', 'DESC')], limit=1)
        return years[0] if years else None

    @property
    def years(self):
        years = [(0, self.fiscalyear)]
        if self.previous:
            years.append((-1, self.previous))
        return years

    def export(self, stream):
        """Write the file to the binary `stream`.

        Return the set of characters that CP437 lacks and were written
        as `?`.
        """
        self.writer = Writer(stream, checksum=self.checksum)
        self.write_header()
        accounts = self.write_accounts()
        if self.sie_type >= 3:
            self.write_dimensions()
        self.write_balances(accounts)
        if self.sie_type >= 2:
            self.write_period_balances(accounts)
        if self.sie_type >= 4:
            self.write_vouchers()
        self.writer.close()
        return self.writer.replaced

    def write_header(self):
        write = self.writer.write
        company = self.company
        write('#FLAGGA', 0)
        write('#PROGRAM', PROGRAM, self.get_version())
        write('#FORMAT', 'PC8')
        write('#GEN', self.today)
        write('#SIETYP', self.sie_type)
        write('#FNAMN', company.party.name)
        if company.se_orgnr:
            write('#ORGNR', company.se_orgnr)
        if company.se_legal_form:
            write('#FTYP', company.se_legal_form)
        for index, year in self.years:
            write('#RAR', index, year.start_date, year.end_date)
        write('#KPTYP', CHART_TYPE)

    @staticmethod
    def get_version():
        from trytond.modules import get_module_info
        return get_module_info('sosolo_sweden').get('version', '')

    def write_accounts(self):
        "Write #KONTO and #KTYP; return {account id: (code, statement)}."
        pool = Pool()
        Account = pool.get('account.account')
        Type = pool.get('account.account.type')
        account = Account.__table__()
        type_ = Type.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*account.join(type_,
                condition=account.type == type_.id
                ).select(
                account.id, account.code, account.name, type_.statement,
                type_.assets, type_.revenue, type_.expense,
                where=(account.company == self.company.id)
                & (account.code != Null)
                & (type_.statement.in_(['balance', 'income'])),
                order_by=[account.code, account.id]))
        accounts = {}
        rows = [r for r in cursor if r[1] and r[1].isdigit()]
        for id_, code, name, statement, *flags in rows:
            accounts[id_] = (code, statement)
            if statement == 'income':
                self.income_codes.add(code)
            self.writer.write('#KONTO', code, name or code)
        for id_, code, name, statement, *flags in rows:
            self.writer.write(
                '#KTYP', code, account_type(code, statement, *flags))
        return accounts

    def write_dimensions(self):
        """Write #DIM for each analytic root and #OBJEKT for each
        analytic account under it (SIE 4B, 8.8 and 8.10)."""
        roots = dimension_roots(self.company)
        for number, root in sorted(roots.items()):
            self.writer.write('#DIM', number, root.name)
        self.objects = dimension_objects(self.company, roots)
        Account = Pool().get('analytic_account.account')
        names = {a.id: a.name for a in Account.browse(list(self.objects))}
        for (dimension, code), id_ in sorted(
                ((int(d), c), k) for k, (d, c) in self.objects.items()):
            self.writer.write('#OBJEKT', dimension, code, names[id_])

    def _lines(self):
        pool = Pool()
        Line = pool.get('account.move.line')
        Move = pool.get('account.move')
        Period = pool.get('account.period')
        line = Line.__table__()
        move = Move.__table__()
        period = Period.__table__()
        return line, move, period, line.join(move,
            condition=line.move == move.id
            ).join(period, condition=move.period == period.id)

    def _balances(self, where):
        line, move, period, query = self._lines()
        cursor = Transaction().connection.cursor()
        cursor.execute(*query.select(
                line.account,
                Sum(Coalesce(line.debit, 0) - Coalesce(line.credit, 0)),
                where=where(line, move, period)
                & (move.company == self.company.id)
                & (move.state == 'posted'),
                group_by=[line.account]))
        return {a: db_amount(b) for a, b in cursor if b}

    @staticmethod
    def _opening(period, year):
        return ((period.type == 'adjustment')
            & (period.start_date == year.start_date))

    @staticmethod
    def _closing(move, period, year):
        "Tryton's balance non-deferral move: its origin is the year."
        return ((period.type == 'adjustment')
            & (move.origin == f'account.fiscalyear,{year.id}'))

    def get_carried(self, year):
        """The balances Tryton carries into `year`: the deferrals of the
        previous year once it is closed, else all that is booked
        before."""
        previous = self.get_previous(year)
        if previous and previous.state != 'open':
            Deferral = Pool().get('account.account.deferral')
            deferral = Deferral.__table__()
            cursor = Transaction().connection.cursor()
            cursor.execute(*deferral.select(
                    deferral.account,
                    Coalesce(deferral.debit, 0) - Coalesce(deferral.credit, 0),
                    where=deferral.fiscalyear == previous.id))
            return {a: db_amount(b) for a, b in cursor if b}
        return self._balances(lambda line, move, period: (
                move.date < year.start_date))

    @staticmethod
    def _add(*balances):
        total = {}
        for balance in balances:
            for account, amount in balance.items():
                total[account] = total.get(account, 0) + amount
        return {a: b for a, b in total.items() if b}

    def get_opening(self, year):
        return self._add(self.get_carried(year),
            self._balances(lambda line, move, period: (
                    (period.fiscalyear == year.id)
                    & self._opening(period, year))))

    def get_closing(self, year):
        return self._add(self.get_carried(year),
            self._balances(lambda line, move, period: (
                    period.fiscalyear == year.id)))

    def get_result(self, year, accounts):
        """The year's balances outside its opening period, with the
        closing move's lines on result accounts put on 8999."""
        result = self._balances(lambda line, move, period: (
                (period.fiscalyear == year.id)
                & ~self._opening(period, year)
                & ~self._closing(move, period, year)))
        closing = self._balances(lambda line, move, period: (
                (period.fiscalyear == year.id)
                & self._closing(move, period, year)))
        target = self._income_account(accounts)
        moved = {}
        for account, amount in closing.items():
            if (target and account in accounts
                    and accounts[account][1] == 'income'):
                account = target
            moved[account] = moved.get(account, 0) + amount
        return self._add(result, moved)

    @staticmethod
    def _income_account(accounts):
        for id_, (code, statement) in accounts.items():
            if code == RESULT_ACCOUNT and statement == 'income':
                return id_

    def write_balances(self, accounts):
        write = self.writer.write
        results = []
        for index, year in self.years:
            for label, balances in [
                    ('#IB', self.get_opening(year)),
                    ('#UB', self.get_closing(year)),
                    ]:
                for code, amount in self._sorted(
                        accounts, balances, 'balance'):
                    write(label, index, code, amount)
            results.append((index, self.get_result(year, accounts)))
        for index, balances in results:
            for code, amount in self._sorted(accounts, balances, 'income'):
                write('#RES', index, code, amount)

    @staticmethod
    def _sorted(accounts, balances, statement):
        return sorted(
            (accounts[a][0], amount) for a, amount in balances.items()
            if a in accounts and accounts[a][1] == statement and amount)

    def write_period_balances(self, accounts):
        line, move, period, query = self._lines()
        cursor = Transaction().connection.cursor()
        for index, year in self.years:
            cursor.execute(*query.select(
                    period.start_date, line.account,
                    Sum(Coalesce(line.debit, 0) - Coalesce(line.credit, 0)),
                    where=(period.fiscalyear == year.id)
                    & (period.type == 'standard')
                    & (move.company == self.company.id)
                    & (move.state == 'posted'),
                    group_by=[period.start_date, line.account]))
            rows = sorted(
                (self._date(start).strftime('%Y%m'), accounts[a][0],
                    db_amount(value))
                for start, a, value in cursor
                if value and a in accounts)
            for month, code, amount in rows:
                self.writer.write(
                    '#PSALDO', index, month, code, ObjectList(), amount)

    @staticmethod
    def _date(value):
        # SQLite returns dates as text.
        if isinstance(value, str):
            return dt.date.fromisoformat(value)
        return value

    def write_vouchers(self):
        """Write each posted move of the year as #VER with its #TRANS.

        One series per journal (its code), numbered from 1 in order of
        date and creation (SIE 4B, 8.21: #VER). The closing move's lines
        on result accounts are one #TRANS on 8999 (see the module
        docstring).
        """
        Journal = Pool().get('account.journal')
        journals = sorted(Journal.search([]),
            key=lambda j: (self.series(j), j.id))
        write = self.writer.write
        closing_moves = self.closing_moves()
        pending = []

        def end_voucher():
            if pending and sum(pending):
                write('#TRANS', RESULT_ACCOUNT, ObjectList(), sum(pending))
            pending.clear()
            write('}')

        for journal in journals:
            series = self.series(journal)
            number = 0
            current = None
            with closing(stream_cursor('sie_vouchers')) as cursor:
                cursor.execute(*self.voucher_query(journal))
                for _, rows in groupby(cursor, key=itemgetter(3)):
                    rows = list(rows)
                    move_id, date, description, _, code, amount, text = (
                        rows[0][:7])
                    if move_id != current:
                        if current is not None:
                            end_voucher()
                        current = move_id
                        number += 1
                        write('#VER', series, number, self._date(date),
                            description or '')
                        write('{')
                    if (move_id in closing_moves
                            and code in self.income_codes):
                        pending.append(db_amount(amount))
                        continue
                    # A line split over several objects of a dimension
                    # is one #TRANS per piece.
                    for objects, piece in split_objects(db_amount(amount),
                            self.line_objects(rows)):
                        fields = [code, objects, piece]
                        if text:
                            fields += ['', text]
                        write('#TRANS', *fields)
            if current is not None:
                end_voucher()

    def closing_moves(self):
        """The ids of the year's closing moves, when the chart has 8999
        to show them on."""
        if RESULT_ACCOUNT not in self.income_codes:
            return set()
        Move = Pool().get('account.move')
        Period = Pool().get('account.period')
        move = Move.__table__()
        period = Period.__table__()
        year = self.fiscalyear
        cursor = Transaction().connection.cursor()
        cursor.execute(*move.join(period,
                condition=move.period == period.id
                ).select(move.id,
                where=(period.fiscalyear == year.id)
                & self._closing(move, period, year)))
        return {i for i, in cursor}

    def voucher_query(self, journal):
        """The lines of the posted moves of `journal` in the year, with
        their analytic lines: one row per analytic line, or one row with
        NULL analytic columns for a line without, ordered by move date,
        move, line and analytic line."""
        pool = Pool()
        Account = pool.get('account.account')
        AnalyticLine = pool.get('analytic_account.line')
        line, move, period, query = self._lines()
        account = Account.__table__()
        analytic = AnalyticLine.__table__()
        year = self.fiscalyear
        return query.join(account,
            condition=line.account == account.id
            ).join(analytic, 'LEFT',
            condition=analytic.move_line == line.id
            ).select(
            move.id, move.date, move.description, line.id, account.code,
            Coalesce(line.debit, 0) - Coalesce(line.credit, 0),
            Coalesce(line.description, Literal('')),
            analytic.account,
            Coalesce(analytic.debit, 0) - Coalesce(analytic.credit, 0),
            where=(move.journal == journal.id)
            & (move.company == self.company.id)
            & (move.state == 'posted')
            & (period.fiscalyear == year.id)
            & ~self._opening(period, year),
            order_by=[move.date, move.id, line.id, analytic.id])

    def line_objects(self, rows):
        """Return [(dimension, [(object, amount)])] of a line from its
        `rows` of voucher_query, by dimension number."""
        by_dimension = {}
        for *_, account, amount in rows:
            if account in self.objects:
                dimension, code = self.objects[account]
                by_dimension.setdefault(dimension, []).append(
                    (code, db_amount(amount)))
        return sorted(by_dimension.items(), key=lambda d: int(d[0]))

    @staticmethod
    def series(journal):
        return journal.code or str(journal.id)

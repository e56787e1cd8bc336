# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The year-end routine: open the next year, close the old one (#11).

Every date comes from the books' fiscal year (tests/books.py), none
from today.
"""
import datetime as dt
import unittest
from decimal import Decimal
from io import BytesIO

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_sweden.exceptions import YearEndError
from trytond.modules.sosolo_sweden.rules import (
    fiscal_year_name,
    next_fiscal_year,
    next_fiscal_year_due,
)
from trytond.modules.sosolo_sweden.sie_export import SIEExporter
from trytond.modules.sosolo_sweden.sie_reader import computed_closing, read
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from .books import YEAR, books, setup_books

START = dt.date(YEAR, 1, 1)
END = dt.date(YEAR, 12, 31)
NEXT = dt.date(YEAR + 1, 1, 1)


class YearEndRulesTestCase(unittest.TestCase):
    "The rules of the year end, without a database"

    def test_next_fiscal_year(self):
        "the next year is twelve months from the day after"
        for end, expected in [
                (END, (NEXT, dt.date(YEAR + 1, 12, 31))),
                (dt.date(YEAR, 6, 30),
                    (dt.date(YEAR, 7, 1), dt.date(YEAR + 1, 6, 30))),
                # A first year of 18 months: the next is twelve.
                (dt.date(YEAR + 1, 6, 30),
                    (dt.date(YEAR + 1, 7, 1), dt.date(YEAR + 2, 6, 30))),
                (dt.date(2027, 2, 28),
                    (dt.date(2027, 3, 1), dt.date(2028, 2, 29))),
                ]:
            with self.subTest(end=end):
                self.assertEqual(next_fiscal_year(end), expected)

    def test_fiscal_year_name(self):
        "a calendar year is named by its year, a broken one by both"
        self.assertEqual(fiscal_year_name(START, END), str(YEAR))
        self.assertEqual(
            fiscal_year_name(dt.date(YEAR, 7, 1), dt.date(YEAR + 1, 6, 30)),
            f'{YEAR}/{YEAR + 1}')

    def test_next_fiscal_year_due(self):
        "the next year is due from one month before the year ends"
        for date, due in [
                (dt.date(YEAR, 11, 29), False),
                (dt.date(YEAR, 11, 30), False),
                (dt.date(YEAR, 12, 1), True),
                (END, True),
                (NEXT + dt.timedelta(days=40), True),
                ]:
            with self.subTest(date=date):
                self.assertEqual(next_fiscal_year_due(END, date), due)


def book(company, date, lines, post=True, journal_type='general'):
    """Book a move of `lines` [(account code, amount, party)], debit
    positive, on `date`."""
    pool = Pool()
    Move = pool.get('account.move')
    Account = pool.get('account.account')
    Journal = pool.get('account.journal')
    Period = pool.get('account.period')
    journal, = Journal.search([('code', '=', 'MISC')], limit=1)
    values = []
    for code, amount, party in lines:
        account, = Account.search([
                ('company', '=', company.id), ('code', '=', code)])
        values.append({
                'account': account.id,
                'debit': max(amount, 0),
                'credit': max(-amount, 0),
                'party': party.id if account.party_required else None,
                })
    move, = Move.create([{
                'company': company.id,
                'journal': journal.id,
                'period': Period.find(company, date=date),
                'date': date,
                'lines': [('create', values)],
                }])
    if post:
        Move.post([move])
    return move


def book_year(company):
    "A sale, its payment and an expense: a profit of 4,000 kr."
    Party = Pool().get('party.party')
    party, = Party.create([{'name': "Kund AB"}])
    book(company, dt.date(YEAR, 3, 10), [
            ('1510', Decimal('12500'), party),
            ('3001', Decimal('-10000'), party),
            ('2611', Decimal('-2500'), party)])
    book(company, dt.date(YEAR, 4, 10), [
            ('1930', Decimal('12500'), party),
            ('1510', Decimal('-12500'), party)])
    book(company, dt.date(YEAR, 5, 20), [
            ('4010', Decimal('6000'), party),
            ('1930', Decimal('-6000'), party)])
    return party


def export(fiscalyear):
    "The SIE 4E file of `fiscalyear`, read back with our reader."
    stream = BytesIO()
    SIEExporter(fiscalyear, today=fiscalyear.end_date).export(stream)
    return read(stream.getvalue(), 'E')


def written():
    "What a refused year end must leave as it was."
    pool = Pool()
    return {name: pool.get(name).search_count([]) for name in [
            'account.fiscalyear', 'account.period', 'account.move',
            'account.move.line', 'account.account.deferral',
            'ir.sequence.strict']}


class YearEndTestCase(unittest.TestCase):
    "The year end in the books"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_sweden')
        setup_books()

    def year(self, company, start_date=START):
        FiscalYear = Pool().get('account.fiscalyear')
        year, = FiscalYear.search([
                ('company', '=', company.id),
                ('start_date', '=', start_date)])
        return year

    @with_transaction()
    def test_close_and_open(self):
        "close the year, open the next: its #IB is the year's #UB"
        pool = Pool()
        FiscalYear = pool.get('account.fiscalyear')
        Account = pool.get('account.account')
        company = books()
        with set_company(company):
            book_year(company)
            year = self.year(company)

            done = FiscalYear.year_end(year, open_next=True, close=True)

            self.assertEqual(len(done), 3)
            self.assertEqual(year.state, 'closed')
            self.assertEqual({p.state for p in year.periods}, {'closed'})
            following = self.year(company, NEXT)
            self.assertEqual(following.name, str(YEAR + 1))
            self.assertEqual(following.end_date, dt.date(YEAR + 1, 12, 31))
            self.assertEqual(following.state, 'open')
            self.assertEqual(
                [p.start_date.month for p in following.periods],
                list(range(1, 13)))
            self.assertEqual(following.move_sequence.name,
                f"Verifikationer {YEAR + 1}")
            sequences, = following.invoice_sequences
            self.assertEqual(sequences.out_invoice_sequence.prefix,
                f'{YEAR + 1}-')

            closed, opened = export(year), export(following)

            balance = {c for c, a in closed.accounts.items()
                if a.type in {'T', 'S'}}
            income = set(closed.accounts) - balance
            self.assertEqual(
                {c: a for c, a in closed.closing[0].items() if c in balance},
                opened.opening[0])
            self.assertEqual(opened.opening[0], {
                    '1930': Decimal('6500.00'),
                    '2611': Decimal('-2500.00'),
                    '2099': Decimal('-4000.00')})
            self.assertFalse(set(opened.opening[0]) & income)
            # The 2027 file's previous year is the 2026 file's year.
            self.assertEqual(opened.closing[-1], closed.closing[0])
            # The result, account by account, and on 8999 the BAS way.
            self.assertEqual(closed.result[0], {
                    '3001': Decimal('-10000.00'),
                    '4010': Decimal('6000.00'),
                    '8999': Decimal('4000.00')})
            closing, = [v for v in closed.vouchers if v.series == 'BS']
            self.assertEqual(closing.text, f"Closing {YEAR}")
            self.assertEqual(
                sorted((t.account, t.amount) for t in closing.transactions),
                [('2099', Decimal('-4000.00')), ('8999', Decimal('4000.00'))])
            # The file adds up: #IB plus the vouchers is #UB and #RES.
            self.assertEqual(computed_closing(closed),
                {**closed.closing[0], **closed.result[0]})

            # Tryton itself carries 2099 into the next year.
            result, = Account.search([
                    ('company', '=', company.id), ('code', '=', '2099')])
            with Transaction().set_context(fiscalyear=following.id):
                self.assertEqual(
                    Account(result.id).balance, Decimal('-4000.00'))

    @with_transaction()
    def test_refuse_draft_moves(self):
        "a year with a draft move is not closed, and nothing is written"
        FiscalYear = Pool().get('account.fiscalyear')
        company = books()
        with set_company(company):
            party = book_year(company)
            book(company, dt.date(YEAR, 6, 1), [
                    ('4010', Decimal('100'), party),
                    ('1930', Decimal('-100'), party)], post=False)
            year = self.year(company)
            before = written()

            with self.assertRaises(YearEndError) as context:
                FiscalYear.year_end(year, open_next=True, close=True)

            self.assertIn("1 draft moves", context.exception.message)
            self.assertEqual(written(), before)
            self.assertEqual(year.state, 'open')

    @with_transaction()
    def test_refuse_no_next_year(self):
        "a year is not closed before the next one exists"
        FiscalYear = Pool().get('account.fiscalyear')
        company = books()
        with set_company(company):
            book_year(company)
            year = self.year(company)
            before = written()

            with self.assertRaises(YearEndError) as context:
                FiscalYear.year_end(year, close=True)

            self.assertIn(f"{NEXT}", context.exception.message)
            self.assertEqual(written(), before)

    @with_transaction()
    def test_refuse_closed(self):
        "a closed year is not closed again"
        FiscalYear = Pool().get('account.fiscalyear')
        company = books()
        with set_company(company):
            book_year(company)
            year = self.year(company)
            FiscalYear.year_end(year, open_next=True, close=True)
            before = written()

            with self.assertRaises(YearEndError) as context:
                FiscalYear.year_end(year, open_next=True, close=True)

            self.assertIn("already closed", context.exception.message)
            self.assertEqual(written(), before)

    @with_transaction()
    def test_cron(self):
        "the cron opens the next year from a month before, once"
        FiscalYear = Pool().get('account.fiscalyear')
        company = books()
        with set_company(company):
            self.assertEqual(
                FiscalYear.open_next_years(date=dt.date(YEAR, 11, 30)), [])
            self.assertFalse(self.year(company).get_next())

            created = FiscalYear.open_next_years(date=dt.date(YEAR, 12, 1))

            self.assertEqual([y.start_date for y in created], [NEXT])
            self.assertEqual(len(created[0].periods), 12)
            before = written()
            self.assertEqual(
                FiscalYear.open_next_years(date=dt.date(YEAR, 12, 2)), [])
            self.assertEqual(written(), before)

    @with_transaction()
    def test_create_year_overlap(self):
        "a year that overlaps another is refused"
        FiscalYear = Pool().get('account.fiscalyear')
        company = books()
        with set_company(company):
            with self.assertRaises(YearEndError):
                FiscalYear.create_year(company, dt.date(YEAR, 7, 1))

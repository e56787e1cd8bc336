# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The year-end routine: open the next fiscal year, close the old one.

Opening a year makes its monthly periods and its sequences (one place
for `sosolo init`, the demo, SIE import, the cron and the wizard).
Closing uses Tryton's own tools: the balance non-deferral wizard moves
the result accounts' balances into 2099 "Årets resultat" in a closing
period, and Tryton's close closes the periods, then the year, and
writes the balance accounts' deferrals that carry them into the next
year (which the SIE export reads as its #IB).
"""
from dateutil.relativedelta import relativedelta

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.rpc import RPC
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import YearEndError
from .rules import fiscal_year_name, next_fiscal_year, next_fiscal_year_due

#: The balance account that takes the year's result (BAS 2099 "Årets
#: resultat"); its counterpart in the income statement is 8999.
RESULT_ACCOUNT = '2099'
CLOSING_JOURNAL = 'sosolo_sweden.journal_closing'


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
        # The cron and the wizard may open the same year at once.
        cls.lock()
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

    def get_next(self):
        "The fiscal year that starts the day after this one, or None."
        start_date, _ = next_fiscal_year(self.end_date)
        years = self.search([
                ('company', '=', self.company.id),
                ('start_date', '=', start_date),
                ], limit=1)
        return years[0] if years else None

    @classmethod
    def open_after(cls, fiscalyear):
        """Return the fiscal year after `fiscalyear` and whether it was
        created now."""
        cls.lock()
        following = fiscalyear.get_next()
        if following:
            return following, False
        start_date, end_date = next_fiscal_year(fiscalyear.end_date)
        return cls.create_year(fiscalyear.company, start_date, end_date), True

    @classmethod
    def get_latest(cls, company):
        "The last fiscal year of `company`, or None."
        years = cls.search([('company', '=', int(company))],
            order=[('end_date', 'DESC')], limit=1)
        return years[0] if years else None

    @classmethod
    def open_next_years(cls, date=None):
        """Open the year after each company's last fiscal year from a
        month before that year ends (for the cron); return the years
        created.

        Does nothing for a company whose next year exists already.
        """
        pool = Pool()
        Company = pool.get('company.company')
        Date = pool.get('ir.date')
        company_id = Transaction().context.get('company')
        companies = ([Company(company_id)] if company_id
            else Company.search([]))
        created = []
        for company in companies:
            latest = cls.get_latest(company)
            if not latest:
                continue
            if date is None:
                with Transaction().set_context(company=company.id):
                    today = Date.today()
            else:
                today = date
            if next_fiscal_year_due(latest.end_date, today):
                fiscalyear, new = cls.open_after(latest)
                if new:
                    created.append(fiscalyear)
        return created

    def check_year_end(self, next_required=True):
        "Raise YearEndError if this fiscal year cannot be closed now."
        pool = Pool()
        Move = pool.get('account.move')
        if self.state != 'open':
            raise YearEndError(gettext(
                    'sosolo_sweden.msg_year_end_closed',
                    fiscalyear=self.rec_name))
        earlier = self.search([
                ('company', '=', self.company.id),
                ('end_date', '<', self.start_date),
                ('state', '=', 'open'),
                ], order=[('start_date', 'ASC')], limit=1)
        if earlier:
            raise YearEndError(gettext(
                    'sosolo_sweden.msg_year_end_earlier_open',
                    fiscalyear=self.rec_name, earlier=earlier[0].rec_name))
        drafts = Move.search_count([
                ('company', '=', self.company.id),
                ('period.fiscalyear', '=', self.id),
                ('state', '=', 'draft'),
                ])
        if drafts:
            raise YearEndError(gettext(
                    'sosolo_sweden.msg_year_end_draft_moves',
                    fiscalyear=self.rec_name, count=drafts))
        self.get_result_account()
        if next_required and not self.get_next():
            start_date, _ = next_fiscal_year(self.end_date)
            raise YearEndError(gettext(
                    'sosolo_sweden.msg_year_end_no_next',
                    fiscalyear=self.rec_name, start=start_date))

    def get_result_account(self):
        Account = Pool().get('account.account')
        accounts = Account.search([
                ('company', '=', self.company.id),
                ('code', '=', RESULT_ACCOUNT),
                ('closed', '!=', True),
                ], limit=1)
        if not accounts:
            raise YearEndError(gettext(
                    'sosolo_sweden.msg_year_end_no_result_account',
                    code=RESULT_ACCOUNT, company=self.company.rec_name))
        return accounts[0]

    def get_adjustment_period(self, date, name):
        """The adjustment period of this year on the one day `date`,
        created with `name` when missing: it keeps an opening or closing
        move apart from the year's own moves."""
        Period = Pool().get('account.period')
        periods = Period.search([
                ('fiscalyear', '=', self.id),
                ('type', '=', 'adjustment'),
                ('start_date', '=', date),
                ('end_date', '=', date),
                ], limit=1)
        if periods:
            return periods[0]
        period, = Period.create([{
                    'fiscalyear': self.id,
                    'name': name,
                    'start_date': date,
                    'end_date': date,
                    'type': 'adjustment',
                    }])
        return period

    def get_closing_period(self):
        """The adjustment period on the last day of the year, that holds
        the closing move (created when missing)."""
        return self.get_adjustment_period(self.end_date, gettext(
                'sosolo_sweden.msg_year_end_period', fiscalyear=self.name))

    def balance_non_deferral(self):
        """Move the result accounts' balances into 2099 with Tryton's
        balance non-deferral wizard; post and return the move (None when
        there is nothing to move)."""
        pool = Pool()
        Move = pool.get('account.move')
        Journal = pool.get('account.journal')
        ModelData = pool.get('ir.model.data')
        BalanceNonDeferral = pool.get(
            'account.fiscalyear.balance_non_deferral', type='wizard')
        account = self.get_result_account()
        period = self.get_closing_period()
        session_id, _, _ = BalanceNonDeferral.create()
        try:
            wizard = BalanceNonDeferral(session_id)
            wizard.start.fiscalyear = self
            wizard.start.journal = Journal(
                ModelData.get_id(*CLOSING_JOURNAL.split('.')))
            wizard.start.period = period
            wizard.start.credit_account = account
            wizard.start.debit_account = account
            with Transaction().set_context(company=self.company.id):
                move = wizard.create_move()
        finally:
            BalanceNonDeferral.delete(session_id)
        if move:
            # Tryton's move has no text: name it as its period, for the
            # #VER of the SIE export and the move list.
            move.description = period.name
            move.save()
            Move.post([move])
        return move

    @classmethod
    def close_year_end(cls, fiscalyear):
        """Close `fiscalyear`: its result into 2099, then Tryton's close
        (periods, year, deferrals). Return the closing move or None."""
        fiscalyear.check_year_end()
        move = fiscalyear.balance_non_deferral()
        cls.close([fiscalyear])
        return move

    @classmethod
    def year_end(cls, fiscalyear, open_next=False, close=False):
        """Open the year after `fiscalyear` and/or close it; return what
        was done, one sentence a step.

        Checks everything before it writes anything.
        """
        Lang = Pool().get('ir.lang')
        if close:
            fiscalyear.check_year_end(next_required=not open_next)
        done = []
        if open_next:
            following, created = cls.open_after(fiscalyear)
            done.append(gettext(
                    'sosolo_sweden.msg_year_end_opened' if created
                    else 'sosolo_sweden.msg_year_end_exists',
                    fiscalyear=following.rec_name,
                    periods=len(following.periods)))
        if close:
            move = cls.close_year_end(fiscalyear)
            if move:
                account = fiscalyear.get_result_account()
                result = -sum(l.debit - l.credit for l in move.lines
                    if l.account == account)
                result = Lang.get().currency(
                    result, fiscalyear.company.currency)
                done.append(gettext('sosolo_sweden.msg_year_end_balanced',
                        fiscalyear=fiscalyear.rec_name, result=result,
                        account=account.rec_name, move=move.number))
            done.append(gettext('sosolo_sweden.msg_year_end_done',
                    fiscalyear=fiscalyear.rec_name))
        return done


class YearEnd(Wizard):
    "Year-End Closing"
    __name__ = 'sosolo.year_end'

    start = StateView('sosolo.year_end.start',
        'sosolo_sweden.year_end_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Run", 'run', 'tryton-ok', default=True),
            ])
    run = StateTransition()
    result = StateView('sosolo.year_end.result',
        'sosolo_sweden.year_end_result_view_form', [
            Button("Close", 'end', 'tryton-close'),
            ])

    def transition_run(self):
        FiscalYear = Pool().get('account.fiscalyear')
        if not (self.start.open_next or self.start.close):
            raise YearEndError(gettext('sosolo_sweden.msg_year_end_nothing'))
        done = FiscalYear.year_end(self.start.fiscalyear,
            open_next=self.start.open_next, close=self.start.close)
        self.result.summary = '\n'.join(done)
        return 'result'

    def default_result(self, fields):
        return {'summary': self.result.summary}


class YearEndStart(ModelView):
    "Year-End Closing"
    __name__ = 'sosolo.year_end.start'

    fiscalyear = fields.Many2One(
        'account.fiscalyear', "Fiscal Year", required=True,
        domain=[
            ('company', '=', Eval('context', {}).get('company', -1)),
            ('state', '=', 'open'),
            ],
        help="The year to close, or after which to open the next one.")
    open_next = fields.Boolean("Open the Next Year",
        help="Create the next fiscal year with its monthly periods and "
        "sequences, unless it exists.")
    close = fields.Boolean("Close the Year",
        help="Move the year's result to account 2099, then close its "
        "periods and the year. This cannot be undone here.")

    @classmethod
    def default_fiscalyear(cls):
        "The oldest open year: the next one to close."
        FiscalYear = Pool().get('account.fiscalyear')
        company = Transaction().context.get('company')
        years = FiscalYear.search([
                ('company', '=', company or -1),
                ('state', '=', 'open'),
                ], order=[('start_date', 'ASC')], limit=1)
        return years[0].id if years else None

    @classmethod
    def default_open_next(cls):
        return True

    @classmethod
    def default_close(cls):
        return False


class YearEndResult(ModelView):
    "Year-End Closing"
    __name__ = 'sosolo.year_end.result'

    summary = fields.Text("Summary", readonly=True)


# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import a SIE file (types 1-4, 4E and 4I) into a company's books.

All or nothing: the file is read and checked in full before anything is
written, and the caller's transaction is rolled back on any error.

Books (see sie_export): a 4E file's #IB 0 becomes an opening move in the
year's opening period, for the difference with what the books already
carry over (nothing in an empty company); the previous year (#RAR -1) of
an empty company gets its #IB -1 the same way and one move that brings
it to #UB -1 and #RES -1; a type 1-3 file gets one such move for year 0
too; #VER become moves in a journal per series, posted (4E) or draft (4I).
"""
from collections import defaultdict

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool

from .analytic import dimension_objects, dimension_roots
from .exceptions import SIEImportError
from .imported_file import ImportedFileMixin
from .sie_format import RESERVED_DIMENSIONS, SIEError
from .sie_reader import check_required, file_kind, read

#: Move lines created and posted per call: trytond 8.0 validates a
#: created list in time quadratic in its length (DESIGN.md, "Large
#: reads"), so calls stay small.
BATCH = 100
#: Result account that takes what an opening balance lacks to balance.
RESULT_ACCOUNT = ('8999', "Årets resultat")
OPENING_JOURNAL = 'IB'
DEFAULT_SERIES = 'SIE'


class SIEFile(ImportedFileMixin, ModelSQL, ModelView):
    "SIE Imported File"
    __name__ = 'sosolo.sie.file'
    _duplicate_message = 'sosolo_sweden.msg_sie_file_unique'
    sie_type = fields.Char("SIE Type", readonly=True)
    program = fields.Char("Program", readonly=True)
    vouchers = fields.Integer("Vouchers", readonly=True)


def error(exception):
    "The translated UserError for the SIEError `exception`."
    return SIEImportError(gettext(
            f'sosolo_sweden.msg_sie_{exception.code}',
            line=exception.line, **exception.params))


def read_file(data, filename):
    """Read and check SIE `data` named `filename` into an SIEFile.

    Raise SIEImportError, and nothing else, for what must not be
    imported (tests/test_fuzz.py feeds it arbitrary bytes).
    """
    try:
        sie = read(data, file_kind(filename))
        check_required(sie)
    except SIEError as exception:
        raise error(exception) from exception
    except UnicodeDecodeError as exception:
        raise SIEImportError(gettext(
                'sosolo_sweden.msg_sie_bad_encoding')) from exception
    return sie


def account_statement(code, ktyp):
    """Whether an account goes to the balance sheet or income statement.

    From #KTYP (T, S: balance; I, K: income) or else the BAS class
    (1-2 balance sheet, 3-8 income statement; BAS-kontoplanen).
    """
    if ktyp:
        return 'balance' if ktyp in {'T', 'S'} else 'income'
    return 'balance' if code[:1] in {'1', '2'} else 'income'


def default_type(code, ktyp):
    "#KTYP for an account the file does not type, from the BAS class."
    if ktyp:
        return ktyp
    return {'1': 'T', '2': 'S', '3': 'I'}.get(code[:1], 'K')


class SIEImporter:
    "Check and import SIE `data` named `filename` into `company`."

    def __init__(self, company, data, filename):
        pool = Pool()
        File = pool.get('sosolo.sie.file')
        self.company = company
        self.filename = filename
        self.sie = read_file(data, filename)
        if File.imported(company, self.sie.sha256):
            raise SIEImportError(gettext(
                    'sosolo_sweden.msg_sie_file_unique'))
        self.accounts = {}
        self.types = {}
        #: {(dimension, object code): analytic account}
        self.objects = {}
        self.warnings = [
            gettext(f'sosolo_sweden.msg_sie_warning_{code}',
                line=line, label=label)
            for line, code, label in self.sie.warnings]

    @property
    def type_name(self):
        return f'{self.sie.sie_type}{self.sie.kind}'

    def codes(self):
        codes = set(self.sie.accounts)
        for voucher in self.sie.vouchers:
            codes.update(t.account for t in voucher.transactions)
        return codes

    def existing_accounts(self):
        Account = Pool().get('account.account')
        codes = sorted(self.codes())
        accounts = {}
        for i in range(0, len(codes), 1000):
            for account in Account.search([
                        ('company', '=', self.company.id),
                        ('code', 'in', codes[i:i + 1000]),
                        ]):
                accounts.setdefault(account.code, account)
        return accounts

    def preview(self):
        "Return what the import would do, for the user to confirm."
        sie = self.sie
        existing = self.existing_accounts()
        debit = sum(
            (t.amount for v in sie.vouchers for t in v.transactions
                if t.amount > 0), 0)
        return {
            'sie_type': self.type_name,
            'program': sie.program,
            'company_name': sie.company_name,
            'orgnr': sie.orgnr,
            'years': ', '.join(
                f'{i}: {s:%Y-%m-%d} – {e:%Y-%m-%d}'
                for i, (s, e) in sorted(sie.years.items())),
            'accounts': len(self.codes()),
            'new_accounts': len(self.codes() - set(existing)),
            'vouchers': len(sie.vouchers),
            'transactions': sum(len(v.transactions) for v in sie.vouchers),
            'debit': debit,
            'warnings': '\n'.join(self.warnings),
            }

    def run(self):
        "Import the file; return the sosolo.sie.file record."
        pool = Pool()
        File = pool.get('sosolo.sie.file')
        sie = self.sie
        years = self.get_fiscalyears()
        self.accounts = self.existing_accounts()
        self.create_accounts()
        self.create_objects()
        if sie.kind == 'E':
            self.import_balances(years)
        self.import_vouchers()
        record, = File.create([{
                    'company': self.company.id,
                    'filename': self.filename,
                    'sha256': sie.sha256,
                    'sie_type': self.type_name,
                    'program': sie.program,
                    'vouchers': len(sie.vouchers),
                    }])
        return record

    # Fiscal years

    def get_fiscalyears(self):
        "Return {year index: (fiscal year, was empty)} for the #RAR."
        pool = Pool()
        FiscalYear = pool.get('account.fiscalyear')
        Move = pool.get('account.move')
        years = {}
        for index, (start, end) in sorted(self.sie.years.items()):
            found = FiscalYear.search([
                    ('company', '=', self.company.id),
                    ('start_date', '<=', end),
                    ('end_date', '>=', start),
                    ])
            if not found:
                fiscalyear = FiscalYear.create_year(self.company, start, end)
            elif (len(found) == 1 and found[0].start_date == start
                    and found[0].end_date == end):
                fiscalyear, = found
            else:
                raise SIEImportError(gettext(
                        'sosolo_sweden.msg_sie_year_mismatch',
                        start=start, end=end))
            empty = not Move.search(
                [('period.fiscalyear', '=', fiscalyear.id)], limit=1)
            years[index] = (fiscalyear, empty)
        return years

    # Accounts

    def create_accounts(self):
        pool = Pool()
        Account = pool.get('account.account')
        sie = self.sie
        missing = sorted(self.codes() - set(self.accounts))
        to_create = []
        for code in missing:
            account = sie.accounts.get(code)
            ktyp = default_type(code, account.type if account else '')
            to_create.append({
                    'company': self.company.id,
                    'code': code,
                    'name': (account.name if account and account.name
                        else code),
                    'type': self.get_type(ktyp).id,
                    })
        for i in range(0, len(to_create), BATCH):
            for account in Account.create(to_create[i:i + BATCH]):
                self.accounts[account.code] = account

    def object_codes(self):
        """Return ({dimension: name}, {(dimension, object): name}) of
        what the file declares (#DIM, #UNDERDIM, #OBJEKT) or uses on
        #TRANS."""
        sie = self.sie
        dimensions = dict(sie.dimensions)
        objects = dict(sie.objects)
        for voucher in sie.vouchers:
            for transaction in voucher.transactions:
                for key in transaction.objects:
                    objects.setdefault(key, key[1])
        objects = {k: v for k, v in objects.items() if k[1]}
        for dimension, _ in objects:
            dimensions.setdefault(dimension, '')
        return dimensions, objects

    def create_objects(self):
        """Create the analytic roots (dimensions) and accounts (objects)
        the company lacks, matched by dimension number and code."""
        pool = Pool()
        Account = pool.get('analytic_account.account')
        dimensions, objects = self.object_codes()
        if not objects and not dimensions:
            return
        roots = dimension_roots(self.company)
        missing = []
        for dimension, name in sorted(dimensions.items()):
            number = dimension_number(dimension)
            if number is None:
                raise SIEImportError(gettext(
                        'sosolo_sweden.msg_sie_bad_dimension',
                        dimension=dimension))
            if number not in roots:
                missing.append({
                        'company': self.company.id,
                        'type': 'root',
                        'state': 'opened',
                        'sie_dimension': number,
                        'name': name or RESERVED_DIMENSIONS.get(
                            number, f"Dimension {number}"),
                        })
        for root in Account.create(missing):
            roots[root.sie_dimension] = root
        numbers = {r.id: n for n, r in roots.items()}
        self.objects = {v: k for k, v in dimension_objects(
                self.company, roots).items()}
        to_create = []
        for (dimension, code), name in sorted(objects.items()):
            key = (str(dimension_number(dimension)), code)
            if key in self.objects:
                continue
            root = roots[dimension_number(dimension)]
            self.objects[key] = None
            to_create.append({
                    'company': self.company.id,
                    'type': 'normal',
                    'state': 'opened',
                    'root': root.id,
                    'parent': root.id,
                    'code': code,
                    'name': name or code,
                    })
        for i in range(0, len(to_create), BATCH):
            for account in Account.create(to_create[i:i + BATCH]):
                self.objects[
                    (str(numbers[account.root.id]), account.code)] = (
                    account.id)

    def get_type(self, ktyp):
        "The account type for #KTYP `ktyp`, created if the chart has none."
        if ktyp not in self.types:
            self.types = self.get_types()
        return self.types[ktyp]

    def get_types(self):
        pool = Pool()
        Type = pool.get('account.account.type')
        company = self.company.id
        wanted = {
            'T': [('statement', '=', 'balance'), ('assets', '=', True)],
            'S': [('statement', '=', 'balance'), ('assets', '=', False)],
            'I': [('statement', '=', 'income'), ('revenue', '=', True)],
            'K': [('statement', '=', 'income'), ('expense', '=', True)],
            }
        types = {}
        for ktyp, domain in wanted.items():
            found = Type.search(
                [('company', '=', company)] + domain,
                order=[('id', 'ASC')], limit=1)
            if found:
                types[ktyp], = found
        if len(types) == len(wanted):
            return types
        balance, income = Type.create([{
                    'company': company, 'name': "Balansräkning",
                    'statement': 'balance', 'sequence': 10,
                    }, {
                    'company': company, 'name': "Resultaträkning",
                    'statement': 'income', 'sequence': 20,
                    }])
        values = {
            'T': {'name': "Tillgångar", 'parent': balance.id,
                'statement': 'balance', 'assets': True},
            'S': {'name': "Eget kapital och skulder", 'parent': balance.id,
                'statement': 'balance'},
            'I': {'name': "Intäkter", 'parent': income.id,
                'statement': 'income', 'revenue': True},
            'K': {'name': "Kostnader", 'parent': income.id,
                'statement': 'income', 'expense': True},
            }
        for ktyp in wanted:
            if ktyp not in types:
                types[ktyp], = Type.create([dict(values[ktyp],
                            company=company, sequence=len(types) + 1)])
        return types

    def result_account(self):
        pool = Pool()
        Account = pool.get('account.account')
        code, name = RESULT_ACCOUNT
        if code not in self.accounts:
            self.accounts[code], = Account.create([{
                        'company': self.company.id, 'code': code,
                        'name': name, 'type': self.get_type('K').id,
                        }])
        return self.accounts[code]

    # Balances

    def import_balances(self, years):
        from .sie_export import SIEExporter
        sie = self.sie
        moves = []
        for index in sorted(years):
            fiscalyear, empty = years[index]
            if index != 0 and not empty:
                continue
            # What the books carry over into the year already.
            carried = SIEExporter(fiscalyear).get_opening(fiscalyear)
            by_code = {a.code: carried.get(a.id, 0)
                for a in self.accounts.values()}
            opening = {code: sie.opening.get(index, {}).get(code, 0)
                - by_code.get(code, 0)
                for code in set(sie.opening.get(index, {})) | {
                    c for c, v in by_code.items()
                    if v and self.statement(c) == 'balance'}}
            opening = {c: v for c, v in opening.items()
                if v and self.statement(c) == 'balance'}
            if opening:
                total = sum(opening.values())
                if total:
                    opening[self.result_account().code] = -total
                moves.append(self.move_values(
                        self.opening_journal(),
                        opening_period(fiscalyear),
                        fiscalyear.start_date,
                        gettext('sosolo_sweden.msg_sie_opening_move'),
                        [(c, v, '') for c, v in sorted(opening.items())]))
            if not (index == 0 and sie.sie_type == 4):
                moves.extend(self.balance_moves(fiscalyear, index))
            # Each year's moves must be in before the next year's
            # carried balance is computed.
            self.create_moves(moves, post=True)
            moves = []

    def balance_moves(self, fiscalyear, index):
        "The move that brings year `index` to its #UB and #RES."
        sie = self.sie
        change = defaultdict(lambda: 0)
        for code, amount in sie.closing.get(index, {}).items():
            if self.statement(code) == 'balance':
                change[code] += amount
        for code, amount in sie.opening.get(index, {}).items():
            if self.statement(code) == 'balance':
                change[code] -= amount
        for code, amount in sie.result.get(index, {}).items():
            if self.statement(code) == 'income':
                change[code] += amount
        change = {c: v for c, v in change.items() if v}
        if change:
            total = sum(change.values())
            if total:
                change[self.result_account().code] = (
                    change.get(RESULT_ACCOUNT[0], 0) - total)
            return [self.move_values(
                    self.opening_journal(),
                    self.period(fiscalyear.end_date, 0),
                    fiscalyear.end_date,
                    gettext('sosolo_sweden.msg_sie_balance_move'),
                    [(c, v, '') for c, v in sorted(change.items())])]
        return []

    def statement(self, code):
        account = self.accounts.get(code)
        if account and account.type:
            return account.type.statement
        ktyp = self.sie.accounts.get(code)
        return account_statement(code, ktyp.type if ktyp else '')

    # Vouchers

    def import_vouchers(self):
        moves = []
        post = self.sie.kind == 'E'
        for voucher in self.sie.vouchers:
            lines = [(t.account, t.amount, t.text, t.objects)
                for t in voucher.transactions if t.amount]
            if not lines:
                self.warnings.append(gettext(
                        'sosolo_sweden.msg_sie_warning_empty_voucher',
                        line=voucher.line))
                continue
            moves.append(self.move_values(
                    self.journal(voucher.series),
                    self.period(voucher.date, voucher.line),
                    voucher.date, voucher.text, lines))
            if sum(len(m['lines'][0][1]) for m in moves) >= BATCH:
                self.create_moves(moves, post)
                moves = []
        self.create_moves(moves, post)

    def create_moves(self, values, post):
        Move = Pool().get('account.move')
        if not values:
            return
        moves = Move.create(values)
        if post:
            Move.post(moves)

    def move_values(self, journal, period, date, description, lines):
        return {
            'company': self.company.id,
            'journal': journal.id,
            'period': period.id,
            'date': date,
            'description': description or None,
            'lines': [('create', [
                        self.line_values(*line, date=date)
                        for line in lines])],
            }

    def line_values(self, code, amount, text, objects=(), date=None):
        account = self.accounts[code]
        debit = amount if amount > 0 else 0
        credit = -amount if amount < 0 else 0
        values = {
            'account': account.id,
            'debit': debit,
            'credit': credit,
            'description': text or None,
            }
        analytic = []
        dimensions = set()
        for dimension, code in objects:
            key = (str(dimension_number(dimension)), code)
            if not code:
                continue
            # An object list names at most one object per dimension
            # (SIE 4B, 5.9); a second one would count the amount twice.
            if key[0] in dimensions:
                continue
            dimensions.add(key[0])
            analytic.append({
                    'account': self.objects[key],
                    'debit': debit,
                    'credit': credit,
                    'date': date,
                    })
        if analytic:
            values['analytic_lines'] = [('create', analytic)]
        if account.party_required:
            values['party'] = self.party().id
        return values

    def party(self):
        Party = Pool().get('party.party')
        if not hasattr(self, '_party'):
            name = self.sie.company_name or self.filename
            self._party, = Party.create([{'name': name}])
        return self._party

    def period(self, date, line):
        Period = Pool().get('account.period')
        key = (date.year, date.month)
        if not hasattr(self, '_periods'):
            self._periods = {}
        if key not in self._periods:
            periods = Period.search([
                    ('company', '=', self.company.id),
                    ('start_date', '<=', date),
                    ('end_date', '>=', date),
                    ('type', '=', 'standard'),
                    ('state', '=', 'open'),
                    ], limit=1)
            if not periods:
                raise SIEImportError(gettext(
                        'sosolo_sweden.msg_sie_no_period',
                        line=line, date=date))
            self._periods[key] = periods[0]
        period = self._periods[key]
        if not (period.start_date <= date <= period.end_date):
            del self._periods[key]
            return self.period(date, line)
        return period

    def journal(self, series, type_='general', name=None):
        Journal = Pool().get('account.journal')
        code = series or DEFAULT_SERIES
        if not hasattr(self, '_journals'):
            self._journals = {}
        if code not in self._journals:
            journals = Journal.search([('code', '=', code)], limit=1)
            if not journals:
                journals = Journal.create([{
                            'code': code, 'type': type_,
                            'name': name or f"SIE {code}",
                            }])
            self._journals[code] = journals[0]
        return self._journals[code]

    def opening_journal(self):
        return self.journal(OPENING_JOURNAL, 'situation',
            gettext('sosolo_sweden.msg_sie_opening_journal'))


def dimension_number(dimension):
    "The number of SIE `dimension`, or None if it is not one."
    try:
        number = int(dimension)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def opening_period(fiscalyear):
    """The adjustment period on the first day of `fiscalyear`.

    It holds the opening balance, apart from the year's own moves.
    """
    return fiscalyear.get_adjustment_period(fiscalyear.start_date, gettext(
            'sosolo_sweden.msg_sie_opening_period', year=fiscalyear.name))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from decimal import Decimal

from sql import Null
from sql.functions import CurrentTimestamp

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import TaxTableImportError, TaxTableLookupError
from .rules import TaxBand, TaxTableError, band_tax, read_tax_table, table_pay

#: Rows inserted by one INSERT statement.
INSERT_CHUNK = 1000


def read_file(data):
    """The TaxBands of Skatteverket's CSV `data`, at least one.

    Raise TaxTableImportError, and nothing else, for a file that must
    not be imported (tests/test_fuzz.py feeds it arbitrary bytes).
    """
    try:
        bands = list(read_tax_table(data))
    except TaxTableError as exception:
        raise TaxTableImportError(gettext(
                'sosolo_payroll.msg_tax_table_bad_row',
                line=exception.line, reason=exception.reason))
    if not bands:
        raise TaxTableImportError(gettext(
                'sosolo_payroll.msg_tax_table_empty'))
    return bands


class TaxTableRow(ModelSQL, ModelView):
    """Tax Table Row

    One column of one row of Skatteverket's tax tables for monthly pay:
    the tax in kronor, or a percentage of the pay for the open top band.
    Rows are only written by import_file, a whole year at a time.
    """
    __name__ = 'sosolo.payroll.tax_table.row'

    year = fields.Integer("Year", required=True, readonly=True)
    table = fields.Integer("Table", required=True, readonly=True)
    column = fields.Integer("Column", required=True, readonly=True)
    income_from = fields.Integer("Income From", required=True,
        readonly=True)
    income_to = fields.Integer("Income To", readonly=True)
    amount = fields.Integer("Tax Amount", readonly=True)
    percent = fields.Numeric("Tax Percentage", digits=(5, 2),
        readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.year, Index.Range()),
                (t.table, Index.Range()),
                (t.column, Index.Range()),
                (t.income_from, Index.Range())))
        cls._order = [
            ('year', 'DESC'), ('table', 'ASC'), ('column', 'ASC'),
            ('income_from', 'ASC'), ('id', 'ASC')]

    @classmethod
    def import_file(cls, data):
        """Replace the year of Skatteverket's CSV `data` with its rows.

        The file is read whole before anything is written, so a bad row
        imports nothing. Rows go in with multi-row INSERTs, not create():
        a year is some 100,000 rows. Returns (year, number of rows).
        """
        bands = read_file(data)
        year = bands[0].year
        transaction = Transaction()
        cursor = transaction.connection.cursor()
        table = cls.__table__()
        # Two imports of the same year at once must not mix their rows.
        cls.lock()
        cursor.execute(*table.delete(where=table.year == year))
        columns = [table.create_uid, table.create_date,
            table.year, table.table, table.column,
            table.income_from, table.income_to, table.amount, table.percent]
        user = transaction.user
        now = CurrentTimestamp()
        for start in range(0, len(bands), INSERT_CHUNK):
            values = [[user, now, b.year, b.table, b.column,
                    b.income_from, b.income_to, b.amount, b.percent]
                for b in bands[start:start + INSERT_CHUNK]]
            cursor.execute(*table.insert(columns, values))
        return year, len(bands)

    @classmethod
    def band(cls, year, table_number, column, pay):
        "The TaxBand of the table that holds monthly `pay`, or None."
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        pay = table_pay(pay)
        cursor.execute(*table.select(
                table.year, table.table, table.column, table.income_from,
                table.income_to, table.amount, table.percent,
                where=(table.year == year)
                & (table.table == table_number)
                & (table.column == column)
                & (table.income_from <= pay)
                & ((table.income_to >= pay) | (table.income_to == Null)),
                order_by=[table.income_from.desc],
                limit=1))
        row = cursor.fetchone()
        if not row:
            return None
        *head, percent = row
        if percent is not None:
            percent = Decimal(str(percent))
        return TaxBand(*head, percent)

    @classmethod
    def lookup(cls, year, table_number, column, pay):
        """The tax withheld on monthly `pay`, in whole kronor.

        Skatteverket's table `table_number`, column `column`, for `year`.
        """
        if pay <= 0:
            return Decimal(0)
        band = cls.band(year, table_number, column, pay)
        if band is None:
            raise TaxTableLookupError(gettext(
                    'sosolo_payroll.msg_tax_table_no_row',
                    year=year, table=table_number, column=column, pay=pay))
        return band_tax(band, pay)


class TaxTableImport(Wizard):
    "Import Tax Tables"
    __name__ = 'sosolo.payroll.tax_table.import'

    start = StateView('sosolo.payroll.tax_table.import.start',
        'sosolo_payroll.tax_table_import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()
    result = StateView('sosolo.payroll.tax_table.import.result',
        'sosolo_payroll.tax_table_import_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_import_(self):
        pool = Pool()
        Row = pool.get('sosolo.payroll.tax_table.row')
        self.result.year, self.result.rows = Row.import_file(
            self.start.file)
        # The file is large: do not keep it in the wizard's session.
        self.start.file = None
        return 'result'

    def default_result(self, fields):
        return {
            'year': self.result.year,
            'rows': self.result.rows,
            }


class TaxTableImportStart(ModelView):
    "Import Tax Tables"
    __name__ = 'sosolo.payroll.tax_table.import.start'

    file = fields.Binary("File", required=True,
        help="Skatteverket's tax tables for a year, as CSV.")


class TaxTableImportResult(ModelView):
    "Import Tax Tables"
    __name__ = 'sosolo.payroll.tax_table.import.result'

    year = fields.Integer("Year", readonly=True)
    rows = fields.Integer("Rows", readonly=True)

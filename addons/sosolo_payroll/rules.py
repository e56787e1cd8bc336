# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Swedish payroll rules that need no database.

Tax tables (Skatteverket's open data "Skattetabeller för
skatteavdrag"), employer contributions (socialavgiftslagen 2000:980,
2 kap. 26-29 §§, and the youth reduction of SFS 2026:100), holiday pay
(semesterlagen 1977:480, 16 b §) and the salary formula used when a
member's account pays for the whole cost of a salary.
"""
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import NamedTuple

from trytond.modules.sosolo_sweden.amount import NumberError, parse_number

#: Holiday pay paid with each salary (semesterlagen 16 b §: at least 12 %
#: of the pay earned during the holiday year).
HOLIDAY_PAY_RATE = Decimal('0.12')

# Rounding modes, named once.
#: Preliminary tax is withheld in whole kronor; a percentage row gives
#: öre, which are not withheld (SKV 433, "Skatteavdrag", hela krontal).
TAX_ROUNDING = ROUND_DOWN
#: Employer contributions are whole kronor, öre dropped, computed per
#: rate on the month's total pay at that rate (see declared_contributions;
#: Skatteverket's ställningstagande 2017-06-08, dnr 131 238881-17/111,
#: and skatteförfarandeförordningen 2011:1261, 22 kap. 1 §). Frilans
#: Finans' worked example (28,611 kr gross, 8,989 kr contributions)
#: agrees: 28,611 x 31.42 % = 8,989.58.
CONTRIBUTION_ROUNDING = ROUND_DOWN
#: Gross pay is rounded to the nearest krona.
PAY_ROUNDING = ROUND_HALF_UP
#: Holiday pay is rounded up to the next krona: semesterlagen (1977:480)
#: 16 b § asks for at least 12 %, so its öre are never dropped (#11).
HOLIDAY_PAY_ROUNDING = ROUND_UP

_KRONA = Decimal(1)
_CENT = Decimal('0.01')


def to_krona(amount, mode):
    "Round `amount` to whole kronor with the explicit rounding `mode`."
    return Decimal(amount).quantize(_KRONA, rounding=mode)


def to_cent(amount):
    "Round `amount` to öre, half up."
    return Decimal(amount).quantize(_CENT, rounding=ROUND_HALF_UP)


def age_at_year_start(birth_date, year):
    """The age someone has "turned at the start of the year".

    Skatteverket reads "vid årets ingång fyllt N år" by year of birth:
    born in year B, one has turned N at the start of year Y when
    B <= Y - 1 - N.
    """
    return year - 1 - birth_date.year


# Tax tables ---------------------------------------------------------------

#: Skatteverket's header, first five fields (then "Kolumn 1".."Kolumn 6"
#: and, in newer files, "Kolumn 7").
TAX_TABLE_HEADER = ['År', 'Antal dgr', 'Tabellnr', 'Inkomst fr.o.m.',
    'Inkomst t.o.m.']
#: Monthly pay in kronor, and the percentage rows above them.
AMOUNT_PERIOD = '30B'
PERCENT_PERIOD = '30%'
_PERIOD = re.compile(r'^\d+[A-Z%]?$')


class TaxTableError(ValueError):
    def __init__(self, line, reason):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


class TaxBand(NamedTuple):
    """One column of one row of a tax table.

    A named tuple rather than a dataclass: a year has some 100,000."""
    year: int
    table: int
    column: int
    income_from: int
    income_to: int | None  # None: no upper bound
    amount: int | None  # kronor (30B rows)
    percent: Decimal | None  # percentage of the pay (30% rows)


def _integer(text, line, name):
    digits = text[1:] if text.startswith('-') else text
    if not (digits.isascii() and digits.isdigit()):
        raise TaxTableError(line, f"{name} {text!r} is not a whole number")
    return int(text)


def _percent(text, line, name):
    try:
        # Not Decimal(): it takes NaN, whose comparison below raised
        # InvalidOperation (#12, found by fuzzing).
        value = parse_number(text.strip().rstrip('%'), decimals=4)
    except NumberError:
        raise TaxTableError(line, f"{name} {text!r} is not a percentage")
    if not (0 <= value <= 100):
        raise TaxTableError(line, f"{name} {text!r} is not a percentage")
    return value


def _rows(reader):
    "The rows of a csv `reader`; what csv refuses as a TaxTableError."
    try:
        yield from reader
    except csv.Error as exception:
        # A field over csv's limit of 128 kB (#12, found by fuzzing).
        raise TaxTableError(reader.line_num, f"not CSV: {exception}")


def read_tax_table(data):
    """Yield the TaxBand of Skatteverket's CSV `data` (bytes, latin-1).

    Only monthly pay is kept (`30B` kronor rows and `30%` percentage
    rows); rows for other pay periods are skipped. Raise TaxTableError
    naming the line of the first bad row; the caller imports nothing
    then. All rows must be of one year; within a table the rows must
    follow each other without overlap.
    """
    if isinstance(data, bytes):
        text = data.decode('latin-1')
    else:
        text = data
    reader = csv.reader(io.StringIO(text, newline=''), delimiter=';')
    rows = _rows(reader)
    header = next(rows, None)
    if header is None:
        raise TaxTableError(1, "the file is empty")
    header = [h.strip() for h in header]
    ncolumns = len(header) - len(TAX_TABLE_HEADER)
    expected = TAX_TABLE_HEADER + [
        f'Kolumn {i}' for i in range(1, ncolumns + 1)]
    if header != expected or ncolumns not in {6, 7}:
        raise TaxTableError(1, "the header is not Skatteverket's: "
            + ';'.join(header))
    year = None
    last = {}
    for row in rows:
        line = reader.line_num
        if not any(f.strip() for f in row):
            continue
        if len(row) != len(header):
            raise TaxTableError(line,
                f"{len(row)} fields instead of {len(header)}")
        row = [f.strip() for f in row]
        row_year = _integer(row[0], line, "year")
        if year is None:
            year = row_year
        elif row_year != year:
            raise TaxTableError(line,
                f"year {row_year} in a file of year {year}")
        period = row[1]
        if not _PERIOD.match(period):
            raise TaxTableError(line, f"pay period {period!r} is unknown")
        if period not in {AMOUNT_PERIOD, PERCENT_PERIOD}:
            continue
        table = _integer(row[2], line, "table")
        income_from = _integer(row[3], line, "income from")
        if row[4] == '' and period == PERCENT_PERIOD:
            income_to = None
        else:
            income_to = _integer(row[4], line, "income to")
            if income_to < income_from:
                raise TaxTableError(line, "income to is below income from")
        previous = last.get(table)
        if previous is not None and (
                previous is True or income_from <= previous):
            raise TaxTableError(line,
                f"the row overlaps the previous row of table {table}")
        last[table] = True if income_to is None else income_to
        for index, text in enumerate(row[5:], 1):
            if text == '':
                if index == 7:
                    continue
                raise TaxTableError(line, f"column {index} is empty")
            if period == AMOUNT_PERIOD:
                amount = _integer(text, line, f"column {index}")
                if amount < 0:
                    raise TaxTableError(line,
                        f"column {index} is negative")
                percent = None
            else:
                amount, percent = None, _percent(
                    text, line, f"column {index}")
            yield TaxBand(year, table, index, income_from, income_to,
                amount, percent)


def band_tax(band, pay):
    """The tax withheld on monthly `pay` by `band`, in whole kronor.

    Skatteverket's tables give kronor for pay up to the last 30B row
    and a percentage of the whole pay above it.
    """
    if band.amount is not None:
        return Decimal(band.amount)
    return to_krona(Decimal(pay) * band.percent / 100, TAX_ROUNDING)


def table_pay(pay):
    "The pay looked up in a table: whole kronor, öre dropped."
    return int(to_krona(pay, ROUND_DOWN))


def find_band(bands, pay):
    "The band of `bands` (one table and column) that holds `pay`, or None."
    pay = table_pay(pay)
    for band in bands:
        if band.income_from <= pay and (
                band.income_to is None or pay <= band.income_to):
            return band
    return None


def fixed_percent_tax(pay, percent):
    "Tax at a fixed percentage (no table, side income, SINK), whole kronor."
    return to_krona(Decimal(pay) * Decimal(percent) / 100, TAX_ROUNDING)


# Employer contributions -------------------------------------------------

@dataclass(frozen=True)
class ContributionRate:
    """One employer contribution rate, as loaded from the database.

    It applies to pay paid from `start_date` to `end_date` (inclusive)
    to people whose age at the start of the year (see
    age_at_year_start) is within `min_age`..`max_age` and whose year of
    birth is within `born_from`..`born_to` (None: no bound). With a
    `monthly_cap`, it applies to the pay of the month up to the cap and
    the next applicable rate applies to the rest. The lowest `sequence`
    that applies wins.
    """
    sequence: int
    rate: Decimal  # percent
    start_date: dt.date
    end_date: dt.date | None = None
    min_age: int | None = None
    max_age: int | None = None
    born_from: int | None = None
    born_to: int | None = None
    monthly_cap: Decimal | None = None
    name: str = ''

    def applies(self, birth_date, payment_date):
        if payment_date < self.start_date:
            return False
        if self.end_date and payment_date > self.end_date:
            return False
        age = age_at_year_start(birth_date, payment_date.year)
        if self.min_age is not None and age < self.min_age:
            return False
        if self.max_age is not None and age > self.max_age:
            return False
        if self.born_from is not None and birth_date.year < self.born_from:
            return False
        if self.born_to is not None and birth_date.year > self.born_to:
            return False
        return True


class NoContributionRate(LookupError):
    pass


def applicable_rates(rates, birth_date, payment_date):
    "The rates that apply, best first; the last one has no cap."
    found = sorted(
        (r for r in rates if r.applies(birth_date, payment_date)),
        key=lambda r: r.sequence)
    result = []
    for rate in found:
        result.append(rate)
        if rate.monthly_cap is None:
            return result
    raise NoContributionRate(
        f"no employer contribution rate for pay on {payment_date}")


def contribution_bases(chosen, pay):
    """Split `pay` over the rates `chosen` (from applicable_rates).

    Returns [(rate in percent, the part of the pay at that rate)]: a
    rate with a monthly cap takes the pay up to the cap, the next rate
    the rest (the youth reduction of SFS 2026:100).
    """
    rest = Decimal(pay)
    bases = []
    for rate in chosen:
        part = rest
        if rate.monthly_cap is not None:
            part = min(rest, rate.monthly_cap)
        bases.append((rate.rate, part))
        rest -= part
        if rest <= 0:
            break
    return bases


def declared_contributions(bases):
    """Employer contributions on `bases`, as Skatteverket computes them.

    `bases` is an iterable of (rate in percent, pay) over any number of
    payees. Skatteverket's ställningstagande "Arbetsgivardeklaration på
    individnivå - avrundning av redovisat belopp och vid beräkning av
    arbetsgivaravgifter" (2017-06-08, dnr 131 238881-17/111): the pay of
    each payee is declared in whole kronor and their sum is the basis
    of the month (socialavgiftslagen 2000:980, 2 kap. 24 §); the
    contributions are computed for each rate on its own, öre dropped
    (CONTRIBUTION_ROUNDING) for each rate, and then added up. So the
    month's contributions are not the sum of each payee's rounded ones.

    >>> declared_contributions([(Decimal('31.42'), Decimal(28611))] * 7)
    Decimal('62927')
    """
    totals = {}
    for rate, pay in bases:
        rate = Decimal(rate)
        totals[rate] = totals.get(rate, Decimal(0)) + Decimal(pay)
    return sum((to_krona(pay * rate / 100, CONTRIBUTION_ROUNDING)
            for rate, pay in totals.items()), Decimal(0))


def contributions(rates, birth_date, payment_date, pay):
    """Employer contributions on `pay` paid on `payment_date`.

    The rates are chosen by the date of payment (socialavgiftslagen
    2 kap. 1 §: contributions are due on pay paid during the year).
    Returns (amount in whole kronor, the ContributionRate list used):
    the amount of one payslip as if it were the month's only pay
    (declared_contributions); the month's AGI field 487 is computed on
    all of the month's pay at once.
    """
    chosen = applicable_rates(rates, birth_date, payment_date)
    return declared_contributions(contribution_bases(chosen, pay)), chosen


# Salary formula -----------------------------------------------------------

@dataclass(frozen=True)
class SalaryBreakdown:
    available: Decimal
    rate: Decimal  # percent
    gross: Decimal  # including holiday pay
    salary: Decimal  # gross less holiday pay
    holiday_pay: Decimal
    contributions: Decimal


def salary_from_available(available, rate,
        holiday_pay_rate=HOLIDAY_PAY_RATE):
    """Split an amount available for pay costs into pay and contributions.

    gross = available / (1 + rate), in whole kronor (half up), holiday
    pay included. The gross is split into salary and holiday pay of at
    least 12 % of that salary (semesterlagen 1977:480, 16 b §): holiday
    pay = gross x 12 / 112 rounded up to whole kronor
    (HOLIDAY_PAY_ROUNDING) and salary = gross - holiday pay, so that
    salary + holiday pay = gross and holiday pay >= 12 % x salary.
    Contributions are what remains of the amount available, so that
    nothing of it is lost to rounding.

    Frilans Finans' published example: 40,000 kr invoiced, fee 6 %
    (2,400 kr), 37,600 kr available at 31.42 % gives 28,611 kr gross
    including holiday pay and 8,989 kr contributions; the gross is
    25,545 kr salary and 3,066 kr holiday pay (28,611 x 12 / 112 =
    3,065.46).
    """
    available = Decimal(available)
    rate = Decimal(rate)
    gross = to_krona(available / (1 + rate / 100), PAY_ROUNDING)
    holiday = to_krona(
        gross * holiday_pay_rate / (1 + holiday_pay_rate),
        HOLIDAY_PAY_ROUNDING)
    return SalaryBreakdown(
        available=available, rate=rate, gross=gross, salary=gross - holiday,
        holiday_pay=holiday, contributions=available - gross)


def holiday_pay(salary, rate=HOLIDAY_PAY_RATE):
    """Holiday pay paid with `salary`, whole kronor.

    At least 12 % of the salary (semesterlagen 1977:480, 16 b §): the
    öre are rounded up (HOLIDAY_PAY_ROUNDING), never dropped.
    """
    return to_krona(Decimal(salary) * rate, HOLIDAY_PAY_ROUNDING)

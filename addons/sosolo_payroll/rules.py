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

#: Särskild löneskatt on pension costs: 24.26 % (lag 1991:687 om särskild
#: löneskatt på pensionskostnader, 3 §). Rounded to öre here; it is
#: declared for the year in whole kronor.
PENSION_TAX_RATE = Decimal('24.26')


def pension_cost(gross, premium_rate):
    """The pension premium on `gross` pay at `premium_rate` percent and
    the särskild löneskatt on it (PENSION_TAX_RATE), each to the öre,
    half up: (premium, tax).

    >>> pension_cost(Decimal(27443), Decimal('4.5'))
    (Decimal('1234.94'), Decimal('299.60'))
    """
    premium = to_cent(Decimal(gross) * Decimal(premium_rate or 0) / 100)
    return premium, to_cent(premium * PENSION_TAX_RATE / 100)


@dataclass(frozen=True)
class SalaryBreakdown:
    available: Decimal
    rate: Decimal  # percent
    gross: Decimal  # including holiday pay
    salary: Decimal  # gross less holiday pay
    holiday_pay: Decimal
    contributions: Decimal
    pension_rate: Decimal = Decimal(0)  # percent of gross
    pension_premium: Decimal = Decimal(0)
    pension_tax: Decimal = Decimal(0)  # särskild löneskatt


def salary_from_available(available, rate,
        holiday_pay_rate=HOLIDAY_PAY_RATE, pension_rate=0):
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

    With a `pension_rate` (percent of gross pay, set by the member's
    plan) the amount also pays the premium and the särskild löneskatt
    on it (pension_cost): gross = available / (1 + rate + pension_rate
    x (1 + PENSION_TAX_RATE)).
    """
    available = Decimal(available)
    rate = Decimal(rate)
    pension_rate = Decimal(pension_rate or 0)
    factor = (1 + rate / 100
        + pension_rate / 100 * (1 + PENSION_TAX_RATE / 100))
    gross = to_krona(available / factor, PAY_ROUNDING)
    holiday = to_krona(
        gross * holiday_pay_rate / (1 + holiday_pay_rate),
        HOLIDAY_PAY_ROUNDING)
    premium, tax = pension_cost(gross, pension_rate)
    return SalaryBreakdown(
        available=available, rate=rate, gross=gross, salary=gross - holiday,
        holiday_pay=holiday, contributions=available - gross - premium - tax,
        pension_rate=pension_rate, pension_premium=premium,
        pension_tax=tax)


def holiday_pay(salary, rate=HOLIDAY_PAY_RATE):
    """Holiday pay paid with `salary`, whole kronor.

    At least 12 % of the salary (semesterlagen 1977:480, 16 b §): the
    öre are rounded up (HOLIDAY_PAY_ROUNDING), never dropped.
    """
    return to_krona(Decimal(salary) * rate, HOLIDAY_PAY_ROUNDING)


# Sick pay (lag 1991:1047 om sjuklön) ----------------------------------------

#: 6 § första stycket: sick pay is 80 % of the pay and benefits lost.
SICK_PAY_RATE = Decimal('0.80')
#: 6 § andra stycket (SFS 2018:648, from 2019-01-01): one karensavdrag
#: per sick pay period of 20 % of the sick pay of an average week.
KARENSAVDRAG_RATE = Decimal('0.20')
#: 7 §: the sick pay period is the first day of the sickness and the
#: following thirteen calendar days; Försäkringskassan pays from day 15.
SICK_PAY_PERIOD_DAYS = 14
#: 8 §: from the eighth calendar day a doctor's certificate is needed.
CERTIFICATE_FROM_DAY = 8
#: 12 §: the employer notifies Försäkringskassan within seven calendar
#: days after the end of the sick pay period (days 15 to 21).
NOTICE_DAYS = 7
#: Sick pay and the karensavdrag are rounded to öre, half up, each where
#: 6 § names it: the 80 % of the pay lost over the whole period, and the
#: 20 % of the (rounded) sick pay of an average week. The law names no
#: rounding; this is the one that gives the issue's worked examples
#: (6,923.08 kr a week: 5,538.46 - 1,107.69 = 4,430.77 kr).
SICK_PAY_ROUNDING = ROUND_HALF_UP


def _to_cent(amount, mode):
    return Decimal(amount).quantize(_CENT, rounding=mode)


@dataclass(frozen=True)
class SickPay:
    lost_pay: Decimal
    week_pay: Decimal
    gross: Decimal  # 80 % of the lost pay, before the karensavdrag
    karensavdrag: Decimal  # deducted in this calculation
    sick_pay: Decimal  # gross less karensavdrag

    def as_dict(self):
        "Every amount as a string in öre (for JSON)."
        return {name: str(to_cent(value))
            for name, value in self.__dict__.items()}


def karensavdrag(week_pay):
    """The karensavdrag of a sick pay period, sjuklönelagen 6 §.

    20 % of the sick pay of an average week, which is 80 % of the pay
    of an average week (`week_pay`): 6,923.08 kr a week gives a week's
    sick pay of 5,538.46 kr and a karensavdrag of 1,107.69 kr.
    """
    week_sick_pay = _to_cent(
        SICK_PAY_RATE * Decimal(week_pay), SICK_PAY_ROUNDING)
    return _to_cent(KARENSAVDRAG_RATE * week_sick_pay, SICK_PAY_ROUNDING)


def sick_pay(lost_pay, week_pay, karensavdrag_taken=0):
    """Sick pay for `lost_pay` lost in one sick pay period.

    Sjuklönelagen (1991:1047) 6 §: sick pay is 80 % of the pay and
    benefits lost (`lost_pay`, for days 1-14 of the period), less one
    karensavdrag of 20 % of the sick pay of an average week (`week_pay`
    is the pay of an average week). Where the sick pay does not cover
    the karensavdrag, the karensavdrag is capped at the sick pay and
    the rest is taken from the following days of the same period:
    `karensavdrag_taken` is what earlier calculations of the period
    already deducted. Rounded by SICK_PAY_ROUNDING.

    >>> sick_pay(Decimal('6923.08'), Decimal('6923.08')).sick_pay
    Decimal('4430.77')
    """
    lost_pay, week_pay = Decimal(lost_pay), Decimal(week_pay)
    gross = _to_cent(SICK_PAY_RATE * lost_pay, SICK_PAY_ROUNDING)
    rest = max(karensavdrag(week_pay) - Decimal(karensavdrag_taken),
        Decimal(0))
    deducted = min(rest, gross)
    return SickPay(lost_pay=lost_pay, week_pay=week_pay, gross=gross,
        karensavdrag=deducted, sick_pay=gross - deducted)


def sick_day(first_date, date):
    "The day number of `date` in a sickness that began on `first_date`."
    return (date - first_date).days + 1


def sick_pay_period_end(first_date):
    "The last day the employer pays (sjuklönelagen 7 §: day 14)."
    return first_date + dt.timedelta(days=SICK_PAY_PERIOD_DAYS - 1)


def certificate_required(first_date, last_date):
    """Whether a doctor's certificate is needed (sjuklönelagen 8 §): the
    sickness from `first_date` to `last_date` reaches day 8."""
    return sick_day(first_date, last_date) >= CERTIFICATE_FROM_DAY


def notice_due_date(first_date, last_date):
    """The last day of the employer's notice to Försäkringskassan, or
    None when the sickness ends within the sick pay period.

    Sjuklönelagen 12 §: when the sickness and the employment go on after
    the sick pay period, the employer notifies Försäkringskassan within
    seven calendar days (Försäkringskassan: "senast den 21:a
    sjukdagen"), giving the employer's organisation number, the
    employee's personnummer and the first day of the sick pay period.
    `last_date` None is a sickness that has not ended.
    """
    end = sick_pay_period_end(first_date)
    if last_date is not None and last_date <= end:
        return None
    return end + dt.timedelta(days=NOTICE_DAYS)


@dataclass(frozen=True)
class Employment:
    "One employment with the employer (for a member: one assignment)."
    start_date: dt.date
    end_date: dt.date | None  # agreed last day; None: until further notice


def _add_month(date):
    "The same day a month later, or the month's last day."
    year, month = divmod(date.month, 12)
    year, month = date.year + year, month + 1
    for day in range(date.day, 27, -1):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, date.day)


def _employment_chain(employments, date):
    """The employments that count together on `date`, earliest first.

    Sjuklönelagen 3 § andra stycket: time of an earlier employment with
    the same employer counts if at most fourteen days passed between the
    employments. The chain ends with the employment that holds `date`;
    it is empty when none does.
    """
    ordered = sorted(employments, key=lambda e: e.start_date)
    current = [e for e in ordered if e.start_date <= date
        and (e.end_date is None or date <= e.end_date)]
    if not current:
        return []
    chain = [current[-1]]
    for employment in reversed(ordered):
        if employment.start_date >= chain[0].start_date:
            continue
        if employment.end_date is None:
            chain.insert(0, employment)
            continue
        gap = (chain[0].start_date - employment.end_date).days - 1
        if gap > 14:
            break
        chain.insert(0, employment)
    return chain


def sick_pay_right(employments, first_date):
    """Whether an employee falling sick on `first_date` has the right
    to sick pay from the employer, sjuklönelagen (1991:1047) 3 §.

    The right holds from the first day of the employment. When the
    agreed employment is shorter than a month, it holds only once the
    employee has taken up the employment and then been employed
    fourteen calendar days in a row (3 § första stycket). Time of
    earlier employments with the same employer counts when at most
    fourteen days passed between them (3 § andra stycket). For a member
    each assignment is an employment (a särskild visstidsanställning,
    LAS 5 § 1), so a series of short assignments with short breaks
    counts as one employment; days of absence without a valid reason
    (3 § första stycket, last sentence) are not known here.
    """
    chain = _employment_chain(employments, first_date)
    if not chain:
        return False
    start = chain[0].start_date
    if any(e.end_date is None for e in chain):
        return True
    agreed = sum(((e.end_date - e.start_date).days + 1 for e in chain), 0)
    if agreed >= (_add_month(start) - start).days:
        return True
    employed = sum(((min(e.end_date, first_date - dt.timedelta(days=1))
                - e.start_date).days + 1 for e in chain
            if e.start_date < first_date), 0)
    return employed >= 14


#: The a-kassa's income condition since 2025-10-01 (lag 2024:506 om
#: arbetslöshetsförsäkring, huvudregeln; IAF, "Ny arbetslöshetsförsäkring
#: från 1 oktober 2025", https://www.iaf.se/lag-ratt/ny-arbetsloshetsforsakring-fran-1-oktober):
#: in the ramtid of 12 months an income of at least 120,000 kr in all and
#: at least 11,000 kr a month in at least four months.
INCOME_MONTHS = 12
INCOME_TOTAL = Decimal(120_000)
INCOME_MONTH = Decimal(11_000)
INCOME_MONTH_COUNT = 4


@dataclass(frozen=True)
class IncomeCondition:
    "The income condition on 12 months of reported pay."
    total: Decimal
    #: the months with at least INCOME_MONTH
    months: int
    total_met: bool
    months_met: bool

    @property
    def met(self):
        return self.total_met and self.months_met


def income_condition(monthly):
    """The IncomeCondition of `monthly`, the pay of each month of the
    ramtid (Decimal, as reported in the AGI); each limit is met when
    reached exactly. The alternative rule (four months in a row, 66
    days) and the income of other employers are the a-kassa's to weigh.
    """
    monthly = [Decimal(m) for m in monthly]
    total = sum(monthly, Decimal(0))
    months = sum(1 for m in monthly if m >= INCOME_MONTH)
    return IncomeCondition(total, months, total >= INCOME_TOTAL,
        months >= INCOME_MONTH_COUNT)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The days by which Skatteverket must have the returns: pure functions.

For a cooperative whose taxable turnover is at most 40 million kronor
(skatteförfarandelagen (2011:1244), SFL, 26 kap. 26 §):

- the employer's return (arbetsgivardeklaration) of a month, on the 12th
  of the month after it, and on the 17th in January and August;
- the VAT return (mervärdesskattedeklaration) of a month or a quarter,
  on the 12th of the second month after it, and on the 17th when that
  is January or August.

A day that falls on a Saturday, Sunday or public holiday moves to the
next weekday (lagen (1930:173) om beräkning av lagstadgad tid, 2 §,
which counts midsommarafton, julafton and nyårsafton as holidays too).
The holidays are those of lagen (1989:253) om allmänna helgdagar.
Yearly VAT (26 kap. 33 §) and turnovers over 40 million (26 kap. 30 §)
have other days and are not handled here.
"""
import datetime as dt

from dateutil.easter import easter

#: The VAT periods of 26 kap. 26 § SFL, in months.
VAT_PERIOD_MONTHS = {'month': 1, 'quarter': 3}


def _saturday_from(date):
    "The first Saturday on or after `date`."
    return date + dt.timedelta(days=(5 - date.weekday()) % 7)


def public_holidays(year):
    "The allmänna helgdagar of `year` (lagen 1989:253, 1 §), Sundays aside."
    sunday = easter(year)
    return {
        dt.date(year, 1, 1),  # nyårsdagen
        dt.date(year, 1, 6),  # trettondedag jul
        sunday - dt.timedelta(days=2),  # långfredagen
        sunday,  # påskdagen
        sunday + dt.timedelta(days=1),  # annandag påsk
        sunday + dt.timedelta(days=39),  # Kristi himmelsfärds dag
        dt.date(year, 5, 1),  # första maj
        sunday + dt.timedelta(days=49),  # pingstdagen
        dt.date(year, 6, 6),  # Sveriges nationaldag
        _saturday_from(dt.date(year, 6, 20)),  # midsommardagen
        _saturday_from(dt.date(year, 10, 31)),  # alla helgons dag
        dt.date(year, 12, 25),  # juldagen
        dt.date(year, 12, 26),  # annandag jul
        }


def is_weekday(date):
    """Whether `date` is a weekday in the sense of lagen (1930:173) 2 §:
    not a Saturday, Sunday, public holiday, midsommarafton, julafton or
    nyårsafton."""
    eves = {
        _saturday_from(dt.date(date.year, 6, 20)) - dt.timedelta(days=1),
        dt.date(date.year, 12, 24), dt.date(date.year, 12, 31)}
    return (date.weekday() < 5 and date not in eves
        and date not in public_holidays(date.year))


def next_weekday(date):
    "`date`, or the first weekday after it (lagen 1930:173, 2 §)."
    while not is_weekday(date):
        date += dt.timedelta(days=1)
    return date


def _month_after(date, months):
    "The first day of the month `months` after that of `date`."
    month = date.month - 1 + months
    return dt.date(date.year + month // 12, month % 12 + 1, 1)


def _due(month):
    "The 12th of `month`, the 17th in January and August, moved to a weekday."
    return next_weekday(month.replace(day=17 if month.month in {1, 8}
            else 12))


def month_period(date):
    "(first day, last day) of the month of `date`."
    first = date.replace(day=1)
    return first, _month_after(first, 1) - dt.timedelta(days=1)


def agi_due_date(period_end):
    """The last day for the arbetsgivardeklaration of the month ending
    `period_end` (SFL 26 kap. 26 §)."""
    return _due(_month_after(period_end, 1))


def vat_period(date, period):
    """(first day, last day) of the VAT period (`period` a key of
    VAT_PERIOD_MONTHS) that holds `date`."""
    months = VAT_PERIOD_MONTHS[period]
    first = date.replace(
        month=(date.month - 1) // months * months + 1, day=1)
    return first, _month_after(first, months) - dt.timedelta(days=1)


def vat_due_date(period_end):
    """The last day for the VAT return of the month or quarter ending
    `period_end` (SFL 26 kap. 26 §)."""
    return _due(_month_after(period_end, 2))


def next_due(date, period_of, due_of):
    """(first day, last day, due date) of the first period whose due date
    is on or after `date`: `period_of(day)` gives the (first, last) day
    of the period holding `day`, `due_of(last)` that period's due date.
    The due dates come at most two months after a period ends."""
    first, last = period_of(date - dt.timedelta(days=100))
    while due_of(last) < date:
        first, last = period_of(last + dt.timedelta(days=1))
    return first, last, due_of(last)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The public salary calculator of the portal: no login.

A GET form, so it works without JavaScript and a result can be linked
to; it reads the plans, contribution rates and tax tables and changes
nothing. The steps are calculator.compute_from_database, as in
``sosolo salary-calc``.
"""
import datetime as dt
import os

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.modules.sosolo_portal.portal import NavItem, render, session_user
from trytond.modules.sosolo_sweden.amount import (
    NumberError,
    format_percent,
    parse_number,
)
from trytond.pool import PoolMeta
from trytond.protocols.wrappers import with_pool, with_transaction
from trytond.wsgi import app

from .calculator import compute_from_database, find_plan

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')
PATH = 'loneraknare'
FIELDS = ['amount', 'plan', 'birth_year', 'pay_date', 'tax', 'table',
    'column', 'percent']
SV = {'language': 'sv'}


class Portal(metaclass=PoolMeta):
    __name__ = 'sosolo.portal'

    @classmethod
    def navigation(cls, user):
        return super().navigation(user) + [
            NavItem(80, PATH, gettext('sosolo_convoy.msg_portal_calculator'))]

    @classmethod
    def public_pages(cls):
        return super().public_pages() + [
            (PATH, gettext('sosolo_convoy.msg_portal_calculator_text'))]

    @classmethod
    def template_directories(cls):
        directories = super().template_directories()
        if TEMPLATES not in directories:
            directories = [TEMPLATES] + directories
        return directories


@app.route('/<database_name>/portal/' + PATH, methods=['GET'])
@with_pool
@with_transaction(context=SV)
def calculator(request, pool):
    "Invoice, fee, contributions, gross, tax and net pay: no login."
    Plan = pool.get('sosolo.convoy.plan')
    today = dt.date.today()
    default_plan = find_plan()
    form = {k: request.args.get(k, '').strip() for k in FIELDS}
    for name, value in [
            ('plan', str(default_plan.id) if default_plan else ''),
            ('birth_year', str(today.year - 41)),
            ('pay_date', today.isoformat()),
            ('tax', 'percent'), ('column', '1'), ('percent', '30')]:
        form[name] = form[name] or value
    errors, result = {}, None
    if request.args.get('amount') is not None:
        values = _parse(pool, form, errors)
        if not errors:
            try:
                result = compute_from_database(**values)
            except UserError as exception:
                errors['result'] = exception.message
    status = 400 if errors else 200
    return render(request, 'calculator.html', user=session_user(request),
        status=status, form=form, errors=errors, result=result,
        plans=Plan.search([]), columns=range(1, 7), percent=format_percent)


def _parse(pool, form, errors):
    "The arguments of compute_from_database, or `errors` by field."
    Plan = pool.get('sosolo.convoy.plan')
    values = {}
    amount = _decimal(form['amount'])
    if amount is None or amount < 0 or amount >= 10**9:
        errors['amount'] = gettext('sosolo_convoy.msg_calculator_amount')
    values['amount'] = amount
    plans = [p for p in Plan.search([]) if str(p.id) == form['plan']]
    if not plans:
        errors['plan'] = gettext('sosolo_convoy.msg_calculator_plan')
    values['plan'] = plans[0] if plans else None
    try:
        pay_date = dt.date.fromisoformat(form['pay_date'])
    except ValueError:
        errors['pay_date'] = gettext('sosolo_convoy.msg_calculator_date')
        pay_date = dt.date.today()
    values['payment_date'] = pay_date
    year = form['birth_year']
    if not (year.isascii() and year.isdigit()
            and pay_date.year - 120 <= int(year) <= pay_date.year):
        errors['birth_year'] = gettext(
            'sosolo_convoy.msg_calculator_birth_year')
    else:
        # The rates go by the year of birth only (age at year start).
        values['birth_date'] = dt.date(int(year), 1, 1)
    if form['tax'] == 'table':
        table = form['table']
        if not (table.isascii() and table.isdigit() and len(table) <= 3):
            errors['table'] = gettext('sosolo_convoy.msg_calculator_table')
        else:
            values['tax_table'] = int(table)
        if form['column'] not in {str(c) for c in range(1, 7)}:
            form['column'] = '1'
        values['tax_column'] = int(form['column'])
    else:
        form['tax'] = 'percent'
        percent = _decimal(form['percent'])
        if percent is None or not 0 <= percent <= 100:
            errors['percent'] = gettext(
                'sosolo_convoy.msg_calculator_percent')
        values['tax_percent'] = percent
    return values


def _decimal(text):
    "A number as Swedes type it (1 234,50), or None."
    try:
        return parse_number(text, decimals=4)
    except NumberError:
        return None

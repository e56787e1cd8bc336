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
from trytond.modules.sosolo_sweden.amount import format_percent
from trytond.modules.sosolo_sweden.rules import today as swedish_today
from trytond.pool import PoolMeta
from trytond.protocols.wrappers import with_pool, with_transaction
from trytond.wsgi import app

from .calculator import compute_from_database, find_plan
from .forms import calculator_form

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
    today = swedish_today()
    plans = Plan.search([])
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
        values = _parse(plans, form, errors)
        if not errors:
            try:
                result = compute_from_database(**values)
            except UserError as exception:
                errors['result'] = exception.message
    status = 400 if errors else 200
    return render(request, 'calculator.html', user=session_user(request),
        status=status, form=form, errors=errors, result=result,
        plans=plans, columns=range(1, 7), percent=format_percent)


def _parse(plans, form, errors):
    """The arguments of compute_from_database, or `errors` by field;
    `plans` are those to choose from."""
    parsed, found = calculator_form(plans).parse(form)
    # A bad choice of tax or column falls back to the default; the
    # table or percent of the method not chosen is not read.
    form['tax'] = parsed['tax'] or 'percent'
    form['column'] = parsed['column'] or '1'
    unused = {'tax', 'column',
        'percent' if form['tax'] == 'table' else 'table'}
    errors.update((k, v) for k, v in found.items() if k not in unused)
    pay_date = parsed['pay_date'] or swedish_today()
    values = {
        'amount': parsed['amount'],
        'plan': next(p for p in plans if str(p.id) == parsed['plan'])
        if parsed['plan'] else None,
        'payment_date': pay_date,
        }
    year = parsed['birth_year']
    if year is not None and not pay_date.year - 120 <= year <= pay_date.year:
        errors['birth_year'] = gettext(
            'sosolo_convoy.msg_calculator_birth_year')
    elif year is not None:
        # The rates go by the year of birth only (age at year start).
        values['birth_date'] = dt.date(year, 1, 1)
    if form['tax'] == 'table':
        if parsed['table'] is None:
            errors.setdefault('table',
                gettext('sosolo_convoy.msg_calculator_table'))
        values['tax_table'] = parsed['table']
        values['tax_column'] = int(form['column'])
    else:
        if parsed['percent'] is None:
            errors.setdefault('percent',
                gettext('sosolo_convoy.msg_calculator_percent'))
        values['tax_percent'] = parsed['percent']
    return values

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The forms of the convoy pages, as tables of fields (sosolo_portal's
form layer) read by sosolo_sweden's parsers.

A form whose choices depend on the member (their customers, the plans)
is made by a function. What is checked across fields (an end date
before the start, VAT above a fifth) is the route's, after parsing.
"""
from decimal import Decimal

from trytond.i18n import gettext
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_sweden import parsers
from trytond.modules.sosolo_sweden.exceptions import InputError

from .assignment import VAT

#: The line rows an assignment form may have, and their fields.
MAX_LINES = 30
LINE_FIELDS = ['description', 'quantity', 'unit_price', 'vat']
#: What the portal takes of a text: names and descriptions, and cities.
TEXT = parsers.text(200)
SHORT_TEXT = parsers.text(100)


def quantity(step, message):
    """A quantity greater than zero in steps of `step` (0,1 km, half a
    day), `message` for anything else."""
    read = parsers.decimal(minimum=0)

    def parse(text):
        try:
            value = read(text)
        except InputError:
            value = None
        if not value or value % step:
            raise InputError(gettext(message))
        return value
    return parse


#: An amount greater than zero.
POSITIVE_AMOUNT = parsers.decimal(minimum=Decimal('0.01'), error='amount')


def payout_amount(text):
    "A payout's amount; \"allt\" (all that is available) is None."
    if text.strip().lower() == 'allt':
        return None
    return POSITIVE_AMOUNT(text)


def assignment_form(customers):
    "The assignment's own fields; `customers` are the member's."
    return Form(
        Field('customer',
            parsers.choice([str(c.id) for c in customers] + ['new']),
            required='sosolo_convoy.msg_portal_customer',
            invalid='sosolo_convoy.msg_portal_customer'),
        Field('description', TEXT, required=True),
        Field('start_date', parsers.date, required=True),
        Field('end_date', parsers.date, required=True))


#: A new customer's fields, read when the member chooses "new".
CUSTOMER = Form(
    Field('customer_name', TEXT, required=True),
    Field('customer_orgnr', parsers.orgnr, required=True),
    Field('customer_email', parsers.email, required=True),
    Field('customer_street', TEXT, required=True),
    Field('customer_postal_code', parsers.postal_code, required=True),
    Field('customer_city', SHORT_TEXT, required=True))


def line_form(i):
    "The fields of line row `i` of an assignment, read when it is filled."
    return Form(
        Field(f'line-{i}-description', TEXT, required=True),
        Field(f'line-{i}-quantity', quantity(Decimal('0.01'),
                'sosolo_convoy.msg_portal_quantity_invalid'),
            required=True),
        Field(f'line-{i}-unit_price', parsers.amount, required=True),
        Field(f'line-{i}-vat', parsers.choice([v for v, _ in VAT]),
            required=True))


PAYOUT = Form(Field('amount', payout_amount))

RECEIPT = Form(
    Field('date', parsers.date, required=True),
    Field('purpose', TEXT, required=True),
    Field('amount', POSITIVE_AMOUNT, required=True),
    Field('vat_amount', parsers.amount, required=True))


def allowance_form(step, message):
    "A mileage or per diem claim: the quantity in steps of `step`."
    return Form(
        Field('date', parsers.date, required=True),
        Field('purpose', TEXT, required=True),
        Field('quantity', quantity(step, message), required=True))


def calculator_form(plans):
    "The salary calculator's fields; `plans` are the plans to choose from."
    def field(name, parser, message, required=True):
        message = 'sosolo_convoy.msg_calculator_' + message
        return Field(name, parser, required=required and message,
            invalid=message)
    return Form(
        field('amount', parsers.decimal(0, Decimal('999999999.99')),
            'amount'),
        field('plan', parsers.choice([str(p.id) for p in plans]), 'plan'),
        field('birth_year', parsers.integer(1000, 9999), 'birth_year'),
        field('pay_date', parsers.date, 'date'),
        Field('tax', parsers.choice(['table', 'percent'])),
        field('table', parsers.integer(0, 999), 'table', required=False),
        Field('column', parsers.choice([str(c) for c in range(1, 7)])),
        field('percent', parsers.decimal(0, 100), 'percent',
            required=False))

#: An advance on a customer invoice (fund.py).
ADVANCE = Form(Field('amount', POSITIVE_AMOUNT, required=True))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reminders with the Swedish fees and interest, on Tryton's dunnings."""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from . import rules
from .exceptions import ReferenceRateError

#: Identifier types that make a party a business (näringsidkare) for
#: the förseningsersättning (lag 1981:739, 4 a §).
BUSINESS_IDENTIFIERS = {'se_orgnr', 'se_vat', 'eu_vat'}


class ReferenceRate(ModelSQL, ModelView):
    """Reference Rate

    Riksbanken's referensränta of a half-year (räntelagen 9 §), which
    dröjsmålsränta follows (6 §)."""
    __name__ = 'sosolo.convoy.reference_rate'

    start_date = fields.Date("Start Date", required=True,
        help="1 January or 1 July: the half-year the rate is set for.")
    rate = fields.Numeric("Rate (%)", digits=(5, 2), required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        t = cls.__table__()
        cls._sql_constraints = [
            ('start_date_unique', Unique(t, t.start_date),
                'sosolo_convoy.msg_reference_rate_unique'),
            ]

    def get_rec_name(self, name):
        return f'{self.start_date} {self.rate} %'

    @classmethod
    def validate_fields(cls, rates, field_names):
        super().validate_fields(rates, field_names)
        for rate in rates:
            date = rate.start_date
            if date.day != 1 or date.month not in {1, 7}:
                raise ReferenceRateError(gettext(
                        'sosolo_convoy.msg_reference_rate_half_year',
                        date=date))

    @classmethod
    def rules(cls):
        "Every rate as rules.ReferenceRate."
        return [rules.ReferenceRate(r.start_date, r.rate)
            for r in cls.search([])]


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    reminder_fee_agreed = fields.Boolean("Reminder Fee Agreed",
        help="A fee of 60 kr for a written reminder was agreed at the "
        "latest when the debt arose (lag 1981:739, 2 §).")

    def is_business(self):
        "Whether the party has an organisation or VAT number."
        return any(i.type in BUSINESS_IDENTIFIERS for i in self.identifiers)


class Fee(metaclass=PoolMeta):
    __name__ = 'account.dunning.fee'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.compute_method.selection += [
            ('interest', "Late Interest (Räntelagen)"),
            ('reminder_fee', "Reminder Fee Where Agreed"),
            ('late_payment', "Late Payment Compensation to Businesses"),
            ]

    def get_amount(self, dunning):
        """The Swedish fees of rules.late_payment_fees and the
        dröjsmålsränta of rules.late_interest to the day of the dunning,
        in the company's currency."""
        pool = Pool()
        Date = pool.get('ir.date')
        ReferenceRate = pool.get('sosolo.convoy.reference_rate')
        if self.compute_method not in {
                'interest', 'reminder_fee', 'late_payment'}:
            return super().get_amount(dunning)
        currency = dunning.company.currency
        if self.compute_method == 'interest':
            with Transaction().set_context(company=dunning.company.id):
                today = Date.today()
            try:
                amount = rules.late_interest(dunning.amount,
                    dunning.maturity_date, today, ReferenceRate.rules())
            except LookupError:
                raise ReferenceRateError(gettext(
                        'sosolo_convoy.msg_reference_rate_missing',
                        date=dunning.maturity_date))
        else:
            party = dunning.party
            reminder, compensation = rules.late_payment_fees(
                party.reminder_fee_agreed, party.is_business())
            amount = (reminder if self.compute_method == 'reminder_fee'
                else compensation)
        return currency.round(amount), currency


class FeeDunningLevel(metaclass=PoolMeta):
    __name__ = 'account.dunning.fee.dunning_level'

    @classmethod
    def process(cls, fees):
        # A fee the law does not allow here (not agreed, not a business)
        # is 0: the fee record marks the level as charged, but no move.
        super().process([f for f in fees if f.amount])

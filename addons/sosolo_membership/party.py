# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from zoneinfo import ZoneInfo

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.modules.sosolo_portal.web_user import portal_link
from trytond.modules.sosolo_sweden.rules import parse_bank_account
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Bool, Eval
from trytond.report import get_email
from trytond.sendmail import send_message_transactional
from trytond.tools.email_ import set_from_header
from trytond.transaction import Transaction, without_check_access

from .exceptions import MemberFieldError


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    members = fields.One2Many('sosolo.member', 'party', "Memberships",
        readonly=True)
    se_bank_account = fields.Char("Bank Account",
        help="Swedish clearing and account number for payouts "
        "(e.g. 8327-9, 123 456 789-0).")
    se_bank_account_new = fields.Char("New Bank Account", readonly=True,
        states={'invisible': ~Eval('se_bank_account_requested')},
        help="The account the member asked for in the portal: salary goes "
        "to it once staff confirm it or from the date below.")
    se_bank_account_requested = fields.Timestamp(
        "New Bank Account Requested", readonly=True,
        states={'invisible': ~Eval('se_bank_account_requested')})
    se_bank_account_effective = fields.Function(fields.Timestamp(
            "New Bank Account From",
            states={'invisible': ~Eval('se_bank_account_requested')}),
        'on_change_with_se_bank_account_effective')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'confirm_bank_account': {
                    'invisible': ~Bool(Eval('se_bank_account_requested')),
                    'depends': ['se_bank_account_requested'],
                    },
                })

    @fields.depends('se_bank_account_requested')
    def on_change_with_se_bank_account_effective(self, name=None):
        if self.se_bank_account_requested:
            Config = Pool().get('sosolo.membership.configuration')
            return (self.se_bank_account_requested
                + Config(1).get_bank_account_delay())

    def update_portal_details(self, values):
        "Save what the member changed on the portal's details page."
        pool = Pool()
        Address = pool.get('party.address')
        Contact = pool.get('party.contact_mechanism')
        address = self.address_get()
        if not address:
            address = Address(party=self)
        address.street = values['street']
        address.postal_code = values['postal_code']
        address.city = values['city']
        address.save()
        phones = [c for c in self.contact_mechanisms
            if c.type in {'phone', 'mobile'}]
        if values['phone']:
            if phones:
                phones[0].value = values['phone']
                phones[0].save()
            else:
                Contact(party=self, type='phone',
                    value=values['phone']).save()
        elif phones:
            Contact.delete(phones[:1])

    # Salary account -------------------------------------------------------

    def salary_bank_account(self, at=None):
        """The BankAccount salary goes to at `at` (now), or None.

        An account the member asked for in the portal takes over only
        once staff confirm it or its delay has passed: diverting salary
        is the usual end of an account takeover (issue 12). Until then
        it is the one before.
        """
        at = at or dt.datetime.now()
        text = self.se_bank_account
        if (self.se_bank_account_requested
                and self.se_bank_account_effective <= at):
            text = self.se_bank_account_new
        return parse_bank_account(text) if text else None

    @classmethod
    def request_bank_account(cls, web_user, password, account):
        """Make `account` (a BankAccount) the salary account of
        `web_user`'s party, once confirmed or after the delay.

        The portal asks for the web user's `password` again: a stolen
        session alone diverts nothing. A wrong one is refused as a login
        would be (counted, and RateLimitException past the limit). The
        member is e-mailed at the web user's address.
        """
        WebUser = Pool().get('web.user')
        # No change that the member cannot be told of.
        forgotten_password_url()
        # web_user's own check, with its count of wrong passwords; it
        # reads the hash, which only Administration may (sosolo_portal).
        with without_check_access():
            valid = WebUser.authenticate(web_user.email, password)
        if not valid or valid.id != web_user.id:
            raise MemberFieldError('password', gettext(
                    'sosolo_membership.msg_bank_account_password_wrong'))
        party = web_user.party
        if party.se_bank_account_requested and (
                party.se_bank_account_effective <= dt.datetime.now()):
            party._take_new_bank_account()
        if str(account) == party.se_bank_account:
            party.se_bank_account_new = None
            party.se_bank_account_requested = None
        else:
            party.se_bank_account_new = str(account)
            party.se_bank_account_requested = dt.datetime.now()
        # The salary account's fields are the membership admins' to write
        # (party.xml); this, after the password, is the portal's one way.
        with without_check_access():
            party.save()
        if party.se_bank_account_requested:
            party.send_bank_account_email(web_user)

    def _take_new_bank_account(self):
        self.se_bank_account = self.se_bank_account_new
        self.se_bank_account_new = None
        self.se_bank_account_requested = None

    def send_bank_account_email(self, web_user):
        "Tell the member at `web_user`'s address that the account changed."
        Lang = Pool().get('ir.lang')
        msg, title = get_email('sosolo.member.bank_account_email', self,
            [Lang.get('sv')])
        from_ = config.get('email', 'from')
        set_from_header(msg, from_, from_)
        msg['To'] = web_user.email
        msg['Subject'] = title
        send_message_transactional(msg)

    @classmethod
    @ModelView.button
    def confirm_bank_account(cls, parties):
        "Let salary go to the account the member asked for, from now on."
        for party in parties:
            if party.se_bank_account_requested:
                party._take_new_bank_account()
        cls.save(parties)


def local_time(timestamp):
    """A timestamp (naive, UTC as Tryton keeps them) as Swedes write the
    time in the cooperative's time zone: 2026-12-08 kl. 11.00."""
    Company = Pool().get('company.company')
    company_id = Transaction().context.get('company')
    zone = Company(company_id).timezone if company_id else None
    value = timestamp.replace(tzinfo=dt.timezone.utc)
    if zone:
        value = value.astimezone(ZoneInfo(zone))
    return value.strftime('%Y-%m-%d kl. %H.%M')


def forgotten_password_url():
    """The portal's page to ask for a new password, beside ``[web]
    reset_password_url``: e-mails link to configured URLs only."""
    return portal_link('glomt-losenord')

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, Workflow, fields
from trytond.pool import Pool
from trytond.pyson import Bool, Eval
from trytond.rpc import RPC
from trytond.transaction import Transaction

from . import identity, rules
from .exceptions import MemberError, MemberFieldError

KINDS = [
    ('person', "Person"),
    ('sole_trader', "Sole Trader"),
    ('company', "Company"),
    ('investing', "Investing Member"),
    ]
STATES = [
    ('applicant', "Applicant"),
    ('approved', "Approved"),
    ('active', "Active"),
    ('resigned', "Resigned"),
    ('left', "Left"),
    ]
GENDERS = [
    (None, ""),
    ('female', "Woman"),
    ('male', "Man"),
    ('other', "Other or non-binary"),
    ]
FIRST_TIME = [
    (None, ""),
    ('yes', "Yes"),
    ('no', "No"),
    ]
MUNICIPALITIES = ([(None, "")] + rules.MUNICIPALITIES
    + [(rules.OTHER_MUNICIPALITY, "Other")])


class Member(Workflow, ModelSQL, ModelView):
    "Member"
    __name__ = 'sosolo.member'
    _rec_name = 'number'

    _states = {'readonly': Eval('state') != 'applicant'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_states)
    party = fields.Many2One('party.party', "Party", required=True,
        ondelete='RESTRICT', states=_states)
    number = fields.Char("Number", readonly=True)
    kind = fields.Selection(KINDS, "Kind", required=True, states=_states)
    kind_string = kind.translated('kind')
    identity_number = fields.Char("Identity Number", states=_states,
        help="Personal, coordination or organisation number.")
    state = fields.Selection(STATES, "State", readonly=True, required=True)
    state_string = state.translated('state')
    application_date = fields.Date("Application Date", required=True,
        states=_states)
    decision_date = fields.Date("Board Decision Date",
        states={
            'readonly': Eval('state') != 'applicant',
            'required': Eval('state') != 'applicant',
            },
        help="The date the board admitted the member.")
    entry_date = fields.Date("Entry Date", readonly=True,
        help="When the contribution was paid and the membership began.")
    resignation_date = fields.Date("Resignation Date",
        states={'readonly': Eval('state') != 'active'},
        help="When the resignation was received; today if left empty.")
    exit_date = fields.Date("Exit Date", readonly=True,
        help="The fiscal year end at which the member leaves.")
    gender = fields.Selection(GENDERS, "Gender",
        help="Optional, only for the cooperative's own follow-up of "
        "gender balance.")
    municipality = fields.Selection(MUNICIPALITIES, "Municipality",
        help="Optional, only for the cooperative's follow-up of where "
        "members work.")
    first_time = fields.Selection(FIRST_TIME, "First-Time Entrepreneur",
        help="Optional, self-reported: whether this is the member's first "
        "business, for the cooperative's follow-up.")
    consent_statutes = fields.Timestamp("Statutes Accepted", readonly=True)
    consent_data = fields.Timestamp("Data Processing Accepted",
        readonly=True)
    currency = fields.Function(fields.Many2One('currency.currency',
            "Currency"), 'on_change_with_currency')
    contribution = fields.Numeric("Contribution Obligation",
        digits=(16, 2), readonly=True,
        help="The contribution (insats) the member must pay.")
    capital_invoice = fields.Many2One('account.invoice', "Capital Invoice",
        readonly=True, ondelete='RESTRICT')
    paid_amount = fields.Numeric("Paid Contribution", digits=(16, 2),
        readonly=True)
    repayment_date = fields.Date("Repayment Date", readonly=True,
        help="The earliest date the contribution is repaid.")
    repayment_amount = fields.Numeric("Repayment Amount", digits=(16, 2),
        states={
            'readonly': (Eval('state') != 'left')
            | Bool(Eval('repayment_invoice')),
            'invisible': ~Eval('state').in_(['resigned', 'left']),
            },
        help="What the board confirms to repay; less than paid when "
        "equity does not cover it.")
    repayment_invoice = fields.Many2One('account.invoice',
        "Repayment Invoice", readonly=True, ondelete='RESTRICT')
    repaid_date = fields.Date("Repaid Date", readonly=True)
    fees = fields.One2Many('sosolo.member.fee', 'member', "Fees",
        readonly=True)

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.company, t.number),
                'sosolo_membership.msg_member_number_unique'),
            ]
        cls._sql_indexes.add(Index(t,
                (t.party, Index.Range()), (t.state, Index.Equality())))
        cls._order = [('number', 'DESC NULLS FIRST'), ('id', 'DESC')]
        cls.__rpc__.update({
                'register': RPC(readonly=True),
                })
        cls._transitions |= {
            ('applicant', 'approved'),
            ('approved', 'active'),
            ('active', 'resigned'),
            ('resigned', 'active'),
            ('resigned', 'left'),
            }
        cls._buttons.update({
                'approve': {
                    'invisible': Eval('state') != 'applicant',
                    'depends': ['state'],
                    },
                'resign': {
                    'invisible': Eval('state') != 'active',
                    'depends': ['state'],
                    },
                'withdraw_resignation': {
                    'invisible': Eval('state') != 'resigned',
                    'depends': ['state'],
                    },
                'leave': {
                    'invisible': Eval('state') != 'resigned',
                    'depends': ['state'],
                    },
                'confirm_repayment': {
                    'invisible': ((Eval('state') != 'left')
                        | Bool(Eval('repayment_invoice'))),
                    'depends': ['state', 'repayment_invoice'],
                    },
                })

    @classmethod
    def selection_labels(cls, name):
        "The (value, label) pairs of selection `name` in the language."
        return [(value, label)
            for value, label in cls.fields_get([name])[name]['selection']
            if value]

    @classmethod
    def default_company(cls):
        """The user's company, or the cooperative's: a public application
        comes with no company in the context, and the database holds one
        (DESIGN.md)."""
        company = Transaction().context.get('company')
        if company is None:
            Company = Pool().get('company.company')
            companies = Company.cooperative_ids()
            if len(companies) == 1:
                company, = companies
        return company

    @classmethod
    def default_state(cls):
        return 'applicant'

    @classmethod
    def default_kind(cls):
        return 'person'

    @classmethod
    def default_application_date(cls):
        return Pool().get('ir.date').today()

    @fields.depends('company')
    def on_change_with_currency(self, name=None):
        return self.company.currency if self.company else None

    def get_rec_name(self, name):
        label = self.number or '(%s)' % self.id
        return f'{label} - {self.party.rec_name}' if self.party else label

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, value = clause
        bool_op = 'AND' if operator.startswith('!') else 'OR'
        return [bool_op,
            ('number', operator, value),
            ('party.rec_name', operator, value),
            ]

    @classmethod
    def validate_fields(cls, members, field_names):
        super().validate_fields(members, field_names)
        cls.check_identity_number(members, field_names)

    @classmethod
    def check_identity_number(cls, members, field_names=None):
        if field_names and not field_names & {'identity_number', 'kind'}:
            return
        for member in members:
            if member.identity_number and not identity.normalize(
                    member.identity_number, member.kind):
                raise MemberError(gettext(
                        'sosolo_membership.msg_member_identity_invalid',
                        number=member.identity_number,
                        member=member.rec_name))

    @classmethod
    def check_modification(cls, mode, members, values=None, external=False):
        super().check_modification(
            mode, members, values=values, external=external)
        if mode == 'delete':
            for member in members:
                if member.state != 'applicant':
                    raise MemberError(gettext(
                            'sosolo_membership.msg_member_delete_applicant',
                            member=member.rec_name))

    @property
    def configuration(self):
        return Pool().get('sosolo.membership.configuration')(1)

    # Application ------------------------------------------------------------

    @classmethod
    def create_applicant(cls, values, password):
        """Make an applicant of what the application form says.

        `values` holds the parsed form: name, kind, identity_number (as
        typed: which number is valid depends on the kind), email, phone,
        street, postal_code, city, municipality, gender and the two
        consents. The party, the membership and a portal account
        with `password` are made, and the e-mail address is sent its
        confirmation link; the board approves only once it is confirmed.
        """
        pool = Pool()
        Party = pool.get('party.party')
        Address = pool.get('party.address')
        Contact = pool.get('party.contact_mechanism')
        WebUser = pool.get('web.user')
        for field, message in cls.application_errors(
                values, password).items():
            raise MemberFieldError(field, message)
        email = values['email']
        number = identity.normalize(values['identity_number'], values['kind'])
        now = dt.datetime.now()
        party = Party(name=values['name'])
        party.addresses = [Address(street=values['street'],
                postal_code=values['postal_code'], city=values['city'])]
        contacts = [Contact(type='email', value=email)]
        if values.get('phone'):
            contacts.append(Contact(type='phone', value=values['phone']))
        party.contact_mechanisms = contacts
        party.save()
        member = cls(party=party, kind=values['kind'],
            identity_number=number,
            municipality=values.get('municipality') or None,
            gender=values.get('gender') or None,
            consent_statutes=now, consent_data=now)
        member.save()
        user = WebUser(email=email, party=party)
        user.password = password
        user.save()
        WebUser.validate_email([user])
        return member

    @classmethod
    def application_errors(cls, values, password):
        """What refuses an application, as {field: message}.

        Fields that are None in `values` (not filled in, or refused by
        the form) are not checked again.
        """
        pool = Pool()
        ResUser = pool.get('res.user')
        WebUser = pool.get('web.user')
        errors = {}
        for name in ['consent_statutes', 'consent_data']:
            if not values.get(name):
                errors[name] = gettext(
                    'sosolo_membership.msg_consent_required')
        kind, number = values.get('kind'), values.get('identity_number')
        if kind and number and not identity.normalize(number, kind):
            errors['identity_number'] = gettext(
                'sosolo_membership.msg_identity_invalid_company'
                if kind == 'company'
                else 'sosolo_membership.msg_identity_invalid_person')
        email = values.get('email')
        if email and WebUser.search([('email', '=', email)]):
            errors['email'] = gettext('sosolo_membership.msg_email_taken')
        if password:
            # web_user checks passwords only for a logged-in Tryton user;
            # the application comes from nobody.
            try:
                ResUser.validate_password(password, [WebUser(email=email)])
            except UserError as exception:
                errors['password'] = exception.message
        return errors

    # Board admission ------------------------------------------------------

    @classmethod
    def check_email_validated(cls, members):
        """Refuse to admit an applicant whose portal account's e-mail is
        not confirmed: the address may be someone else's (issue 12).
        Members without a portal account (applied on paper) pass."""
        WebUser = Pool().get('web.user')
        users = WebUser.search([
                ('party', 'in', [m.party.id for m in members]),
                ])
        valid = {u.party.id for u in users if u.email_valid}
        for member in members:
            if (any(u.party == member.party for u in users)
                    and member.party.id not in valid):
                raise MemberError(gettext(
                        'sosolo_membership.msg_member_email_not_validated',
                        member=member.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('approved')
    def approve(cls, members):
        "Admit the applicants and invoice their contribution."
        pool = Pool()
        Config = pool.get('sosolo.membership.configuration')
        Date = pool.get('ir.date')
        Invoice = pool.get('account.invoice')
        config = Config(1)
        config.check_accounts('capital_account')
        cls.check_email_validated(members)
        today = Date.today()
        invoices = []
        for member in members:
            if not member.decision_date:
                member.decision_date = today
            if not member.number:
                member.number = config.member_sequence.get()
            member.contribution = rules.round_money(
                config.contribution(member.kind) or 0)
            if member.contribution:
                member.capital_invoice = member._capital_invoice(config)
                invoices.append(member.capital_invoice)
        Invoice.save(invoices)
        cls.save(members)
        Invoice.post(invoices)
        # A member with no contribution to pay is active at once.
        cls.activate([m for m in members if not m.contribution])

    def _invoice(self, config, type_):
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Date = pool.get('ir.date')
        invoice = Invoice(type=type_, company=self.company,
            party=self.party, invoice_date=Date.today(),
            currency=self.company.currency)
        invoice.on_change_type()
        invoice.on_change_party()
        if type_ == 'out' and config.payment_term:
            invoice.payment_term = config.payment_term
        return invoice

    def _invoice_line(self, invoice, account, amount, description):
        pool = Pool()
        Line = pool.get('account.invoice.line')
        return Line(invoice=invoice, type='line', company=self.company,
            currency=self.company.currency, account=account,
            quantity=1, unit_price=amount, description=description,
            taxes=[])

    def _capital_invoice(self, config):
        "The capital release invoice (insatsfaktura) of the contribution."
        invoice = self._invoice(config, 'out')
        # Dated at the board's decision, which releases the capital.
        invoice.invoice_date = self.decision_date
        invoice.description = gettext(
            'sosolo_membership.msg_capital_invoice_description',
            number=self.number)
        invoice.lines = [self._invoice_line(invoice, config.capital_account,
                self.contribution, invoice.description)]
        return invoice

    @classmethod
    @Workflow.transition('active')
    def activate(cls, members):
        "Make members whose contribution is paid active."
        pool = Pool()
        Date = pool.get('ir.date')
        today = Date.today()
        for member in members:
            invoice = member.capital_invoice
            if invoice:
                member.paid_amount = invoice.total_amount
                member.entry_date = member.entry_date or (
                    invoice.reconciled or today)
            else:
                member.paid_amount = Decimal(0)
                member.entry_date = member.entry_date or today
        cls.save(members)

    @classmethod
    def invoices_paid(cls, invoices):
        "Called when `invoices` are paid: activate and mark repayments."
        pool = Pool()
        Date = pool.get('ir.date')
        ids = [i.id for i in invoices if i.state == 'paid']
        if not ids:
            return
        members = cls.search([
                ('state', '=', 'approved'),
                ('capital_invoice', 'in', ids),
                ])
        cls.activate(members)
        repaid = cls.search([
                ('repayment_invoice', 'in', ids),
                ('repaid_date', '=', None),
                ])
        for member in repaid:
            member.repaid_date = (member.repayment_invoice.reconciled
                or Date.today())
        cls.save(repaid)

    # Exit -------------------------------------------------------------------

    def fiscal_year_end(self, date):
        "A fiscal year end of the company, to step from."
        pool = Pool()
        FiscalYear = pool.get('account.fiscalyear')
        years = FiscalYear.search([
                ('company', '=', self.company.id),
                ('start_date', '<=', date),
                ('end_date', '>=', date),
                ], limit=1)
        if not years:
            years = FiscalYear.search([
                    ('company', '=', self.company.id),
                    ], order=[('end_date', 'DESC')], limit=1)
        if years:
            return years[0].end_date
        return dt.date(date.year, 12, 31)

    def earliest_exit_date(self, resignation_date):
        "The exit date if the member resigned on `resignation_date`."
        config = self.configuration
        return rules.earliest_exit_date(
            resignation_date, self.entry_date,
            self.fiscal_year_end(resignation_date),
            notice_months=config.notice_months,
            minimum_months=config.minimum_months)

    @classmethod
    @ModelView.button
    @Workflow.transition('resigned')
    def resign(cls, members, date=None):
        "Resign at `date` (today): leave at the earliest allowed year end."
        pool = Pool()
        Date = pool.get('ir.date')
        for member in members:
            member.resignation_date = (
                date or member.resignation_date or Date.today())
            member.exit_date = member.earliest_exit_date(
                member.resignation_date)
            member.repayment_date = rules.repayment_date(member.exit_date,
                member.configuration.repayment_delay_months)
        cls.save(members)

    @classmethod
    @ModelView.button
    @Workflow.transition('active')
    def withdraw_resignation(cls, members):
        cls.write(members, {
                'resignation_date': None,
                'exit_date': None,
                'repayment_date': None,
                })

    @classmethod
    @ModelView.button
    @Workflow.transition('left')
    def leave(cls, members):
        "Record that the members have left at their exit date."
        pool = Pool()
        Date = pool.get('ir.date')
        today = Date.today()
        for member in members:
            if member.exit_date > today:
                raise MemberError(gettext(
                        'sosolo_membership.msg_member_leave_early',
                        member=member.rec_name,
                        date=member.exit_date))
            if member.repayment_amount is None:
                member.repayment_amount = rules.repayment_amount(
                    member.paid_amount)
        cls.save(members)

    @classmethod
    @ModelView.button
    def confirm_repayment(cls, members):
        """Make the repayment the board confirmed a payable to the member.

        An incoming invoice on the capital account, due at the repayment
        date, so it appears among the payables to pay then.
        """
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Config = pool.get('sosolo.membership.configuration')
        config = Config(1)
        config.check_accounts('capital_account')
        invoices = []
        for member in members:
            if member.state != 'left' or member.repayment_invoice:
                continue
            amount = rules.repayment_amount(
                member.paid_amount, member.repayment_amount)
            member.repayment_amount = amount
            if not amount:
                continue
            invoice = member._invoice(config, 'in')
            invoice.invoice_date = member.exit_date
            invoice.payment_term_date = member.repayment_date
            invoice.reference = member.number
            invoice.description = gettext(
                'sosolo_membership.msg_repayment_description',
                number=member.number)
            invoice.lines = [member._invoice_line(invoice,
                    config.capital_account, amount, invoice.description)]
            member.repayment_invoice = invoice
            invoices.append(invoice)
        Invoice.save(invoices)
        cls.save(members)
        Invoice.post(invoices)

    # Register -------------------------------------------------------------

    @property
    def register_exit_date(self):
        """The exit date the register and the figures go by: it counts
        once the member has resigned."""
        return self.exit_date if self.state in {'resigned', 'left'} else None

    def register_facts(self):
        repaid = (self.repayment_invoice.total_amount
            if self.repayment_invoice and self.repaid_date else Decimal(0))
        to_repay = rules.repayment_amount(
            self.paid_amount, self.repayment_amount)
        return rules.RegisterFacts(
            entry_date=self.entry_date,
            exit_date=self.register_exit_date,
            paid_date=self.entry_date,
            paid=self.paid_amount or Decimal(0),
            repaid_date=self.repaid_date,
            repaid=repaid,
            to_repay=to_repay)

    @classmethod
    def register(cls, date, company=None):
        """The register (medlemsförteckning) at `date`, as dicts.

        Lag (2018:672) 5 kap.: name, address, contribution obligation,
        paid, repaid and to-be-repaid amounts, entry and exit dates.
        """
        company = company or Transaction().context.get('company')
        domain = [
            ('entry_date', '!=', None),
            ('entry_date', '<=', date),
            ]
        if company:
            domain.append(('company', '=', company))
        rows = []
        # Members are a few hundred at most; chunked anyway (DESIGN.md).
        ids = [m.id for m in cls.search(domain, order=[('number', 'ASC')])]
        for start in range(0, len(ids), 1000):
            for member in cls.browse(ids[start:start + 1000]):
                row = rules.register_row(member.register_facts(), date)
                if row is None:
                    continue
                address = member.party.address_get()
                rows.append({
                        'number': member.number,
                        'name': member.party.name,
                        'identity_number': member.identity_number or '',
                        'address': (address.full_address.replace('\n', ', ')
                            if address else ''),
                        'kind': member.kind,
                        'contribution': member.contribution or Decimal(0),
                        'paid': row.paid,
                        'repaid': row.repaid,
                        'to_repay': row.to_repay,
                        'entry_date': member.entry_date,
                        'exit_date': row.exit_date,
                        })
        return rows


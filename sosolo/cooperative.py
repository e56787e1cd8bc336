# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Set up a cooperative's books in an empty database, through proteus.

Used by ``sosolo init`` (production), ``sosolo demo`` and the tests, so
the three set up the books in exactly the same way.
"""
import datetime as dt
from decimal import Decimal

from proteus import Model, Wizard
from trytond.modules.sosolo_sweden.rules import TIMEZONE, today

from .errors import CommandError

CHART = ('sosolo_sweden', 'root')
RECEIVABLE, PAYABLE = '1510', '2440'


def model_id(config, module, fs_id):
    ModelData = Model.get('ir.model.data', config=config)
    return ModelData.get_id(module, fs_id, config.context)


def set_swedish(config, users=None):
    """Load the Swedish translations and make Swedish the users' language.

    Tryton 8.0 ships no Swedish: the `sv` record comes from sosolo_sweden.
    """
    Lang = Model.get('ir.lang', config=config)
    User = Model.get('res.user', config=config)
    sv, = Lang.find([('code', '=', 'sv')])
    if not sv.translatable:
        sv.translatable = True
        sv.save()
    sv.click('load_translations')
    users = users if users is not None else User.find([])
    for user in users:
        user.language = sv
        user.save()
    config._context = User.get_preferences(True, {})
    return sv


def get_sek(config):
    Currency = Model.get('currency.currency', config=config)
    currencies = Currency.find([('code', '=', 'SEK')])
    if currencies:
        return currencies[0]
    currency = Currency(name="Svensk krona", code='SEK', symbol='kr',
        numeric_code='752', rounding=Decimal('0.01'), digits=2)
    currency.save()
    return currency


def create_company(config, name, orgnr, vat=None, f_tax_approved=True,
        address=None, bankgiro=None):
    "Create the cooperative as the database's company, in SEK."
    from trytond.modules.sosolo_sweden.identity import normalize_orgnr
    Party = Model.get('party.party', config=config)
    User = Model.get('res.user', config=config)
    code = normalize_orgnr(orgnr)
    if not code:
        raise CommandError(
            f"{orgnr!r} är inte ett giltigt organisationsnummer")
    if bankgiro is not None:
        bankgiro = check_bankgiro(bankgiro)
    party = Party(name=name)
    identifier = party.identifiers.new(type='se_orgnr')
    identifier.code = code
    if vat:
        identifier = party.identifiers.new(type='eu_vat')
        identifier.code = vat
    if address:
        party_address, = party.addresses
        for key, value in address.items():
            setattr(party_address, key, value)
    party.save()

    company_config = Wizard('company.company.config', config=config)
    company_config.execute('company')
    company = company_config.form
    company.party = party
    company.currency = get_sek(config)
    company.timezone = TIMEZONE
    company.se_legal_form = 'EK'
    company.f_tax_approved = f_tax_approved
    company.se_bankgiro = bankgiro
    company_config.execute('add')
    config._context = User.get_preferences(True, {})
    Company = Model.get('company.company', config=config)
    company, = Company.find([('party', '=', party.id)])
    return company


def check_bankgiro(value):
    "The bankgiro number `value` as NNNN-NNNN, or a CommandError."
    from trytond.modules.sosolo_sweden.rules import normalize_bankgiro
    number = normalize_bankgiro(value)
    if not number:
        raise CommandError(f"{value!r} är inte ett giltigt bankgironummer "
            "(7 eller 8 siffror med rätt kontrollsiffra)")
    return number


def create_payment_term(config, days):
    """Create the payment term "`days` dagar netto" and make it the
    default for customers: the due date on every customer invoice."""
    Term = Model.get('account.invoice.payment_term', config=config)
    Configuration = Model.get('account.configuration', config=config)
    term = Term(name=f"{days} dagar netto")
    line = term.lines.new(type='remainder')
    # A new line comes with one delta of 0 days.
    delta, = line.relativedeltas or [line.relativedeltas.new()]
    delta.days = days
    term.save()
    configuration = Configuration(1)
    configuration.default_customer_payment_term = term
    configuration.save()
    return term


def create_chart(config, company):
    "Create the company's BAS chart of accounts and Swedish VAT."
    AccountTemplate = Model.get('account.account.template', config=config)
    Account = Model.get('account.account', config=config)
    template = AccountTemplate(model_id(config, *CHART))
    wizard = Wizard('account.create_chart', config=config)
    wizard.execute('account')
    wizard.form.account_template = template
    wizard.form.company = company
    wizard.execute('create_account')
    wizard.form.account_receivable, = Account.find([
            ('company', '=', company.id), ('code', '=', RECEIVABLE)])
    wizard.form.account_payable, = Account.find([
            ('company', '=', company.id), ('code', '=', PAYABLE)])
    wizard.execute('create_properties')


def create_fiscal_year(config, company, start_date):
    """Create a fiscal year of twelve monthly periods from `start_date`.

    The server does it (account.fiscalyear.create_year, sosolo_sweden),
    as the year-end routine and the SIE import do.
    """
    FiscalYear = Model.get('account.fiscalyear', config=config)
    return FiscalYear(FiscalYear.create_year(
            company.id, start_date, None, config.context))


def setup(config, name, orgnr, vat=None, fiscal_year_start=None,
        address=None, bankgiro=None, payment_days=None):
    """Set up an empty database as the books of a Swedish cooperative.

    Company (ekonomisk förening, SEK, its bankgiro), BAS chart, VAT, a
    fiscal year in monthly periods, the customers' payment term of
    `payment_days` days when given, and Swedish as the users' language.
    """
    if fiscal_year_start is None:
        fiscal_year_start = dt.date(today().year, 1, 1)
    set_swedish(config)
    company = create_company(config, name, orgnr, vat, address=address,
        bankgiro=bankgiro)
    create_chart(config, company)
    if payment_days is not None:
        create_payment_term(config, payment_days)
    fiscalyear = create_fiscal_year(config, company, fiscal_year_start)
    store_settings(config)
    close_configuration_wizard(config)
    return company, fiscalyear


#: The settings whose defaults search the chart (sosolo_convoy's
#: accounts and journal).
SETTINGS = ['sosolo.convoy.configuration']


def store_settings(config):
    """Store the defaults of SETTINGS, now that the chart exists.

    A ModelSingleton with no row computes its defaults on every read
    (ModelSingleton.read calls default_get), and proteus saves nothing
    when the values are the defaults: without a stored row, each
    portal page searched the default accounts again.
    """
    IrModel = Model.get('ir.model', config=config)
    for name in SETTINGS:
        if not IrModel.find([('name', '=', name)]):
            continue
        Settings = Model.get(name, config=config)
        values = Settings.default_get(
            list(Settings._fields), False, config.context)
        Settings.write([1], values, config.context)


def close_configuration_wizard(config):
    """Mark Tryton's first-login configuration steps done.

    Company, chart and fiscal year are set up here; without this the back
    office would open the same steps again at the first login.
    """
    Item = Model.get('ir.module.config_wizard.item', config=config)
    items = Item.find([('state', '!=', 'done')])
    for item in items:
        item.state = 'done'
    Item.save(items)

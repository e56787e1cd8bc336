# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"Proteus helpers for scenarios that need the BAS chart and Swedish VAT."
import xml.etree.ElementTree as ET
from pathlib import Path

from proteus import Model, Wizard
from proteus.config import get_config
from trytond.modules.company.tests.tools import get_company

__all__ = ['create_chart', 'get_accounts', 'get_taxes']

MODULE = 'sosolo_sweden'


def create_chart(company=None, config=None):
    "Create the company's chart of accounts from the BAS template"
    if config is None:
        config = get_config()
    AccountTemplate = Model.get('account.account.template', config=config)
    ModelData = Model.get('ir.model.data', config=config)

    if not company:
        company = get_company(config=config)
    chart_id = ModelData.get_id(MODULE, 'root', config.context)
    account_template = AccountTemplate(chart_id)

    create_chart = Wizard('account.create_chart', config=config)
    create_chart.execute('account')
    create_chart.form.account_template = account_template
    create_chart.form.company = company
    create_chart.execute('create_account')

    accounts = get_accounts(company, config=config)
    create_chart.form.account_receivable = accounts['receivable']
    create_chart.form.account_payable = accounts['payable']
    if hasattr(create_chart.form, 'category_account_expense'):
        create_chart.form.category_account_expense = accounts['expense']
    if hasattr(create_chart.form, 'category_account_revenue'):
        create_chart.form.category_account_revenue = accounts['revenue']
    create_chart.execute('create_properties')
    return create_chart


def get_accounts(company=None, config=None):
    "Return the company's usual BAS accounts per kind"
    Account = Model.get('account.account', config=config)

    if not company:
        company = get_company(config=config)

    accounts = {}
    for kind, code in [
            ('receivable', '1510'),
            ('payable', '2440'),
            ('revenue', '3001'),
            ('expense', '4010'),
            ('cash', '1930'),
            ('tax', '2611'),
            ]:
        accounts[kind], = Account.find([
                ('company', '=', company.id),
                ('code', '=', code),
                ])
    return accounts


def get_taxes(config=None, company=None):
    "Return the company's taxes keyed by the XML id of their template"
    if config is None:
        config = get_config()
    ModelData = Model.get('ir.model.data', config=config)
    Tax = Model.get('account.tax', config=config)

    if not company:
        company = get_company(config=config)

    # ir.model.data is not searchable over RPC: take the ids from the file.
    tree = ET.parse(Path(__file__).parent.parent / 'tax_se.xml')
    xml_ids = {
        ModelData.get_id(MODULE, r.get('id'), config.context): r.get('id')
        for r in tree.iter('record')
        if r.get('model') == 'account.tax.template'}
    taxes = Tax.find([
            ('company', '=', company.id),
            ('template', 'in', list(xml_ids)),
            ])
    return {xml_ids[t.template.id]: t for t in taxes}

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The salary payment file pays a member's new bank account only once it
is confirmed or its delay has passed (issue 12)."""
import datetime as dt
import time
import unittest
from unittest.mock import patch

import time_machine
from lxml import etree

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_payroll.tests.tools import configure_payroll
from trytond.modules.sosolo_portal.tests.tools import configure_email_links
from trytond.modules.sosolo_sweden.rules import parse_bank_account
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

PAIN = {'p': 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'}
PASSWORD = 'anna-secret-1'
OLD = parse_bank_account('6000, 123456789')
NEW = parse_bank_account('8327-9, 123 456 789-0')
SEND = 'trytond.modules.sosolo_membership.party.send_message_transactional'
WEEK = 7 * 24 * 60 * 60


class SalaryAccountTestCase(unittest.TestCase):
    "Test the account salary goes to"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_convoy')
        # Dropped after, closing its connections: a scenario that follows
        # restores the database from a template, and PostgreSQL refuses
        # to drop one that pooled connections still use.
        cls.addClassCleanup(drop_db)
        setup_books()
        configure_email_links(cls)

    def posted_run(self, party_account):
        """A posted run paying Anna, who is employed with her own account
        6000-1111111 and whose party has `party_account`."""
        pool = Pool()
        Employee = pool.get('sosolo.payroll.employee')
        Party = pool.get('party.party')
        Run = pool.get('sosolo.payroll.run')
        WebUser = pool.get('web.user')
        company = books()
        with set_company(company):
            config = configure_payroll(company)
            config.payer_iban = 'SE45 5000 0000 0583 9825 7466'
            config.payer_bic = 'ESSESESS'
            config.save()
            party = Party(name="Anna Lind", se_bank_account=party_account)
            party.save()
            user = WebUser(email='anna@example.se', party=party,
                password=PASSWORD)
            user.save()
            employee, = Employee.create([{
                        'party': party.id, 'identity_code': '811228-9874',
                        'tax_method': 'percent', 'tax_percent': 30,
                        'tax_percent_reason': 'side_income',
                        'bank_clearing': '6000', 'bank_account': '1111111',
                        'start_date': dt.date(2026, 1, 1),
                        }])
            run, = Run.create([{
                        'company': company.id,
                        'payment_date': dt.date(2026, 6, 25),
                        'payslips': [('create', [{
                                        'employee': employee.id,
                                        'lines': [('create', [{
                                                        'kind': 'salary',
                                                        'amount': 10000,
                                                        }])],
                                        }])],
                        }])
            Run.compute([run])
            Run.post([run])
        return company, user, run

    def paid_to(self, run):
        "The (clearing, account) of the payment file's one transfer."
        PaymentFile = Pool().get('sosolo.payroll.payment_file',
            type='wizard')
        pain = etree.fromstring(PaymentFile.get_file(run))
        transfer, = pain.findall('.//p:CdtTrfTxInf', PAIN)
        return (transfer.findtext('p:CdtrAgt//p:MmbId', namespaces=PAIN),
            transfer.findtext('p:CdtrAcct/p:Id/p:Othr/p:Id',
                namespaces=PAIN))

    def request(self, company, user, account):
        Party = Pool().get('party.party')
        with set_company(company), patch(SEND) as send:
            Party.request_bank_account(user, PASSWORD, account)
        self.assertTrue(send.called)

    @with_transaction()
    def test_new_account_after_confirmation(self):
        "Salary goes to the old account until staff confirm the new one"
        Party = Pool().get('party.party')
        company, user, run = self.posted_run(str(OLD))
        # The member's account, not the one on the employee record.
        self.assertEqual(self.paid_to(run), ('6000', '6000123456789'))
        self.request(company, user, NEW)
        self.assertEqual(self.paid_to(run), ('6000', '6000123456789'))
        Party.confirm_bank_account([user.party])
        self.assertEqual(self.paid_to(run), ('8327', '832791234567890'))

    @with_transaction()
    def test_new_account_after_delay(self):
        "Unconfirmed, the new account is paid once the delay has passed"
        company, user, run = self.posted_run(None)
        # Without an account of the member's, the employee's.
        self.assertEqual(self.paid_to(run), ('6000', '60001111111'))
        self.request(company, user, NEW)
        with time_machine.travel(time.time() + WEEK - 60):
            self.assertEqual(self.paid_to(run), ('6000', '60001111111'))
        with time_machine.travel(time.time() + WEEK + 60):
            self.assertEqual(self.paid_to(run), ('8327', '832791234567890'))


# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import time
from unittest.mock import patch

import time_machine

from trytond.model.exceptions import AccessButtonError, AccessError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_membership.exceptions import MemberFieldError
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_portal.tests.tools import configure_email_links
from trytond.modules.sosolo_sweden.rules import parse_bank_account
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

SEND = 'trytond.modules.web_user.user.send_message_transactional'
BANK_SEND = ('trytond.modules.sosolo_membership.party.'
    'send_message_transactional')
OLD, NEW = parse_bank_account('6000, 123456789'), parse_bank_account(
    '8327-9, 123 456 789-0')
D = dt.date


def application(**values):
    "What the application form gives the model, parsed."
    values = {
        'name': "Dora Ny", 'kind': 'person',
        'identity_number': '19811288-9871', 'email': 'dora@example.se',
        'phone': '070-123 45 67', 'street': "Blå vägen 1",
        'postal_code': '923 31', 'city': "Storuman",
        'municipality': '2421', 'gender': '',
        'consent_statutes': True, 'consent_data': True,
        **values}
    return values


class SosoloMembershipTestCase(
        WebUserSecretsTestMixin, SwedishTranslationTestMixin,
        ModuleTestCase):
    "Test sosolo_membership module"
    module = 'sosolo_membership'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        configure_email_links(cls)

    def create_members(self, company):
        "Members in every state, two of them gone by 2026."
        pool = Pool()
        Member = pool.get('sosolo.member')
        Party = pool.get('party.party')
        rows = [
            # state, entry, exit, gender, municipality, first time
            ('active', D(2024, 5, 2), None, 'female', '2481', 'yes'),
            ('active', D(2025, 2, 3), None, None, '2480', None),
            ('left', D(2024, 1, 10), D(2024, 12, 31), 'male', '2421', 'no'),
            ('left', D(2024, 3, 1), D(2025, 12, 31), 'other', '2482', 'yes'),
            ('resigned', D(2025, 6, 1), D(2026, 12, 31), 'male', None,
                'no'),
            ('active', D(2026, 3, 4), None, 'female', 'other', 'yes'),
            ('applicant', None, None, 'female', '2425', 'yes'),
            ('approved', None, None, 'male', '2425', 'no'),
            ]
        for i, (state, entry, exit, gender, municipality, first) in (
                enumerate(rows)):
            party, = Party.create([{'name': f"Medlem {i}"}])
            Member.create([{
                        'company': company.id,
                        'party': party.id,
                        'number': f'{i:04d}',
                        'kind': 'sole_trader',
                        'state': state,
                        'application_date': entry or D(2026, 11, 1),
                        'decision_date': (entry if state != 'approved'
                            else D(2026, 11, 20)),
                        'entry_date': entry,
                        'resignation_date': (entry if exit else None),
                        'exit_date': exit,
                        'gender': gender,
                        'municipality': municipality,
                        'first_time': first,
                        }])

    @with_transaction()
    def test_kpi_against_register(self):
        "kpi's active members are the register's, on three dates"
        pool = Pool()
        Member = pool.get('sosolo.member')
        Figure = pool.get('sosolo.member.figure')
        from trytond.modules.sosolo_membership import kpi
        company = create_company()
        with set_company(company):
            self.create_members(company)
            # date, active: before anyone left, after two left, today.
            for date, active in [
                    (D(2024, 6, 1), 3),
                    (D(2026, 1, 1), 2 + 1),
                    (D(2026, 12, 1), 4)]:
                with self.subTest(date=date):
                    register = [r for r in Member.register(date, company.id)
                        if not (r['exit_date'] and r['exit_date'] < date)]
                    figures = kpi.kpi(date, company.id)
                    members = figures['members']
                    self.assertEqual(members['active'], len(register))
                    self.assertEqual(members['active'], active)
                    for split in ['by_gender', 'by_municipality',
                            'first_time']:
                        self.assertEqual(sum(members[split].values()),
                            active, split)
                    self.assertEqual(members['inland'] + members['coast'],
                        active)
                    with Transaction().set_context(date=date):
                        rows = Figure.search([])
                        self.assertEqual(sum(r.members for r in rows),
                            active)
                        self.assertEqual(
                            sum(r.members for r in rows
                                if r.area == 'inland'),
                            members['inland'])
            figures = kpi.kpi(D(2026, 1, 1), company.id)
            # Lycksele (inland) and Umeå stay; Skellefteå left at the end
            # of 2025; the resigned one has not yet left.
            self.assertEqual(figures['members']['by_municipality']['2481'],
                1)
            self.assertEqual(figures['members']['by_municipality']['2482'],
                0)
            self.assertEqual(figures['members']['inland'], 1)
            self.assertEqual(figures['money']['invoiced'], 0)
            self.assertIsNone(figures['break_even']['members_needed'])

    @with_transaction()
    def test_new_members_per_month_view(self):
        "The month view counts the members entered each month"
        pool = Pool()
        FigureMonth = pool.get('sosolo.member.figure.month')
        company = create_company()
        with set_company(company):
            self.create_members(company)
            rows = FigureMonth.search([])
            self.assertEqual(
                [(r.month, r.members) for r in rows],
                [(D(2024, 1, 1), 1), (D(2024, 3, 1), 1), (D(2024, 5, 1), 1),
                    (D(2025, 2, 1), 1), (D(2025, 6, 1), 1),
                    (D(2026, 3, 1), 1)])


    @with_transaction()
    def test_create_applicant(self):
        "An application makes party, applicant and portal account"
        pool = Pool()
        Member = pool.get('sosolo.member')
        WebUser = pool.get('web.user')
        company = create_company()
        with patch(SEND) as send:
            member = Member.create_applicant(application(), 'dora-secret-1')
        # The public form has no company in its context.
        self.assertEqual(member.company, company)
        self.assertEqual(member.state, 'applicant')
        self.assertEqual(member.municipality, '2421')
        self.assertIsNone(member.gender)
        self.assertTrue(member.consent_statutes and member.consent_data)
        self.assertEqual(member.party.address_get().city, "Storuman")
        self.assertEqual(member.party.phone, '070-123 45 67')
        user, = WebUser.search([('party', '=', member.party.id)])
        self.assertEqual(user.email, 'dora@example.se')
        self.assertFalse(user.email_valid)
        send.assert_called_once()
        self.assertEqual(send.call_args.args[0]['To'], 'dora@example.se')

    @with_transaction()
    def test_create_applicant_refusals(self):
        "An application is refused with the field that is wrong"
        pool = Pool()
        Member = pool.get('sosolo.member')
        create_company()
        with patch(SEND):
            Member.create_applicant(application(), 'dora-secret-1')
            for values, password, field in [
                    ({'name': "Dora Igen"}, 'dora-secret-1', 'email'),
                    ({'email': 'weak@example.se'}, 'weak', 'password'),
                    ({'email': 'dora2@example.se', 'consent_data': False},
                        'dora-secret-1', 'consent_data'),
                    ]:
                with self.subTest(field=field), \
                        self.assertRaises(MemberFieldError) as error:
                    Member.create_applicant(application(**values), password)
                self.assertEqual(error.exception.field, field)
        self.assertEqual(len(Member.search([])), 1)


    def salaried(self):
        "A party paid to OLD, with a portal account, in a company."
        pool = Pool()
        Party = pool.get('party.party')
        WebUser = pool.get('web.user')
        company = create_company()
        party = Party(name="Anna Lind", se_bank_account=str(OLD))
        party.save()
        user = WebUser(email='anna@example.se', party=party,
            password='anna-secret-1')
        user.save()
        return company, party, user

    def body(self, send):
        "The text of the e-mail `send` was called with."
        message, = [c.args[0] for c in send.call_args_list]
        return message, ''.join(part.get_content()
            for part in message.walk() if part.get_content_type() in {
                'text/plain', 'text/html'})

    @with_transaction()
    def test_bank_account_wrong_password(self):
        "A new salary account with a wrong password changes nothing"
        Party = Pool().get('party.party')
        company, party, user = self.salaried()
        with set_company(company), patch('time.sleep'), \
                patch(BANK_SEND) as send, \
                self.assertRaises(MemberFieldError) as error:
            Party.request_bank_account(user, 'wrong-secret', NEW)
        self.assertEqual(error.exception.field, 'password')
        self.assertFalse(send.called)
        party = Party(party.id)
        self.assertIsNone(party.se_bank_account_new)
        self.assertEqual(party.salary_bank_account(), OLD)

    @with_transaction()
    def test_bank_account_pending_until_confirmed(self):
        "A new salary account waits for a membership admin to confirm it"
        pool = Pool()
        Party = pool.get('party.party')
        company, party, user = self.salaried()
        with set_company(company), patch(BANK_SEND) as send:
            Party.request_bank_account(user, 'anna-secret-1', NEW)
        party = Party(party.id)
        self.assertEqual(party.se_bank_account, str(OLD))
        self.assertEqual(party.se_bank_account_new, str(NEW))
        self.assertEqual(party.salary_bank_account(), OLD)
        message, body = self.body(send)
        self.assertEqual(message['To'], 'anna@example.se')
        self.assertEqual(message['Subject'], "Nytt bankkonto för din lön")
        self.assertIn('8327-9, …7890', body)
        self.assertNotIn('1234567890', body)
        self.assertIn(
            'http://127.0.0.1:8000/sosolo/portal/glomt-losenord', body)
        Party.confirm_bank_account([party])
        self.assertEqual(party.se_bank_account, str(NEW))
        self.assertIsNone(party.se_bank_account_requested)
        self.assertEqual(party.salary_bank_account(), NEW)

    @with_transaction()
    def test_bank_account_after_delay(self):
        "Unconfirmed, a new salary account takes over after the delay"
        pool = Pool()
        Party = pool.get('party.party')
        Config = pool.get('sosolo.membership.configuration')
        company, party, user = self.salaried()
        config = Config(1)
        config.bank_account_delay = dt.timedelta(days=3)
        config.save()
        with set_company(company), patch(BANK_SEND):
            Party.request_bank_account(user, 'anna-secret-1', NEW)
        party = Party(party.id)
        with time_machine.travel(time.time() + 3 * 24 * 60 * 60 - 60):
            self.assertEqual(party.salary_bank_account(), OLD)
        with time_machine.travel(time.time() + 3 * 24 * 60 * 60 + 60):
            self.assertEqual(party.salary_bank_account(), NEW)
            # The next change starts from it.
            with set_company(company), patch(BANK_SEND):
                Party.request_bank_account(user, 'anna-secret-1', OLD)
            party = Party(party.id)
            self.assertEqual(party.se_bank_account, str(NEW))
            self.assertEqual(party.se_bank_account_new, str(OLD))
            self.assertEqual(party.salary_bank_account(), NEW)

    @with_transaction()
    def test_bank_account_admins_only(self):
        "Only membership admins set the salary account or confirm one"
        pool = Pool()
        Party = pool.get('party.party')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        company, party, user = self.salaried()
        with set_company(company), patch(BANK_SEND):
            Party.request_bank_account(user, 'anna-secret-1', NEW)
        staff, admin = User.create([{
                    'login': login, 'companies': [('add', [company.id])],
                    'company': company.id,
                    'groups': [('add', [ModelData.get_id(
                                    'sosolo_membership', group)])],
                    } for login, group in [
                    ('staff', 'group_membership'),
                    ('admin2', 'group_membership_admin')]])
        with Transaction().set_user(staff.id), \
                Transaction().set_context(_check_access=True):
            with self.assertRaises(AccessError):
                Party.write([Party(party.id)], {
                        'se_bank_account': str(NEW)})
            with self.assertRaises(AccessButtonError):
                Party.confirm_bank_account([Party(party.id)])
        with Transaction().set_user(admin.id), \
                Transaction().set_context(_check_access=True):
            Party.confirm_bank_account([Party(party.id)])
        self.assertEqual(Party(party.id).salary_bank_account(), NEW)


del ModuleTestCase

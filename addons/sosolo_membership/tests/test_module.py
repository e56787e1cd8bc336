# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from unittest.mock import patch

from trytond.modules.company.tests import create_company
from trytond.modules.sosolo_membership.exceptions import MemberFieldError
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_portal.tests.tools import configure_email_links
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

SEND = 'trytond.modules.web_user.user.send_message_transactional'


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


del ModuleTestCase

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The form layer (form.py) and the login form that uses it (#12)."""
import doctest
import unittest
from unittest.mock import patch

from werkzeug.datastructures import MultiDict

from trytond.modules.sosolo_portal import form
from trytond.modules.sosolo_portal.form import Field, Form
from trytond.modules.sosolo_portal.tests.tools import csrf
from trytond.modules.sosolo_sweden import parsers
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    DB_NAME,
    RouteTestCase,
    activate_module,
    with_transaction,
)
from trytond.transaction import Transaction

PASSWORD = 'a-long-secret'


def load_swedish():
    """Load every module's sv.po, as `sosolo init` does: the modules
    activated before sosolo_sweden made `sv` have none in a test
    database."""
    Lang = Pool().get('ir.lang')
    Lang.load_translations(Lang.search([('code', '=', 'sv')]))


class FormTestCase(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_portal')

    @with_transaction()
    def test_parse(self):
        "Values by field name; errors by field name, in the user's language"
        table = Form(
            Field('name', required=True),
            Field('amount', parsers.amount),
            Field('orgnr', parsers.orgnr, required=True),
            Field('note', parsers.text(5)))
        values, errors = table.parse(MultiDict([
                    ('name', ' Anna Lind '), ('amount', '1 234,50'),
                    ('orgnr', '5566778899'), ('note', ''),
                    ('unknown', 'ignored')]))
        self.assertEqual(values, {'name': 'Anna Lind',
                'amount': parsers.amount('1234.50'), 'orgnr': '556677-8899',
                'note': None})
        self.assertEqual(errors, {})

        values, errors = table.parse({'name': '  ', 'amount': '1e30',
                'orgnr': '556677-8898', 'note': 'too long'})
        self.assertEqual(values, dict.fromkeys(values))
        self.assertEqual(errors, {
                'name': "Fill in this field.",
                'amount': "Write an amount in kronor, for example 1 234,50.",
                'orgnr': "This is not a valid organisation number: ten "
                "digits, for example 556677-8899.",
                'note': "Write at most 5 characters.",
                })

    @with_transaction()
    def test_required_message(self):
        "A required field may name its own message"
        table = Form(Field('email', parsers.email,
                required='sosolo_portal.msg_email_required'))
        self.assertEqual(table.parse({}),
            ({'email': None}, {'email': "Enter your e-mail address."}))

    @with_transaction()
    def test_swedish(self):
        "The messages are Swedish in a Swedish request"
        load_swedish()
        table = Form(Field('name', required=True),
            Field('amount', parsers.amount))
        with Transaction().set_context(language='sv'):
            _, errors = table.parse({'amount': 'mycket'})
        self.assertEqual(errors, {'name': "Fyll i fältet.",
                'amount': "Skriv ett belopp i kronor, till exempel 1 234,50."})

    @with_transaction()
    def test_other_errors_are_not_hidden(self):
        "Only InputError becomes a message: any other error is a bug"
        def broken(text):
            raise KeyError(text)
        with self.assertRaises(KeyError):
            Form(Field('x', broken)).parse({'x': 'y'})


class LoginFormTestCase(RouteTestCase):
    "The portal's login form, read by the form layer"
    module = 'sosolo_portal'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        User = pool.get('web.user')
        User(email='bo@example.se', password=PASSWORD).save()
        load_swedish()
        Transaction().commit()

    def post(self, **data):
        client = self.client()
        url = f'/{self.db_name}/portal/logga-in'
        data['csrf_token'] = csrf(client, url)
        with patch('time.sleep'):
            return client.post(url, data=data)

    def test_blank(self):
        "Blank fields: 400, each message beside its field"
        response = self.post(email=' ', password='')
        self.assertEqual(response.status_code, 400)
        page = response.get_data(as_text=True)
        self.assertIn('id="e-email">Skriv din e-postadress.', page)
        self.assertIn('id="e-password">Skriv ditt lösenord.', page)

    def test_not_an_address(self):
        "What is no e-mail address is refused before any login attempt"
        response = self.post(email='bo(at)example.se', password='x')
        self.assertEqual(response.status_code, 400)
        page = response.get_data(as_text=True)
        self.assertIn('id="e-email">Det är ingen giltig e-postadress.', page)
        self.assertIn('value="bo(at)example.se"', page)

    def test_normalised_address(self):
        "The address is read as typed, with spaces and capitals"
        response = self.post(email=' Bo@Example.SE ', password=PASSWORD)
        self.assertEqual(response.status_code, 303)


def setUpDoctest(test):
    activate_module('sosolo_portal')
    test.globs['_transaction'] = Transaction().start(DB_NAME, 0)


def tearDownDoctest(test):
    transaction = test.globs['_transaction']
    transaction.rollback()
    transaction.stop()


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(form, setUp=setUpDoctest,
            tearDown=tearDownDoctest))
    return tests

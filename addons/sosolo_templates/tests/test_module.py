# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt
import hashlib
import io
import re
from decimal import Decimal
from unittest.mock import patch

from pypdf import PdfReader

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_sweden.tests.books import books, setup_books
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.modules.sosolo_templates.exceptions import (
    DocumentError,
    TemplateError,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

#: Free values as staff fill them in, one per free variable of the
#: starter library; chosen so that every conditional section shows.
FREE = {
    'datum': '2026-12-01',
    'giltig_till': '2026-12-31',
    'kundtyp': 'Konsument',
    'pristyp': 'Ungefärligt pris',
    'betalningsvillkor': '30',
    'giltighet': 'i fem år',
    'information': 'receptsamlingen och leverantörslistan',
    'andamal': 'utskick av kundbrev',
    'personuppgifter': 'namn och e-postadress',
    'registrerade': 'kaféets stamkunder',
    'risker': 'tunga lyft av bänkskivor',
    'atgarder': 'lyft två och två med bärhjälp',
    'ansvarig': 'Anna Lind',
    'handelsedatum': '2026-11-30',
    'plats': 'kaféets kök',
    'beskrivning': 'en stege gled på det våta golvet',
    'allvarlig': 'Ja',
    'kontaktperson': 'Kansliet, 090-12 34 56',
    }

#: The LAS 6 c § items as DESIGN.md lists them ("LAS 6 c § — written
#: information to the employee"), each with the heading the employment
#: information prints it under.
LAS_6C = [
    ("the employer's and employee's names and addresses",
        ['Arbetsgivare', 'Arbetstagare']),
    ("the start date and place of work",
        ['Anställningens början', 'Arbetsplats']),
    ("duties, title or category", ['Arbetsuppgifter och befattning']),
    ("the form of employment, with its end date or the conditions that "
        "end it", ['Anställningsform och slutdag']),
    ("a trial period and its conditions", ['Provanställning']),
    ("pay and other benefits, their components, how often and how paid",
        ['Lön och förmåner', 'Utbetalning']),
    ("paid holiday and other leave", ['Semester och ledighet']),
    ("the notice periods and procedure", ['Uppsägning']),
    ("normal working time per day or week, overtime and its pay, shift "
        "rules", ['Arbetstid']),
    ("the collective agreement, if any", ['Kollektivavtal']),
    ("the social insurance bodies that receive the contributions "
        "(Skatteverket)", ['Sociala avgifter']),
    ("the employer's insurances", ['Försäkringar']),
    ("the right to competence development", ['Kompetensutveckling']),
    # For an umbrella member:
    ("the assignment and customer", ['Uppdrag och kund']),
    ("how pay is computed from the account",
        ['Så räknas lönen från ditt konto']),
    ("what happens when the customer does not pay",
        ['Om kunden inte betalar']),
    ("sick pay and pension", ['Sjuklön', 'Pension']),
    ]


def pdf_text(data):
    "The text of a PDF, its white space made single spaces."
    text = ' '.join(p.extract_text() for p in PdfReader(
            io.BytesIO(data)).pages)
    return re.sub(r'\s+', ' ', text.replace('\u00a0', ' '))


def one_line(text):
    return re.sub(r'\s+', ' ', text).strip()


def setup_convoy(company):
    Configuration = Pool().get('sosolo.convoy.configuration')
    Configuration(1).save()


def demo_like():
    """The company with an address, and Anna, a member, with an assignment
    for a customer, as the demo has them."""
    pool = Pool()
    Address = pool.get('party.address')
    Assignment = pool.get('sosolo.convoy.assignment')
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    company = books()
    Address.create([{'party': company.party.id, 'street': "Storgatan 1",
                'postal_code': '919 32', 'city': "Åsele"}])
    anna = Party(name="Anna Lind", addresses=[
            Address(street="Sorselevägen 4", postal_code='924 32',
                city="Sorsele")],
        contact_mechanisms=[{'type': 'email', 'value': 'anna@example.se'}])
    # No e-mail: approval would send the invoice to it.
    customer = Party(name="Umeå Kaffe & Bröd AB", addresses=[
            Address(street="Rådhusesplanaden 9", postal_code='903 28',
                city="Umeå")])
    Party.save([anna, customer])
    member = Member(party=anna, kind='person', company=company,
        identity_number='19811228-9874')
    member.save()
    assignment = Assignment(company=company, member=member,
        customer=customer, description="Inredning av kaféet",
        start_date=dt.date(2026, 12, 7), end_date=dt.date(2026, 12, 18),
        lines=[{'description': "Snickeriarbete, timmar",
                'quantity': Decimal(40), 'unit_price': Decimal(625),
                'vat': '25'}])
    assignment.save()
    return company, member, customer, assignment


class SosoloTemplatesTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_templates module"
    module = 'sosolo_templates'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_books(setup_convoy)

    def version(self, text, names=()):
        pool = Pool()
        Template = pool.get('sosolo.template')
        template = Template(name="Test", kind='letter', versions=[{
                    'text': text,
                    'variables': [{'name': n, 'label': n, 'source': 'free'}
                        for n in names]}])
        template.save()
        version, = template.versions
        return version

    @with_transaction()
    def test_publish_refuses_undeclared(self):
        "publishing refuses an undeclared variable and names it"
        pool = Pool()
        Version = pool.get('sosolo.template.version')
        version = self.version('<p>{{kund}} {{pris}}</p>', ['kund'])
        with self.assertRaisesRegex(TemplateError, '"pris"'):
            Version.publish([version])
        self.assertEqual(version.state, 'draft')

    @with_transaction()
    def test_published_version_never_changes(self):
        "a published version is refused changes; a new version is a draft"
        pool = Pool()
        Variable = pool.get('sosolo.template.variable')
        Version = pool.get('sosolo.template.version')
        version = self.version('<p>{{kund}}</p>', ['kund'])
        Version.publish([version])
        self.assertEqual(
            (version.state, version.number, version.published_date),
            ('published', 1, dt.date(2026, 12, 1)))
        with self.assertRaises(TemplateError):
            Version.write([version], {'text': '<p>Annat</p>'})
        with self.assertRaises(TemplateError):
            Variable.write(list(version.variables), {'label': 'Kund'})
        with self.assertRaises(TemplateError):
            Version.delete([version])
        Version.new_version([version])
        new, = Version.search([
                ('template', '=', version.template.id),
                ('state', '=', 'draft')])
        self.assertEqual((new.number, new.text, [v.name for v in
                    new.variables]), (2, '<p>{{kund}}</p>', ['kund']))
        self.assertEqual(version.template.current_version, version)
        Version.publish([new])
        self.assertEqual(version.template.current_version, new)
        with self.assertRaises(TemplateError):
            Variable.create([{'version': version.id, 'name': 'ny',
                        'label': 'Ny', 'source': 'free'}])

    @with_transaction()
    def test_document_keeps_values(self):
        "an issued document keeps its version, values and PDF hash"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Version = pool.get('sosolo.template.version')
        version = self.version('<p>Hej {{namn}}</p>', ['namn'])
        Version.publish([version])
        company = books()
        with set_company(company):
            document = Document.make(version, company,
                free={'namn': '<Anna>'})
            Document.issue([document])
        self.assertEqual((document.state, document.version,
                document.printed_values()), ('issued', version,
                {'namn': '<Anna>'}))
        self.assertEqual(document.pdf_sha256,
            hashlib.sha256(document.pdf).hexdigest())
        self.assertIn('Hej <Anna>', pdf_text(document.pdf))
        with self.assertRaises(Exception):
            Document.write([document], {'customer': company.party.id})

    @with_transaction()
    def test_free_values_of_their_type(self):
        "a free date, amount or choice is refused unless written as one"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        Template = pool.get('sosolo.template')
        Version = pool.get('sosolo.template.version')
        template = Template(name="Test", kind='letter', versions=[{
                    'text': '<p>{{datum}} {{pris}} {{svar}}</p>',
                    'variables': [
                        {'name': 'datum', 'label': "Datum",
                            'source': 'free', 'type': 'date'},
                        {'name': 'pris', 'label': "Pris",
                            'source': 'free', 'type': 'amount'},
                        {'name': 'svar', 'label': "Svar",
                            'source': 'free', 'type': 'choice',
                            'choices': "Ja\nNej"}]}])
        template.save()
        version, = template.versions
        Version.publish([version])
        company = books()
        right = {'datum': '2026-12-01', 'pris': '1234,5', 'svar': 'Ja'}
        with set_company(company):
            for name, wrong in [('datum', '1 december'),
                    ('datum', '20261201'), ('pris', '-5'),
                    ('pris', '1e3'), ('svar', 'Kanske')]:
                with self.subTest(name=name, wrong=wrong):
                    document = Document.make(version, company,
                        free={**right, name: wrong})
                    with self.assertRaisesRegex(DocumentError, wrong):
                        Document.issue([document])
            document = Document.make(version, company, free=right)
            for value in document.values:
                value.check()
        self.assertEqual(document.printed_values(), {
                'datum': '2026-12-01', 'pris': '1\u00a0234,50',
                'svar': 'Ja'})

    @with_transaction()
    def test_starter_library_renders(self):
        "each starter template, filled with demo values, prints every one"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        ModelData = pool.get('ir.model.data')
        Template = pool.get('sosolo.template')
        Version = pool.get('sosolo.template.version')
        company, member, customer, assignment = demo_like()
        data = ModelData.search([('module', '=', 'sosolo_templates'),
                ('model', '=', 'sosolo.template')])
        templates = Template.browse([d.db_id for d in data])
        self.assertEqual(len(templates), 10)
        for template in templates:
            version, = template.versions
            with self.subTest(template=template.name):
                Version.publish([version])
                with set_company(company):
                    document = Document.make(version, company,
                        member=member, customer=customer,
                        assignment=assignment, free=FREE)
                    Document.issue([document])
                text = pdf_text(document.pdf)
                for value in document.values:
                    printed = one_line(value.printed())
                    self.assertTrue(printed, value.variable.name)
                    self.assertIn(printed, text, value.variable.name)
                self.assertNotIn('{{', text)
                self.assertNotIn('}}', text)
                self.assertIn(template.law, text)

    @with_transaction()
    def test_offer_approximate_price(self):
        "the offer shows the 15 % rule only to a consumer, approximate price"
        pool = Pool()
        Document = pool.get('sosolo.template.document')
        ModelData = pool.get('ir.model.data')
        Version = pool.get('sosolo.template.version')
        company, member, customer, assignment = demo_like()
        version = Version(ModelData.get_id(
                'sosolo_templates', 'version_offer'))
        Version.publish([version])
        for kundtyp, pristyp, shown in [
                ('Konsument', 'Ungefärligt pris', True),
                ('Konsument', 'Fast pris', False),
                ('Företag', 'Ungefärligt pris', False),
                ]:
            with self.subTest(kundtyp=kundtyp, pristyp=pristyp):
                with set_company(company):
                    document = Document.make(version, company,
                        member=member, customer=customer,
                        assignment=assignment, free=dict(FREE,
                            kundtyp=kundtyp, pristyp=pristyp))
                    Document.issue([document])
                text = pdf_text(document.pdf)
                self.assertEqual('15 procent' in text, shown)
                self.assertEqual('konsumenttjänstlagen 36 §' in text, shown)

    @with_transaction()
    def test_employment_information(self):
        "approval issues the employment information with each LAS 6 c § item"
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        Version = pool.get('sosolo.template.version')
        ModelData = pool.get('ir.model.data')
        company, member, customer, assignment = demo_like()
        Version.publish([Version(ModelData.get_id('sosolo_templates',
                        'version_employment_information'))])
        with set_company(company), patch('trytond.modules.sosolo_portal.'
                'mail.send_message_transactional') as sent:
            Assignment.submit([assignment])
            Assignment.approve([assignment])
        document = assignment.employment_information
        message = sent.call_args[0][0]
        attachment, = message.iter_attachments()
        self.assertEqual((message['To'], document.sent_to,
                document.sent_at.date(), attachment.get_content()),
            ('anna@example.se', 'anna@example.se', dt.date(2026, 12, 1),
                document.pdf))
        self.assertIn("Inredning av kaféet", message['Subject'])
        self.assertEqual((assignment.state, document.state,
                document.member, document.issue_date),
            ('invoiced', 'issued', member, dt.date(2026, 12, 1)))
        text = pdf_text(document.pdf)
        for item, headings in LAS_6C:
            for heading in headings:
                with self.subTest(item=item, heading=heading):
                    self.assertIn(heading, text)
        for fact in ["Anna Lind", "19811228-9874", "Sorselevägen 4",
                "Storgatan 1", "2026-12-07", "2026-12-18",
                "Inredning av kaféet", "Umeå Kaffe & Bröd AB",
                "25 000,00", "6,00 procent", "12 procent",
                "Särskild visstidsanställning (LAS 5 § 1 p)",
                "Skatteverket"]:
            with self.subTest(fact=fact):
                self.assertIn(fact, text)

    @with_transaction()
    def test_employment_information_needs_published(self):
        "approval is refused while the template has no published version"
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        company, member, customer, assignment = demo_like()
        with set_company(company):
            Assignment.submit([assignment])
            with self.assertRaisesRegex(Exception, 'Anställningsinformation'):
                Assignment.approve([assignment])


del ModuleTestCase

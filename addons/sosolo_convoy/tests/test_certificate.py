# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The arbetsgivarintyg and the tracker's e-mails (issue 16)."""
import datetime as dt
import unittest
from decimal import Decimal
from unittest.mock import patch

from trytond.modules.company.tests import set_company
from trytond.modules.sosolo_portal.tests.tools import configure_email_links
from trytond.modules.sosolo_sweden.tests.books import ORGNR as COMPANY_ORGNR
from trytond.modules.sosolo_sweden.tests.books import setup_books
from trytond.modules.sosolo_sweden.tests.transactions import committed
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module,
    drop_db,
    with_transaction,
)

from ..tracker import Step
from ..tracker_mail import LAST, STALE, is_news
from .test_module import customer, make_employee, make_member, pdf_text, values

BASE = 'http://127.0.0.1:8000/sosolo'
SEND = 'trytond.modules.sosolo_portal.mail.send_message_transactional'


def pay_run(employee, date, salary):
    "A posted pay run paying `employee` a salary of `salary` on `date`."
    Run = Pool().get('sosolo.payroll.run')
    run, = Run.create([{'company': employee.company.id,
                'payment_date': date,
                'payslips': [('create', [{'employee': employee.id,
                                'lines': [('create', [{'kind': 'salary',
                                                'amount': salary,
                                                'holiday_pay_basis': False,
                                                }])]}])]}])
    Run.compute([run])
    Run.post([run])
    return run


def approved(member, description, start, end):
    "An assignment of `member`, entered, submitted and approved."
    Assignment = Pool().get('sosolo.convoy.assignment')
    party = (member.convoy_customers
        or [customer('kund@example.se', "Kungsgatan 2")])[0]
    assignment = Assignment.enter(member, {**values(party, description),
            'start_date': start, 'end_date': end}, submit=True)
    with patch(SEND):
        Assignment.approve([assignment])
    return assignment


class CertificateTestCase(unittest.TestCase):
    "Test the employer certificate and the tracker's e-mails"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('sosolo_convoy')
        cls.addClassCleanup(drop_db)
        setup_books()
        configure_email_links(cls, BASE)

        def load_swedish():
            # The modules' sv.po load only once sv exists, as `sosolo
            # init` does it (as test_routes): the e-mails are in Swedish,
            # whichever test class ran before in the process.
            Lang = Pool().get('ir.lang')
            Lang.load_translations(Lang.search([('code', '=', 'sv')]))
        committed(load_swedish)

    @with_transaction()
    def test_certificate_content(self):
        """The PDF carries the employer, the member, each assignment as
        an employment with its end, and the pay the AGI reported"""
        Report = Pool().get('sosolo.convoy.employer_certificate',
            type='report')
        company, member = make_member(Decimal(0))
        with set_company(company):
            employee = make_employee(member)
            approved(member, "Webbplats", dt.date(2026, 9, 1),
                dt.date(2026, 9, 30))
            approved(member, "Logotyp", dt.date(2026, 11, 2),
                dt.date(2026, 12, 18))
            pay_run(employee, dt.date(2026, 10, 25), 12000)
            pay_run(employee, dt.date(2026, 11, 25), 15000)
            # A draft run is not reported.
            Run = Pool().get('sosolo.payroll.run')
            Run.create([{'company': company.id,
                        'payment_date': dt.date(2026, 12, 25),
                        'payslips': [('create', [
                                    {'employee': employee.id}])]}])
            extension, content, _, _ = Report.execute([employee.id], {})
        self.assertEqual(extension, 'pdf')
        text = ' '.join(pdf_text(content).split())
        for expected in [
                "Arbetsgivarintyg", company.rec_name,
                f"Organisationsnummer: {COMPANY_ORGNR}", "Anna",
                "Personnummer: 198112289874",
                "Webbplats 2026-09-01 2026-09-30 Särskild "
                "visstidsanställning Varierande arbetstid Uppdraget slutfört",
                "Logotyp 2026-11-02 2026-12-18 Särskild "
                "visstidsanställning Varierande arbetstid Pågår",
                "2026-10 12 000,00", "2026-11 15 000,00",
                "2026-12 0,00", "2026-01 0,00",
                "Summa 12 månader 27 000,00",
                "Månader med minst 11 000 kr: 2",
                "Minst 120 000 kr på 12 månader: nej",
                ]:
            with self.subTest(expected):
                self.assertIn(expected, text.replace('\xa0', ' '))
        # The 12 months up to today's (2026-12-01).
        self.assertNotIn("2025-12", text)

    @with_transaction()
    def test_income_history(self):
        "The 12 months' AGI pay, by month of payment, and the condition"
        company, member = make_member(Decimal(0))
        with set_company(company):
            employee = make_employee(member)
            for month in range(1, 12):
                pay_run(employee, dt.date(2026, month, 25), 11000)
            months, condition = employee.income_history(
                dt.date(2026, 12, 1))
        self.assertEqual(months[0], (dt.date(2026, 1, 1), Decimal(11000)))
        self.assertEqual(months[-1], (dt.date(2026, 12, 1), Decimal(0)))
        self.assertEqual(len(months), 12)
        self.assertEqual((condition.total, condition.months, condition.met),
            (Decimal(121000), 11, True))

    @with_transaction()
    def test_certificate_email(self):
        "The member asks for the certificate: to their address, with it"
        company, member = make_member(Decimal(0))
        with set_company(company):
            employee = make_employee(member)
            with patch(SEND) as send:
                employee.send_certificate('anna@example.se')
        msg = send.call_args[0][0]
        self.assertEqual(msg['To'], 'anna@example.se')
        self.assertEqual(msg['Subject'],
            f"Arbetsgivarintyg från {company.rec_name}")
        self.assertTrue(msg['From'])
        body = msg.get_body(('plain',)).get_content()
        self.assertIn(f"{BASE}/portal/arbetsgivarintyg", body)
        self.assertIn("Hej Anna", body)
        pdf, = [p for p in msg.iter_attachments()]
        self.assertIn("Arbetsgivarintyg", pdf_text(pdf.get_content()))

    @with_transaction()
    def test_tracker_email_once_per_step(self):
        """The cron e-mails each new step once, nothing on a rerun, and
        not a member who opted out"""
        pool = Pool()
        Assignment = pool.get('sosolo.convoy.assignment')
        Member = pool.get('sosolo.member')
        WebUser = pool.get('web.user')
        company, member = make_member(Decimal(0))
        with set_company(company):
            WebUser(email='anna@example.se', party=member.party).save()
            assignment = approved(member, "Webbplats", dt.date(2026, 11, 2),
                dt.date(2026, 11, 27))
            due = assignment.invoice.lines_to_pay[0].maturity_date

            def run(today):
                with patch(SEND) as send:
                    sent = Assignment.notify_tracker(today)
                return sent, [c[0][0] for c in send.call_args_list]
            sent, mails = run(dt.date(2026, 12, 1))
            self.assertEqual(sent, [assignment])
            mail, = mails
            self.assertEqual(mail['To'], 'anna@example.se')
            self.assertEqual(mail['Subject'],
                "Webbplats: fakturan skickad till kunden")
            body = mail.get_body(('plain',)).get_content()
            self.assertIn(f"Nästa steg: fakturan förfaller (väntas {due})",
                body)
            self.assertIn(f"{BASE}/portal/uppdrag/{assignment.id}", body)
            # A rerun sends nothing; the due date passing is a new step.
            self.assertEqual(run(dt.date(2026, 12, 1)), ([], []))
            sent, mails = run(due + dt.timedelta(days=1))
            self.assertEqual([m['Subject'] for m in mails],
                ["Webbplats: fakturan förfaller"])
            self.assertEqual(run(due + dt.timedelta(days=2)), ([], []))
            # Opted out: no e-mail, and none later for the step either.
            Member.set_tracker_email(member, False)
            other = approved(member, "Logotyp", dt.date(2026, 11, 2),
                dt.date(2026, 11, 27))
            self.assertEqual(run(dt.date(2026, 12, 1)), ([], []))
            self.assertEqual(other.tracker_notified, 'invoiced')
            Member.set_tracker_email(member, True)
            self.assertEqual(run(dt.date(2026, 12, 1)), ([], []))
            # Installed long after: an assignment never told of its
            # steps, the last of them more than a week old, is told of
            # none, and the step counts as told.
            late = approved(member, "Broschyr", dt.date(2026, 11, 2),
                dt.date(2026, 11, 27))
            late_due = late.invoice.lines_to_pay[0].maturity_date
            Assignment.write([late], {'tracker_notified': None})
            Assignment.write([assignment, other], {'tracker_notified': LAST})
            self.assertEqual(run(late_due + dt.timedelta(days=9)), ([], []))
            self.assertEqual(late.tracker_notified, 'due')

    def test_tracker_news(self):
        "A first step is news for a week; a later one whenever it comes"
        today = dt.date(2026, 12, 1)
        for date, notified, news in [
                (today, None, True),
                (today - STALE, None, True),
                (today - STALE - dt.timedelta(days=1), None, False),
                # A payment registered late, after earlier e-mails.
                (today - dt.timedelta(days=30), 'due', True),
                (None, None, True),
                ]:
            with self.subTest(date=date, notified=notified):
                self.assertEqual(is_news(Step('paid', date, True), notified,
                        today), news)

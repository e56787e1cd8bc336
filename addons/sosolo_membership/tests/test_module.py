# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime as dt

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.sosolo_portal.tests.secrets import WebUserSecretsTestMixin
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin,
)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

D = dt.date


class SosoloMembershipTestCase(
        WebUserSecretsTestMixin, SwedishTranslationTestMixin,
        ModuleTestCase):
    "Test sosolo_membership module"
    module = 'sosolo_membership'

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


del ModuleTestCase

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Members and resources for the community's tests."""
import datetime as dt

from trytond.modules.company.tests import create_company, set_company
from trytond.pool import Pool

#: A Thursday morning, naive UTC as stored.
DAY = dt.datetime(2026, 12, 3)


def at(hour, minute=0, day=DAY):
    return day + dt.timedelta(hours=hour, minutes=minute)


def company():
    "The test company, made on first use."
    Company = Pool().get('company.company')
    companies = Company.search([], limit=1)
    return companies[0] if companies else create_company()


def member(company, name, **values):
    "A new member of `company` named `name`."
    pool = Pool()
    Member = pool.get('sosolo.member')
    Party = pool.get('party.party')
    party, = Party.create([{'name': name}])
    with set_company(company):
        member, = Member.create([{'party': party.id, 'kind': 'sole_trader',
                    'company': company.id, **values}])
    return member


def resource(company, name="Släpvagn", **values):
    Resource = Pool().get('sosolo.community.resource')
    resource, = Resource.create([{'company': company.id, 'name': name,
                'kind': 'vehicle', **values}])
    return resource

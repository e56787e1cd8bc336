# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Community demo data (issue 15, item 7): directory profiles, a shared
trailer and a meeting room in Lycksele with bookings, and two collective
deals, one unlocked.

Bertil is listed with his e-mail published and his phone not, so the
portal shows the one and never the other. Bookings fall in the week
after the demo's reference day, in Stockholm time.
"""
import datetime as dt
from decimal import Decimal

from proteus import Model

#: (e-mail, listing, skills, services, home, municipalities served,
#: languages, contacts as (kind, value, published))
PROFILES = [
    ('anna@example.se', 'public', "Snickeri, Möbler, Renovering",
        "Snickeriarbeten, från kök till friggebodar.", '2422',
        ['2421', '2481', '2480'], "svenska, engelska",
        [('email', 'anna@example.se', True),
            ('phone', '070-111 22 33', True)]),
    ('bertil@example.se', 'cooperative', "Webbutveckling, Fotografering",
        "Webbplatser och produktfoton för små företag.", '2481',
        ['2421', '2482', '2480'], "svenska, engelska, samiska",
        [('email', 'bertil@example.se', True),
            ('phone', '070-444 55 66', False)]),
    ('cecilia@example.se', 'unlisted', "Översättning", None, '2462',
        [], "svenska, finska", [('email', 'cecilia@example.se', False)]),
    ]


def load(config, company, progress, dates):
    "The community's demo records, dated from DemoDates `dates`."
    progress.step(label="Gemenskap")
    members = {m.party.email: m
        for m in Model.get('sosolo.member', config=config).find([])}
    profiles(config, members)
    resources(config, company, members, dates.today)
    deals(config, company, members)


def profiles(config, members):
    Profile = Model.get('sosolo.community.profile', config=config)
    for (email, listing, skills, services, home, served, languages,
            contacts) in PROFILES:
        member = members[email]
        profile = Profile(member=member, name=member.party.name,
            listing=listing, skills=skills, services=services,
            municipality=home, municipalities=served, languages=languages)
        for kind, value, published in contacts:
            profile.contacts.new(kind=kind, value=value, published=published)
        profile.save()


def local(day, hour):
    "Naive UTC of `hour` o'clock in Stockholm on `day`."
    from trytond.modules.sosolo_community.booking import utc
    return utc(dt.datetime.combine(day, dt.time(hour)))


def resources(config, company, members, today):
    "The cooperative's trailer and Lycksele room, Anna's and Bertil's days."
    Resource = Model.get('sosolo.community.resource', config=config)
    Booking = Model.get('sosolo.community.booking', config=config)
    trailer = Resource(company=company, name="Släpvagn", kind='vehicle',
        municipality='2481', price=Decimal('200'), price_unit='day',
        description="Öppen släpvagn, 750 kg, lämnas vid kontoret.",
        conditions="Hämtas och lämnas tom och ren. Skador anmäls.")
    trailer.save()
    room = Resource(company=company, name="Mötesrum Lycksele",
        kind='premises', municipality='2481',
        description="Rum för åtta vid Torget, med skärm.",
        conditions="Boka per timme. Gratis för medlemmar.")
    room.save()
    anna = members['anna@example.se']
    bertil = members['bertil@example.se']
    monday = today + dt.timedelta(days=7 - today.weekday())
    for resource, member, day, start, end in [
            (trailer, anna, monday, 8, 16),
            (trailer, bertil, monday + dt.timedelta(days=1), 8, 12),
            (room, bertil, monday, 9, 11),
            (room, anna, monday, 13, 15),
            ]:
        Booking(resource=resource, member=member,
            start=local(day, start), end=local(day, end)).save()


def deals(config, company, members):
    "A bank deal with enough members, an insurance deal still short."
    Deal = Model.get('sosolo.community.deal', config=config)
    Party = Model.get('party.party', config=config)
    Participation = Model.get('sosolo.community.deal.participation',
        config=config)
    anna = members['anna@example.se']
    bertil = members['bertil@example.se']
    for name, kind, provider, needed, joined, conditions in [
            ("Företagskonto utan månadsavgift", 'bank', "Norrlandsbanken",
                2, [anna, bertil],
                "Ingen månadsavgift första året, Swish för företag ingår."),
            ("Ansvarsförsäkring", 'insurance', "Inlandets Försäkring",
                10, [anna],
                "Ansvars- och egendomsförsäkring med 20 % rabatt."),
            ]:
        party = Party(name=provider)
        party.save()
        deal = Deal(company=company, name=name, kind=kind, provider=party,
            members_needed=needed, conditions=conditions,
            shared_data=['name', 'email'])
        deal.save()
        # Consent is read-only in the back office: the portal stores it
        # when one joins; the demo writes it as admin.
        Participation._proxy.create([{'deal': deal.id, 'member': m.id,
                    'state': 'joined', 'consent': dt.datetime.now(),
                    'consented_data': ['name', 'email']} for m in joined],
            config.context)

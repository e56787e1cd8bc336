# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The directory: members' profiles, for finding partners.

Each member chooses whether the profile is listed, and for each way of
contacting them whether it is published. The record rules of the
portal group make this hold: an unlisted profile and an unpublished
contact are found by their own member only (profile.xml).
"""
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.modules.sosolo_membership.member import MUNICIPALITIES
from trytond.modules.sosolo_membership.rules import MUNICIPALITIES as PLACES
from trytond.pool import Pool
from trytond.pyson import Eval

LISTINGS = [
    ('unlisted', "Not Listed"),
    ('cooperative', "Cooperative Only"),
    ('public', "Public"),
    ]
#: The listings other members find.
LISTED = ['cooperative', 'public']
#: The states of the members whose listed profiles others find: a member
#: who has left, or not yet joined, is in no directory.
SHOWN_STATES = ['active', 'resigned']
CONTACT_KINDS = [
    ('email', "E-Mail"),
    ('phone', "Phone"),
    ('website', "Website"),
    ('address', "Address"),
    ]


class Profile(ModelSQL, ModelView):
    "Directory Profile"
    __name__ = 'sosolo.community.profile'

    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='CASCADE')
    name = fields.Char("Name", required=True,
        help="The name other members find: the business or the person.")
    listing = fields.Selection(LISTINGS, "Listing", required=True,
        help="Who finds the profile: nobody, the cooperative's members, "
        "or anyone.")
    listing_string = listing.translated('listing')
    services = fields.Text("Services",
        help="What the member offers, in their own words.")
    skills = fields.Char("Skills",
        help="Separated by commas, as members search for them.")
    sni_code = fields.Char("SNI Code", size=5,
        help="The industry code (SNI 2007) of the business.")
    municipality = fields.Selection(MUNICIPALITIES, "Home Municipality")
    municipality_string = municipality.translated('municipality')
    municipalities = fields.MultiSelection(PLACES, "Municipalities Served")
    languages = fields.Char("Languages",
        help="The languages the member works in, separated by commas.")
    photo = fields.Binary("Photo")
    contacts = fields.One2Many('sosolo.community.profile.contact',
        'profile', "Contacts")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('member_unique', Unique(t, t.member),
                'sosolo_community.msg_profile_member_unique'),
            ]
        cls._order.insert(0, ('name', 'ASC'))

    @staticmethod
    def default_listing():
        return 'unlisted'

    @property
    def skill_list(self):
        return [s.strip() for s in (self.skills or '').split(',')
            if s.strip()]

    @property
    def municipality_names(self):
        names = dict(PLACES)
        return [names[c] for c in self.municipalities or [] if c in names]

    @classmethod
    def find(cls, text=None, skill=None, municipality=None,
            listings=LISTED):
        """The profiles of `listings` that match, as the caller may see
        them.

        `text` is looked for in the name, services and skills, `skill` in
        the skills; `municipality` (a code) is the home municipality or
        one served.
        """
        domain = [('listing', 'in', listings),
            ('member.state', 'in', SHOWN_STATES)]
        if text:
            domain.append(['OR',
                    ('name', 'ilike', f'%{text}%'),
                    ('services', 'ilike', f'%{text}%'),
                    ('skills', 'ilike', f'%{text}%'),
                    ])
        if skill:
            domain.append(('skills', 'ilike', f'%{skill}%'))
        if municipality:
            domain.append(['OR',
                    ('municipality', '=', municipality),
                    ('municipalities', 'in', [municipality]),
                    ])
        return cls.search(domain)

    @classmethod
    def keep(cls, member, values, contacts):
        """Create or update the own profile of `member` from `values`;
        `contacts` is {kind: (value or None, published)} for the kinds the
        form shows, replacing those. Returns the profile."""
        Contact = Pool().get('sosolo.community.profile.contact')
        profiles = cls.search([('member', '=', member.id)], limit=1)
        if profiles:
            profile, = profiles
            cls.write([profile], values)
        else:
            profile, = cls.create([{'member': member.id, **values}])
        Contact.delete(Contact.search([
                    ('profile', '=', profile.id),
                    ('kind', 'in', list(contacts)),
                    ]))
        Contact.create([{'profile': profile.id, 'kind': kind,
                    'value': value, 'published': published}
                for kind, (value, published) in contacts.items() if value])
        return profile


class ProfileContact(ModelSQL, ModelView):
    "Directory Profile Contact"
    __name__ = 'sosolo.community.profile.contact'

    profile = fields.Many2One('sosolo.community.profile', "Profile",
        required=True, ondelete='CASCADE')
    kind = fields.Selection(CONTACT_KINDS, "Kind", required=True)
    kind_string = kind.translated('kind')
    value = fields.Char("Value", required=True)
    published = fields.Boolean("Published",
        help="Shown to those who find the profile; otherwise only to the "
        "member.",
        states={'readonly': ~Eval('profile')})

    @staticmethod
    def default_published():
        return False

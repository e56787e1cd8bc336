# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Collective deals: offers (bank, insurance, phone, fuel) that a
provider gives once enough members join.

A member joins with consent to share the data the deal lists with its
provider, and may leave at any time; staff export the list of those who
joined, with only that data, for the provider.
"""
import csv
import datetime as dt
import io

from trytond.model import DeactivableMixin, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateView, Wizard

KINDS = [
    ('bank', "Bank"),
    ('insurance', "Insurance"),
    ('phone', "Phone"),
    ('fuel', "Fuel"),
    ('other', "Other"),
    ]
#: What a deal may ask to share, in the export's order.
SHARED = [
    ('name', "Name"),
    ('identity', "Organisation or Personal Number"),
    ('email', "E-Mail"),
    ('phone', "Phone"),
    ('address', "Address"),
    ]
STATES = [
    ('joined', "Joined"),
    ('left', "Left"),
    ]


def participants_csv(columns, rows):
    """The CSV of the export: a header of the `columns` (key, label),
    then each row's values of those keys; semicolons, as Swedish
    spreadsheets read them.

    >>> participants_csv([('name', 'Namn'), ('email', 'E-post')],
    ...     [{'name': 'Anna', 'email': 'a@x.se', 'phone': '070'}])
    b'Namn;E-post\\r\\nAnna;a@x.se\\r\\n'
    """
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=';')
    writer.writerow([label for _, label in columns])
    for row in rows:
        writer.writerow([row.get(key) or '' for key, _ in columns])
    return stream.getvalue().encode('utf-8')


class Deal(DeactivableMixin, ModelSQL, ModelView):
    "Collective Deal"
    __name__ = 'sosolo.community.deal'

    company = fields.Many2One('company.company', "Company", required=True)
    name = fields.Char("Name", required=True)
    kind = fields.Selection(KINDS, "Kind", required=True)
    kind_string = kind.translated('kind')
    provider = fields.Many2One('party.party', "Provider", required=True,
        ondelete='RESTRICT')
    description = fields.Text("Description")
    conditions = fields.Text("Conditions")
    shared_data = fields.MultiSelection(SHARED, "Shared Data",
        help="What a member who joins agrees to share with the provider.")
    members_needed = fields.Integer("Members Needed", required=True,
        domain=[('members_needed', '>', 0)],
        help="How many members must join before the provider gives it.")
    participations = fields.One2Many('sosolo.community.deal.participation',
        'deal', "Participations", readonly=True)
    joined = fields.Function(fields.Integer("Joined"), 'get_joined')
    unlocked = fields.Function(fields.Boolean("Unlocked"), 'get_joined')

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def get_joined(cls, deals, names):
        "How many have joined: counted over every member, whoever asks."
        Participation = Pool().get('sosolo.community.deal.participation')
        counts = {d.id: 0 for d in deals}
        with without_check_access():
            for participation in Participation.search([
                        ('deal', 'in', list(counts)),
                        ('state', '=', 'joined'),
                        ]):
                counts[participation.deal.id] += 1
        result = {'joined': counts, 'unlocked': {
                d.id: counts[d.id] >= d.members_needed for d in deals}}
        return {n: result[n] for n in names}

    @property
    def shared_labels(self):
        "What joining shares, in the user's language."
        labels = dict(
            self.fields_get(['shared_data'])['shared_data']['selection'])
        return [labels[key] for key in self.shared_keys]

    @property
    def shared_keys(self):
        "The keys of the shared data, in the order of SHARED."
        chosen = set(self.shared_data or [])
        return [key for key, _ in SHARED if key in chosen]

    def participation_of(self, member):
        Participation = Pool().get('sosolo.community.deal.participation')
        found = Participation.search([
                ('deal', '=', self.id), ('member', '=', member.id)],
            limit=1)
        return found[0] if found else None

    @classmethod
    def join(cls, deal, member):
        """`member` joins `deal`, consenting now to share its listed data;
        joining again after leaving takes the new consent."""
        Participation = Pool().get('sosolo.community.deal.participation')
        now = dt.datetime.now()
        participation = deal.participation_of(member)
        if participation:
            Participation.write([participation], {
                    'state': 'joined', 'consent': now, 'left': None,
                    'consented_data': list(deal.shared_data or [])})
        else:
            participation, = Participation.create([{
                        'deal': deal.id, 'member': member.id,
                        'state': 'joined', 'consent': now,
                        'consented_data': list(deal.shared_data or []),
                        }])
        return participation

    @classmethod
    def leave(cls, deal, member):
        "`member` leaves `deal`: no longer exported to the provider."
        Participation = Pool().get('sosolo.community.deal.participation')
        participation = deal.participation_of(member)
        if participation and participation.state == 'joined':
            Participation.write([participation], {
                    'state': 'left', 'left': dt.datetime.now()})

    def export_rows(self):
        "The data of each member who joined, only what they consented to."
        rows = []
        for participation in self.participations:
            if participation.state != 'joined':
                continue
            party = participation.member.party
            address = party.addresses[0] if party.addresses else None
            values = {
                'name': party.name,
                'identity': participation.member.identity_number,
                'email': party.email,
                'phone': party.phone,
                'address': (address.full_address.replace('\n', ', ')
                    if address else None),
                }
            consented = set(participation.consented_data or [])
            rows.append({k: v for k, v in values.items() if k in consented})
        return rows

    def export_csv(self):
        columns = list(zip(self.shared_keys, self.shared_labels))
        return participants_csv(columns, self.export_rows())


class Participation(ModelSQL, ModelView):
    "Collective Deal Participation"
    __name__ = 'sosolo.community.deal.participation'

    deal = fields.Many2One('sosolo.community.deal', "Deal", required=True,
        ondelete='CASCADE')
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='CASCADE')
    state = fields.Selection(STATES, "State", required=True, readonly=True)
    state_string = state.translated('state')
    consent = fields.Timestamp("Consent Given", readonly=True,
        help="When the member agreed to share the listed data.")
    consented_data = fields.MultiSelection(SHARED, "Consented Data",
        readonly=True)
    left = fields.Timestamp("Left", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('deal_member_unique', Unique(t, t.deal, t.member),
                'sosolo_community.msg_deal_participation_unique'),
            ]

    @staticmethod
    def default_state():
        return 'joined'


class DealExport(Wizard):
    "Export Deal Participants"
    __name__ = 'sosolo.community.deal.export'

    start_state = 'result'
    result = StateView('sosolo.community.deal.export.result',
        'sosolo_community.deal_export_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def default_result(self, fields):
        deal = self.record
        return {
            'file': deal.export_csv(),
            'filename': f'deltagare-{deal.id}.csv',
            }


class DealExportResult(ModelView):
    "Export Deal Participants"
    __name__ = 'sosolo.community.deal.export.result'

    file = fields.Binary("File", readonly=True, filename='filename')
    filename = fields.Char("File Name", readonly=True)


# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import fields
from trytond.pool import Pool, PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    members = fields.One2Many('sosolo.member', 'party', "Memberships",
        readonly=True)
    se_bank_account = fields.Char("Bank Account",
        help="Swedish clearing and account number for payouts "
        "(e.g. 8327-9, 123 456 789-0).")

    def update_portal_details(self, values):
        "Save what the member changed on the portal's details page."
        pool = Pool()
        Address = pool.get('party.address')
        Contact = pool.get('party.contact_mechanism')
        address = self.address_get()
        if not address:
            address = Address(party=self)
        address.street = values['street']
        address.postal_code = values['postal_code']
        address.city = values['city']
        address.save()
        phones = [c for c in self.contact_mechanisms
            if c.type in {'phone', 'mobile'}]
        if values['phone']:
            if phones:
                phones[0].value = values['phone']
                phones[0].save()
            else:
                Contact(party=self, type='phone',
                    value=values['phone']).save()
        elif phones:
            Contact.delete(phones[:1])
        self.se_bank_account = values['bank_account'] or None
        self.save()

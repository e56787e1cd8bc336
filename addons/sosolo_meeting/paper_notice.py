# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The members who get the notice by post.

The members are called as the statutes say (lag (2018:672) om
ekonomiska föreningar 6 kap. 21 §, the paragraph 6 kap. 16 § names for
how a notice is sent). Ours send it by e-mail; a member of the register
without an address for it would not be called at all, so calling the
meeting lists them, with their postal address on the notice day, for
staff to post the printed notice and tick each one off."""
from trytond.model import ModelSQL, ModelView, fields
from trytond.pyson import Eval


class PaperNotice(ModelSQL, ModelView):
    "Notice by Post"
    __name__ = 'sosolo.meeting.paper_notice'

    meeting = fields.Many2One('sosolo.meeting', "Meeting", required=True,
        ondelete='CASCADE', readonly=True)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='RESTRICT', readonly=True)
    address = fields.Text("Address", readonly=True,
        help="The member's postal address on the notice day; empty when "
        "the register has none.")
    posted = fields.Boolean("Posted",
        states={'readonly': ~Eval('address')},
        help="Tick when the printed notice has been posted.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('meeting', 'ASC'), ('id', 'ASC')]

    @classmethod
    def default_posted(cls):
        return False

    @classmethod
    def make(cls, meeting, members):
        """List `members`, who have no e-mail address, for the notice of
        `meeting` by post, with the address each has today; once, when
        the meeting is called."""
        rows = []
        for member in members:
            address = member.party.address_get()
            rows.append({
                    'meeting': meeting.id,
                    'member': member.id,
                    'address': (address.full_address.strip()
                        if address else '') or None,
                    })
        return cls.create(rows)

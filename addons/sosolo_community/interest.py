# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CPV codes a member wants to hear about, at the level the member
chose, optionally in the municipalities the member serves (match.py)."""
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.sosolo_membership import rules

from . import match


class Interest(ModelSQL, ModelView):
    "Tender Interest"
    __name__ = 'sosolo.community.interest'

    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='CASCADE')
    cpv = fields.Many2One('sosolo.community.cpv', "CPV Code", required=True,
        ondelete='RESTRICT')
    level = fields.Selection([
            ('division', "Division (2 digits)"),
            ('group', "Group (3 digits)"),
            ('class', "Class (4 digits)"),
            ('category', "Category (5 digits)"),
            ('code', "Exact code"),
            ], "Level", required=True,
        help="How much of the code a lot's CPV code must share.")
    municipalities = fields.MultiSelection(rules.MUNICIPALITIES,
        "Municipalities Served",
        help="Leave empty to hear about contracts anywhere.")

    @classmethod
    def default_level(cls):
        return 'group'

    def get_rec_name(self, name):
        return f'{self.member.rec_name}: {self.cpv.rec_name}'

    @property
    def rule(self):
        "The interest as match.py sees it."
        return match.Interest(self.cpv.code, self.level,
            frozenset(self.municipalities or ()))

    @classmethod
    def rules_of(cls, member):
        "`member`'s interests as match.Interest."
        return [i.rule for i in cls.search([('member', '=', member)])]

    @classmethod
    def matching_lots(cls, member, lots):
        "The lots among `lots` that match `member`'s interests."
        interests = cls.rules_of(member)
        return [lot for lot in lots if lot.matches(interests)]

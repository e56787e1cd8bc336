# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.model import fields
from trytond.pool import PoolMeta


class Configuration(metaclass=PoolMeta):
    "What the statutes say of the general meeting."
    __name__ = 'sosolo.membership.configuration'

    meeting_short_notice = fields.Boolean("Short Notice of Ordinary Meeting",
        help="The statutes let the notice of the ordinary meeting come "
        "as late as two weeks before it (6 kap. 17 §).")
    meeting_digital = fields.Boolean("Digital Meetings",
        help="The statutes allow members to take part in the meeting "
        "digitally.")
    meeting_postal_votes = fields.Boolean("Postal Votes",
        help="The statutes let the board decide that members may vote by "
        "post before the meeting.")
    meeting_investing_vote = fields.Boolean("Investing Members Vote",
        help="The statutes give investing members a vote.")
    meeting_proxy_limit = fields.Integer("Members per Proxy",
        required=True,
        domain=[('meeting_proxy_limit', '>=', 1)],
        help="How many members one proxy may represent (one, unless "
        "the statutes allow more).")
    meeting_demand_signers = fields.Integer("Members to Demand a Meeting",
        domain=['OR',
            ('meeting_demand_signers', '=', None),
            ('meeting_demand_signers', '>=', 1),
            ],
        help="A number smaller than a tenth of the members that the "
        "statutes let demand an extra meeting; empty for the tenth.")

    @classmethod
    def default_meeting_proxy_limit(cls):
        return 1

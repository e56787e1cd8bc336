# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CPV codes a member wants to hear about, at the level the member
chose, optionally in the municipalities the member serves (match.py)."""
import datetime as dt
from collections import defaultdict

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.sosolo_membership import rules
from trytond.modules.sosolo_membership.party import local_time
from trytond.modules.sosolo_portal.mail import send_email
from trytond.pool import Pool

from . import digest, match


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
    def send_digests(cls, now=None):
        """Cron, weekly: e-mail each member with interests, who did not
        opt out, the open tenders of the past week that match them, to
        the e-mail address of the member's portal account."""
        pool = Pool()
        Tender = pool.get('sosolo.community.tender')
        WebUser = pool.get('web.user')
        if now is None:
            now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        # One query each for the interests, the addresses and the
        # tenders, whatever the number of members.
        rules = defaultdict(list)
        for interest in cls.search([
                    ('member.state', '=', 'active'),
                    ('member.tender_digest_off', '!=', True),
                    ]):
            rules[interest.member].append(interest.rule)
        emails = WebUser.emails_of(m.party for m in rules)
        new = [t for t in Tender.search_open(now)
            if digest.is_new(t.create_date, now)]
        sent = []
        for member in sorted(rules, key=lambda m: m.id):
            email = emails.get(member.party.id)
            entries = [digest.Entry(tender.title, tender.buyer,
                    tender.reference, tuple((lot.title or lot.lot,
                            local_time(lot.deadline)) for lot in lots))
                for tender, lots in Tender.listed(new, rules[member], now)
                if lots]
            if not email or not entries:
                continue
            # In Swedish whatever the language of the cron's user.
            send_email(email,
                gettext('sosolo_community.msg_digest_subject', 'sv',
                    count=len(entries)),
                gettext('sosolo_community.msg_digest_body', 'sv',
                    member=member.party.rec_name,
                    tenders=digest.digest_text(entries)))
            sent.append(member)
        return sent

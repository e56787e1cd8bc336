# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from collections import Counter

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.modules.sosolo_membership import figures
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import rules
from .exceptions import MeetingError


class RollEntry(ModelSQL, ModelView):
    """Voter Roll Entry (röstlängd)

    One member entitled to vote on the meeting date, once, whoever casts
    the vote: the member, or the proxy the member gave a valid power of
    attorney (lag (2018:672) 6 kap.: one member, one vote unless the
    statutes say otherwise; paragraph numbers as in rules.py).
    Made when the meeting opens and attached to the minutes.
    """
    __name__ = 'sosolo.meeting.roll'

    meeting = fields.Many2One('sosolo.meeting', "Meeting", required=True,
        ondelete='CASCADE', readonly=True)
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='RESTRICT', readonly=True)
    proxy = fields.Many2One('sosolo.meeting.proxy', "Proxy",
        readonly=True, ondelete='RESTRICT')
    voter = fields.Many2One('party.party', "Voter", required=True,
        readonly=True, ondelete='RESTRICT',
        help="Who casts this member's vote: the member or the proxy.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('member_unique', Unique(t, t.meeting, t.member),
                'sosolo_meeting.msg_roll_member_unique'),
            ]
        cls._sql_indexes.add(Index(t,
                (t.voter, Index.Range()), (t.meeting, Index.Range())))
        cls._order = [('meeting', 'DESC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        return self.member.rec_name

    @classmethod
    def entitled_members(cls, date, company=None, voting=True):
        """The register's members entitled to vote on `date`.

        In the register (lag 2018:672 5 kap.; sosolo_membership) and
        active on `date` by the membership's rule (figures.is_active);
        investing members only where the statutes give them a vote, or
        all of them when not `voting` (those the notice goes to).
        """
        pool = Pool()
        Member = pool.get('sosolo.member')
        Config = pool.get('sosolo.membership.configuration')
        company = company or Transaction().context.get('company')
        domain = [
            ('company', '=', company),
            ('entry_date', '!=', None),
            ('entry_date', '<=', date),
            ]
        if voting and not Config(1).meeting_investing_vote:
            domain.append(('kind', '!=', 'investing'))
        members = Member.search(domain, order=[('number', 'ASC')])
        return [m for m in members if figures.is_active(figures.MemberFacts(
                    m.entry_date, m.register_exit_date), date)]

    @classmethod
    def make(cls, meeting):
        "Write the roll of `meeting` on its date, proxies resolved."
        pool = Pool()
        Proxy = pool.get('sosolo.meeting.proxy')
        cls.delete(cls.search([('meeting', '=', meeting.id)]))
        members = cls.entitled_members(
            meeting.meeting_date, meeting.company.id)
        proxies = Proxy.for_meeting(meeting, members)
        cls.save([cls(meeting=meeting, member=m,
                    proxy=proxies.get(m.id),
                    voter=(proxies[m.id].proxy.party if m.id in proxies
                        else m.party))
                for m in members])


class Proxy(ModelSQL, ModelView):
    """Proxy (ombud)

    A written, dated power of attorney, valid at most one year from its
    date; another member may always be the proxy, and one proxy
    represents as many members as the statutes allow, one by default
    (lag (2018:672) 6 kap.; rules.check_proxy, rules.check_proxy_load).
    """
    __name__ = 'sosolo.meeting.proxy'

    company = fields.Many2One('company.company', "Company", required=True)
    principal = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='CASCADE',
        domain=[('company', '=', Eval('company', -1))],
        help="The member who gives the power of attorney.")
    proxy = fields.Many2One('sosolo.member', "Proxy", required=True,
        ondelete='CASCADE',
        domain=[('company', '=', Eval('company', -1))],
        help="The member who represents them.")
    issue_date = fields.Date("Date", required=True,
        help="The date of the written power of attorney.")
    meeting = fields.Many2One('sosolo.meeting', "Meeting",
        ondelete='CASCADE',
        help="The meeting it is for; empty for all meetings within a "
        "year of its date.")
    revoked = fields.Boolean("Revoked")

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_issue_date(cls):
        return Pool().get('ir.date').today()

    @classmethod
    def validate_fields(cls, proxies, field_names):
        super().validate_fields(proxies, field_names)
        for proxy in proxies:
            if proxy.principal == proxy.proxy:
                raise MeetingError(gettext(
                        'sosolo_meeting.msg_proxy_self',
                        member=proxy.principal.rec_name))
            if proxy.meeting and not proxy.revoked:
                proxy.check_valid(proxy.meeting)

    @classmethod
    def give(cls, member, number):
        """`member` gives a power of attorney, dated today, to the member
        with `number`; for all meetings within a year of its date."""
        Member = Pool().get('sosolo.member')
        # The portal user sees only their own membership; the proxy is
        # looked up by number in the member's company, and only its id
        # is kept.
        with without_check_access():
            proxies = Member.search([
                    ('company', '=', member.company.id),
                    ('number', '=', number),
                    ('entry_date', '!=', None),
                    ], limit=1)
        if not number or not proxies:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_proxy_unknown', number=number))
        # The member gives their own power of attorney (the route passes
        # the session's member); the portal user may not write proxies.
        with without_check_access():
            proxy, = cls.create([{
                        'company': member.company.id,
                        'principal': member.id,
                        'proxy': proxies[0].id,
                        }])
        return proxy

    @classmethod
    def revoke(cls, proxies):
        "Revoke the powers of attorney (the caller checked they are own)."
        # The portal user may read, not write, the proxies they gave.
        with without_check_access():
            cls.write(list(proxies), {'revoked': True})

    def check_valid(self, meeting):
        "Refuse the power of attorney at `meeting` by the law's rule."
        try:
            rules.check_proxy(self.issue_date, meeting.meeting_date)
        except rules.Refusal as refusal:
            raise MeetingError(gettext(
                    f'sosolo_meeting.msg_{refusal.rule}',
                    member=self.principal.rec_name,
                    meeting=meeting.rec_name, **refusal.values))

    def valid_at(self, meeting):
        try:
            rules.check_proxy(self.issue_date, meeting.meeting_date)
        except rules.Refusal:
            return False
        return not self.revoked and self.meeting in {None, meeting}

    @classmethod
    def for_meeting(cls, meeting, members):
        """The proxy of each member of `members` at `meeting`, by member
        id: the latest valid power of attorney to a member on the roll.
        Refuses a proxy who would represent more than the statutes allow.
        """
        Config = Pool().get('sosolo.membership.configuration')
        on_roll = {m.id for m in members}
        proxies = cls.search([
                ('company', '=', meeting.company.id),
                ('principal', 'in', list(on_roll)),
                ('revoked', '=', False),
                ['OR', ('meeting', '=', None),
                    ('meeting', '=', meeting.id)],
                ], order=[('issue_date', 'ASC'), ('id', 'ASC')])
        chosen = {}
        for proxy in proxies:
            if proxy.valid_at(meeting) and proxy.proxy.id in on_roll:
                chosen[proxy.principal.id] = proxy
        load = Counter(p.proxy.id for p in chosen.values())
        limit = Config(1).meeting_proxy_limit or 1
        for proxy in chosen.values():
            try:
                rules.check_proxy_load(load[proxy.proxy.id], limit)
            except rules.Refusal as refusal:
                raise MeetingError(gettext(
                        'sosolo_meeting.msg_proxy_full',
                        member=proxy.proxy.rec_name,
                        meeting=meeting.rec_name, **refusal.values))
        return chosen

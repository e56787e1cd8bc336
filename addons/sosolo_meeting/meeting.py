# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import (
    ModelSQL,
    ModelView,
    Workflow,
    fields,
    sequence_ordered,
)
from trytond.modules.sosolo_portal.mail import send_email
from trytond.modules.sosolo_portal.web_user import portal_link
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from . import rules
from .exceptions import MeetingError, MeetingWarning

KINDS = [
    ('ordinary', "Ordinary"),
    ('extra', "Extra"),
    ('poll', "Advisory Poll"),
    ]
FORMS = [
    ('physical', "In Person"),
    ('digital', "Digital"),
    ('hybrid', "In Person and Digital"),
    ]
STATES = [
    ('draft', "Draft"),
    ('called', "Called"),
    ('open', "Open"),
    ('closed', "Closed"),
    ('approved', "Minutes Approved"),
    ('published', "Published"),
    ]
ITEM_KINDS = [
    ('opening', "Opening"),
    ('annual_report', "Annual Report"),
    ('result', "Disposition of the Result"),
    ('discharge', "Discharge of the Board"),
    ('fees', "Fees"),
    ('election', "Election"),
    ('motion', "Motion"),
    ('statute_change', "Statute Change"),
    ('liquidation', "Liquidation"),
    ('merger', "Merger"),
    ('other', "Other"),
    ]
MAJORITIES = [
    (rules.SIMPLE, "More Than Half"),
    (rules.TWO_THIRDS, "Two Thirds"),
    (rules.THREE_QUARTERS, "Three Quarters"),
    ]


class Meeting(Workflow, ModelSQL, ModelView):
    """General Meeting (föreningsstämma)

    Lag (2018:672) om ekonomiska föreningar 6 kap.: called within the
    notice window of 17 § (ordinary) or 18 § (extra), the ordinary one
    within six months of the fiscal year end; see rules.py.

    Between meetings the board may ask the members' advice in an
    advisory poll (kind 'poll', issue #14 item 7) with the same roll and
    ballots: it decides nothing, so no notice window, officers or signed
    minutes apply to it, and the members vote in the portal.
    """
    __name__ = 'sosolo.meeting'

    _draft = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        states=_draft)
    name = fields.Char("Name", required=True)
    kind = fields.Selection(KINDS, "Kind", required=True, states=_draft)
    kind_string = kind.translated('kind')
    form = fields.Selection(FORMS, "Form", required=True, states=_draft,
        help="How members take part; digitally only where the statutes "
        "allow it.")
    form_string = form.translated('form')
    meeting_date = fields.Date("Date", required=True, states=_draft)
    start_time = fields.Time("Time", states=_draft)
    fiscal_year_end = fields.Date("Fiscal Year End",
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'ordinary',
            'required': Eval('kind') == 'ordinary',
            },
        help="The end of the fiscal year the ordinary meeting concerns.")
    place = fields.Char("Place", states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('form') == 'digital',
            })
    link = fields.Char("Link", states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('form') == 'physical',
            },
        help="Where members join the meeting digitally.")
    postal_votes = fields.Boolean("Postal Votes", states=_draft,
        help="The board lets members vote by post before the meeting, "
        "where the statutes allow it; staff enter the votes received.")
    participation = fields.Text("How to Take Part",
        help="How members take part and vote, for the notice.")
    motion_deadline = fields.Date("Motion Deadline", states=_draft,
        domain=[If(Eval('motion_deadline'),
                ('motion_deadline', '<=', Eval('meeting_date')),
                ())],
        help="The last day for members' motions, per the statutes.")
    notice_date = fields.Date("Notice Date", readonly=True)
    notice_pdf = fields.Binary("Notice", readonly=True,
        filename='notice_pdf_name',
        help="The notice as sent to the members when the meeting was "
        "called.")
    notice_pdf_name = fields.Char("Notice Name", readonly=True)
    paper_notices = fields.One2Many('sosolo.meeting.paper_notice',
        'meeting', "Notices by Post",
        # Not readonly: staff tick them posted here; only the call adds
        # or removes them (no create or delete access).
        states={'invisible': Eval('state') == 'draft'},
        help="The members without an e-mail address when the meeting was "
        "called: post them the printed notice.")
    chair = fields.Many2One('party.party', "Chair",
        states={'readonly': Eval('state').in_(['approved', 'published'])})
    minute_taker = fields.Many2One('party.party', "Minute-Taker",
        states={'readonly': Eval('state').in_(['approved', 'published'])})
    adjusters = fields.Many2Many('sosolo.meeting-party.party', 'meeting',
        'party', "Adjusters",
        states={'readonly': Eval('state').in_(['approved', 'published'])},
        help="Who check and sign the minutes with the chair "
        "(justerare).")
    items = fields.One2Many('sosolo.meeting.item', 'meeting', "Agenda",
        states=_draft)
    demand = fields.Many2One('sosolo.meeting.demand', "Demand",
        states={
            'readonly': Eval('state') != 'draft',
            'invisible': Eval('kind') != 'extra',
            },
        domain=[('company', '=', Eval('company', -1))],
        help="The demand for an extra meeting that this one answers.")
    roll = fields.One2Many('sosolo.meeting.roll', 'meeting', "Voter Roll",
        readonly=True)
    motions = fields.One2Many('sosolo.meeting.motion', 'meeting', "Motions")
    ballots = fields.One2Many('sosolo.meeting.ballot', 'meeting', "Ballots",
        states={'readonly': Eval('state') != 'open'})
    minutes = fields.Text("Minutes",
        states={'readonly': Eval('state').in_(['approved', 'published'])})
    signed_minutes = fields.Binary("Signed Minutes",
        filename='signed_minutes_name',
        states={
            'readonly': Eval('state').in_(['approved', 'published']),
            'invisible': ~Eval('state').in_(
                ['closed', 'approved', 'published']),
            },
        help="The printed minutes as a PDF signed by the minute-taker and "
        "checked (justerat) by the chair and the adjusters "
        "(6 kap. 39 §), which the members find in the portal.")
    signed_minutes_name = fields.Char("Signed Minutes Name",
        states={'invisible': True})
    minutes_deadline = fields.Function(fields.Date("Minutes Deadline",
            help="The last day for the minutes to be available to the "
            "members: three weeks after the meeting (6 kap. 40 §)."),
        'on_change_with_minutes_deadline')
    state = fields.Selection(STATES, "State", readonly=True, required=True)
    state_string = state.translated('state')

    del _draft

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('meeting_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'called'),
            ('called', 'open'),
            ('open', 'closed'),
            ('closed', 'approved'),
            ('approved', 'published'),
            }
        cls._buttons.update({
                'call': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'open': {
                    'invisible': Eval('state') != 'called',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': Eval('state') != 'open',
                    'depends': ['state'],
                    },
                'approve': {
                    'invisible': Eval('state') != 'closed',
                    'depends': ['state'],
                    },
                'publish': {
                    'invisible': Eval('state') != 'approved',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_state(cls):
        return 'draft'

    @classmethod
    def default_kind(cls):
        return 'ordinary'

    @classmethod
    def default_form(cls):
        return 'physical'

    @fields.depends('meeting_date')
    def on_change_with_minutes_deadline(self, name=None):
        if self.meeting_date:
            return rules.minutes_deadline(self.meeting_date)

    @property
    def configuration(self):
        return Pool().get('sosolo.membership.configuration')(1)

    @property
    def agenda_kinds(self):
        return {i.kind for i in self.items}

    @property
    def notice_window(self):
        "When the notice may go out (6 kap. 17, 18 §§)."
        return rules.notice_window(self.meeting_date, self.kind,
            self.agenda_kinds, bool(self.configuration.meeting_short_notice))

    @classmethod
    def next_unpublished(cls, company):
        """The earliest meeting of `company` whose minutes are not yet
        published: the one whose deadlines come first."""
        meetings = cls.search([
                ('company', '=', company.id),
                ('kind', '!=', 'poll'),
                ('state', '!=', 'published'),
                ], order=[('meeting_date', 'ASC'), ('id', 'ASC')], limit=1)
        return meetings[0] if meetings else None

    @classmethod
    def check_modification(cls, mode, meetings, values=None, external=False):
        super().check_modification(
            mode, meetings, values=values, external=external)
        if mode == 'delete':
            for meeting in meetings:
                if meeting.state != 'draft':
                    raise MeetingError(gettext(
                            'sosolo_meeting.msg_meeting_delete_draft',
                            meeting=meeting.rec_name))

    def refuse(self, refusal):
        "Raise the Swedish message of the rule `refusal` names."
        raise MeetingError(gettext(
                f'sosolo_meeting.msg_meeting_{refusal.rule}',
                meeting=self.rec_name, **refusal.values))

    def check_callable(self, notice_date):
        """Refuse calling the meeting with a notice on `notice_date`
        outside the law's windows (6 kap. 17, 18 §§; the ordinary meeting
        within six months of the year end) or the statutes."""
        if self.kind == 'poll':
            return
        config = self.configuration
        if self.form != 'physical' and not config.meeting_digital:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_meeting_digital_not_allowed',
                    meeting=self.rec_name))
        if self.postal_votes and not config.meeting_postal_votes:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_meeting_postal_not_allowed',
                    meeting=self.rec_name))
        if self.form != 'physical' and not self.link:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_meeting_link_missing',
                    meeting=self.rec_name))
        if self.form != 'digital' and not self.place:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_meeting_place_missing',
                    meeting=self.rec_name))
        try:
            rules.check_notice(notice_date, self.meeting_date, self.kind,
                self.agenda_kinds, bool(config.meeting_short_notice))
        except rules.Refusal as refusal:
            self.refuse(refusal)
        if self.kind == 'ordinary':
            if not self.fiscal_year_end:
                raise MeetingError(gettext(
                        'sosolo_meeting.msg_meeting_year_end_missing',
                        meeting=self.rec_name))
            self.check_ordinary_date()

    def check_ordinary_date(self):
        """Warn of an ordinary meeting not within six months after the
        fiscal year end (6 kap.). A warning, not a refusal: a board that
        is late must still call the ordinary meeting (or Bolagsverket
        calls it), so staff may go on once told."""
        Warning = Pool().get('res.user.warning')
        try:
            rules.check_ordinary_date(self.meeting_date, self.fiscal_year_end)
        except rules.Refusal as refusal:
            key = Warning.format('meeting_ordinary_outside', [self])
            if Warning.check(key):
                raise MeetingWarning(key, gettext(
                        'sosolo_meeting.msg_meeting_ordinary_outside',
                        meeting=self.rec_name, **refusal.values))

    @classmethod
    @ModelView.button
    @Workflow.transition('called')
    def call(cls, meetings, date=None):
        """Call the meetings: the notice goes out on `date` (today) and
        must fall within the law's window."""
        Date = Pool().get('ir.date')
        date = date or Date.today()
        for meeting in meetings:
            meeting.check_callable(date)
            meeting.notice_date = date
        cls.save(meetings)
        cls.send_notice(meetings)

    @property
    def portal_url(self):
        """The meeting's page in the portal, beside the configured
        ``[web] reset_password_url`` (never the request's address)."""
        return portal_link(f'stamma/{self.id}')

    @classmethod
    def send_notice(cls, meetings):
        """Make the notice PDF of each meeting and e-mail it, with the
        link to the meeting's page, to every member of the register on
        the notice date who has an e-mail address, in Swedish whoever
        calls the meeting. An advisory poll's e-mail asks the members to
        vote in the portal, without a notice. The members without an
        address are listed for a notice by post (paper_notice.py)."""
        pool = Pool()
        Notice = pool.get('sosolo.meeting.notice', type='report')
        Roll = pool.get('sosolo.meeting.roll')
        PaperNotice = pool.get('sosolo.meeting.paper_notice')
        for meeting in meetings:
            link = meeting.portal_url
            message = 'poll' if meeting.kind == 'poll' else 'notice'
            if meeting.kind != 'poll':
                _, meeting.notice_pdf, _, _ = Notice.execute([meeting.id], {})
                meeting.notice_pdf_name = gettext(
                    'sosolo_meeting.msg_notice_filename', 'sv',
                    date=meeting.meeting_date)
            members = Roll.entitled_members(meeting.notice_date,
                meeting.company.id, voting=False)
            emails = {m: m.party.email for m in members}
            PaperNotice.make(meeting, [m for m, a in emails.items() if not a])
            for member, address in emails.items():
                if not address:
                    continue
                send_email(address,
                    gettext(f'sosolo_meeting.msg_{message}_email_subject',
                        'sv', meeting=meeting.name,
                        date=meeting.meeting_date),
                    gettext(f'sosolo_meeting.msg_{message}_email_body', 'sv',
                        member=member.party.name, meeting=meeting.name,
                        date=meeting.meeting_date,
                        company=meeting.company.rec_name, link=link),
                    meeting.notice_pdf, meeting.notice_pdf_name)
        cls.save(meetings)

    @classmethod
    @ModelView.button
    @Workflow.transition('open')
    def open(cls, meetings):
        "Open the meetings with the voter roll of their date."
        Roll = Pool().get('sosolo.meeting.roll')
        for meeting in meetings:
            Roll.make(meeting)

    @classmethod
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, meetings):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('approved')
    def approve(cls, meetings):
        """The minute-taker has signed the minutes and the chair and the
        adjusters have checked them (6 kap. 39 §): the signed PDF is
        uploaded. sosolo_templates' sealing is for documents of its
        templates and e-ID; the meeting does not depend on it."""
        for meeting in meetings:
            if meeting.kind == 'poll':
                continue
            if not (meeting.chair and meeting.minute_taker
                    and meeting.adjusters):
                raise MeetingError(gettext(
                        'sosolo_meeting.msg_meeting_minutes_people',
                        meeting=meeting.rec_name))
            if not meeting.signed_minutes:
                raise MeetingError(gettext(
                        'sosolo_meeting.msg_meeting_minutes_unsigned',
                        meeting=meeting.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('published')
    def publish(cls, meetings):
        pass


class MeetingAdjuster(ModelSQL):
    "Meeting Adjuster"
    __name__ = 'sosolo.meeting-party.party'

    meeting = fields.Many2One('sosolo.meeting', "Meeting", required=True,
        ondelete='CASCADE')
    party = fields.Many2One('party.party', "Party", required=True,
        ondelete='RESTRICT')


class AgendaItem(sequence_ordered(), ModelSQL, ModelView):
    "Agenda Item"
    __name__ = 'sosolo.meeting.item'

    meeting = fields.Many2One('sosolo.meeting', "Meeting", required=True,
        ondelete='CASCADE')
    title = fields.Char("Title", required=True)
    kind = fields.Selection(ITEM_KINDS, "Kind", required=True)
    kind_string = kind.translated('kind')
    proposal = fields.Text("Board's Proposal")
    majority = fields.Selection(MAJORITIES, "Majority", required=True,
        help="The share of the votes cast a decision needs: more than "
        "half (6 kap. 33 §), two thirds for a statute change (35 §), "
        "three quarters where 36 § applies.")
    decision = fields.Text("Decision")

    @classmethod
    def default_kind(cls):
        return 'other'

    @classmethod
    def default_majority(cls):
        return rules.SIMPLE

    @fields.depends('kind', 'majority')
    def on_change_kind(self):
        if self.kind == 'statute_change' and self.majority == rules.SIMPLE:
            self.majority = rules.TWO_THIRDS

    @classmethod
    def check_modification(cls, mode, items, values=None, external=False):
        super().check_modification(
            mode, items, values=values, external=external)
        if mode in {'create', 'delete'} or (values and set(values) - {
                    'decision'}):
            for item in items:
                if item.meeting.state != 'draft':
                    raise MeetingError(gettext(
                            'sosolo_meeting.msg_meeting_modify_called',
                            meeting=item.meeting.rec_name))

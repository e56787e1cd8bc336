# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import without_check_access

from . import rules
from .exceptions import MeetingError


class Motion(ModelSQL, ModelView):
    """Motion

    A member's proposal for the meeting to deal with, submitted by the
    statutes' deadline; the board answers it before the notice.
    """
    __name__ = 'sosolo.meeting.motion'
    _rec_name = 'title'

    meeting = fields.Many2One('sosolo.meeting', "Meeting", required=True,
        ondelete='CASCADE')
    member = fields.Many2One('sosolo.member', "Member", required=True,
        ondelete='RESTRICT')
    title = fields.Char("Title", required=True)
    text = fields.Text("Motion", required=True)
    submitted_date = fields.Date("Submitted", required=True)
    answer = fields.Text("Board's Answer")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('submitted_date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_submitted_date(cls):
        return Pool().get('ir.date').today()

    @classmethod
    def submit(cls, member, meeting, title, text):
        """`member` submits a motion to `meeting` today; refused after the
        statutes' deadline or for a meeting no longer to come."""
        Date = Pool().get('ir.date')
        today = Date.today()
        if meeting.state not in {'draft', 'called'}:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_motion_closed',
                    meeting=meeting.rec_name))
        try:
            rules.check_motion_date(today, meeting.motion_deadline)
        except rules.Refusal as refusal:
            raise MeetingError(gettext(
                    'sosolo_meeting.msg_motion_late',
                    meeting=meeting.rec_name, **refusal.values))
        # The member submits their own motion (the route passes the
        # session's member); the portal user may read, not write, motions.
        with without_check_access():
            motion, = cls.create([{
                        'meeting': meeting.id, 'member': member.id,
                        'title': title, 'text': text,
                        'submitted_date': today}])
        return motion

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The next general meeting's last days on the staff's To Do: the
Deadlines of sosolo_convoy, extended only where sosolo_convoy is
activated (tryton.cfg extras_depend and [register sosolo_convoy])."""
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction


class DeadlinesStart(metaclass=PoolMeta):
    __name__ = 'sosolo.convoy.deadlines.start'

    meeting = fields.Many2One('sosolo.meeting', "Next General Meeting",
        readonly=True,
        help="The earliest general meeting whose minutes are not yet "
        "published.")
    meeting_call_due = fields.Date("Last Day to Call It", readonly=True,
        help="The last day the notice of the meeting may go out "
        "(lag (2018:672) 6 kap. 17, 18 §§).")
    meeting_motion_deadline = fields.Date("Last Day for Motions",
        readonly=True)
    meeting_minutes_due = fields.Date("Minutes Due", readonly=True,
        help="The last day for the minutes to be available to the "
        "members: three weeks after the meeting (6 kap. 40 §).")


class Deadlines(metaclass=PoolMeta):
    __name__ = 'sosolo.convoy.deadlines'

    def default_start(self, fields):
        pool = Pool()
        Company = pool.get('company.company')
        Meeting = pool.get('sosolo.meeting')
        values = super().default_start(fields)
        meeting = Meeting.next_unpublished(
            Company(Transaction().context['company']))
        if meeting:
            values.update(meeting=meeting.id,
                meeting_motion_deadline=meeting.motion_deadline,
                meeting_minutes_due=meeting.minutes_deadline)
            if meeting.state == 'draft':
                values['meeting_call_due'] = meeting.notice_window.latest
        return values

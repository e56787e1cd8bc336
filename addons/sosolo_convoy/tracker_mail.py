# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""An e-mail to the member at each step of the payout tracker (issue
16), sent by a cron; the member may opt out in the portal."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import fields
from trytond.modules.sosolo_portal.mail import send_email
from trytond.modules.sosolo_portal.web_user import portal_link
from trytond.pool import Pool, PoolMeta

from .certificate import EMPLOYED

#: The step after which nothing more happens.
LAST = 'salary'
#: An assignment never told of a step whose last step done is older
#: than this (the cron's first run after the module is installed) has
#: it recorded as told, without an e-mail: it is no news.
STALE = dt.timedelta(days=7)


def step_id(step):
    "What names a step among an assignment's: its key, and a reminder's level."
    return f'{step.key}:{step.detail}' if step.detail else step.key


def last_done(steps):
    "The last step done of `steps`, or None."
    return next((s for s in reversed(steps) if s.done), None)


def is_news(step, notified, today):
    """Whether the member is to be e-mailed of `step`, the last step
    done, on `today`: always once told of an earlier step (a payment
    registered late is still news), and for a first step only if it is
    at most STALE old."""
    return bool(notified or step.date is None
        or step.date >= today - STALE)


def step_text(step):
    "The step's label in Swedish, as the tracker and its e-mails say it."
    return gettext(f'sosolo_convoy.msg_tracker_step_{step.key}', 'sv',
        level=step.detail or '')


class Member(metaclass=PoolMeta):
    __name__ = 'sosolo.member'

    tracker_email_off = fields.Boolean("No Tracker E-mail",
        help="The member does not want an e-mail at each step of the way "
        "of an assignment's money to the salary.")

    @classmethod
    def set_tracker_email(cls, member, wanted):
        """Start or stop `member`'s tracker e-mails; the portal's opt-out
        (the portal user writes the own membership, sosolo_membership's
        member.xml)."""
        cls.write([member], {'tracker_email_off': not wanted})


class Assignment(metaclass=PoolMeta):
    __name__ = 'sosolo.convoy.assignment'

    tracker_notified = fields.Char("Tracker Step Notified", readonly=True,
        help="The last step of the payout tracker the member was told of.")

    @classmethod
    def check_modification(cls, mode, assignments, values=None,
            external=False):
        if mode == 'write':
            # Telling the member of a step changes nothing of the work.
            values = {n: v for n, v in values.items()
                if n != 'tracker_notified'}
        super().check_modification(
            mode, assignments, values=values, external=external)

    @classmethod
    def copy(cls, assignments, default=None):
        default = default.copy() if default else {}
        default.setdefault('tracker_notified', None)
        return super().copy(assignments, default=default)

    @classmethod
    def notify_tracker(cls, today=None):
        """Cron: e-mail each member whose assignment reached a new step
        of the payout tracker since the last run, once per step; a
        member who opted out is not e-mailed, but the step counts as
        told, as does an old first step (is_news). Several steps reached
        between two runs make one e-mail of the latest. Returns the
        assignments e-mailed."""
        pool = Pool()
        Date = pool.get('ir.date')
        WebUser = pool.get('web.user')
        today = today or Date.today()
        assignments = cls.search([
                # The tracker starts at approval, as the employment does.
                ('state', 'in', EMPLOYED),
                ['OR',
                    ('tracker_notified', '=', None),
                    ('tracker_notified', '!=', LAST),
                    ],
                ], order=[('id', 'ASC')])
        reached = {}
        for assignment in assignments:
            steps = assignment.payout_steps(today)
            step = last_done(steps)
            if step and step_id(step) != assignment.tracker_notified:
                reached[assignment] = steps
        if not reached:
            return []
        emails = WebUser.emails_of(a.member.party for a in reached)
        sent = []
        for assignment, steps in reached.items():
            email = emails.get(assignment.member.party.id)
            news = is_news(last_done(steps), assignment.tracker_notified,
                today)
            if email and news and not assignment.member.tracker_email_off:
                assignment.send_tracker_email(email, steps,
                    portal_link(f'uppdrag/{assignment.id}'))
                sent.append(assignment)
            assignment.tracker_notified = step_id(last_done(steps))
        cls.save(list(reached))
        return sent

    def send_tracker_email(self, email, steps, link):
        """E-mail `email` that the assignment reached the last step done
        of `steps` (its payout_steps), and what comes next."""
        step = last_done(steps)
        following = next((s for s in steps if s.next), None)
        if following is None:
            after = gettext('sosolo_convoy.msg_tracker_email_last', 'sv')
        elif following.date:
            after = gettext('sosolo_convoy.msg_tracker_email_next_date',
                'sv', step=step_text(following), date=following.date)
        else:
            after = gettext('sosolo_convoy.msg_tracker_email_next', 'sv',
                step=step_text(following))
        send_email(email,
            gettext('sosolo_convoy.msg_tracker_email_subject', 'sv',
                assignment=self.description, step=step_text(step)),
            gettext('sosolo_convoy.msg_tracker_email_body', 'sv',
                member=self.member.party.rec_name,
                assignment=self.description, step=step_text(step),
                date=step.date or '', after=after, link=link,
                company=self.company.rec_name))


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('sosolo.convoy.assignment|notify_tracker',
                "E-mail the Payout Tracker's Steps"))

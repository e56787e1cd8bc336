# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The notice, the minutes and the list of notices by post of a general
meeting as PDF."""
from trytond.report import Report
from trytond.transaction import Transaction


class SwedishReport(Report):

    @classmethod
    def execute(cls, ids, data):
        # A document for the Swedish members whatever the language of
        # the staff who prints it: its dates and selections too.
        with Transaction().set_context(language='sv'):
            return super().execute(ids, data)


class Notice(SwedishReport):
    """Notice of a General Meeting (kallelse): the agenda, how to take
    part and vote, the motions with the board's answers and the board's
    proposals."""
    __name__ = 'sosolo.meeting.notice'


class Minutes(SwedishReport):
    """Minutes of a General Meeting: the decisions, each ballot's result
    with its counts, the voter roll attached, and the lines where the
    minute-taker signs and the chair and the adjusters check them
    (lag (2018:672) 6 kap. 39 §)."""
    __name__ = 'sosolo.meeting.minutes'


class PaperNotices(SwedishReport):
    """Notices by Post: the members without an e-mail address when the
    meeting was called, with their postal address, for staff to post
    the printed notice to (paper_notice.py)."""
    __name__ = 'sosolo.meeting.paper_notices'

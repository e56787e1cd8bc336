# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""General meeting rules that need no database.

Lag (2018:672) om ekonomiska föreningar, 6 kap. Paragraphs checked
against the law's text as quoted by public sources (issue #14):

- 17 §: a notice of an ordinary meeting is issued at the earliest six
  and at the latest four weeks before it; the statutes may allow it
  later, but at the latest two weeks before.
- 18 §: a notice of an extra meeting at the earliest six and at the
  latest two weeks before it; four weeks when it is to deal with a
  change of the statutes, liquidation or a merger.
- 33 §: more than half of the votes cast; a tie goes the way the chair
  votes, except in elections, where the most votes win and a tie is
  decided by lot.
- 35 §: a change of the statutes needs at least two thirds of the votes
  cast; 36 §: at least three quarters in the cases it lists (e.g. more
  duties for the members, a narrower right to the surplus).
- 37 §: a member does not vote, in person or by proxy, on their own
  discharge (befrielse från skadeståndsansvar).
- 39 §: the minutes record the decisions and how each vote came out,
  with the voter roll in or attached to them; the minute-taker signs
  them, and the chair and at least one adjuster check them (justerar).
- 40 §: at the latest three weeks after the meeting the minutes are
  kept available to the members.

Also from 6 kap. (sense verified through Bolagsverket's guide, paragraph
number not confirmed in a stored copy of the law): the ordinary meeting
within six months of the fiscal year's end; an extra meeting on the
written demand of the auditor or of a tenth of all members entitled to
vote (or fewer where the statutes say so), called within two weeks of
the demand; proxies hold a written, dated power of attorney valid at
most one year from its date, and a proxy represents one member unless
the statutes allow more.

Every rule takes its reference date as an argument; none calls today().
Refusals are `Refusal` exceptions naming the rule, which the models turn
into the Swedish message of that rule.
"""
import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

# The month arithmetic that keeps month ends (a fiscal year ending
# 30 June plus six months is 31 December) lives once, in membership.
from trytond.modules.sosolo_membership.rules import _add_months as add_months

WEEK = dt.timedelta(weeks=1)

#: Agenda item kinds that make an extra meeting's notice four weeks
#: (6 kap. 18 § andra stycket).
FOUR_WEEK_KINDS = frozenset({'statute_change', 'liquidation', 'merger'})

#: Required majorities, as fractions of the votes cast.
SIMPLE = 'simple'           # 6 kap. 33 §: more than half
TWO_THIRDS = 'two_thirds'   # 6 kap. 35 §: at least two thirds
THREE_QUARTERS = 'three_quarters'   # 6 kap. 36 §: at least 3/4
MAJORITIES = {
    TWO_THIRDS: Fraction(2, 3),
    THREE_QUARTERS: Fraction(3, 4),
    }

#: How long a proxy's written power of attorney is valid (6 kap.).
PROXY_VALIDITY_YEARS = 1
#: The share of the members entitled to vote who may demand an extra
#: meeting (6 kap.), and the time the board has to call it.
DEMAND_SHARE = Fraction(1, 10)
DEMAND_CALL_DELAY = dt.timedelta(weeks=2)
#: Months after the fiscal year end within which the ordinary meeting
#: is held (6 kap.).
ORDINARY_MONTHS = 6
#: The minutes are available to the members at the latest this long
#: after the meeting (6 kap. 40 §).
MINUTES_DELAY = dt.timedelta(weeks=3)


class Refusal(ValueError):
    "A rule refuses; `rule` names it and `values` fill its message."

    def __init__(self, rule, **values):
        super().__init__(rule, values)
        self.rule = rule
        self.values = values


@dataclass(frozen=True)
class NoticeWindow:
    "When a notice may be issued: `earliest` to `latest`, both included."
    earliest: dt.date
    latest: dt.date
    #: the paragraph that sets the window, as the message cites it
    paragraph: str


def notice_window(meeting_date, kind, agenda_kinds=(),
        short_ordinary=False):
    """The notice window of a meeting on `meeting_date`.

    `kind` is 'ordinary' or 'extra'; `agenda_kinds` the kinds of its
    agenda items; `short_ordinary` that the statutes let the notice of
    an ordinary meeting come as late as two weeks before it (6 kap. 17 §
    andra stycket). Ordinary: six to four weeks (17 §). Extra: six to
    two weeks, four when the agenda holds a statute change, liquidation
    or merger (18 §).
    """
    earliest = meeting_date - 6 * WEEK
    if kind == 'ordinary':
        weeks = 2 if short_ordinary else 4
        paragraph = '17'
    elif kind == 'extra':
        weeks = 4 if FOUR_WEEK_KINDS & set(agenda_kinds) else 2
        paragraph = '18'
    else:
        raise ValueError(f"unknown meeting kind {kind!r}")
    return NoticeWindow(earliest, meeting_date - weeks * WEEK, paragraph)


def check_notice(notice_date, meeting_date, kind, agenda_kinds=(),
        short_ordinary=False):
    """Refuse a notice issued on `notice_date` outside its window.

    Rules 'notice_early' and 'notice_late' (6 kap. 17 and 18 §§, see
    notice_window). Returns the window.
    """
    window = notice_window(
        meeting_date, kind, agenda_kinds, short_ordinary)
    values = {
        'earliest': window.earliest,
        'latest': window.latest,
        'paragraph': window.paragraph,
        }
    if notice_date < window.earliest:
        raise Refusal('notice_early', **values)
    if notice_date > window.latest:
        raise Refusal('notice_late', **values)
    return window


def ordinary_meeting_limit(year_end):
    "The last day of the ordinary meeting after the year ending `year_end`."
    return add_months(year_end, ORDINARY_MONTHS)


def check_ordinary_date(meeting_date, year_end):
    """Refuse an ordinary meeting not within six months after `year_end`.

    Rule 'ordinary_outside' (6 kap.: the ordinary meeting is held within
    six months of the end of each fiscal year): after the year end, and
    at the latest six months later. The meeting model makes it a
    warning: a late board must still call the meeting.
    """
    limit = ordinary_meeting_limit(year_end)
    if not year_end < meeting_date <= limit:
        raise Refusal('ordinary_outside', year_end=year_end, limit=limit)


def demand_is_sufficient(signers, voters, required=None, auditor=False):
    """Whether a demand for an extra meeting binds the board.

    The auditor alone, or at least a tenth of all members entitled to
    vote, or the smaller number `required` the statutes set (6 kap.).
    """
    if auditor:
        return True
    if required is not None and signers >= required:
        return True
    return signers > 0 and Fraction(signers, max(voters, 1)) >= DEMAND_SHARE


def call_deadline(demand_date):
    """The last day for the board to call the extra meeting demanded on
    `demand_date`: two weeks after the demand came in (6 kap.)."""
    return demand_date + DEMAND_CALL_DELAY


def minutes_deadline(meeting_date):
    """The last day the minutes of the meeting on `meeting_date` are to
    be available to the members: three weeks after it (6 kap. 40 §)."""
    return meeting_date + MINUTES_DELAY


def check_proxy(issue_date, meeting_date):
    """Refuse a power of attorney dated `issue_date` at `meeting_date`.

    It is dated and valid at most one year from its date (6 kap.): rule
    'proxy_future' for a date after the meeting, 'proxy_expired' for one
    more than a year before it.
    """
    if issue_date is None or issue_date > meeting_date:
        raise Refusal('proxy_future', date=issue_date)
    valid_until = add_months(issue_date, 12 * PROXY_VALIDITY_YEARS)
    if meeting_date > valid_until:
        raise Refusal('proxy_expired', date=issue_date,
            valid_until=valid_until)
    return valid_until


def check_proxy_load(represented, maximum=1):
    """Refuse a proxy who would represent more than `maximum` members.

    One member, unless the statutes allow more (6 kap.). Rule
    'proxy_full'.
    """
    if represented > maximum:
        raise Refusal('proxy_full', maximum=maximum)


def check_motion_date(date, deadline):
    """Refuse a motion submitted on `date` after the statutes' `deadline`
    (rule 'motion_late'); no deadline, no refusal."""
    if deadline and date > deadline:
        raise Refusal('motion_late', deadline=deadline)


def may_vote_on_discharge(voter, discharged):
    """Whether `voter` may vote on discharging `discharged` (ids).

    6 kap. 37 §: not on one's own discharge, in person or as a proxy's
    principal; the caller passes the member the vote is cast for.
    """
    return voter not in set(discharged)


@dataclass(frozen=True)
class Outcome:
    "The result of a ballot."
    #: 'adopted'/'rejected' for a proposal, the winning choices otherwise
    result: tuple
    #: 'votes', 'chair' (casting vote) or 'lot'
    decided_by: str
    counts: tuple


def _threshold_met(yes, cast, majority):
    if majority == SIMPLE:
        return 2 * yes > cast
    return cast > 0 and Fraction(yes, cast) >= MAJORITIES[majority]


def decide_proposal(yes, no, abstain=0, majority=SIMPLE, chair=None):
    """Decide a yes/no proposal.

    Votes cast are yes and no; abstentions are not cast. SIMPLE: more
    than half, a tie goes the way the chair votes, `chair` 'yes' or 'no'
    (6 kap. 33 §); without a chair's vote a tie is rejected. TWO_THIRDS
    (35 §) and THREE_QUARTERS (36 §): at least that share of the votes
    cast, no casting vote.
    """
    cast = yes + no
    counts = (('yes', yes), ('no', no), ('abstain', abstain))
    if majority == SIMPLE and yes == no and cast:
        if chair not in {'yes', 'no'}:
            raise Refusal('chair_vote_missing')
        result = 'adopted' if chair == 'yes' else 'rejected'
        return Outcome((result,), 'chair', counts)
    result = 'adopted' if _threshold_met(yes, cast, majority) else (
        'rejected')
    return Outcome((result,), 'votes', counts)


def decide_alternatives(counts, chair=None):
    """Decide between alternatives (not an election).

    The alternative with the most votes wins; a tie at the top goes to
    the one the chair supports (6 kap. 33 §). `counts` maps each
    alternative to its votes.
    """
    ranked = Counter(counts).most_common()
    if not ranked:
        return Outcome((), 'votes', ())
    top = ranked[0][1]
    tied = sorted(a for a, c in ranked if c == top)
    if len(tied) == 1:
        return Outcome((tied[0],), 'votes', tuple(ranked))
    if chair not in tied:
        raise Refusal('chair_vote_missing')
    return Outcome((chair,), 'chair', tuple(ranked))


def decide_election(counts, seats=1, seed=None):
    """Elect `seats` candidates by the most votes.

    A tie at the last seat is decided by lot (6 kap. 33 §), drawn with
    random.Random(`seed`) over the tied candidates in sorted order, so a
    recorded seed replays the draw. The chair has no casting vote here.
    """
    ranked = sorted(Counter(counts).items(), key=lambda i: (-i[1], i[0]))
    if len(ranked) <= seats:
        return Outcome(tuple(c for c, _ in ranked), 'votes', tuple(ranked))
    cut = ranked[seats - 1][1]
    sure = [c for c, n in ranked if n > cut]
    tied = [c for c, n in ranked if n == cut]
    free = seats - len(sure)
    if len(tied) == free:
        return Outcome(tuple(sure + tied), 'votes', tuple(ranked))
    drawn = random.Random(seed).sample(tied, free)
    return Outcome(tuple(sure + sorted(drawn)), 'lot', tuple(ranked))

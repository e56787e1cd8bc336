# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""General meeting rules, without a database.

Lag (2018:672) om ekonomiska föreningar 6 kap.: notice 17 § (ordinary)
and 18 § (extra), majorities 33, 35 and 36 §§, discharge 37 §, the
ordinary meeting within six months of the year end, the demand for an
extra meeting and proxies (see rules.py). Fixed dates only.
"""
import datetime as dt
import unittest

from trytond.modules.sosolo_meeting import rules
from trytond.modules.sosolo_meeting.rules import Refusal

D = dt.date
MEETING = D(2027, 4, 29)


class NoticeTestCase(unittest.TestCase):

    def test_edges(self):
        "Each notice window's edges (6 kap. 17 and 18 §§)"
        six = D(2027, 3, 18)
        four = D(2027, 4, 1)
        two = D(2027, 4, 15)
        day = dt.timedelta(days=1)
        cases = [
            # kind, agenda, short ordinary, notice date, refusal
            ('ordinary', (), False, six - day, 'notice_early'),
            ('ordinary', (), False, six, None),
            ('ordinary', (), False, four, None),
            ('ordinary', (), False, four + day, 'notice_late'),
            ('ordinary', (), True, six - day, 'notice_early'),
            ('ordinary', (), True, four + day, None),
            ('ordinary', (), True, two, None),
            ('ordinary', (), True, two + day, 'notice_late'),
            ('extra', (), False, six - day, 'notice_early'),
            ('extra', (), False, six, None),
            ('extra', ('discharge',), False, two, None),
            ('extra', (), False, two + day, 'notice_late'),
            ('extra', ('statute_change',), False, four, None),
            ('extra', ('statute_change',), False, four + day,
                'notice_late'),
            ('extra', ('liquidation',), False, four + day, 'notice_late'),
            ('extra', ('merger', 'other'), False, four + day,
                'notice_late'),
            ('extra', ('merger',), False, six - day, 'notice_early'),
            # The statutes' two weeks are for the ordinary meeting only.
            ('extra', ('statute_change',), True, four + day,
                'notice_late'),
            ]
        for kind, agenda, short, notice, refusal in cases:
            with self.subTest(kind=kind, agenda=agenda, short=short,
                    notice=notice):
                if refusal:
                    with self.assertRaises(Refusal) as cm:
                        rules.check_notice(
                            notice, MEETING, kind, agenda, short)
                    self.assertEqual(cm.exception.rule, refusal)
                else:
                    rules.check_notice(notice, MEETING, kind, agenda, short)

    def test_refusal_names_paragraph(self):
        "The refusal carries the window and the paragraph it cites"
        with self.assertRaises(Refusal) as cm:
            rules.check_notice(D(2027, 4, 20), MEETING, 'extra')
        self.assertEqual(cm.exception.values, {
                'earliest': D(2027, 3, 18),
                'latest': D(2027, 4, 15),
                'paragraph': '18',
                })

    def test_ordinary_within_six_months(self):
        "The ordinary meeting is held within six months of the year end"
        cases = [
            # year end, meeting date, allowed
            (D(2026, 12, 31), D(2026, 12, 31), False),
            (D(2026, 12, 31), D(2027, 1, 1), True),
            (D(2026, 12, 31), D(2027, 6, 30), True),
            (D(2026, 12, 31), D(2027, 7, 1), False),
            (D(2027, 6, 30), D(2027, 12, 31), True),
            (D(2027, 6, 30), D(2028, 1, 1), False),
            (D(2027, 2, 28), D(2027, 8, 31), True),
            (D(2027, 2, 28), D(2027, 9, 1), False),
            ]
        for year_end, date, allowed in cases:
            with self.subTest(year_end=year_end, date=date):
                if allowed:
                    rules.check_ordinary_date(date, year_end)
                else:
                    with self.assertRaises(Refusal) as cm:
                        rules.check_ordinary_date(date, year_end)
                    self.assertEqual(cm.exception.rule, 'ordinary_outside')


class MotionTestCase(unittest.TestCase):

    def test_deadline(self):
        "A motion on the deadline is taken, the day after refused"
        rules.check_motion_date(D(2027, 2, 1), D(2027, 2, 1))
        rules.check_motion_date(D(2027, 2, 2), None)
        with self.assertRaises(Refusal) as cm:
            rules.check_motion_date(D(2027, 2, 2), D(2027, 2, 1))
        self.assertEqual(cm.exception.rule, 'motion_late')


class MinutesTestCase(unittest.TestCase):

    def test_deadline(self):
        "The minutes are due three weeks after the meeting (6 kap. 40 §)"
        for meeting, due in [
                (MEETING, D(2027, 5, 20)),
                (D(2026, 12, 20), D(2027, 1, 10)),
                (D(2028, 2, 15), D(2028, 3, 7)),  # a leap year
                ]:
            with self.subTest(meeting=meeting):
                self.assertEqual(rules.minutes_deadline(meeting), due)


class DemandTestCase(unittest.TestCase):

    def test_tenth_of_members(self):
        "A tenth of the members entitled to vote, or the auditor"
        cases = [
            # signers, voters, statutes' number, auditor, sufficient
            (10, 100, None, False, True),
            (9, 100, None, False, False),
            (1, 10, None, False, True),
            (1, 11, None, False, False),
            (0, 100, None, True, True),
            (5, 100, 5, False, True),
            (4, 100, 5, False, False),
            (0, 0, None, False, False),
            ]
        for signers, voters, required, auditor, expected in cases:
            with self.subTest(signers=signers, voters=voters):
                self.assertEqual(rules.demand_is_sufficient(
                        signers, voters, required, auditor), expected)

    def test_call_deadline(self):
        "The board calls within two weeks of the demand"
        self.assertEqual(rules.call_deadline(D(2027, 2, 20)),
            D(2027, 3, 6))


class ProxyTestCase(unittest.TestCase):

    def test_validity(self):
        "A power of attorney is dated and valid at most a year"
        cases = [
            (D(2026, 4, 29), None),
            (D(2026, 4, 28), 'proxy_expired'),
            (D(2027, 4, 29), None),
            (D(2027, 4, 30), 'proxy_future'),
            (None, 'proxy_future'),
            ]
        for issued, refusal in cases:
            with self.subTest(issued=issued):
                if refusal:
                    with self.assertRaises(Refusal) as cm:
                        rules.check_proxy(issued, MEETING)
                    self.assertEqual(cm.exception.rule, refusal)
                else:
                    rules.check_proxy(issued, MEETING)

    def test_load(self):
        "One member per proxy unless the statutes allow more"
        rules.check_proxy_load(1)
        with self.assertRaises(Refusal):
            rules.check_proxy_load(2)
        rules.check_proxy_load(3, maximum=3)


class MajorityTestCase(unittest.TestCase):

    def test_proposals(self):
        "Simple, casting vote, 2/3 (35 §) and 3/4 (36 §)"
        S, T, Q = rules.SIMPLE, rules.TWO_THIRDS, rules.THREE_QUARTERS
        cases = [
            # yes, no, abstain, majority, chair, result, decided by
            (6, 5, 3, S, None, 'adopted', 'votes'),
            (5, 6, 0, S, None, 'rejected', 'votes'),
            (5, 5, 9, S, 'yes', 'adopted', 'chair'),
            (5, 5, 0, S, 'no', 'rejected', 'chair'),
            (0, 0, 4, S, None, 'rejected', 'votes'),
            (20, 10, 7, T, None, 'adopted', 'votes'),
            (19, 10, 0, T, None, 'rejected', 'votes'),
            (30, 10, 0, Q, None, 'adopted', 'votes'),
            (29, 10, 0, Q, None, 'rejected', 'votes'),
            (5, 5, 0, T, 'yes', 'rejected', 'votes'),
            ]
        for yes, no, abstain, majority, chair, result, by in cases:
            with self.subTest(yes=yes, no=no, majority=majority):
                outcome = rules.decide_proposal(
                    yes, no, abstain, majority, chair)
                self.assertEqual(outcome.result, (result,))
                self.assertEqual(outcome.decided_by, by)

    def test_tie_needs_chair(self):
        "A simple tie without the chair's vote is refused, not guessed"
        with self.assertRaises(Refusal) as cm:
            rules.decide_proposal(3, 3)
        self.assertEqual(cm.exception.rule, 'chair_vote_missing')

    def test_alternatives(self):
        "The most votes win; a tie at the top goes the chair's way"
        self.assertEqual(rules.decide_alternatives(
                {'a': 4, 'b': 3, 'c': 1}).result, ('a',))
        outcome = rules.decide_alternatives({'a': 4, 'b': 4}, chair='b')
        self.assertEqual((outcome.result, outcome.decided_by),
            (('b',), 'chair'))

    def test_election_by_lot(self):
        "An election tie is decided by lot with a fixed seed (33 §)"
        counts = {'Anna': 5, 'Bertil': 5, 'Cecilia': 5, 'David': 9}
        first = rules.decide_election(counts, seats=2, seed=14)
        self.assertEqual(first.decided_by, 'lot')
        self.assertEqual(first.result[0], 'David')
        self.assertEqual(len(first.result), 2)
        self.assertIn(first.result[1], {'Anna', 'Bertil', 'Cecilia'})
        # The same seed draws the same; the draw is not the alphabet.
        draws = {rules.decide_election(counts, 2, seed=s).result[1]
            for s in range(20)}
        self.assertEqual(draws, {'Anna', 'Bertil', 'Cecilia'})
        self.assertEqual(
            rules.decide_election(counts, 2, seed=14), first)
        clear = rules.decide_election({'Anna': 3, 'Bertil': 2}, seats=1)
        self.assertEqual((clear.result, clear.decided_by),
            (('Anna',), 'votes'))

    def test_discharge(self):
        "No vote on one's own discharge (37 §)"
        self.assertFalse(rules.may_vote_on_discharge(7, [3, 7]))
        self.assertTrue(rules.may_vote_on_discharge(8, [3, 7]))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Matching lots to members' interests, without a database (match.py)."""
import datetime as dt
import unittest

from trytond.modules.sosolo_community import cpv_list, digest, match
from trytond.modules.sosolo_community.match import Interest

LYCKSELE, UMEA, DOROTEA = '2481', '2480', '2425'


class MatchTestCase(unittest.TestCase):

    def test_cpv_levels(self):
        "A lot matches when a CPV code shares the chosen prefix"
        cases = [
            # interest code, level, lot codes, matches
            ('85141000', 'division', ['85000000'], True),
            ('85141000', 'division', ['80110000'], False),
            ('85141000', 'group', ['85131100'], True),
            ('85141000', 'group', ['86131100'], False),
            ('85141000', 'class', ['85140000'], True),
            ('85141000', 'class', ['85131100'], False),
            ('85141000', 'category', ['85141100'], True),
            ('85141000', 'category', ['85142000'], False),
            ('85141000', 'code', ['85141000'], True),
            ('85141000', 'code', ['85141100'], False),
            # An additional code is as good as the main one.
            ('79624000', 'class', ['45233130', '79625000'], True),
            ('79624000', 'class', [], False),
            ]
        for code, level, lot, expected in cases:
            with self.subTest(code=code, level=level, lot=lot):
                self.assertEqual(
                    match.matches(Interest(code, level), lot), expected)

    def test_places_served(self):
        "Places served limit the lots to contracts that cover one of them"
        cases = [
            # municipalities served, lot's NUTS, matches
            (set(), 'SE121', True),
            (set(), None, True),
            ({LYCKSELE}, 'SE331', True),
            ({LYCKSELE, UMEA}, 'SE33', True),
            ({DOROTEA}, 'SE', True),
            ({LYCKSELE}, 'SE121', False),
            ({LYCKSELE}, 'SE332', False),
            ({LYCKSELE}, 'LU000', False),
            ({LYCKSELE}, 'S', False),
            # A contract without a place is not limited out.
            ({LYCKSELE}, None, True),
            ]
        for municipalities, nuts, expected in cases:
            with self.subTest(municipalities=municipalities, nuts=nuts):
                interest = Interest('85141000', 'group',
                    frozenset(municipalities))
                self.assertEqual(
                    match.matches(interest, ['85131100'], nuts), expected)

    def test_any_interest(self):
        "One matching interest of several is enough; none is no match"
        interests = [Interest('45000000', 'division'),
            Interest('85141000', 'code', frozenset({LYCKSELE}))]
        self.assertTrue(match.matches_any(interests, ['85141000'], 'SE331'))
        self.assertFalse(match.matches_any(interests, ['85141000'], 'SE121'))
        self.assertTrue(match.matches_any(interests, ['45233130'], 'SE121'))
        self.assertFalse(match.matches_any([], ['45233130'], 'SE331'))


class CpvParentTestCase(unittest.TestCase):

    def test_parent_code(self):
        "A code's parent zeroes its last significant digit"
        cases = [
            ('85131110', '85131100'),
            ('85131100', '85131000'),
            ('85131000', '85130000'),
            ('85130000', '85100000'),
            ('85100000', '85000000'),
            ('85000000', None),
            ('03000000', None),
            ('03100000', '03000000'),
            ]
        for code, parent in cases:
            with self.subTest(code=code):
                self.assertEqual(cpv_list.parent_code(code), parent)


class DigestTestCase(unittest.TestCase):

    def test_is_new(self):
        "A digest tells of the notices imported in the week before it"
        now = dt.datetime(2026, 12, 7, 6, 0)
        cases = [
            (dt.datetime(2026, 12, 7, 5, 59), True),
            (dt.datetime(2026, 11, 30, 6, 1), True),
            (dt.datetime(2026, 11, 30, 6, 0), False),
            (dt.datetime(2026, 12, 7, 6, 1), False),
            ]
        for imported, expected in cases:
            with self.subTest(imported=imported):
                self.assertEqual(digest.is_new(imported, now), expected)

    def test_text(self):
        "One paragraph per tender, a line per lot with its deadline"
        text = digest.digest_text([
                digest.Entry("Städning", "Lycksele kommun", '1-2027',
                    (("Skolor", "2027-01-02 kl. 12.00"),
                        ("Förskolor", "2027-01-03 kl. 12.00"))),
                digest.Entry("Snöröjning", "Region Västerbotten", '2-2027',
                    (("Inlandet", "2027-01-04 kl. 12.00"),))])
        self.assertEqual(text,
            "Städning – Lycksele kommun (1-2027)\n"
            "  Skolor: 2027-01-02 kl. 12.00\n"
            "  Förskolor: 2027-01-03 kl. 12.00\n\n"
            "Snöröjning – Region Västerbotten (2-2027)\n"
            "  Inlandet: 2027-01-04 kl. 12.00")

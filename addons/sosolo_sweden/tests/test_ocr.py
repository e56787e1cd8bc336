# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""OCR references, without a database.

Source: Bankgirot, "OCR-referenskontroll, Användarmanual", variabel
längd (length digit and Luhn check digit); its worked example is base
12345 → 1234574.
"""
import doctest
import unittest

from hypothesis import given
from hypothesis import strategies as st

from trytond.modules.sosolo_sweden import ocr, rules
from trytond.modules.sosolo_sweden.ocr import (
    is_valid_ocr,
    luhn_digit,
    ocr_reference,
)
from trytond.modules.sosolo_sweden.rules import normalize_bankgiro


class OCRTestCase(unittest.TestCase):

    def test_known(self):
        "Known references"
        for base, expected in [
                # Bankgirot's example.
                ('12345', '1234574'),
                # Invoice numbers keep their digits only.
                ('2026-0001', '202600010' + luhn_digit('202600010')),
                ('1', '133'),
                ('', None), ('ABC', None),
                ('1' * 23, '1' * 23 + '5' + luhn_digit('1' * 23 + '5')),
                ('1' * 24, None),
                ]:
            self.assertEqual(ocr_reference(base), expected, base)

    def test_luhn(self):
        "Luhn digits: ISO/IEC 7812-1 79927398713, orgnr 556012-5790"
        for digits, expected in [
                ('7992739871', '3'), ('123457', '4'), ('0', '0'),
                ('556012579', '0')]:
            self.assertEqual(luhn_digit(digits), expected)

    def test_invalid(self):
        for reference in ['1234575', '1234584', '12345', '', 'abc', '1',
                '1' * 26]:
            self.assertFalse(is_valid_ocr(reference), reference)

    @given(st.text(alphabet='0123456789-/ ABC', max_size=30))
    def test_generated_pass(self, base):
        "Every generated reference passes Luhn and the length digit"
        reference = ocr_reference(base)
        digits = ''.join(c for c in base if c.isdigit())
        if reference is None:
            self.assertTrue(not digits or len(digits) > 23)
        else:
            self.assertTrue(is_valid_ocr(reference))
            self.assertEqual(reference[:-2], digits)
            self.assertEqual(int(reference[-2]), len(reference) % 10)

    @given(st.from_regex(r'\A[0-9]{1,23}\Z'), st.integers(0, 24),
        st.integers(1, 9))
    def test_one_wrong_digit_fails(self, base, position, delta):
        "Changing any one digit makes the reference invalid"
        reference = ocr_reference(base)
        position %= len(reference)
        digit = (int(reference[position]) + delta) % 10
        changed = reference[:position] + str(digit) + reference[position + 1:]
        self.assertFalse(is_valid_ocr(changed))


class BankgiroTestCase(unittest.TestCase):
    "Bankgiro numbers: 7 or 8 digits, the last a Luhn check digit (#11)"

    def test_known(self):
        for value, expected in [
                # Bankgirot's test bankgiro in BgMax examples.
                ('991-2346', '991-2346'), ('9912346', '991-2346'),
                ('5050-1055', '5050-1055'), (' 5050 1055 ', '5050-1055'),
                ('991-2347', None), ('5050-1056', None),
                ('123456', None), ('123456789', None),
                ('5050-105a', None), ('', None), (None, None),
                # #12, found by fuzzing: int() refused "²" (ValueError)
                ('00000\u00b20', None),
                ]:
            with self.subTest(value=value):
                self.assertEqual(normalize_bankgiro(value), expected)
        # The same trap in an OCR reference of a BgMax file (ISO 8859-1)
        self.assertFalse(is_valid_ocr('12345\u00b24'))

    @given(st.from_regex(r'\A[0-9]{6,7}\Z'), st.integers(1, 9))
    def test_one_wrong_check_digit_fails(self, base, delta):
        number = base + luhn_digit(base)
        self.assertEqual(normalize_bankgiro(number).replace('-', ''), number)
        wrong = base + str((int(luhn_digit(base)) + delta) % 10)
        self.assertIsNone(normalize_bankgiro(wrong))


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(ocr))
    tests.addTests(doctest.DocTestSuite(rules))
    return tests

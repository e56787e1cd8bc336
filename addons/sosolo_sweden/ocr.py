# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""OCR payment references for bankgiro; no database.

Source: Bankgirot, "OCR-referenskontroll, Användarmanual" (2016),
"Variabel längd": the reference is the base digits, a length digit (the
reference's total length, counting both added digits, modulo 10) and a
Luhn (modulus 10) check digit over everything before it; 2 to 25 digits.
"""
import re

MAX_LENGTH = 25


def luhn_digit(digits):
    """The Luhn (modulus 10) check digit for the string `digits`.

    >>> luhn_digit('123457')
    '4'
    """
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def ocr_reference(base):
    """The OCR reference for `base`: its digits, length digit, check digit.

    Other characters of `base` (an invoice number "2026-0001") are left
    out. Return None when there are no digits or the result would be
    longer than 25 digits.

    >>> ocr_reference('12345')
    '1234574'
    """
    digits = re.sub(r'\D', '', base or '')
    if not digits or len(digits) + 2 > MAX_LENGTH:
        return None
    digits += str((len(digits) + 2) % 10)
    return digits + luhn_digit(digits)


def is_valid_ocr(reference):
    """Whether `reference` passes the length digit and the Luhn check.

    >>> is_valid_ocr('1234574'), is_valid_ocr('1234575')
    (True, False)
    """
    # isdigit() alone takes "²", which a BgMax file (ISO 8859-1) can
    # carry and int() refuses (#12).
    if (not reference or not (reference.isascii() and reference.isdigit())
            or not 2 <= len(reference) <= MAX_LENGTH):
        return False
    return (luhn_digit(reference[:-1]) == reference[-1]
        and int(reference[-2]) == len(reference) % 10)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class SIEImportError(UserError):
    pass


class BgMaxImportError(UserError):
    pass


class YearEndError(UserError):
    pass


class InvoiceBankgiroError(UserError):
    pass


class BankgiroError(ValidationError):
    pass


class InputError(UserError):
    "What a person typed into a form field is refused (parsers.py)."

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class ConvoyConfigurationError(ValidationError):
    pass


class AssignmentError(UserError):
    pass


class CustomerError(AssignmentError):
    pass


class PayoutError(UserError):
    pass


# expense
class AllowanceRateError(UserError):
    pass


class ExpenseError(UserError):
    pass
# end expense


class ReferenceRateError(ValidationError):
    pass


class AdvanceError(UserError):
    pass

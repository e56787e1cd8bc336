# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError, ValidationError


class IdentityValidationError(ValidationError):
    pass


class TaxSettingValidationError(ValidationError):
    pass


class TaxTableImportError(UserError):
    pass


class TaxTableLookupError(UserError):
    pass


class ContributionRateError(UserError):
    pass


class PayRunError(UserError):
    pass


class PayRunModificationError(AccessError):
    pass


class PayrollConfigurationError(UserError):
    pass


class SickLeaveError(UserError):
    pass

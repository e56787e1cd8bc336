# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class ConfigurationError(UserError):
    pass


class MemberError(UserError):
    pass


class MemberFieldError(MemberError):
    "A value refused, with the name of the form field it came from."

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


class MemberValidationError(ValidationError):
    pass

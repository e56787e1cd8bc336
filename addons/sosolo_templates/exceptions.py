# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class TemplateError(UserError):
    pass


class VariableValidationError(ValidationError):
    pass


class DocumentError(UserError):
    pass

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError


class EmailLinkError(UserError):
    "No configured absolute URL for the link an e-mail would carry."

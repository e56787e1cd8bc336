# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.exceptions import UserError, UserWarning


class MeetingError(UserError):
    pass


class MeetingWarning(UserWarning):
    pass


class VoteRefused(MeetingError):
    "A vote refused; `status` is the HTTP answer the portal gives."

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status

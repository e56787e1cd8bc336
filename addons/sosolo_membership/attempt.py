# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The applications of the last hour, to throttle the public form by
network: each one makes records and sends an e-mail (issue 12)."""
from trytond.model import ModelSQL
from trytond.modules.sosolo_portal.attempt import AttemptMixin, limit

#: Options of the [sosolo_portal] section, with their defaults.
LIMITS = {
    'apply_max_per_ip': 10,
    'apply_ip_window': 60 * 60,
    }


class ApplicationAttempt(AttemptMixin, ModelSQL):
    __name__ = 'sosolo.membership.application.attempt'
    __string__ = "Membership Application Attempt"

    @classmethod
    def window(cls):
        "The seconds over which applications from one network count."
        return limit('apply_ip_window', LIMITS)

    @classmethod
    def throttled(cls):
        """Whether this request's network sent ``[sosolo_portal]
        apply_max_per_ip`` applications in ``apply_ip_window`` seconds."""
        return cls.count_ip(cls.window()) >= limit('apply_max_per_ip', LIMITS)

    @classmethod
    def add(cls):
        "Record an application that was let through."
        cls.record_attempt(cls.window())

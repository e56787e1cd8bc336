# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.pool import PoolMeta


class Employee(metaclass=PoolMeta):
    __name__ = 'sosolo.payroll.employee'

    def salary_account(self, at=None):
        """The member's own account, as the member keeps it in the portal
        (sosolo_membership's Party.salary_bank_account: a new one only
        once confirmed or after its delay); the employee's otherwise."""
        return (self.party.salary_bank_account(at)
            or super().salary_account(at))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('sosolo.community.tender|import_folder',
                "Import Tender Notices"))
        cls.method.selection.append(
            ('sosolo.community.interest|send_digests',
                "Send Weekly Tender E-mails"))
        cls.method.selection.append(
            ('sosolo.community.consortium|send_reminders',
                "Send Consortium Deadline Reminders"))
        cls.method.selection.append(
            ('sosolo.community.booking|charge_ended',
                "Charge Ended Bookings to Members"))

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The module's tests; importing them freezes "today" (see
sosolo_sweden/tests/clock.py)."""
from trytond.modules.sosolo_sweden.tests import clock

clock.start()

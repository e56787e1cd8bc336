# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The module's tests; importing them freezes "today" (see clock.py)."""
from . import clock

clock.start()

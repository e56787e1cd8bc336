# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The general meeting: notice, motions, voter roll, proxies, ballots
and minutes (lag 2018:672 om ekonomiska föreningar, 6 kap.)."""
from . import routes  # noqa: F401

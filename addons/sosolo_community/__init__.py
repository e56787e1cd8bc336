# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The community: directory, tenders and consortia, shared resources
and collective deals."""

from . import consortium_routes, routes, tender_routes  # noqa: F401

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later

from . import offer_routes, routes, verify_routes  # noqa: F401

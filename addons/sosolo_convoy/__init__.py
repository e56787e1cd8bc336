# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later

from . import calculator_routes, certificate_routes, routes  # noqa: F401

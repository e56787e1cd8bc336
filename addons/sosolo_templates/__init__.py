# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# bankid registers its e-ID provider in eid.PROVIDERS.
from . import bankid, offer_routes, routes, routes_eid, verify_routes  # noqa: F401

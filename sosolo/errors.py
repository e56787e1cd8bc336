# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later


class CommandError(Exception):
    "An error the user can act on, shown as one line."

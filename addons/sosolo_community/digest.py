# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The weekly tender e-mail (issue 15), without a database.

A member hears of the open tenders imported in the last week whose lots
match the member's interests, once, with the deadline of each lot.
"""
import datetime as dt
from dataclasses import dataclass

#: How far back a digest looks for new notices.
PERIOD = dt.timedelta(days=7)


@dataclass(frozen=True)
class Entry:
    title: str
    buyer: str
    reference: str
    #: [(lot title, deadline as shown)]
    lots: tuple


def is_new(imported, now):
    "Was a notice imported at `imported` new in the digest sent at `now`?"
    return now - PERIOD < imported <= now


def digest_text(entries):
    "The list of tenders of the e-mail: one paragraph per tender."
    paragraphs = []
    for entry in entries:
        lines = [f"{entry.title} – {entry.buyer} ({entry.reference})"]
        lines += [f"  {title}: {deadline}" for title, deadline in entry.lots]
        paragraphs.append('\n'.join(lines))
    return '\n\n'.join(paragraphs)

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import time


class Progress:
    "Progress of long work on standard error: `label: done/total (pct)`."

    def __init__(self, label, total=None, stream=sys.stderr, every=0.5):
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream
        self.every = every
        self._last = 0

    def step(self, n=1, label=None):
        self.done += n
        if label:
            self.label = label
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            self._write()

    def _write(self, end=''):
        if self.total:
            pct = 100 * self.done // self.total
            text = f"{self.label}: {self.done}/{self.total} ({pct} %)"
        else:
            text = f"[{self.done}] {self.label}"
        if self.stream.isatty():
            self.stream.write('\r' + text + end)
        else:
            self.stream.write(text + '\n')
        self.stream.flush()

    def finish(self):
        self._write(end='\n' if self.stream.isatty() else '')

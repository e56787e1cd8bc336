# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Headless Chromium for the browser tests: Debian's build, driven by
Playwright (never `playwright install`, which downloads a browser)."""
import shutil

CHROMIUM = shutil.which('chromium') or '/usr/bin/chromium'
ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    ]


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=ARGS, headless=True)

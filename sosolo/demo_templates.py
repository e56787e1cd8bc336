# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Templates demo data: the starter library, published.

The module loads its starter library as drafts; the demo cooperative
publishes every one, as staff would after reading them. Approving an
assignment then issues its employment information (LAS 6 c §).
"""
from proteus import Model


def load(config, progress):
    "Publish every draft version of the starter library."
    Version = Model.get('sosolo.template.version', config=config)
    progress.step(label="Mallar")
    drafts = Version.find([('state', '=', 'draft')])
    if drafts:
        Version.click(drafts, 'publish')

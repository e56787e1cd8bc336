# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Templates demo data: the starter library, published, and a seal.

The module loads its starter library as drafts; the demo cooperative
publishes every one, as staff would after reading them. Approving an
assignment then issues its employment information (LAS 6 c §). The
cooperative's seal is a self-signed certificate made here, where a real
cooperative configures one from a trust service provider.
"""
import datetime as dt
from pathlib import Path

from proteus import Model


def load(config, company, progress):
    "Make the demo's seal; publish every draft version of the library."
    Version = Model.get('sosolo.template.version', config=config)
    progress.step(label="Mallar")
    make_seal(company.party.name)
    drafts = Version.find([('state', '=', 'draft')])
    if drafts:
        Version.click(drafts, 'publish')


def make_seal(name):
    """A self-signed seal for `name` in the configured folder, unless one
    is there already."""
    from trytond.config import config as trytond_config
    from trytond.modules.sosolo_templates.seal import self_signed
    folder = Path(trytond_config.get('sosolo_templates', 'seal_directory'))
    if (folder / 'certificate.pem').exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    key, certificate = self_signed(name, dt.datetime.now(dt.timezone.utc))
    key_file = folder / 'key.pem'
    key_file.touch(mode=0o600)
    key_file.write_bytes(key)
    (folder / 'certificate.pem').write_bytes(certificate)


def seal(config, progress):
    """Seal the issued documents (Anna's employment information), so that
    `sosolo document-verify` has a document of the cooperative to find."""
    Document = Model.get('sosolo.template.document', config=config)
    progress.step(label="Förseglade dokument")
    issued = Document.find([('state', '=', 'issued')])
    if issued:
        Document.click(issued, 'seal')

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo cpv-import FILE``: the CPV vocabulary with Swedish labels,
from the EU's code list (genericode, column swe_label) or SIMAP's
cpv_2008.xml. Known codes get the file's label; none is removed."""
from pathlib import Path

from .. import database
from ..errors import CommandError

NAME = 'cpv-import'
HELP = "läs in CPV-koder med svenska benämningar"


def configure(parser):
    parser.add_argument('file', type=Path,
        help="kodlistan (genericode .gc eller SIMAP:s cpv_2008.xml)")


def run(args):
    try:
        data = args.file.read_bytes()
    except OSError as exception:
        raise CommandError(f"kan inte läsa {args.file}: "
            f"{exception.strerror}")

    def import_():
        from trytond.pool import Pool
        Cpv = Pool().get('sosolo.community.cpv')
        return Cpv.import_file(str(args.file), data)
    created, updated = database.in_transaction(
        args.database, args.config, import_)
    print(f"CPV-koder: {created} nya, {updated} uppdaterade.")
    return 0

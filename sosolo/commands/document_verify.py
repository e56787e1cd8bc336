# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo document-verify FILE``: is FILE a sealed document of this
cooperative, unaltered?

Exit 0 and the document, its signers and their times when it is; exit 1
and one line when it is altered, sealed by someone else or unknown. The
check is sosolo_templates.verify (Document.verify): the PAdES seal
against the cooperative's certificate, then the file's SHA-256 among the
documents; the portal's page verifiera answers the same.
"""
from pathlib import Path

from .. import database
from ..errors import CommandError

NAME = 'document-verify'
HELP = ("kontrollera att en PDF är ett oförändrat, förseglat dokument "
    "från föreningen")


def configure(parser):
    parser.add_argument('file', metavar='FILE', help="PDF-filen")


def run(args):
    try:
        data = Path(args.file).read_bytes()
    except OSError as exception:
        raise CommandError(
            f"kan inte läsa {args.file}: {exception.strerror}")

    def verify():
        from trytond.modules.sosolo_templates.verify import verify
        verified, lines = verify(data)
        if not verified:
            raise CommandError(f"{args.file}: {lines[0]}")
        return lines
    lines = database.in_transaction(
        args.database, args.config, verify, readonly=True)
    print('\n'.join(lines))
    return 0

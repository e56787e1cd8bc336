# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo document-verify FILE``: is FILE a sealed document of this
cooperative, unaltered?

Exit 0 and the document, its signers and their times when it is; exit 1
and one line when it is altered, sealed by someone else or unknown. The
check is sosolo_templates' Document.verify: the PAdES seal against the
cooperative's certificate, then the file's SHA-256 among the documents.
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
        from trytond.exceptions import UserError
        from trytond.pool import Pool
        Document = Pool().get('sosolo.template.document')
        try:
            document = Document.verify(data)
        except UserError as exception:
            raise CommandError(f"{args.file}: {exception.message}")
        return describe(document)
    lines = database.in_transaction(
        args.database, args.config, verify, readonly=True)
    print('\n'.join(lines))
    return 0


def describe(document):
    "The lines printed for a verified `document`."
    from trytond.modules.sosolo_templates.signature import stockholm
    from trytond.pool import Pool
    methods = Pool().get(
        'sosolo.template.document.signature').method_names()
    lines = [
        f"Äkta och oförändrat: {document.rec_name}",
        f"  utfärdat {document.issue_date} av {document.company.rec_name}",
        f"  förseglat {document.sealed_at:%Y-%m-%d %H:%M:%S} UTC "
        f"({stockholm(document.sealed_at)} Europe/Stockholm)",
        ]
    if not document.signatures:
        lines.append("  inga underskrifter")
    for signature in document.signatures:
        lines.append(
            f"  undertecknat av {signature.name} <{signature.email}>, "
            f"{methods[signature.method].lower()}, "
            f"{signature.signed_at:%Y-%m-%d %H:%M:%S} UTC "
            f"({signature.signed_at_stockholm} Europe/Stockholm)")
    return lines

# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo tender-import FILE… [--json]``: read public tender notices
(TED eForms XML, OCDS JSON release or record packages) into the tenders.

A notice imported again is updated, never duplicated. All files of one
call go in together or not at all: one malformed file is one line naming
it and the problem, exit 1, and nothing is written. `--json` prints one
object per notice: notice, status (created, updated, unchanged), title,
buyer, cpv (the procedure's main code) and lots (id, title, cpv codes,
deadline in UTC).
"""
import json
from pathlib import Path

from .. import database
from ..errors import CommandError

NAME = 'tender-import'
HELP = ("läs in upphandlingsmeddelanden (TED eForms XML eller OCDS JSON); "
    "ett meddelande som läses in igen uppdateras")

#: The Swedish of the statuses in the plain output.
STATUSES = {'created': "ny", 'updated': "uppdaterad",
    'unchanged': "oförändrad"}


def configure(parser):
    parser.add_argument('files', metavar='FILE', nargs='+',
        help="meddelanden: eForms-XML eller OCDS-JSON")
    parser.add_argument('--json', action='store_true',
        help="skriv resultatet som JSON")


def run(args):
    files = []
    for name in args.files:
        try:
            files.append((name, Path(name).read_bytes()))
        except OSError as exception:
            raise CommandError(f"kan inte läsa {name}: {exception.strerror}")

    def import_():
        from trytond.pool import Pool
        Tender = Pool().get('sosolo.community.tender')
        return [dict(tender.summary(), status=status)
            for tender, status in Tender.import_files(files)]
    results = database.in_transaction(args.database, args.config, import_)
    if args.json:
        print(json.dumps([{k: r[k] for k in ['notice', 'status', 'title',
                            'buyer', 'cpv', 'lots']} for r in results],
                ensure_ascii=False, indent=2))
    else:
        for result in results:
            print(f"{result['notice']}: {STATUSES[result['status']]}, "
                f"{len(result['lots'])} delkontrakt – {result['title']}")
    return 0

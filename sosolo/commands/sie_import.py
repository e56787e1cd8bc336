# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
import sys

from .. import books

NAME = 'sie-import'
HELP = "läs in en SIE-fil (typ 1–4, 4E eller 4I) i bokföringen"

LABELS = [
    ('sie_type', "SIE-typ"), ('program', "Program"),
    ('company_name', "Företag i filen"), ('orgnr', "Organisationsnummer"),
    ('years', "Räkenskapsår"), ('accounts', "Konton"),
    ('new_accounts', "Nya konton"), ('vouchers', "Verifikationer"),
    ('transactions', "Transaktioner"), ('debit', "Summa debet"),
    ]


def configure(parser):
    parser.add_argument('file', help="SIE-filen")
    parser.add_argument('--dry-run', action='store_true',
        help="kontrollera och visa vad som skulle läsas in, utan att spara")


def run(args):
    from trytond.modules.sosolo_sweden.sie_import import SIEImporter
    path, data = books.read_file(args.file)

    def load(company):
        importer = SIEImporter(company, data, path.name)
        preview = importer.preview()
        # A dry run imports too, then rolls back: it finds every error.
        importer.run()
        return preview, importer.warnings

    preview, warnings = books.run(args, load, commit=not args.dry_run)
    for key, label in LABELS:
        print(f"{label}: {preview[key]}")
    for warning in warnings:
        print(f"sosolo: varning: {warning}", file=sys.stderr)
    if args.dry_run:
        print("Inget sparades (--dry-run).")
    else:
        print(f"{path.name} är inläst.")
    return 0

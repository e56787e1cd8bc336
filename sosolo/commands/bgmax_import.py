# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from .. import books

NAME = 'bgmax-import'
HELP = "läs in Bankgirots BgMax-fil och betala kundfakturor via OCR"

RESULTS = {
    'paid': "betald", 'underpaid': "för lite betalt",
    'overpaid': "för mycket betalt", 'unmatched': "ingen faktura",
    'deduction': "avdrag", 'duplicate': "redan inläst",
    }


def configure(parser):
    parser.add_argument('file', help="BgMax-filen")
    parser.add_argument('--test-file', action='store_true',
        help="bokför även en testfil från Bankgirot (testmarkering T)")


def run(args):
    from trytond.modules.sosolo_sweden.bgmax import BgMaxImporter
    path, data = books.read_file(args.file)

    def load(company):
        record = BgMaxImporter(company, data, path.name,
            test_file=args.test_file).run()
        return [(p.date, p.reference, p.amount, p.result,
                p.invoice.rec_name if p.invoice else '', p.note or '')
            for p in record.payments]

    rows = books.run(args, load)
    for date, reference, amount, result, invoice, note in rows:
        print(f"{date} {reference:<25} {amount:>12} "
            f"{RESULTS.get(result, result):<18} {invoice} {note}".rstrip())
    paid = sum(1 for r in rows if r[3] in {'paid', 'overpaid', 'underpaid'})
    print(f"{path.name}: {paid} av {len(rows)} betalningar bokförda.")
    return 0

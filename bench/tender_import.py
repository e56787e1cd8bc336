# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark: importing a tender notice with many lots (issue 15: a
notice with 100 lots imports in under 10 s).

The notice is the test fixture ted-converted/21-364236 with its lot
replaced by N generated lots (sosolo_community/tests/tender_tools.py). Times,
in one transaction on DATABASE that is rolled back at the end: reading
the file alone (the parser, no database), the first import (created),
the same file again (unchanged) and the file with every lot's title
changed (updated). Tryton's start-up is not counted.

    .venv/bin/python bench/tender_import.py [-d sosolo] [-c config/...]
        [--lots 100]

DATABASE needs sosolo_community activated (the demo database has it).
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-d', '--database', default='sosolo')
    parser.add_argument('-c', '--config', default='config/trytond.conf')
    parser.add_argument('--lots', type=int, default=100)
    args = parser.parse_args()

    from sosolo import database
    database.load_config(args.config)
    from trytond.modules.sosolo_community.tender_data import read_notices
    from trytond.modules.sosolo_community.tests.tender_tools import (
        generated_notice,
    )
    data = generated_notice(lots=args.lots, publication='bench-0000')
    changed = data.replace(b'>Delkontrakt ', b'>Delkontraktet ')

    def bench():
        from trytond.pool import Pool
        Tender = Pool().get('sosolo.community.tender')
        times = []
        start = time.monotonic()
        read_notices('bench.xml', data)
        times.append(('read only', time.monotonic() - start, None))
        for label, content in [('created', data), ('unchanged', data),
                ('updated', changed)]:
            start = time.monotonic()
            (tender, status), = Tender.import_files([('bench.xml', content)])
            times.append((label, time.monotonic() - start, status))
            assert len(tender.lots) == args.lots, len(tender.lots)
        return times

    times = database.in_transaction(args.database, args.config, bench,
        commit=False)
    print(f"A notice with {args.lots} lots ({len(data) // 1024} KiB):")
    for label, seconds, status in times:
        assert status in {None, label}, (label, status)
        print(f"  {label:<10} {seconds:6.2f} s")
    return 0


if __name__ == '__main__':
    sys.exit(main())

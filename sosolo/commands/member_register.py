# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``sosolo member-register``: the register of members at a date.

Lag (2018:672) om ekonomiska föreningar 5 kap.: the board keeps a
register of members; this writes it as CSV (for spreadsheets: `;`,
decimal comma, UTF-8) or as the back office's PDF report.
"""
import csv
import io

from trytond.modules.sosolo_sweden.rules import today

from .. import database
from .init import date

NAME = 'member-register'
HELP = "skriv ut medlemsförteckningen per ett datum (CSV eller PDF)"

HEADER = [
    "Medlemsnummer", "Namn", "Person-/organisationsnummer", "Adress",
    "Medlemskategori", "Insatsskyldighet", "Inbetalda insatser",
    "Återbetalt", "Att återbetala", "Inträdesdatum", "Utträdesdatum",
    ]


def configure(parser):
    parser.add_argument('--date', default=today().isoformat(),
        help="förteckningen per detta datum, ÅÅÅÅ-MM-DD "
        "(standard: i dag)")
    parser.add_argument('--format', choices=['csv', 'pdf'], default='csv',
        help="filformat (standard: %(default)s)")
    parser.add_argument('-o', '--output', required=True,
        help="filen att skriva")


def amount(value):
    return f'{value:.2f}'.replace('.', ',')


def to_csv(rows, kinds):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=';', lineterminator='\n')
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([
                row['number'], row['name'], row['identity_number'],
                row['address'], kinds.get(row['kind'], row['kind']),
                amount(row['contribution']), amount(row['paid']),
                amount(row['repaid']), amount(row['to_repay']),
                row['entry_date'].isoformat(),
                row['exit_date'].isoformat() if row['exit_date'] else '',
                ])
    return out.getvalue().encode('utf-8')


def run(args):
    args.date = date(args.date)
    with database.membership(args.database) as (pool, company):
        if args.format == 'csv':
            Member = pool.get('sosolo.member')
            content = to_csv(Member.register(args.date, company.id),
                dict(Member.selection_labels('kind')))
        else:
            Register = pool.get('sosolo.member.register', type='report')
            _, content, _, _ = Register.execute(
                [], {'date': args.date.isoformat()})
    with open(args.output, 'wb') as file:
        file.write(bytes(content))
    print(f"Medlemsförteckningen per {args.date} finns i {args.output}.")
    return 0

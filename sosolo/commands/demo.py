# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from .. import database
from ..progress import Progress

NAME = 'demo'
HELP = "skapa demodatabasen (eller uppdatera modulerna i den som finns)"


def configure(parser):
    parser.add_argument('--reset', action='store_true',
        help="ta bort demodatabasen och skapa den på nytt")


def run(args):
    from .. import demo
    progress = Progress(f"Demo {args.database}", total=None)
    if args.reset and database.exists(args.database):
        database.drop(args.database)
    if database.exists(args.database):
        config = database.connect(args.database, args.config)
        activated = database.activate(config, database.installed_modules())
        if activated:
            print(f"Aktiverade moduler: {', '.join(activated)}")
        print(f"Demodatabasen {args.database} finns redan "
            "(sosolo demo --reset skapar den på nytt).")
        return 0
    progress.step(label="Skapar databasen")
    database.create(args.database, args.config,
        admin_password=database.random_password())
    try:
        config = database.connect(args.database, args.config)
        progress.step(label="Aktiverar modulerna")
        database.activate(config, database.installed_modules())
        demo.load(config, progress)
        progress.step(label="Demolösenord")
        database.set_demo_passwords(args.database)
    except BaseException:
        # Nothing half-made is left behind: the next run starts afresh.
        database.drop(args.database)
        raise
    progress.finish()
    print(f"Demodatabasen {args.database} är klar.")
    return 0

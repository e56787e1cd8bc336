# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``sosolo`` command: ``sosolo [-c CONFIG] [-d DATABASE] COMMAND``.

Each command is a module of ``sosolo.commands`` with ``NAME``, ``HELP``,
``configure(parser)`` and ``run(args)``. Errors are one line on standard
error and a non-zero exit, never a traceback (``--debug`` shows it).
"""
import argparse
import importlib
import pkgutil
import sys

from . import commands, database
from .errors import CommandError


def command_modules():
    for info in sorted(pkgutil.iter_modules(commands.__path__),
            key=lambda i: i.name):
        module = importlib.import_module(f'{commands.__name__}.{info.name}')
        if hasattr(module, 'NAME'):
            yield module


class Parser(argparse.ArgumentParser):
    "Usage errors too are one line and exit 1, as every other error."

    def error(self, message):
        self.exit(1, f"sosolo: {message} (se {self.prog} --help)\n")


def parser():
    parser = Parser(
        prog='sosolo',
        description="SOSOLO: verktyg för kooperativets Tryton-databas.")
    parser.add_argument('-c', '--config', default='config/trytond.conf',
        help="trytond-konfiguration (standard: %(default)s)")
    parser.add_argument('-d', '--database', default='sosolo',
        help="databasens namn (standard: %(default)s)")
    parser.add_argument('--debug', action='store_true',
        help="visa hela felet vid fel")
    subparsers = parser.add_subparsers(
        dest='command', metavar='COMMAND', required=True)
    for module in command_modules():
        sub = subparsers.add_parser(module.NAME, help=module.HELP,
            description=module.HELP)
        module.configure(sub)
        sub.set_defaults(func=module.run)
    return parser


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        # Before any command imports trytond: see database.load_config.
        database.load_config(args.config)
        return args.func(args) or 0
    except CommandError as exception:
        print(f"sosolo: {exception}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sosolo: avbrutet", file=sys.stderr)
        return 130
    except Exception as exception:
        if args.debug:
            raise
        message = getattr(exception, 'message', None) or str(exception)
        print(f"sosolo: {message.splitlines()[0] if message else exception!r}",
            file=sys.stderr)
        return 1


if __name__ == '__main__':
    sys.exit(main())

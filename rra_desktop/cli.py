"""The command line: ``rra-desktop COMMAND FILE ...`` over the deal store, the rules and the
exchange formats.

Exit status: 0 done (nothing to report), 1 findings (``check`` found something, ``audit --verify``
found a broken chain), 2 bad input (a wrong argument, a file that is not a deal, an import
refused). A mistake a person can fix is reported on stderr as what went wrong and where, never as
a traceback. Commands that only read open the deal file read-only.
"""

from __future__ import annotations

import argparse
import contextvars
import datetime as dt
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from rra_desktop import __version__

if TYPE_CHECKING:
    from rra_desktop.store.deal_store import DealStore

COMMANDS = ("new", "import", "export", "holders", "holders-import", "deadlines", "check", "calendar", "audit",
            "restore", "notices", "agenda", "copy", "done",
            "addresses", "address-change", "address-withdraw", "objections", "objection", "objection-withdraw")
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

DESCRIPTION = "RRA Desk: administer a Registration Rights Agreement from the command line."
EPILOG = """\
With no command, rra-desktop opens the window (optionally on a deal FILE).
Letters and reports are the commands `notice` and `report` (see `rra-desktop notice --help`
and `rra-desktop report --help`).
Dates are written YYYY-MM-DD. Exit status: 0 ok, 1 findings, 2 bad input."""


def iso_date(text: str) -> dt.date:
    """An argparse type: a date written YYYY-MM-DD in the years the services accept (1900-2199,
    ``services.entries.date_problem``); argparse names the argument in the error."""
    from rra_desktop.domain.entries import date_problem

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD, e.g. 2004-03-01") from None
    problem = date_problem(day)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return day


def _add(sub, name: str, help_text: str, handler: Callable, *, as_of: bool = False, json: bool = False):
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.add_argument("file", metavar="FILE", help="the deal file (.rradeal), or a firm server deal: "
                   "postgresql://HOST/DATABASE?deal=NAME")
    p.add_argument("--side-files", choices=("apply", "set-aside"), default=None, dest="side_files",
                   help="a side file (-journal, -wal) left beside FILE after a crash: apply it (a journal undoes "
                   "the interrupted change; a log is folded in) or set it aside unmerged; without this the "
                   "command stops and says what it found (a copy as found is kept in .backups either way)")
    if as_of:
        p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE", help="as of this date (default: today)")
    if json:
        p.add_argument("--json", action="store_true", help="print JSON (ISO dates) instead of a table")
    p.set_defaults(handler=handler)
    return p


def build_parser() -> argparse.ArgumentParser:
    from rra_desktop import cli_check, cli_deal, cli_notices, cli_views

    parser = argparse.ArgumentParser(prog="rra-desktop", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rra-desktop {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    p = _add(sub, "new", "create a deal file (empty, or holding the bundled sample deal)", cli_deal.new)
    p.add_argument("--sample", action="store_true", help="the 2003 Spectrum deal with its Schedule 1")
    p = _add(sub, "import", "import a deal exchange file (.json) into a new or empty deal file "
             "(or, with --replace, in place of the deal a file holds)", cli_deal.import_)
    p.add_argument("source", metavar="DEAL.json", help="the deal exchange file")
    p.add_argument("--replace", action="store_true",
                   help="replace the deal FILE already holds (needed when it has any Holders or records; "
                   "a backup copy is kept in the .backups folder beside it)")
    p = _add(sub, "export", "export the whole deal as an exchange file (.json)", cli_deal.export)
    p.add_argument("-o", "--output", required=True, metavar="DEAL.json", help="where to write it")
    _add(sub, "holders", "the register of Holders as of a date, with totals", cli_views.holders, as_of=True, json=True)
    p = _add(sub, "holders-import", "add the Holders on a Schedule 1 (.csv or .xlsx) to the deal",
             cli_deal.holders_import)
    p.add_argument("source", metavar="SCHEDULE", help="Schedule 1 as .csv or .xlsx")
    p.add_argument("--date", type=iso_date, default=None, metavar="DATE",
                   help="issuance date of the securities (default: the Closing Date)")
    _add(sub, "deadlines", "every deadline with its clause, dates and status", cli_views.deadlines, as_of=True,
         json=True)
    _add(sub, "check", "every finding: 3(n) breaches, registration coverage, overdue obligations, "
         "assignments not yet effective, Schedule 1 totals", cli_check.check, as_of=True, json=True)
    p = _add(sub, "calendar", "the deadlines as an iCalendar file (.ics)", cli_views.calendar, as_of=True)
    p.add_argument("-o", "--output", required=True, metavar="DEADLINES.ics", help="where to write it")
    p.add_argument("--alarm", type=int, default=2, metavar="N",
                   help="a reminder N Business Days before each date, at 9:00 a.m. (0: none; default 2)")
    p = _add(sub, "audit", "the audit trail of the deal file", cli_deal.audit)
    p.add_argument("--verify", action="store_true", help="check the hash chain and every record against it: "
                   "exit 1 if an entry was altered or a record does not match the trail")
    p.add_argument("--against", metavar="BACKUP_OR_DIGEST", default=None,
                   help="with --verify: also check that the trail still holds the head digest of this backup "
                   "file or printed digest (ENTRIES:HEX, as on every report); a trail rewritten end to end fails")
    p = _add(sub, "restore", "restore a backup copy of the deal file (lists the backups without BACKUP)",
             cli_deal.restore)
    p.add_argument("backup", metavar="BACKUP", nargs="?", default=None,
                   help="the backup to restore: its file, or its number in the list")
    p = _add(sub, "notices", "the notice log; --verify checks each logged letter against its SHA-256",
             cli_notices.notices)
    p.add_argument("--verify", action="store_true",
                   help="check every logged file: exit 1 if any is changed or missing")
    p.add_argument("--folder", action="append", default=[], type=Path, metavar="DIR",
                   help="also look for the letters here (default: the deal's folder and its Notices folder)")
    from rra_desktop import cli_agenda, cli_done, cli_records, cli_server

    cli_done.add_parser(sub)
    cli_agenda.add_parser(sub)
    cli_server.add_parser(sub)
    cli_records.add_parsers(sub)
    return parser


def _user_errors() -> tuple[type[BaseException], ...]:
    """The errors a person can act on: each is reported by its message, without a traceback."""
    from rra_desktop.exchange.deal_json import DealFileInvalid
    from rra_desktop.exchange.schedule_import import Schedule1Invalid
    from rra_desktop.outputs import OutputRefused

    errors: list[type[BaseException]] = [DealFileInvalid, Schedule1Invalid, OutputRefused, OSError, UserError]
    for module, name in (("rra_desktop.store", "StoreError"), ("rra_desktop.services", "Refused")):
        with suppress(ImportError, AttributeError):  # a layer not yet installed has no errors to catch
            errors.append(getattr(importlib.import_module(module), name))
    return tuple(errors)


class UserError(Exception):
    """A mistake in what the command was asked to do (a file that exists, a missing deal)."""


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc) or type(exc).__name__


def run_cli(argv: Sequence[str]) -> int:
    """Run one command; return the exit status (0 ok, 1 findings, 2 bad input)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed usage or help
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if not hasattr(args, "handler"):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    token = SIDE_FILES.set(getattr(args, "side_files", None))
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader went away (``rra-desktop deadlines FILE | head``): not an error; stop quietly,
        # with stdout pointed at devnull so the interpreter's final flush does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except _user_errors() as exc:
        print(f"rra-desktop {argv[0]}: error: {_describe(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        SIDE_FILES.reset(token)


# The --side-files choice of the running command, for ``opened`` (every command takes it).
SIDE_FILES: contextvars.ContextVar[str | None] = contextvars.ContextVar("side_files", default=None)


@contextmanager
def opened(path: str | Path, read_only: bool = True) -> Iterator[DealStore]:
    """The deal store at ``path`` (read-only unless the command changes the deal), closed after;
    ``path`` may be a server deal's URL (``rra_desktop.store.server``)."""
    from rra_desktop.store.copying import is_server

    if is_server(str(path)):
        from rra_desktop.store.server import ServerStore

        server = ServerStore.open(str(path), read_only=read_only)
        try:
            yield server
        finally:
            server.close()
        return
    file = Path(path)
    if not file.exists():
        raise UserError(f"{file}: no such deal file")
    from rra_desktop.store import DealStore

    store = DealStore.open(file, read_only=read_only, side_files_choice=SIDE_FILES.get())
    for note in store.notes:
        print(f"note: {note}", file=sys.stderr)
    try:
        yield store
    finally:
        store.close()


def write_output(path: str, write: Callable[[Path], object]) -> Path:
    """Write an output file whole or not at all, private to its owner (``outputs.private_target``)."""
    from rra_desktop.outputs import private_target

    target = Path(path)
    with private_target(target, make_folders=False) as temporary:
        write(temporary)
    return target

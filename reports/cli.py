"""``rra-desktop notice KIND FILE ...`` and ``rra-desktop report KIND FILE ...``.

notice: one letter (``-o OUT.pdf``/``.docx``) or, for several Holders or ``--all``, a folder
``-o DIR`` with one file per Holder plus a combined PDF. Each letter is logged as sent in the
deal file's notice log (recipient, kind, method, sent time, deemed-given date, file, SHA-256);
``--no-log`` makes drafts without logging. A deal exchange file (.json) can be read but not
logged. Exit 0 when done, 2 on bad input with the reason on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from reports.batch import MadeLetter, discard, letter_bytes, write_batch, write_bytes
from reports.catalog import KINDS, build_letters, kind_of
from reports.letters import METHODS, NoticeRefused, NoticeRequest
from reports.recipients import find_holder
from reports.templates import TemplateError
from rra_desktop.domain.letter_kinds import Recipients

REPORTS = ("register", "calendar", "blackout-ledger")


class BadInput(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits itself; we want exit code 2 with our prefix
        raise BadInput(message)


def _in_range(value):
    """The years the services accept (``services.entries.date_problem``: 1900-2199)."""
    from rra_desktop.domain.entries import date_problem

    problem = date_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return _in_range(day)


def _datetime(text: str) -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date and time (YYYY-MM-DDTHH:MM, Eastern): {text!r}") from None
    return _in_range(at)


def _text(text: str) -> str:
    """Free text for a letter (``--document``, ``--event``, ``--holder``): no control characters,
    as the services refuse them (``domain.entries.text_problem``)."""
    from rra_desktop.domain.entries import text_problem

    problem = text_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{text!r} {problem}")
    return text


def _folder(text: str) -> Path:
    """A folder that exists (``--templates``): a mistyped one must not fall back to the shipped wording."""
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is not a folder (the firm's templates were not found; "
                                         "nothing was written)")
    return path


def notice_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="rra-desktop notice", description="Make a notice letter (PDF or .docx) from a deal file.")
    p.add_argument("kind", choices=list(KINDS), metavar="KIND", help="one of: " + ", ".join(KINDS))
    p.add_argument("file", type=Path, metavar="FILE", help="the deal file (.rradeal) or a deal exchange file (.json)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--holder", action="append", default=[], metavar="NAME", type=_text,
                     help="a Holder's name or id (repeat)")
    who.add_argument("--all", action="store_true", help="every Holder of Registrable Securities on the sending day")
    p.add_argument("--method", choices=METHODS, default="courier")
    p.add_argument("--sent-at", type=_datetime, help="when it is sent, Eastern (default: now)")
    p.add_argument("--docx", action="store_true", help="write editable .docx instead of PDF")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    for name in ("registration", "blackout", "claim", "assignment"):  # the NoticeRequest fields *_id
        p.add_argument(f"--{name}", metavar="ID", help=f"the {name} the notice is about (default: the latest)")
    p.add_argument("--event", type=_text,
                   help="3(c) event i|ii|iii|iv (for ii: stop-order|proceedings, what happened), "
                   "or no-review|review|comments for sec-review")
    p.add_argument("--document", type=_text, help="the document concerned, or a description (proceeding)")
    p.add_argument("--on", type=_date, help="date of the event reported, when not the sending day")
    p.add_argument("--templates", type=_folder, help="a folder with the firm's own templates")
    p.add_argument("--no-log", action="store_true", help="make drafts: do not record them in the notice log")
    return p


def report_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="rra-desktop report", description="Make an internal report (PDF) from a deal file.")
    p.add_argument("kind", choices=REPORTS, metavar="KIND", help="one of: " + ", ".join(REPORTS))
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--as-of", type=_date, help="the date (default: today)")
    p.add_argument("--from", dest="first", type=_date, help="calendar: first day")
    p.add_argument("--to", dest="last", type=_date, help="calendar: last day")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    return p


def open_deal(path: Path, for_writing: bool):
    """(deal, store or None). A .json exchange file is read only."""
    if not path.exists():
        raise BadInput(f"no such file: {path}")
    if path.suffix.lower() == ".json":
        from rra_desktop.exchange.deal_json import read_deal_json

        return read_deal_json(path), None
    from rra_desktop.store import DealStore

    store = DealStore.open(path, read_only=not for_writing)
    return store.deal(), store


def run_notice(args) -> int:
    deal, store = open_deal(args.file, for_writing=not args.no_log)
    try:
        kind = kind_of(args.kind)
        ids = tuple(find_holder(deal, n).id for n in args.holder)
        if kind.spec.recipients is Recipients.SELECTED_HOLDERS and not ids and not args.all:
            raise BadInput(f"{args.kind} goes to Holders: name one (--holder NAME) or send to all (--all)")
        sent_at = args.sent_at or dt.datetime.now().replace(second=0, microsecond=0)
        request = NoticeRequest(args.kind, sent_at, args.method, ids, args.registration, args.blackout, args.claim,
                                args.assignment, args.event, args.document, args.on, args.templates)
        letters = build_letters(deal, request)
        made, combined = _write(letters, args, sent_at, deal)
        if not args.no_log:
            try:
                _log(deal, store, request, kind, made)
            except Exception:  # refused: nothing was logged, so no file may look as if it went out
                from rra_desktop.notice_files import keeper

                discard([m.path for m in made] + ([combined] if combined else []), keeper(deal))
                raise
        for m in made:
            print(f"{m.path}  sha256 {m.sha256}")
        if combined is not None:
            print(f"{combined}  (combined, for printing)")
        if not args.no_log:
            notices = "notice" if len(made) == 1 else "notices"
            print(f"recorded {len(made)} {notices} in the notice log; audit trail head now {store.trail_head()}")
        return 0
    finally:
        if store is not None:
            store.close()


def _write(letters, args, sent_at: dt.datetime, deal) -> tuple[list[MadeLetter], Path | None]:
    """The letters written, and the combined PDF of a batch (None for one letter). A file the
    deal's notice log holds a hash for is never overwritten (``notice_files.keeper``)."""
    from rra_desktop.notice_files import keeper
    from rra_desktop.outputs import unused_path

    keep = keeper(deal)
    out: Path = args.output
    if len(letters) == 1 and out.suffix.lower() in (".pdf", ".docx"):
        out = out.with_suffix(".docx" if args.docx else ".pdf")  # the name says what the file is (and is logged)
        out = unused_path(out, keep)  # a logged letter is never overwritten: "NAME (2).pdf"
        if out != args.output.with_suffix(out.suffix):
            print(f"note: {args.output.with_suffix(out.suffix).name} is a logged notice and is kept; "
                  f"writing {out.name}", file=sys.stderr)
        return [MadeLetter(letters[0], out, write_bytes(out, letter_bytes(letters[0], args.docx)))], None
    if out.suffix.lower() in (".pdf", ".docx"):
        raise BadInput(f"{len(letters)} letters: give a folder for -o, not a file name")
    result = write_batch(letters, out, sent_at.date().isoformat(), docx=args.docx, keep=keep)
    return list(result.made), result.combined


def _log(deal, store, request: NoticeRequest, kind, made: list[MadeLetter]) -> None:
    from reports.notice_log import notice_record, record

    if store is None:
        print("note: a deal exchange file has no notice log; nothing was recorded", file=sys.stderr)
        return
    records = [notice_record(deal, request, kind, m.letter.recipient, m.path.name, m.sha256) for m in made]
    extras = [{**m.letter.extra, "file_name": m.path.name} for m in made]
    record(store, request, records, extras)


def run_report(args) -> int:
    from reports.blackout_ledger import write_blackout_ledger
    from reports.calendar_report import write_calendar
    from reports.register import write_register

    deal, store = open_deal(args.file, for_writing=False)
    trail = ""
    if store is not None:
        trail = store.trail_footer()
        store.close()
    as_of = args.as_of or dt.date.today()
    if args.kind == "register":
        write_register(deal, as_of, args.output, trail=trail)
    elif args.kind == "blackout-ledger":
        write_blackout_ledger(deal, as_of, args.output, trail=trail)
    else:
        if args.first is None or args.last is None:
            raise BadInput("calendar needs the range: --from DATE --to DATE")
        write_calendar(deal, args.first, args.last, as_of, args.output, trail=trail)
    print(args.output)
    return 0


def run_reports_cli(argv: list[str]) -> int:
    """``argv[0]`` is "notice" or "report"; returns the exit code."""
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    try:
        if command == "notice":
            return run_notice(notice_parser().parse_args(rest))
        if command == "report":
            return run_report(report_parser().parse_args(rest))
        raise BadInput("expected 'notice' or 'report'")
    except (BadInput, NoticeRefused, TemplateError, ValueError) as exc:
        print(f"rra-desktop {command}: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a store error (locked, damaged, newer schema) a person can act on
        if type(exc).__module__.startswith("rra_desktop.store") or "Refused" in type(exc).__name__:
            print(f"rra-desktop {command}: error: {exc}", file=sys.stderr)
            return 2
        raise

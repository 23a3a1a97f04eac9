"""``done``: mark an obligation done from the command line, as the Timeline's "Mark done" does.

The date is required (no default: the day it was performed, not the day it is recorded). An
obligation a notice performs (7(p) Exhibit A, the 3(c)(C) notice) is logged as that notice sent,
so it needs ``--at`` (Eastern) and ``--method`` (7(g)); any other is recorded as a completion,
with ``--at`` where its clause turns on the time (the shelf's filing and EDGAR's cut-off).
"""

from __future__ import annotations

import argparse
import datetime as dt

from rra_desktop.cli import EXIT_OK, UserError, _add, iso_date, opened
from rra_desktop.domain.counting import fmt


def iso_datetime(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date and time; write YYYY-MM-DDTHH:MM (Eastern), "
                                         "e.g. 2003-06-23T16:30") from None


def add_parser(sub) -> None:
    p = _add(sub, "done", "mark an obligation done (a 7(p) or 3(c)(C) notice is logged as the notice sent)", done)
    p.add_argument("key", metavar="KEY", help="the deadline's key, as `deadlines --json` gives it "
                   "(e.g. notice_of_effectiveness:shelf)")
    p.add_argument("--on", type=iso_date, required=True, metavar="DATE", help="the day it was performed")
    p.add_argument("--at", type=iso_datetime, default=None, metavar="DATETIME",
                   help="the time it was performed or the notice sent, Eastern (needed for a notice)")
    p.add_argument("--method", default="", metavar="METHOD", help="a notice's 7(g) delivery method "
                   "(fax, courier, mail, personal, email)")
    p.add_argument("--document", default="", metavar="TEXT", help="the document that shows it done")


def done(args) -> int:
    from rra_desktop.domain.deadlines import compute_deadlines
    from rra_desktop.domain.letter_kinds import letter_completing
    from rra_desktop.domain.obligations.registry import kind_of_key
    from rra_desktop.services import timeline

    with opened(args.file, read_only=False) as store:
        keys = {d.key for d in compute_deadlines(store.deal(), args.on)}
        if args.key not in keys:
            raise UserError(f"{args.key!r} is not a deadline of this deal (see `rra-desktop deadlines "
                            f"{args.file} --json` for the keys)")
        timeline.mark_done(store, args.key, args.on, args.document, done_at=args.at, method=args.method)
        letter = letter_completing(kind_of_key(args.key))
        how = f"logged the {letter.clause} notice sent" if letter is not None else "marked done"
    print(f"{args.key}: {how} on {fmt(args.on)}")
    return EXIT_OK

"""``rra-desktop agenda PATH_OR_URL...``: every deal's overdue, due-soon and upcoming items, one list.

The logic is ``rra_desktop.practice.agenda``; this prints it. Exit status: 1 when anything is
overdue or a deal cannot be read (its overdue items cannot be known: a paralegal must not read
"all clear" into it), else 0; 2 for bad input (a path that does not exist, no deal at all among
the paths given, a bad option), with nothing written.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.cli import EXIT_FINDINGS, EXIT_OK, UserError, iso_date, write_output
from rra_desktop.cli_views import deadline_record, print_json, table
from rra_desktop.domain.counting import fmt
from rra_desktop.practice.agenda import GROUP_LABELS, Agenda, build_agenda
from rra_desktop.practice.export import agenda_ics


def non_negative(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of Business Days (0 or more)")
    return value


def add_parser(sub) -> None:
    text = ("every overdue, due-soon and upcoming deadline of every deal given (deal files, folders of them, "
            "server deal URLs), one list; exit 1 when anything is overdue or a deal cannot be read")
    p = sub.add_parser("agenda", help=text, description=text)
    p.add_argument("paths", metavar="PATH_OR_URL", nargs="+", help="a deal file, a folder of deal files, or a URL")
    p.add_argument("--days", type=non_negative, default=5, metavar="N",
                   help="'due soon' means within N Business Days of the date (default: 5)")
    p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE", help="as of this date (default: today)")
    p.add_argument("--party", action="append", choices=("Company", "Holders", "counsel"), default=None,
                   help="only this party's obligations (repeatable; default: every party)")
    p.add_argument("--no-cache", action="store_true", help="compute every deal again, without the cache")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON (ISO dates) instead of a table")
    out.add_argument("--ics", metavar="FILE", default=None, help="also write the items as an iCalendar file (.ics)")
    p.set_defaults(handler=agenda)


def agenda(args) -> int:
    from rra_desktop.practice.cache import DeadlineCache

    on = args.as_of or dt.date.today()
    found = build_agenda(args.paths, on, args.days, args.party, None if args.no_cache else DeadlineCache())
    if not found.entries:
        raise UserError(f"no deal files (.rradeal) in {', '.join(args.paths)}")
    if args.ics:
        target = write_output(args.ics, lambda p: p.write_bytes(agenda_ics(found)))
    if args.json:
        print_json(agenda_json(found))
    else:
        print_agenda(found)
        if args.ics:
            print(f"Wrote {target} ({len(found.items)} events)")
    return EXIT_FINDINGS if found.overdue or found.problems else EXIT_OK


def _deal_record(found: Agenda, e) -> dict:
    if e.summary is None:
        return {"location": e.location, "problem": e.problem}
    s = e.summary
    nxt = found.next_item(e)
    return {"location": e.location, "title": s.title, "company": s.company, "agreement_date": s.agreement_date,
            "closing_date": s.closing_date, "next_deadline": None if nxt is None else nxt.deadline.in_force,
            "next_deadline_title": None if nxt is None else nxt.deadline.title,
            "overdue": found.overdue_count(e), "last_change": {"at": s.last_change_at, "by": s.last_change_by,
                                                              "action": s.last_change_action},
            "horizon_end": found.horizon_ends.get(e.location), "problem": None}


def agenda_json(found: Agenda) -> dict:
    return {"as_of": found.today, "horizon_business_days": found.horizon,
            "deals": [_deal_record(found, e) for e in found.entries],
            "items": [{"group": i.group, "deal": i.deal.name, "location": i.deal.location,
                       **deadline_record(i.deadline)} for i in found.items],
            "unreadable": [{"location": e.location, "problem": e.problem} for e in found.problems]}


def print_agenda(found: Agenda) -> None:
    counts = {g: sum(1 for i in found.items if i.group == g) for g in GROUP_LABELS}
    readable = len(found.entries) - len(found.problems)
    print(f"Agenda as of {fmt(found.today)}: {_deals(readable)}; {counts['overdue']} overdue, "
          f"{counts['due_soon']} due within {found.horizon} Business Days, {counts['upcoming']} upcoming"
          + (f"; {_deals(len(found.problems))} cannot be read" if found.problems else ""))
    if found.items:
        rows = [(GROUP_LABELS[i.group], fmt(i.deadline.in_force) if i.deadline.in_force else "", i.deal.name,
                 i.deadline.clause, str(i.deadline.party), i.deadline.title) for i in found.items]
        print(table(("", "In force", "Deal", "Clause", "Party", "Deadline"), rows))
    if found.problems:
        print("Cannot be read (listed, not skipped):")
        for e in found.problems:
            print(f"  {e.problem}" if e.location in (e.problem or "") else f"  {e.location}: {e.problem}")


def _deals(n: int) -> str:
    return f"{n} deal" if n == 1 else f"{n} deals"

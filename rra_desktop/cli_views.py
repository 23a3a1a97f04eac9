"""Command-line views of a deal as of a date: ``holders``, ``deadlines`` and ``calendar``.

Tables are aligned for a terminal (numbers right-aligned with thousands separators), dates as
the screens and letters write them ("Mon Jun 16, 2003", ``domain.counting.fmt``); ``--json``
prints the same content for other programs, dates as ISO ``YYYY-MM-DD``, decimals as strings so
nothing is rounded on the way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal

from rra_desktop.cli import EXIT_OK, UserError, opened, write_output
from rra_desktop.domain.counting import clock, fmt
from rra_desktop.domain.entries import printable


def as_of(args) -> dt.date:
    return args.as_of or dt.date.today()


def fmt_at(at: dt.datetime) -> str:
    """A recorded time as the tables write it: "Mon Jun 16, 2003 4:30 p.m." (the wall time stored)."""
    return f"{fmt(at.date())} {clock(at)}"


def fmt_stamp(stamp: str) -> str:
    """A UTC stamp of the audit trail or a backup ("2026-12-02T04:15:23.514+00:00") for a person:
    "Wed Dec 2, 2026 4:15:23 a.m. UTC"; a stamp that does not parse is shown as it is."""
    try:
        at = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC)
    return f"{fmt(at.date())} {clock(at, seconds=True)} UTC"


def to_json(value: object) -> object:
    """``json.dumps`` default: ISO dates and datetimes, exact decimals, enums by value."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: object) -> None:
    print(json.dumps(data, indent=2, default=to_json, ensure_ascii=False))


def table(headings: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An aligned text table: ints right-aligned with separators, everything else left-aligned;
    a control character in a stored text is shown as text (``domain.entries.printable``), never
    sent to the terminal."""
    cells = [[f"{v:,}" if isinstance(v, int) else ("" if v is None else printable(str(v))) for v in row]
             for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headings)]
    numeric = [bool(rows) and all(isinstance(r[i], int | Decimal) for r in rows) for i in range(len(headings))]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True))

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headings).rstrip(), rule, *(line(r).rstrip() for r in cells)])


_PLACES = Decimal("0.0001")


def holders(args) -> int:
    """The register on a date, Schedule 1 whole (``register_export.register_table``): notice
    details, purchase price, each of the deal's classes of security (``--json``: ``securities``,
    keyed by the deal's codes), the totals by role (``preferred``, ``warrants``, ``common``),
    Registrable Securities as converted, percentages that add to 100."""
    from rra_desktop.domain.holdings import register_as_of
    from rra_desktop.exchange.register_export import register_table

    on = as_of(args)
    with opened(args.file) as store:
        deal = store.deal()
    register = register_as_of(deal, on)
    t = register_table(deal, on)
    rows = [dict(zip(t.headings, r, strict=True)) for r in t.rows]
    totals = dict(zip(t.headings, t.totals, strict=True))
    classes = t.class_columns
    if args.json:
        roles = {f: sum(getattr(p, f) for p in register) for f in _ROLE_FIELDS}
        print_json({"as_of": on, "holders": [{"holder_id": p.holder_id, **_holder_json(r, classes),
                                              **{f: getattr(p, f) for f in _ROLE_FIELDS}}
                                             for p, r in zip(register, rows, strict=True)],
                    "totals": {"purchase_price": totals["Purchase Price"],
                               "securities": {code: totals[h] for code, h in classes}, **roles,
                               **{f: totals[h] for f, h in _COMPUTED_FIELDS.items()},
                               "percent": _percent(totals["%"])}})
        return EXIT_OK
    headings = ("Holder", "Purchase Price", *(h for _, h in classes), "Conversion", "Registrable", "%")
    counts = (*(h for _, h in classes), *_COMPUTED_FIELDS.values())
    lines = [(r["Holder"], _dollars(r["Purchase Price"]), *(r[h] for h in counts), _percent(r["%"])) for r in rows]
    lines.append(("Total", _dollars(totals["Purchase Price"]), *(totals[h] for h in counts), _percent(totals["%"])))
    print(f"Register of Holders as of {fmt(on)} (Registrable Securities as converted)")
    print(table(headings, lines))
    return EXIT_OK


_ROLE_FIELDS = ("preferred", "warrants", "common")  # HolderPosition's totals by role
_COMPUTED_FIELDS = {"conversion_shares": "Conversion Shares", "registrable": "Registrable Securities (as converted)"}


def _percent(fraction: Decimal) -> Decimal:
    return (fraction * 100).quantize(_PLACES)


def _dollars(value: Decimal | None) -> str:
    return "" if value is None else f"${value:,.2f}".removesuffix(".00")


def _holder_json(row: dict, classes: tuple[tuple[str, str], ...]) -> dict[str, object]:
    return {"name": row["Holder"], "address_lines": [x for x in row["Address"].split("\n") if x],
            "attention": row["Attention"], "fax": row["Fax"], "qib": row["QIB"] == "yes",
            "affiliate": row["Affiliate"] == "yes", "purchase_price": row["Purchase Price"],
            "securities": {code: row[h] for code, h in classes},
            **{f: row[h] for f, h in _COMPUTED_FIELDS.items()}, "percent": _percent(row["%"])}


def deadline_record(d) -> dict[str, object]:
    """A deadline as plain JSON values (ISO dates), with the instrument that set its date."""
    i = d.instrument
    return {
        "key": d.key, "kind": d.kind, "clause": d.clause, "title": d.title, "party": str(d.party),
        "trigger": d.trigger, "trigger_date": d.trigger_date, "due": d.due, "act_by": d.act_by,
        "extended_to": d.extended_to, "in_force": d.in_force, "status": d.status.value, "done_on": d.done_on,
        "explanation": d.explanation, "calendar": d.calendar,
        "instrument": None if i is None else {"id": i.id, "kind": i.kind.value, "clause": i.clause, "on": i.on,
                                              "description": i.description, "new_date": i.new_date},
        "postponed_by": None if d.postponed_by is None else {
            "blackout_id": d.postponed_by.id, "start": d.postponed_by.start, "clause": "3(n)"},
        "late_by": d.late_by,
        "holder_id": d.holder_id, "registration_id": d.registration_id, "claim_id": d.claim_id,
        "clause_text": d.clause_text,
    }


def deadlines(args) -> int:
    """Every deadline (``deadlines.compute_deadlines``) with its three contractual dates."""
    from rra_desktop.domain.deadlines import compute_deadlines

    on = as_of(args)
    with opened(args.file) as store:
        found = compute_deadlines(store.deal(), on)
    if args.json:
        print_json({"as_of": on, "deadlines": [deadline_record(d) for d in found]})
        return EXIT_OK
    print(f"Deadlines as of {fmt(on)}")
    headings = ("In force", "Status", "Clause", "Party", "Due", "Act by", "Extended to", "Key / title")
    rows = []
    for d in found:
        days = [fmt(x) for x in (d.in_force, d.due, d.act_by, d.extended_to)]
        status = d.status.value.replace("_", " ")  # "not yet triggered"
        rows.append((days[0], status, d.clause, str(d.party), *days[1:], f"{d.key}: {d.title}"))
    lines = table(headings, rows).splitlines()
    print("\n".join(lines[:2]))
    for line, d in zip(lines[2:], found, strict=True):
        print(line)
        print(printable(f"    {d.explanation}"))
    return EXIT_OK


def calendar(args) -> int:
    """The .ics file, updating what the last export from this deal file wrote (same UIDs, SEQUENCE
    advanced on a change, removed deadlines cancelled); the export's state is kept in the file,
    unless another window holds it open (then it is read-only and the next export catches up)."""
    from rra_desktop.store import DealLocked

    if args.alarm < 0:
        raise UserError(f"--alarm {args.alarm}: give a number of Business Days, 0 for no reminder")
    on = as_of(args)
    try:
        with opened(args.file, read_only=False) as store:
            return _write_calendar(args, store, on)
    except DealLocked:
        pass  # open in a window: export from a read-only view, keeping no state
    with opened(args.file) as store:
        return _write_calendar(args, store, on)


def _write_calendar(args, store, on: dt.date) -> int:
    from rra_desktop.exchange.ics_export import export_store_calendar

    results = []
    target = write_output(args.output, lambda p: results.append(
        export_store_calendar(store, p, on, alarm_business_days=args.alarm or None)))
    kept = "" if not store.read_only else " (the file is open elsewhere: the export's state was not kept)"
    print(f"Wrote {target} (deadlines as of {fmt(on)}; {results[0].summary()}){kept}")
    return EXIT_OK

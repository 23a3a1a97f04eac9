"""Schedule 1 import (CSV or Excel): the Purchasers, their notice details and their securities.

``read_schedule_1(path, securities=deal.securities)`` reads and checks the whole file and returns
a ``Schedule1`` or raises ``Schedule1Invalid`` listing every problem by row and column (its share
columns are the deal's classes of security, matched by code, label or name:
``schedule_columns``); ``schedule_entries(deal, schedule)``
turns it into new ``Holder`` rows and issuance ``PositionEntry`` rows dated the Closing Date;
``import_schedule_1(store, schedule)`` writes them in one transaction. A file with any bad row
imports nothing.

Choices where the agreement is silent:
- A totals row ("Total", "Totals", "Grand Total", "Total (Excluding Placement Agent Warrants)",
  with no address or fax) is checked against the sum of every Holder row in the file, column by
  column; a blank total cell is not checked; the row itself is never imported.
- A name already a Holder of the deal is refused (the same name as a reader sees it, ignoring
  case, spacing, Unicode form, invisible characters and look-alike letters:
  ``domain.entries.name_key``): importing the same schedule twice would double every count, and
  "Xmark Fund\u200b Ltd." is Xmark Fund Ltd. A name that mixes Latin letters with Cyrillic or
  Greek look-alikes is refused outright; a cell holding a control character is refused.
- A Holder row with no securities and no price imports with a warning (a notice-only party).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rra_desktop.domain.entries import name_key
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.exchange import schedule_values as cell
from rra_desktop.exchange.schedule_rows import ImportProblem, Schedule1Row, find_columns, is_blank, read_row
from rra_desktop.exchange.schedule_sheets import SheetUnreadable, read_sheet

__all__ = ["ImportProblem", "Schedule1", "Schedule1Entries", "Schedule1Invalid", "Schedule1Row",
           "import_schedule_1", "read_schedule_1", "schedule_entries"]


Progress = Callable[[int, int, str], object]
MAX_ROWS = 250_000  # beyond this a file is refused: no placement has that many Purchasers
PROGRESS_EVERY = 5_000


class Schedule1Invalid(ValueError):
    """A Schedule 1 file that cannot be imported; ``problems`` lists every one, by row and column."""

    def __init__(self, source: str, problems: list[ImportProblem], warnings: tuple[ImportProblem, ...] = ()):
        self.source, self.problems, self.warnings = source, problems, warnings
        lines = "\n".join(f"  - {p}" for p in problems)
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        super().__init__(f"{source}: nothing imported; {count}:\n{lines}")


@dataclass(frozen=True)
class Schedule1:
    """A checked Schedule 1: its Holder rows, warnings (unknown columns, ...) and notes on how
    it was read (encoding, delimiter, totals checked)."""

    source: str
    rows: tuple[Schedule1Row, ...]
    warnings: tuple[ImportProblem, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schedule1Entries:
    """What an import adds to a deal."""

    holders: tuple[Holder, ...]
    positions: tuple[PositionEntry, ...]
    on: dt.date  # the issuance date used


def _norm_name(name: str) -> str:
    """Names compared as a reader sees them (``domain.entries.name_key``: case, spacing, Unicode
    form, invisible characters and look-alike letters ignored)."""
    return name_key(name)


_SHOWN = 5  # warnings of one kind shown one by one; the rest are counted in one line


def _summarised(warnings: list[ImportProblem], rest: str) -> list[ImportProblem]:
    """The first few warnings of a kind, then one line counting the rest ("99,998 more ...")."""
    if len(warnings) <= _SHOWN:
        return warnings
    return [*warnings[:_SHOWN], ImportProblem(None, "", f"{len(warnings) - _SHOWN:,} {rest}")]


def _check_totals(rows: list[Schedule1Row], totals: list, problems: list[ImportProblem], notes: list[str]) -> None:
    fields = totals[0].columns.share_fields if totals else []
    sums: dict[str, object] = {f: sum(r.held(code) for r in rows) for f, code in fields}
    sums["purchase_price"] = sum((r.purchase_price or Decimal(0) for r in rows), Decimal(0))
    for reader in totals:
        checked = []
        for fld, expected in sums.items():
            if fld not in reader.columns.index or cell.text(reader.raw(fld)) == "":
                continue
            printed = reader.read(fld, cell.money if fld == "purchase_price" else cell.count, None)
            if printed is None:
                continue
            if printed != expected:
                problems.append(ImportProblem(reader.number, reader.columns.heading[fld],
                                              f"the total {printed:,} does not match the sum of the rows {expected:,}"))
            checked.append(f"{reader.columns.heading[fld]} {printed:,}")
        if checked:
            notes.append(f"row {reader.number}: totals agree with the rows ({'; '.join(checked)})")


def read_schedule_1(path: Path, progress: Progress | None = None, securities=None) -> Schedule1:
    """Read and check a Schedule 1 file (.csv or .xlsx); raise ``Schedule1Invalid`` with every
    problem (row number as the spreadsheet shows it, and the column heading). Nothing is
    written: this is the "parse and validate" step an import preview shows before
    ``import_schedule_1`` writes. ``progress(done, total, text)`` is told every few thousand
    rows. A file of more than ``MAX_ROWS`` rows is refused. ``securities`` are the classes of the
    deal it is read for (the 2003 form's when not given)."""
    path = Path(path)
    try:
        sheet = read_sheet(path, securities)
    except SheetUnreadable as exc:
        raise Schedule1Invalid(path.name, [ImportProblem(None, "", str(exc))]) from None
    total = len(sheet.rows)
    if total > MAX_ROWS:
        raise Schedule1Invalid(path.name, [ImportProblem(None, "", f"{total:,} rows: more than the {MAX_ROWS:,} an "
                                                                    "import reads; split the file")])
    problems: list[ImportProblem] = []
    notes = list(sheet.notes)
    columns = find_columns(sheet.rows, problems, securities)
    if columns is None:
        raise Schedule1Invalid(path.name, problems)
    rows: list[Schedule1Row] = []
    totals: list = []
    seen: dict[str, int] = {}
    used: set[int] = set()
    for done, (number, values) in enumerate(sheet.rows):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total, "Checking the rows")
        if number <= columns.row or is_blank(values):
            continue  # titles above the headings, empty rows anywhere (Excel leaves trailing ones)
        used.update(i for i, v in enumerate(values) if cell.text(v))
        result = read_row(columns, number, values, problems)
        if isinstance(result, tuple):
            totals.append(result[1])
            continue
        key = _norm_name(result.name)
        if key and key in seen:
            problems.append(ImportProblem(number, columns.heading.get("name", "Name"),
                                          f"{result.name!r} is already on row {seen[key]}"))
        seen.setdefault(key, number)
        rows.append(result)
    if progress is not None:
        progress(total, total, "Checked the rows")
    _check_totals(rows, totals, problems, notes)
    named = [ImportProblem(None, heading, "not a Schedule 1 column; not imported")
             for _, heading in columns.unknown if heading]
    unnamed = [ImportProblem(None, f"column {i + 1}", "a column without a heading holds data; not imported")
               for i, heading in columns.unknown if not heading and i in used]
    empty = sum(1 for i, heading in columns.unknown if not heading and i not in used)
    bare = [ImportProblem(r.row, "", f"{r.name!r} has no securities and no purchase price") for r in rows
            if not any(n for _, n in r.shares) and r.purchase_price is None]
    warnings = (_summarised(named, "more columns that are not Schedule 1 columns; not imported")
                + _summarised(unnamed, "more columns without a heading hold data; not imported")
                + ([ImportProblem(None, "", f"{empty:,} empty columns ignored")] if empty > _SHOWN else [])
                + _summarised(bare, "more Holder rows have no securities and no purchase price"))
    if not rows and not problems:
        problems.append(ImportProblem(None, "", "no Holder rows below the headings"))
    if problems:
        raise Schedule1Invalid(path.name, problems, tuple(warnings))
    return Schedule1(path.name, tuple(rows), tuple(warnings), tuple(notes))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40].strip("-") or "holder"


def _unique(base: str, taken: set[str]) -> str:
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def schedule_entries(deal: Deal, schedule: Schedule1, on=None) -> Schedule1Entries:
    """New Holders (on Schedule 1, in file order after any already there) and one issuance row
    per security they hold, dated ``on`` or else the deal's Closing Date (Section 1)."""
    on = on or deal.terms.closing_date
    problems: list[ImportProblem] = []
    if on is None:
        problems.append(ImportProblem(None, "", "the deal has no Closing Date: give the issuance date"))
    existing = {_norm_name(h.name): h for h in deal.holders}
    codes = {s.code for s in deal.securities}
    for r in schedule.rows:
        same = existing.get(_norm_name(r.name))
        if same is not None:
            differs = "" if same.name == r.name else (f" as {same.name!r} (it differs only in case, spacing, Unicode "
                                                      "form or invisible characters)")
            problems.append(ImportProblem(r.row, "Name", f"{r.name!r} is already a Holder of this deal{differs}"))
        problems += [ImportProblem(r.row, code, f"the deal has no security class {code!r}")
                     for code, n in r.shares if n and code not in codes]
    if problems:
        raise Schedule1Invalid(schedule.source, problems, schedule.warnings)
    holder_ids, position_ids = {h.id for h in deal.holders}, {p.id for p in deal.positions}
    order = max((h.schedule_order for h in deal.holders), default=0)
    holders, positions = [], []
    for i, r in enumerate(schedule.rows, 1):
        hid = _unique(f"h-{_slug(r.name)}", holder_ids)
        holders.append(Holder(hid, r.name, r.address_lines, r.attention, r.fax, r.email, r.phone, r.qib, r.affiliate,
                              r.notes, on_schedule_1=True, schedule_order=order + i, purchase_price=r.purchase_price))
        positions += [
            PositionEntry(_unique(f"p-{hid[2:]}-{code.lower()}", position_ids), hid, code, PositionKind.ISSUANCE,
                          n, on, acquired_on=on, document=f"Schedule 1 ({schedule.source})")
            for code, n in r.shares if n
        ]
    return Schedule1Entries(tuple(holders), tuple(positions), on)


def import_schedule_1(store, schedule: Schedule1, on=None, progress: Progress | None = None,
                      entries: Schedule1Entries | None = None):
    """Write what ``schedule_entries`` makes of a checked schedule: its Holders and issuances
    added in one transaction (``tx.add_many``, with its audit entry; the services' value checks
    run on every record). Returns the ``Change`` for undo. ``progress(done, total, text)`` is
    told before and after the write. ``entries`` are ``schedule_entries``' result when the caller
    has it already (an import preview)."""
    from rra_desktop.services.base import write

    entries = entries or schedule_entries(store.deal(), schedule, on)
    records = (*entries.holders, *entries.positions)
    if progress is not None:
        progress(0, len(records), f"Writing {len(entries.holders):,} Holders to the deal")
    with write(store, f"Import Schedule 1 from {schedule.source} ({len(entries.holders)} Holders)") as tx:
        tx.add_many(records)
    if progress is not None:
        progress(len(records), len(records), "Written")
    return tx.change

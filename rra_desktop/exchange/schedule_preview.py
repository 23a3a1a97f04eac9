"""What a Schedule 1 import will do, said before anything is written, and what it did after.

``default_issuance_date(deal)`` is the date the import's positions are offered, with the reason
the preview shows beside it: for a first import, the deal's Closing Date (Section 1: the
Purchasers' securities are issued at the Closing); where the deal already holds Schedule 1
positions (a second tranche, a corrected schedule), the latest date those positions were given,
the last date used. Choice: never today, and never a date without saying where it came from; a
deal without a Closing Date and without earlier Schedule 1 positions offers no date at all and
the user types one. ``preview(deal, schedule, on)`` counts the new Holders and the ledger rows
per security class; an import never changes a Holder already in the deal (a name already there
is refused by ``schedule_entries``), so "changed" is always none and the preview says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import Deal, PositionKind
from rra_desktop.exchange.schedule_import import Schedule1, Schedule1Entries, schedule_entries

SCHEDULE_DOCUMENT = "Schedule 1"  # how an issuance row from Schedule 1 names its document ("Schedule 1 (file)")


@dataclass(frozen=True)
class ClassCount:
    """The ledger rows an import adds for one security class."""

    code: str
    name: str
    rows: int
    shares: int


@dataclass(frozen=True)
class ImportPreview:
    source: str
    on: dt.date
    entries: Schedule1Entries
    classes: tuple[ClassCount, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def holders_added(self) -> int:
        return len(self.entries.holders)

    @property
    def rows_added(self) -> int:
        return len(self.entries.positions)

    def summary(self) -> str:
        """"2 Holders added; 6 ledger rows dated Wed May 7, 2003: 51 Series D Preferred (2 rows), ..."."""
        def n(count: int, word: str) -> str:
            return f"{count:,} {word}{'' if count == 1 else 's'}"

        text = f"{n(self.holders_added, 'Holder')} added; {n(self.rows_added, 'ledger row')} dated {fmt(self.on)}"
        if self.classes:
            text += ": " + ", ".join(f"{c.shares:,} {c.name} ({n(c.rows, 'row')})" for c in self.classes)
        text += ". No Holder already in the deal was changed"
        if self.warnings:
            text += f"; {n(len(self.warnings), 'warning')} (see the preview)"
        return text + "."


def is_schedule_row(position) -> bool:
    return position.kind == PositionKind.ISSUANCE and (position.document or "").startswith(SCHEDULE_DOCUMENT)


def default_issuance_date(deal: Deal) -> tuple[dt.date | None, str]:
    """The date offered for the import's positions and why (see the module's docstring)."""
    used = [p.on for p in deal.positions if is_schedule_row(p)]
    if used:
        return max(used), f"the date of the Schedule 1 positions already in this deal ({fmt(max(used))})"
    closing = deal.terms.closing_date
    if closing is not None:
        return closing, f"the Closing Date ({fmt(closing)}), as this is the deal's first Schedule 1"
    return None, "the deal records no Closing Date: type the date the securities were issued"


def preview(deal: Deal, schedule: Schedule1, on: dt.date) -> ImportPreview:
    """What importing ``schedule`` with positions dated ``on`` adds (``Schedule1Invalid`` when it
    cannot be imported: a name already in the deal, a class the deal does not have)."""
    entries = schedule_entries(deal, schedule, on)
    names = {s.code: s.name for s in deal.securities}
    order = [s.code for s in deal.securities]
    counts: dict[str, list[int]] = {}
    for p in entries.positions:
        tally = counts.setdefault(p.security, [0, 0])
        tally[0] += 1
        tally[1] += p.quantity
    classes = tuple(ClassCount(code, names.get(code, code), *counts[code])
                    for code in sorted(counts, key=lambda c: order.index(c) if c in order else len(order)))
    return ImportPreview(schedule.source, on, entries, classes, tuple(str(w) for w in schedule.warnings),
                         tuple(schedule.notes))

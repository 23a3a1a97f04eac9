"""The register of consents, waivers and agreed extensions (7(f), 3(a), 3(e), 7(b))."""

from __future__ import annotations

from dataclasses import dataclass

from rra_desktop.services.consents import ConsentEntry
from ui.formatting import fmt_date, fmt_percent, fmt_shares
from ui.widgets.record_table import WARNING_COLOR, Column, RecordTableModel


@dataclass(frozen=True)
class ConsentRow:
    entry: ConsentEntry
    covers: str  # what it covers: its description, and the deadline it moves or waives

    @property
    def id(self) -> str:
        return self.entry.instrument.id


def share_text(entry: ConsentEntry) -> str:
    return fmt_percent(entry.consenting / entry.total) if entry.total else "—"


(COL_DATE, COL_KIND, COL_CLAUSE, COL_COVERS, COL_SIGNED, COL_CONSENTING, COL_TOTAL, COL_SHARE, COL_NEEDED,
 COL_BASIS, COL_DOCUMENT) = range(11)


class ConsentsModel(RecordTableModel):
    columns = (
        Column("Dated", lambda r: r.entry.instrument.on),
        Column("Instrument", lambda r: r.entry.instrument.kind.value.capitalize()),
        Column("Clause", lambda r: r.entry.instrument.clause),
        Column("Covers", lambda r: r.covers, tooltip=lambda r: r.covers),
        Column("Given by", lambda r: "; ".join(r.entry.signatories),
               tooltip=lambda r: "\n".join(r.entry.signatories)),
        Column("Consenting", lambda r: r.entry.consenting),
        Column("Of", lambda r: r.entry.total),
        Column("Share", lambda r: r.entry.consenting / r.entry.total if r.entry.total else 0,
               text=lambda r: share_text(r.entry)),
        Column("Majority needs", lambda r: r.entry.needed, text=lambda r: f"more than {fmt_shares(r.entry.total // 2)}"
               if r.entry.total else "—"),
        Column("7(f)", lambda r: r.entry.basis),
        Column("Document", lambda r: r.entry.instrument.document, tooltip=lambda r: r.entry.instrument.document),
    )

    def highlight(self, row: ConsentRow):
        entry = row.entry
        return WARNING_COLOR if (entry.basis in ("override", "not a majority") or entry.recount_differs) else None


def covers_text(entry: ConsentEntry, titles: dict[str, str]) -> str:
    """"Waiver of the 3(a) review period — moves Filing deadline to Mon Sep 15, 2003"."""
    i = entry.instrument
    text = i.description
    if i.deadline_key:
        title = titles.get(i.deadline_key, "a deadline no longer in the deal")
        text += f" — {'sets' if i.new_date else 'waives'} {title}" + (f" to {fmt_date(i.new_date)}"
                                                                      if i.new_date else "")
    return text

"""The Timeline's recorded facts as a table: when, what, whose, on what document.

One row a fact of ``registration_facts.timeline`` (the registration statements' dates and the
facts recorded on their own), oldest first, so the row menu, Enter, Copy rows and the Excel export
work as on every other table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rra_desktop.domain.model import TimelineFact
from ui.formatting import fmt_date, fmt_datetime
from ui.widgets.record_table import Column, RecordTableModel


@dataclass(frozen=True)
class FactRow:
    fact: TimelineFact
    what: str  # "Declared effective", as the Record fact dialog lists the kind
    whose: str  # the Holder or the registration statement it concerns ("" for neither)

    @property
    def id(self) -> str:
        return self.fact.id

    @property
    def when(self) -> dt.datetime:
        """The moment, for sorting: a fact with a date only sorts at the start of its day."""
        return self.fact.at or dt.datetime.combine(self.fact.on, dt.time.min)

    @property
    def when_text(self) -> str:
        return fmt_datetime(self.fact.at) if self.fact.at else fmt_date(self.fact.on)


def fact_rows(deal) -> list[FactRow]:
    from rra_desktop.domain.registration_facts import timeline
    from ui.dialogs.fact_dialog import kind_text

    names = {h.id: h.name for h in deal.holders}
    names |= {r.id: f"{r.form} {r.file_no}".strip() for r in deal.registrations}
    rows = []
    for fact in sorted(timeline(deal), key=lambda f: (f.on, f.at or dt.datetime.min, f.id)):
        what = kind_text(fact.kind).removesuffix(" (date and time)")  # the time is in its own column
        rows.append(FactRow(fact, what, names.get(fact.holder_id or fact.registration_id or "", "")))
    return rows


def _tooltip(row: FactRow) -> str:
    return "\n".join(filter(None, (f"{row.when_text} — {row.what}", row.whose, row.fact.document, row.fact.note)))


class FactsModel(RecordTableModel):
    COL_WHEN, COL_FACT, COL_WHOSE, COL_DOCUMENT = range(4)
    columns = (
        Column("When", lambda r: r.when, text=lambda r: r.when_text, tooltip=_tooltip),
        Column("Fact", lambda r: r.what, tooltip=_tooltip),
        Column("Holder or statement", lambda r: r.whose, tooltip=_tooltip),
        Column("Document", lambda r: r.fact.document, tooltip=_tooltip),
    )

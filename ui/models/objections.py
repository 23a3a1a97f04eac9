"""3(a) written objections as a table: who objected to what, when, and whether it binds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rra_desktop.domain.model import Objection
from rra_desktop.domain.objections import SPECIAL_COUNSEL, ObjectionStatus
from ui.widgets.record_table import DONE_COLOR, VIOLATION_COLOR, WARNING_COLOR, Column, RecordTableModel


@dataclass(frozen=True)
class ObjectionRow:
    objection: Objection
    objectors: str  # names, "Special Counsel" for counsel
    status: ObjectionStatus
    stands: bool  # on the tab's day
    filed_over: bool = False  # a finding: the document was filed while it stood

    @property
    def id(self) -> str:
        return self.objection.id


def objector_names(deal, objectors) -> str:
    names = {h.id: h.name for h in deal.holders}
    return "; ".join("Special Counsel" if i == SPECIAL_COUNSEL else names.get(i, i) for i in objectors)


def objection_rows(deal, day: dt.date) -> list[ObjectionRow]:
    from rra_desktop.domain.objections import objection_findings, objection_status

    over = {f.subject for f in objection_findings(deal, day) if f.rule == "filed_over_objection"}
    rows = []
    for o in deal.objections:
        s = objection_status(deal, o)
        rows.append(ObjectionRow(o, objector_names(deal, o.objectors), s, s.stands_on(day), o.id in over))
    return rows


COL_DOCUMENT, COL_OBJECTORS, COL_RECEIVED, COL_WINDOW, COL_BINDS, COL_WITHDRAWN, COL_STANDS = range(7)


class ObjectionsModel(RecordTableModel):
    columns = (
        Column("Document", lambda r: r.objection.document),
        Column("Objecting", lambda r: r.objectors),
        Column("Received", lambda r: r.objection.received_on),
        Column("Window ends (3 BD)", lambda r: r.status.window_end,
               tooltip=lambda r: r.status.explanation),
        Column("Binds", lambda r: r.status.binding, tooltip=lambda r: r.status.explanation),
        Column("Withdrawn", lambda r: r.objection.withdrawn_on),
        Column("Stands", lambda r: r.stands),
    )

    def highlight(self, row: ObjectionRow):
        if row.filed_over:
            return VIOLATION_COLOR
        if not row.status.binding:
            return WARNING_COLOR
        return DONE_COLOR if row.objection.withdrawn_on else None

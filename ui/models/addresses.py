"""The 7(g) notice addresses as tables: who is addressed where on a day, and the register of
recorded changes with the day each takes effect."""

from __future__ import annotations

from rra_desktop.domain.addresses import ChangeEntry
from ui.formatting import fmt_date, fmt_datetime
from ui.widgets.record_table import DONE_COLOR, WARNING_COLOR, Column, RecordTableModel


def _designated_by(entry) -> str:
    change = entry.address.change
    return f"change sent {fmt_datetime(change.sent_at)}" if change else "first designation"


COL_WHOSE, COL_ADDRESS, COL_ATTENTION, COL_FAX, COL_DESIGNATED = range(5)


class InForceModel(RecordTableModel):
    """``domain.addresses.InForce`` rows."""

    columns = (
        Column("Whose", lambda e: e.whose),
        Column("Address", lambda e: ", ".join(e.address.lines), tooltip=lambda e: "\n".join(e.address.lines)),
        Column("Attention", lambda e: e.address.attention),
        Column("Fax", lambda e: e.address.fax),
        Column("Designated by", _designated_by),
    )


COL_C_WHOSE, COL_C_ADDRESS, COL_C_SENT, COL_C_GIVEN, COL_C_FROM, COL_C_WITHDRAWN, COL_C_STATE = range(7)


class ChangesModel(RecordTableModel):
    """``domain.addresses.ChangeEntry`` rows: the register of changes."""

    columns = (
        Column("Whose", lambda e: e.whose),
        Column("New address", lambda e: "; ".join(x for x in (", ".join(e.change.address_lines),
                                                              e.change.attention, e.change.fax) if x)),
        Column("Notice sent", lambda e: e.change.sent_at, lambda e: f"{fmt_datetime(e.change.sent_at)} "
               f"({e.change.method})"),
        Column("Deemed given", lambda e: e.effect.given_on),
        Column("In force from", lambda e: e.effect.date,
               lambda e: fmt_date(e.effect.date) if e.effect.date else "awaiting receipt",
               tooltip=lambda e: e.effect.explanation),
        Column("Withdrawn", lambda e: e.change.withdrawn_on),
        Column("State", lambda e: e.state, tooltip=lambda e: e.effect.explanation),
    )

    def highlight(self, entry: ChangeEntry):
        if entry.state == "awaiting receipt":
            return WARNING_COLOR
        return DONE_COLOR if entry.state in ("withdrawn", "replaced") else None

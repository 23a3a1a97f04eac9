"""The agenda: every deadline with its date in force, sorted on dates, coloured by status."""

from __future__ import annotations

from ui.formatting import fmt_date
from ui.qt import QColor, QFont, Qt
from ui.widgets.record_table import Column, RecordTableModel

# Status colours shared by the agenda and the month calendar.
OVERDUE = QColor("#d93025")
DUE_SOON = QColor("#f29900")
OPEN = QColor("#1a73e8")
DONE = QColor("#188038")
_ROW_TINT = {"late": QColor("#fbe3e1"), "overdue": QColor("#fbe3e1"), "due_soon": QColor("#fef1d6"),
             "done": QColor("#e3f1e7")}


def status_of(deadline, today, calendar, soon_days: int = 5) -> str:
    """overdue / due_soon (within ``soon_days`` Business Days) / open / done / waived /
    not_yet_triggered — the marker the timeline paints."""
    status = str(deadline.status)
    if getattr(deadline, "late_by", None) is not None:
        return "late"
    if status == "open" and deadline.in_force is not None:
        limit = calendar.add_business_days(today, soon_days)
        if deadline.in_force <= limit:
            return "due_soon"
    return status


STATUS_TEXT = {
    "overdue": "Overdue",
    "late": "Done late",
    "due_soon": "Due soon",
    "open": "Open",
    "done": "Done",
    "waived": "Waived",
    "not_yet_triggered": "Not yet triggered",
    "not_applicable": "Does not apply",
}


def date_text(deadline) -> str:
    """The "In force" cell: the date, or why there is none yet ("no date: Warrants unexercised
    → "no date: warrants unexercised"), so that an undated row never reads as a blank the eye skips."""
    if deadline.in_force is not None:
        return fmt_date(deadline.in_force)
    if str(deadline.status) == "waived":
        return "waived"
    prefix = "Not yet triggered: "
    if deadline.explanation.startswith(prefix):
        why = deadline.explanation.removeprefix(prefix).split(":", 1)[0].split(" (", 1)[0].strip()
        if why and len(why) <= 32:
            return f"no date: {why[0].lower()}{why[1:]}"
    return "not yet triggered"


def party_text(row) -> str:
    """The party without the Holder's name when the deadline's title already carries it."""
    party = str(row[0].party)
    if row[2] and party.endswith(f" — {row[2]}"):
        return party.removesuffix(f" — {row[2]}")
    return party


class DeadlinesModel(RecordTableModel):
    """Rows are ``(deadline, marker, holder name)``; ``marker`` from :func:`status_of`."""

    COL_IN_FORCE, COL_TITLE, COL_PARTY, COL_CLAUSE, COL_STATUS = range(5)
    columns = (
        Column("In force", lambda r: r[0].in_force, text=lambda r: date_text(r[0]),
               tooltip=lambda r: f"Set by {r[0].set_by}; contractual {fmt_date(r[0].act_by)}"
               if getattr(r[0], "set_by", "") else ""),
        Column("Deadline", lambda r: f"{r[0].title} — {r[2]}" if r[2] else r[0].title,
               tooltip=lambda r: r[0].explanation),
        Column("Party", lambda r: str(r[0].party), text=party_text, tooltip=lambda r: str(r[0].party)),
        Column("Clause", lambda r: r[0].clause),
        Column("Status", lambda r: r[1], text=lambda r: STATUS_TEXT.get(r[1], r[1].replace("_", " "))),
    )

    def highlight(self, row) -> QColor | None:
        return _ROW_TINT.get(row[1])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # An undated deadline's reason reads in grey italics: a note, not a date.
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid() \
                and index.column() == self.COL_IN_FORCE and self.row_at(index.row())[0].in_force is None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#666666")
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)

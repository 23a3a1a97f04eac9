"""Before a trigger fact changes, show which deadlines move: before and after, and
those protected by a consent, waiver or extension, which keep their date. Nothing is applied
unless the user confirms."""

from __future__ import annotations

from ui.formatting import fmt_date, plural
from ui.qt import (
    QAbstractItemView,
    QColor,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

PROTECTED_TINT = QColor("#e8f0fe")
COLUMNS = ("Deadline", "Due as written", "In force before", "In force after", "Protected by an instrument")


def move_cells(move) -> tuple[str, str, str, str, str]:
    """The row a ``DeadlineMove`` shows: title, contractual due before -> after, date in force
    before -> after, and the instrument that protects it."""
    due = f"{fmt_date(move.old_due) or 'none'} → {fmt_date(move.new_due) or 'none'}"
    before = fmt_date(move.old_in_force) or "not set"
    after = fmt_date(move.new_in_force) or ("no longer arises" if move.new_status is None else "not set")
    note = ""
    if move.protected_by is not None:
        note = f"Yes — stays {fmt_date(move.new_in_force)}: {move.protected_by.description}"
    return (move.title, due, before, after, note)


def moves_existing_dates(moves) -> bool:
    """True when a change moves a date already in force, or the contractual date under a
    protected one. A deadline that merely appears, or changes status, needs no preview."""

    def moved(m) -> bool:
        if m.old_in_force is None:
            return False
        return m.new_in_force != m.old_in_force or (m.protected_by is not None and m.new_due != m.old_due)

    return any(moved(m) for m in moves)


class RecalcPreviewDialog(QDialog):
    def __init__(self, moves, change_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Deadlines that will move")
        self.setAccessibleName("Deadlines that will move")
        self.rows = [move_cells(m) for m in moves]
        affected = plural(len(self.rows), "deadline is", "deadlines are")
        intro = QLabel(f"{change_text}\n\n{affected} affected. Dates set by a consent, "
                       "waiver or extension are protected and stay as they are.")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Deadline moves")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, cells in enumerate(self.rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if cells[4]:
                    item.setBackground(PROTECTED_TINT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton("&Apply the change", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 360)

    def protected_titles(self) -> list[str]:
        return [cells[0] for cells in self.rows if cells[4]]

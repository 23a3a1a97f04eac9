"""Before a trigger fact changes, show which deadlines move (issue 6): before and after, and
those protected by a consent, waiver or extension, which keep their date. Nothing is applied
unless the user confirms."""

from __future__ import annotations

from ui.formatting import fmt_date
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
COLUMNS = ("Deadline", "Clause", "Before", "After", "Protected by an instrument")


def _field(move, *names):
    for name in names:
        if hasattr(move, name):
            return getattr(move, name)
    return None


def move_cells(move) -> tuple[str, str, str, str, str]:
    """The row a ``DeadlineMove`` shows (title, clause, before, after, protection)."""
    deadline = _field(move, "deadline", "before_deadline", "after_deadline")
    title = _field(move, "title") or (deadline.title if deadline else _field(move, "key"))
    clause = _field(move, "clause") or (deadline.clause if deadline else "")
    before = _field(move, "before", "old_date", "before_date")
    after = _field(move, "after", "new_date", "after_date")
    before = getattr(before, "in_force", before)
    after = getattr(after, "in_force", after)
    instrument = _field(move, "instrument")
    protected = bool(_field(move, "protected")) or instrument is not None
    note = ""
    if protected:
        note = f"Yes — keeps {fmt_date(before)}"
        if instrument is not None:
            note += f" ({instrument.description})"
    return (str(title), str(clause), fmt_date(before) or "not set", fmt_date(after) or "not set", note)


class RecalcPreviewDialog(QDialog):
    def __init__(self, moves, change_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Deadlines that will move")
        self.setAccessibleName("Deadlines that will move")
        self.rows = [move_cells(m) for m in moves]
        intro = QLabel(f"{change_text}\n\n{len(self.rows)} deadline(s) are affected. Dates set by a consent, "
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

"""View ▸ Check deal: every finding the rules make about the deal as of a date — the list
``rra-desktop check`` prints (``rra_desktop.domain.findings.findings``), errors first in red,
warnings in amber, information in grey. It follows the deal: any change re-checks it."""

from __future__ import annotations

from ui.formatting import plural
from ui.qt import (
    QAbstractItemView,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from ui.widgets.date_field import DateField

COLUMNS = ("Level", "Area", "Clause", "Finding")
_COLOUR = {"error": QColor("#b00020"), "warning": QColor("#8a5a00"), "info": QColor("#666666")}


class FindingsDialog(QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Check deal")
        self.resize(900, 420)
        self.as_of = DateField(context.today(), "Findings as of")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Findings summary")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Findings")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        form.addRow("&As of:", self.as_of)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.found: list = []
        self.as_of.valueChanged.connect(lambda _value: self.refresh())
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from rra_desktop.domain.findings import findings

        on = self.as_of.value() or self.context.today()
        self.found = findings(self.context.deal(), on)
        counted = sum(1 for f in self.found if f.counts)
        info = len(self.found) - counted
        also = f"; {info} for information only" if info else ""
        self.summary.setText(f"{plural(counted, 'finding')} as of {on:%B} {on.day}, {on.year}{also}." if self.found
                             else f"No findings as of {on:%B} {on.day}, {on.year}.")
        self.table.setRowCount(len(self.found))
        for row, f in enumerate(self.found):
            for col, text in enumerate((f.level.value, f.area.replace("_", " "), f.clause, f.message)):
                item = QTableWidgetItem(text)
                item.setForeground(_COLOUR[f.level.value])
                item.setToolTip(f.message)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

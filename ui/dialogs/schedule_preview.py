"""Import Schedule 1: what will be added, before anything is written, and the date it takes.

The file has been read and checked (``exchange.schedule_import.read_schedule_1``); this dialog
shows the new Holders with their securities (each class headed by the deal's label, as on the
Holders tab), the ledger rows per security class, what changes
for Holders already in the deal (nothing: a name already there is refused), the warnings and
how the file was read. "Positions dated" offers the date ``exchange.schedule_preview``
chooses and says why (the Closing Date for a first import, else the date the deal's Schedule 1
positions already have); a deal with neither offers none and Import waits for a date. Import
writes everything as one undoable action and a box says what was added ("2 Holders added; ...").
"""

from __future__ import annotations

from ui.formatting import fmt_money, fmt_shares, plural
from ui.models.holders import two_lines
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from ui.widgets.date_field import DateField

SHOWN_HOLDERS = 1_000  # a preview lists this many new Holders; the rest are counted
ERROR_STYLE = "color: #b00020;"


def _item(value, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(value)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headings: list[str], name: str, parent) -> QTableWidget:
    table = QTableWidget(0, len(headings), parent)
    table.setHorizontalHeaderLabels(headings)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _stretch_first(table: QTableWidget) -> None:
    """Fit the figures to their contents and give the spare width to the name on the left, so
    that a right-aligned figure stays beside it rather than at the far edge."""
    from ui.qt import QHeaderView

    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class SchedulePreviewDialog(QDialog):
    """``imported`` holds the ``ImportPreview`` once Import has written it (None until then)."""

    def __init__(self, context, schedule, parent=None) -> None:
        from rra_desktop.exchange.schedule_preview import default_issuance_date

        super().__init__(parent)
        self.context = context
        self.schedule = schedule
        self.current = None  # the ImportPreview for the date in the field
        self.imported = None
        self.setWindowTitle(f"Import Schedule 1 from {schedule.source}")
        self.setAccessibleName("Import Schedule 1 preview")
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("What the import adds")
        day, why = default_issuance_date(context.deal())
        self.on = DateField(day, "Positions dated", self, empty=day is None)
        self.why = QLabel(f"Offered: {why}.", self)
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #555;")
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(False)
        self.classes = _table(["Security class", "Ledger rows", "Shares"], "Ledger rows per class", self)
        codes = {code for r in schedule.rows for code, n in r.shares if n}
        shown = [s for s in context.deal().securities if s.code in codes]
        self.codes = [s.code for s in shown]
        # headed as the Holders tab heads its class columns: the deal's label, the full name on hover
        self.holders = _table(["Name", *(two_lines(s.heading) for s in shown), "Purchase price"], "New Holders", self)
        for c, s in enumerate(shown, 1):
            self.holders.horizontalHeaderItem(c).setToolTip(f"{s.name} ({s.code})")
        self.changed = QLabel("Holders already in the deal: none changed (a name already in the deal is refused, "
                              "never merged).", self)
        self.changed.setWordWrap(True)
        self.warnings = QListWidget(self)
        self.warnings.setAccessibleName("Warnings")
        self.warnings.setMaximumHeight(84)
        self.warnings.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._fill_holders()
        self._fill_warnings()
        self.on.valueChanged.connect(lambda _d: self.update_preview())
        self.resize(860, 680)
        self.update_preview()

    def _layout(self) -> None:
        form = QFormLayout()
        label = QLabel("Positions &dated:", self)
        label.setBuddy(self.on)
        form.addRow(label, self.on)
        form.addRow("", self.why)
        body = QVBoxLayout(self)
        body.addWidget(self.headline)
        body.addLayout(form)
        body.addWidget(self.problem)
        body.addWidget(QLabel("<b>Ledger rows to be added</b>", self))
        body.addWidget(self.classes)
        body.addWidget(QLabel("<b>New Holders</b>", self))
        body.addWidget(self.holders, 1)
        body.addWidget(self.changed)
        body.addWidget(QLabel("<b>Warnings and how the file was read</b>", self))
        body.addWidget(self.warnings)
        body.addWidget(self.buttons)

    def _fill_holders(self) -> None:
        rows = self.schedule.rows[:SHOWN_HOLDERS]
        self.holders.setRowCount(len(rows) + (len(self.schedule.rows) > SHOWN_HOLDERS))
        for i, r in enumerate(rows):
            self.holders.setItem(i, 0, _item(r.name))
            for c, code in enumerate(self.codes, 1):
                self.holders.setItem(i, c, _item(fmt_shares(r.held(code)), number=True))
            self.holders.setItem(i, len(self.codes) + 1, _item(fmt_money(r.purchase_price), number=True))
        if len(self.schedule.rows) > SHOWN_HOLDERS:
            self.holders.setItem(len(rows), 0, _item(f"… and {len(self.schedule.rows) - SHOWN_HOLDERS:,} more"))
        _stretch_first(self.holders)

    def _fill_warnings(self) -> None:
        for w in self.schedule.warnings:
            self.warnings.addItem(f"warning — {w}")
        for note in self.schedule.notes:
            self.warnings.addItem(note)
        if not self.warnings.count():
            self.warnings.addItem("No warnings.")

    def update_preview(self) -> None:
        """Count again for the date in the field; Import is offered only for a preview that stands."""
        from rra_desktop.exchange.schedule_import import Schedule1Invalid
        from rra_desktop.exchange.schedule_preview import preview

        self.current = None
        self.classes.setRowCount(0)
        day = self.on.value()
        problem = ""  # a date that cannot be read is said under the field itself
        if not self.on.problem() and day is not None:
            try:
                self.current = preview(self.context.deal(), self.schedule, day)
            except Schedule1Invalid as exc:
                problem = "\n".join(str(p) for p in exc.problems)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.import_button.setEnabled(self.current is not None and not self.context.read_only)
        n = len(self.schedule.rows)
        if self.current is None:
            self.headline.setText(f"<b>{self.schedule.source}</b>: {plural(n, 'Holder')} read. Nothing has been "
                                  "written yet.")
            return
        p = self.current
        warned = plural(len(p.warnings), "warning") if p.warnings else "no warnings"
        self.headline.setText(f"<b>{p.source}</b>: {plural(p.holders_added, 'new Holder')}, "
                              f"{plural(p.rows_added, 'ledger row')}, {warned}. "
                              "Nothing has been written yet; Import adds it all as one action (Edit ▸ Undo "
                              "takes it all back).")
        self.classes.setRowCount(len(p.classes))
        for i, c in enumerate(p.classes):
            self.classes.setItem(i, 0, _item(c.name))
            self.classes.setItem(i, 1, _item(fmt_shares(c.rows), number=True))
            self.classes.setItem(i, 2, _item(fmt_shares(c.shares), number=True))
        _stretch_first(self.classes)
        self.classes.setFixedHeight(self.classes.horizontalHeader().height() + 4
                                    + sum(self.classes.rowHeight(i) for i in range(len(p.classes))))

    def accept(self) -> None:
        from rra_desktop.exchange.schedule_import import import_schedule_1
        from rra_desktop.services import Refused

        self.update_preview()
        if self.current is None:
            return
        try:
            self.context.perform(import_schedule_1, self.schedule, self.current.on, entries=self.current.entries)
        except Refused as exc:
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        self.imported = self.current
        super().accept()

"""The blackout ledger (3(n)): the periods, the 40-day meter, the violations, the locks.

The confidential reason is shown only here, in the detail pane beside the CONFIDENTIAL marker;
it is not a table column, not a tooltip and never goes to the status bar.
"""

from __future__ import annotations

from rra_desktop.domain import blackouts as rules
from ui.dialogs.blackout_dialog import BlackoutDialog, describe, period_label, status_of
from ui.errors import show_error
from ui.formatting import fmt_date, plural
from ui.models.blackouts import COL_FACTS, COL_VIOLATIONS, BlackoutRow, BlackoutsModel
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.clause_browser import clause_label, clause_link
from ui.widgets.confidential import ConfidentialMarker
from ui.widgets.record_dialog import confirm_and_perform
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


class BlackoutsTab(QWidget):
    title = "Blackout ledger"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meter = QProgressBar(self)
        self.meter.setRange(0, rules.MAX_DAYS_IN_12_MONTHS)  # 3(n): the domain's limit, not a copy
        self.meter.setAccessibleName("Blackout days used in the worst 12-month window")
        self.meter.setMinimumWidth(280)
        self.remaining = QLabel(self)
        self.remaining.setAccessibleName("Blackout days remaining")
        self.remaining.setWordWrap(True)  # else its sentence sets the window's minimum width
        self.add_button = QPushButton("&Add blackout…", self)
        self.edit_button = QPushButton("Ed&it…", self)
        self.remove_button = QPushButton("&Remove", self)
        self.model = BlackoutsModel(self)
        self.table = RecordTable(self.model, "Blackout periods", self, stretch=COL_FACTS)
        self.table.column_caps = {COL_FACTS: 220, COL_VIOLATIONS: 260}
        self.table.set_empty_text("No Blackout Periods recorded. Add blackout… records one; the meter above "
                                  "shows what 3(n) still allows.")
        self.violations = QListWidget(self)
        self.violations.setAccessibleName("3(n) violations")
        self.violations.setWordWrap(True)
        self.violations.setMaximumHeight(120)
        self.marker = ConfidentialMarker(parent=self)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName("Confidential reason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setStyleSheet("border: 1px solid #b00020; padding: 4px; background: #fff5f5;")
        self.lock_note = QLabel(self)
        self.lock_note.setWordWrap(True)
        self._layout()
        self.add_button.clicked.connect(self.add_period)
        self.edit_button.clicked.connect(lambda: self.edit_period(self.table.current()))
        self.remove_button.clicked.connect(lambda: self.remove_period(self.table.current()))
        self.table.openRequested.connect(self.edit_period)
        self.table.deleteRequested.connect(self.remove_period)
        self.table.currentRecordChanged.connect(self._show_detail)
        self.table.row_actions.set_actions([
            RowAction("Ed&it…", self.edit_period, enter=True),
            RowAction("&Remove…", self.remove_period, lambda row: row is not None and row.status == "upcoming"),
        ])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def _layout(self) -> None:
        top = QHBoxLayout()
        used = QLabel("3(n) days used in the worst 12-month window:", self)
        used.setWordWrap(True)
        top.addWidget(used)
        top.addWidget(self.meter)
        top.addWidget(self.remaining, 1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            top.addWidget(button)
        detail = QWidget(self)
        side = QVBoxLayout(detail)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(clause_label(self.context, f"<b>Violations</b> ({clause_link('3(n)')})", self))
        side.addWidget(self.violations)
        side.addWidget(self.marker)
        side.addWidget(self.reason)
        side.addWidget(self.lock_note)
        side.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1090, 290])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        deal = self.context.deal()
        today = self.context.today()
        found = rules.check_blackouts(deal.blackouts, as_of=today)
        rows = []
        for p in sorted(deal.blackouts, key=lambda p: p.start):
            broken = tuple(sorted({v.rule for v in found if any(q.id == p.id for q in v.periods)}))
            days = (p.end - p.start).days + 1 if p.end else None
            rows.append(BlackoutRow(p, status_of(p, today), days, broken))
        self.table.show_rows(rows)
        use = rules.days_remaining(deal.blackouts, today)
        self.meter.setRange(0, use.limit)
        self.meter.setValue(min(use.used, use.limit))
        self.meter.setFormat(f"{use.used} of {plural(use.limit, 'day')} used")
        window = f"{fmt_date(use.window[0])} – {fmt_date(use.window[1])}"
        self.remaining.setText(f"<b>{plural(use.remaining, 'day')} remain{'s' if use.remaining == 1 else ''}</b> "
                               f"(worst window {window})")
        # Green, amber near the limit, red past it: light shades so the black text stays readable.
        chunk = "#e57373" if use.remaining <= 0 else "#81c784" if use.remaining > use.limit // 4 else "#ffd54f"
        self.meter.setStyleSheet(f"QProgressBar {{ text-align: center; color: black; border: 1px solid #888; }} "
                                 f"QProgressBar::chunk {{ background: {chunk}; }}")
        self.violations.clear()
        for v in found:
            item = QListWidgetItem(f"Breaks 3(n) — {rules.RULE_TITLES.get(v.rule, v.rule)}: {v.message}")
            item.setForeground(Qt.GlobalColor.darkRed)
            self.violations.addItem(item)
        for v in rules.short_gaps(deal.blackouts, as_of=today):  # the conservative reading: warnings
            item = QListWidgetItem(f"Warning — {v.message}")  # the message says which reading
            item.setForeground(Qt.GlobalColor.darkYellow)
            self.violations.addItem(item)
        if not found and not self.violations.count():
            self.violations.addItem("None: the ledger keeps within 3(n).")

    def _show_detail(self, row: BlackoutRow | None) -> None:
        self.reason.setText((row.period.confidential_reason or "(no reason recorded)") if row else "")
        self.marker.setVisible(row is not None)
        self.reason.setVisible(row is not None)
        status = row.status if row else ""
        self.remove_button.setEnabled(status == "upcoming")
        self.edit_button.setEnabled(row is not None)
        self.lock_note.setText({
            "active": "Active: only its end, the notice and the Advice can be recorded.",
            "ended": "Ended: only the dates its notice and its Advice were sent can be recorded.",
        }.get(status, ""))

    def add_period(self) -> None:
        BlackoutDialog(self.context, None, self).exec()

    def edit_period(self, row: BlackoutRow | None) -> None:
        if row is not None:
            BlackoutDialog(self.context, row.period, self).exec()

    def remove_period(self, row: BlackoutRow | None) -> None:
        if row is None:
            return
        if row.status != "upcoming":
            show_error(self, "Remove blackout", f"This blackout is {row.status}; only an upcoming one can be removed.")
            return
        from rra_desktop.services import blackouts as service

        confirm_and_perform(self, self.context, "Remove blackout", f"Remove the blackout {describe(row.period)}?",
                            service.remove_blackout, row.period.id, self.context.today(),
                            done_title=f"Remove blackout {period_label(row.period)}")

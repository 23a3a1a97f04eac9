"""Reminders: what is overdue and what falls due within the horizon, listed in a
dock, counted in the status bar, and raised as a desktop notification when newly due.

Checked on opening a deal, after every change, every ``reminder_interval_minutes`` and when
the date changes. Choice: the first check after opening raises ONE summary notification (a
paralegal opening the deal wants the count, not a burst of balloons); later checks raise one
notification per item that was not due at the previous check.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from ui import settings as cfg
from ui.context import DealContext
from ui.formatting import fmt_date, plural
from ui.qt import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QSettings,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from ui.qt import QSystemTrayIcon

log = logging.getLogger("rra_desk")
COLUMNS = ("Status", "Act by (in force)", "Deadline", "Party", "Clause")


def due_items(context: DealContext, horizon: int, parties: list[str] | None) -> list[tuple[str, object]]:
    """(label, deadline) pairs: overdue first, then due within ``horizon`` Business Days."""
    from rra_desktop.domain.reminders import reminders

    found = reminders(context.deadlines(), context.today(), context.calendar(), horizon=horizon,
                      parties=parties or None)
    soon = next(getattr(found, n) for n in ("due_soon", "due_within", "upcoming", "due") if hasattr(found, n))
    return [("Overdue", d) for d in found.overdue] + [("Due soon", d) for d in soon]


class RemindersPanel(QWidget):
    countChanged = Signal(int)
    deadlineActivated = Signal(str)  # the deadline's key: the window shows it on the Timeline

    def __init__(self, context: DealContext, settings: QSettings, parent: QWidget | None = None,
                 check_now: bool = True):
        """``check_now=False``: the first ``check()`` is the caller's (the window's start runs it
        after the first paint, so computing the deadlines never delays the window)."""
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.count = 0
        self._known: set[str] | None = None  # keys due at the previous check; None: not yet checked
        self._checked_on: dt.date | None = None
        self.notified: list[str] = []  # messages raised (kept for the tests and the log)
        self.summary = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Reminders: overdue and due soon")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.tray: QSystemTrayIcon | None = None  # put in the tray by the first check (after the first paint)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)  # each minute: has the date changed, is a check due?
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._minutes = 0
        context.dealChanged.connect(self.check)
        context.storeChanged.connect(self._reset)
        if check_now:
            self.check()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def _reset(self) -> None:
        self._known = None

    def apply_preferences(self) -> None:
        """Re-check with the preferences just saved. Choice: like opening a deal, this raises one
        summary notification rather than one per item that a wider horizon brings in."""
        self._known = None
        self._minutes = 0
        self.check()

    def _tick(self) -> None:
        self._minutes += 1
        interval = cfg.REMINDER_INTERVAL_MINUTES.get(self.settings)
        if self._checked_on != self.context.today() or self._minutes >= interval:
            self._minutes = 0
            self.check()

    def _show_tray_icon(self) -> None:
        from ui.qt import QSystemTrayIcon

        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            from ui.app import app_icon

            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.show()

    def check(self) -> None:
        self._show_tray_icon()
        horizon = cfg.REMINDER_HORIZON.get(self.settings)
        try:
            items = due_items(self.context, horizon, cfg.WATCHED_PARTIES.get(self.settings))
        except Exception:
            log.exception("Cannot compute the reminders")
            items = []
        self._checked_on = self.context.today()
        self._show(items, horizon)
        keys = {d.key for _label, d in items}
        if self._known is None:
            overdue = sum(1 for label, _d in items if label == "Overdue")
            if items:
                self._notify("RRA Desk reminders", f"{overdue} overdue, {len(items) - overdue} due within "
                             f"{plural(horizon, 'Business Day')}")
        else:
            for label, d in items:
                if d.key not in self._known:
                    self._notify(f"{label}: {d.title}", f"Act by {fmt_date(d.in_force)} ({d.clause}, {d.party})")
        self._known = keys
        if len(items) != self.count:
            self.count = len(items)
            self.countChanged.emit(self.count)

    def _show(self, items, horizon: int) -> None:
        self.table.setRowCount(len(items))
        for row, (label, d) in enumerate(items):
            cells = (label, fmt_date(d.in_force), d.title, str(d.party), d.clause)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.key)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(f"As of {fmt_date(self.context.today())}: {plural(len(items), 'item')} overdue or due "
                             f"within {plural(horizon, 'Business Day')}")

    def _notify(self, title: str, text: str) -> None:
        self.notified.append(f"{title} — {text}")
        log.info("Reminder: %s — %s", title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, self.tray.MessageIcon.Information, 10_000)

    def _activated(self, item: QTableWidgetItem) -> None:
        self.deadlineActivated.emit(item.data(Qt.ItemDataRole.UserRole))


def reminders_dock(parent: QWidget, context: DealContext, settings: QSettings,
                   check_now: bool = True) -> tuple[QDockWidget, RemindersPanel]:
    panel = RemindersPanel(context, settings, check_now=check_now)
    dock = QDockWidget("Reminders", parent)
    dock.setObjectName("reminders_dock")
    dock.setWidget(panel)
    return dock, panel

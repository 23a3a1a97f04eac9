"""The main window: assembles the tabs, the Agreement dock, the reminders, menus and status bar.

It only assembles; each tab lives in its own module under ``ui/tabs/`` and is built the first
time it is shown (keeps start-up fast). A tab whose module is missing or broken is replaced by a
placeholder that says so, and the failure is logged.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from ui import settings as cfg
from ui.context import STATUS_MS, DealContext
from ui.formatting import fmt_date
from ui.qt import (
    QDockWidget,
    QGuiApplication,
    QLabel,
    QMainWindow,
    QSettings,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ui.qt import QCloseEvent

log = logging.getLogger("rra_desk")

# (module, class, title): the tabs in the order the window shows them.
TABS = (
    ("ui.tabs.holders", "HoldersTab", "Holders"),
    ("ui.tabs.timeline", "TimelineTab", "Timeline"),
    ("ui.tabs.blackouts", "BlackoutsTab", "Blackout ledger"),
    ("ui.tabs.claims", "ClaimsTab", "Indemnification claims"),
    ("ui.tabs.assignments", "AssignmentsTab", "Assignments"),
    ("ui.tabs.notices", "NoticesTab", "Notices"),
    ("ui.tabs.registrations", "RegistrationsTab", "Registration statements"),
    ("ui.tabs.expenses", "ExpensesTab", "Expenses"),
    ("ui.tabs.consents", "ConsentsTab", "Consents and waivers"),
    ("ui.tabs.addresses", "AddressesTab", "Notice addresses"),
    ("ui.tabs.objections", "ObjectionsTab", "3(a) objections"),
)


class TabSlot(QWidget):
    """Holds one tab; builds it on first show, or a "not available" placeholder on failure."""

    def __init__(self, context: DealContext, module: str, cls: str, title: str):
        super().__init__()
        self.spec = (module, cls, title)
        self._context = context
        self.tab: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.tab is None:
            module, cls, title = self.spec
            try:
                self.tab = getattr(importlib.import_module(module), cls)(self._context)
            except Exception:
                log.exception("The %s tab (%s.%s) is not available", title, module, cls)
                self.tab = QLabel(f"The {title} tab is not available in this build (see the log).")
                self.tab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(self.tab)
        return self.tab


class MainWindow(QMainWindow):
    def __init__(self, context: DealContext, settings: QSettings, parent: QWidget | None = None,
                 defer_deadlines: bool = False):
        """``defer_deadlines=True`` (the application's start): the deadlines, the reminders and
        the status bar's deadline figures are worked out by ``finish_start()``, which the caller
        runs once the window has shown; until then those two status-bar labels are blank (never a
        "0 reminders" that is not yet true), and the menus (their titles in place) get their
        actions there too."""
        super().__init__(parent)
        self._deadlines_ready = not defer_deadlines
        context.deadlines_held = defer_deadlines
        self.context = context
        self.settings = settings
        self.setObjectName("main_window")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Deal tabs")
        self.tabs.setDocumentMode(True)
        for module, cls, title in TABS:
            self.tabs.addTab(TabSlot(context, module, cls, title), title)
        self.setCentralWidget(self.tabs)
        self._build_docks()
        from ui.menus import build_menus

        build_menus(self, fill=not defer_deadlines)  # deferred: filled by finish_start
        self._build_status_bar()
        context.dealChanged.connect(self.refresh)
        context.storeChanged.connect(self._remember_file)
        context.clauseRequested.connect(self.show_clause)
        context.statusMessage.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        context.undo_stack.cleanChanged.connect(self._clean_changed)
        context.rereader = self._reread
        self.tabs.currentChanged.connect(self._on_tab)
        self._restore_state()
        self._remember_file()
        self.refresh()

    # -- assembly ---------------------------------------------------------------------------
    def _build_docks(self) -> None:
        from ui.reminders import reminders_dock

        # The Agreement's text and clause tree (a sixteenth of start-up) are built the first
        # time the dock is shown; the empty dock is there for the menu and the saved layout.
        self.agreement_dock = QDockWidget("Agreement", self)
        self.agreement_dock.setObjectName("agreement_dock")
        self._agreement_view = None
        self.agreement_dock.visibilityChanged.connect(lambda visible: visible and self.agreement_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.agreement_dock)
        self.agreement_dock.hide()
        self.reminders_dock, self.reminders = reminders_dock(self, self.context, self.settings,
                                                                check_now=self._deadlines_ready)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reminders_dock)
        self.reminders.countChanged.connect(lambda _n: self._update_status())
        self.resizeDocks([self.reminders_dock], [150], Qt.Orientation.Vertical)

    @property
    def agreement_view(self):
        """The Agreement dock's view, built on first use."""
        if self._agreement_view is None:
            from ui.agreement_view import agreement_dock

            spare, self._agreement_view = agreement_dock(self)
            self.agreement_dock.setWidget(self._agreement_view)  # as agreement_dock sized it
            spare.deleteLater()
        return self._agreement_view

    def _build_status_bar(self) -> None:
        self.calendar_label = QLabel()
        self.next_label = QLabel()
        self.reminder_label = QLabel()
        for label in (self.next_label, self.reminder_label, self.calendar_label):
            self.statusBar().addPermanentWidget(label)

    def tab(self, index: int) -> QWidget:
        return self.tabs.widget(index).build()

    def current_tab(self) -> QWidget:
        return self.tab(self.tabs.currentIndex())

    def _clean_changed(self, clean: bool) -> None:
        """Every change is written to the deal file as it is made: there is never anything
        unsaved, so the title carries no "*" (the undo history is not a measure of it)."""

    def _on_tab(self, index: int) -> None:
        self.tab(index)
        cfg.LAST_TAB.set(self.settings, index)

    # -- state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = cfg.GEOMETRY.get(self.settings)
        if geometry.isEmpty():
            self.resize(1400, 900)
        else:
            self.restoreGeometry(geometry)
            self._clamp_to_screen()
        state = cfg.WINDOW_STATE.get(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        index = min(max(cfg.LAST_TAB.get(self.settings), 0), self.tabs.count() - 1)
        self.tabs.setCurrentIndex(index)
        self.tab(index)

    def _clamp_to_screen(self) -> None:
        """Keep a remembered geometry on the screen the window lands on: a size saved on a larger
        screen, or at another scaling, would open the window partly off-screen. The window is
        shrunk to the screen's available area (below its layout's minimum if it must) and moved
        so that its whole frame, title bar included, is visible."""
        screen = QGuiApplication.screenAt(self.geometry().center()) or self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail, frame, inner = screen.availableGeometry(), self.frameGeometry(), self.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        width = min(frame.width(), avail.width()) - extra_w
        height = min(frame.height(), avail.height()) - extra_h
        least = self.minimumSizeHint()
        if width < least.width() or height < least.height():
            self.setMinimumSize(min(width, least.width()), min(height, least.height()))
        self.resize(width, height)
        x = min(max(frame.x(), avail.left()), avail.left() + avail.width() - width - extra_w)
        y = min(max(frame.y(), avail.top()), avail.top() + avail.height() - height - extra_h)
        self.move(x, y)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_clamped_on_show", False):  # the frame's size is known once shown
            self._clamped_on_show = True
            self._clamp_to_screen()

    def _remember_file(self) -> None:
        if getattr(self.context.store, "path", None) is not None and not getattr(self.context.store, "scratch", False):
            cfg.add_recent(self.settings, self.context.store.path)
        if hasattr(self, "recent_menu"):
            from ui.menus import fill_recent

            fill_recent(self)

    def _reread(self, message: str):
        """A server deal read afresh off the GUI thread, the views keeping what they show until then."""
        from ui.server_deals import reread_server_deal

        return reread_server_deal(self, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        cfg.GEOMETRY.set(self.settings, self.saveGeometry())
        cfg.WINDOW_STATE.set(self.settings, self.saveState())
        self.settings.sync()
        self.reminders.stop()
        super().closeEvent(event)

    # -- what the window shows ------------------------------------------------------------------
    def refresh(self) -> None:
        store = self.context.store
        path = getattr(store, "path", None)  # a Path, or a server deal's address (its name: the deal's)
        deal = self.context.deal()
        suffix = " (read-only)" if self.context.read_only else ""
        name = path.name if path else "untitled"
        self.setWindowTitle(f"{deal.terms.title} — {name}{suffix}")
        self._update_status()

    def finish_start(self) -> None:
        """The work ``defer_deadlines`` held back: the menus' actions, the Holder's deadlines and
        Rule 144 dates, the reminders' first check and the status bar."""
        if self._deadlines_ready:
            return
        self._deadlines_ready = True
        self.context.deadlines_held = False
        from ui.menus import fill_menus

        fill_menus(self)
        for index in range(self.tabs.count()):  # a tab built before (the Holders') drew without them
            finish = getattr(self.tabs.widget(index).tab, "finish_start", None)
            if finish is not None:
                finish()
        self.reminders.check()
        self._update_status()

    def _update_status(self) -> None:
        if not self._deadlines_ready:  # the three labels fill in with the deadlines (finish_start)
            return
        try:
            self.calendar_label.setText(f"Calendar: {self.context.calendar_name()}")
        except Exception:
            log.exception("Cannot name the Business Day calendar")
            self.calendar_label.setText("Calendar: unknown")
        self.next_label.setText(self._next_deadline_text())
        count = self.reminders.count
        self.reminder_label.setText(f"{count} reminder{'s' if count != 1 else ''}")

    def _next_deadline_text(self) -> str:
        try:
            deadlines = self.context.deadlines()
        except Exception:
            log.exception("Cannot compute the deadlines")
            return "Deadlines unavailable (see the log)"
        live = [d for d in deadlines if d.in_force and str(d.status) in ("open", "overdue")]
        if not live:
            return "No open deadline"
        first = min(live, key=lambda d: d.in_force)
        return f"Next: {first.title} — {fmt_date(first.in_force)}"

    def show_clause(self, clause: str) -> None:
        if not self.agreement_dock.isVisible():
            self.agreement_dock.show()
            self.resizeDocks([self.agreement_dock], [min(760, self.width() // 2)], Qt.Orientation.Horizontal)
        self.agreement_dock.raise_()
        self.agreement_view.show_clause(clause)

    def focus_filter(self) -> None:
        """Edit ▸ Find: the current tab's filter box (``filter_edit``, by convention)."""
        box = getattr(self.current_tab(), "filter_edit", None)
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()
        else:
            self.statusBar().showMessage("This tab has no filter box.", 3000)


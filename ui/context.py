"""The open deal as the GUI sees it: the store, the current snapshot, "today", the undo stack.

Every edit goes through :meth:`DealContext.perform`, which runs a service function, wraps the
``Change`` it returns in a labelled ``QUndoCommand`` and tells every tab that the deal changed.
Passed explicitly to every tab and dialog (no global).

A change that cannot be undone (``Change.undoable`` is False: it logs a notice as sent, which is
evidence under 7(g)) is not pushed. Undoing an earlier edit "past" it would rewrite what stood when
the notice went out, so the undo history is cleared at that point and the status bar says why:
Edit ▸ Undo is then greyed out rather than raising an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.qt import QObject, QUndoCommand, QUndoStack, Signal

if TYPE_CHECKING:
    from rra_desktop.domain.model import Deal

NOT_UNDOABLE = "Logged notice cannot be undone — supersede it instead"
STATUS_MS = 10_000


class ChangeCommand(QUndoCommand):
    """One user edit on the undo stack; undo/redo ask the store to reverse/replay it."""

    def __init__(self, context: DealContext, change: Any):
        super().__init__()
        # Qt reads "&" in a menu text as a mnemonic marker ("Smith & Co." would show as "Smith _Co."):
        # Qt takes "text\nactionText": the plain label for the history, the escaped one for the menu.
        self.setText(f"{change.label}\n{change.label.replace('&', '&&')}")
        self._context = context
        self.change = change
        self._applied = True  # the service already wrote it: the first redo() is a no-op

    def redo(self) -> None:
        if self._applied:
            return
        if self._replay(self._context.store.redo):
            self._applied = True

    def undo(self) -> None:
        if self._replay(self._context.store.undo):  # keeps the Change that redo takes
            self._applied = False

    def _replay(self, step: Callable[[Any], Any]) -> bool:
        """Ask the store to undo or redo; when it refuses (the rows moved on since, or a record
        is locked) say so in the status bar and drop this command, which no longer applies. A
        server deal's store reads the deal afresh after any refusal (off the GUI thread)."""
        from rra_desktop.store.errors import StoreError
        from ui.file_actions import is_server

        shown, reread = self._context.deal(), False
        try:
            self.change = step(self.change) or self.change
        except StoreError as exc:
            self.setObsolete(True)  # the stack deletes it; the deal is as the store left it
            reread = getattr(exc, "reloaded", False) or is_server(getattr(self._context.store, "path", ""))
            if reread:
                self._context.reread(shown, str(exc))
            else:
                self._context.show_status(str(exc))
            return False
        finally:
            if not reread:
                self._context.notify_changed()
        return True


class DealContext(QObject):
    """What a tab needs: ``store``, ``deal()``, ``today()``, ``deadlines()``, ``perform()``."""

    dealChanged = Signal()  # after every change, undo, redo, reopen or change of "today"
    statusMessage = Signal(str)  # a one-line message for the window's status bar
    storeChanged = Signal()  # another deal file was opened in this window
    clauseRequested = Signal(str)  # "3(n)": the window scrolls the Agreement view to it

    def __init__(self, store: Any = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.store = store
        self._today: dt.date | None = None
        self._cache_key: tuple[int, dt.date] | None = None
        self._deadlines: list = []
        # True while the window's start defers the deadlines until it has shown (``MainWindow``).
        self.deadlines_held = False
        # Set by the window: ``rereader(message)`` reads a server deal afresh off the GUI thread
        # (``server_deals.reread_server_deal``) and returns the running task (``reread_task``).
        self.rereader: Callable[[str], Any] | None = None
        self.reread_task: Any = None
        self._held: Deal | None = None  # what the views show until that read is in

    # -- the deal -------------------------------------------------------------------------
    def set_store(self, store: Any, same_deal: bool = False) -> None:
        """Switch to another deal file: the old undo history does not apply to it. ``same_deal``:
        a new store on the deal already open (read afresh), whose undo history still applies."""
        old = self.store
        self.store = store
        self._held = None
        if not same_deal:
            self.undo_stack.clear()
        self._cache_key = None
        if old is not None and old is not store:
            old.close()
        if not same_deal:
            self.storeChanged.emit()
        self.dealChanged.emit()

    def deal(self) -> Deal:
        held = self._held
        return held if held is not None else self.store.deal()

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.store, "read_only", False))

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_today(self, day: dt.date | None) -> None:
        """Fix "today" (tests, screenshots); None returns to the system clock."""
        self._today = day
        self._cache_key = None
        self.dealChanged.emit()

    def calendar(self):
        """The Business Day calendar the deal has chosen (named in the status bar)."""
        from rra_desktop.domain.calendar import calendar_for

        return calendar_for(self.deal().terms)

    def calendar_name(self) -> str:
        """The deal's Business Day calendar as the status bar names it, without building its day
        table (which the first count of a deadline builds, after the window has shown)."""
        from rra_desktop.domain.calendar import calendar_display_name

        terms = self.deal().terms
        return calendar_display_name(terms.calendar, terms.closure_days)

    def deadlines(self) -> list:
        """Every deadline of the current snapshot as of today, computed once per snapshot."""
        deal = self.deal()
        key = (id(deal), self.today())
        if key != self._cache_key:
            from rra_desktop.domain.deadlines import compute_deadlines

            self._deadlines = list(compute_deadlines(deal, self.today()))
            self._cache_key = key
            self._snapshot = deal  # keep it alive so id() stays unique while cached
        return self._deadlines

    # -- edits ----------------------------------------------------------------------------
    def perform(self, service_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``service_fn(store, *args, **kwargs)`` and push its ``Change`` on the undo stack.

        A ``Refused`` propagates unchanged (nothing was written) so the dialog can show the
        message next to ``exc.field``; after one that says the deal is to be read again (someone
        else changed it on the server) the deal is read afresh off the GUI thread (``reread``),
        every view then showing it and the status bar saying so. A change asked for while that
        read is under way is refused, so it is never made on a deal about to be replaced.
        """
        from rra_desktop.services import Refused

        if self.reread_task is not None and not self.reread_task.over:
            raise Refused("The deal is being read again from the server; make the change once it is in.")
        shown = self.deal()
        self._held = None  # the change reads the deal from its store (afresh, if it was being read)
        try:
            change = service_fn(self.store, *args, **kwargs)
        except Refused as exc:
            if exc.reloaded:  # someone else changed the deal: every view shows it as it is now
                self.reread(shown, f"The deal was reloaded: {exc.message}")
            raise
        if getattr(change, "undoable", True):
            self.undo_stack.push(ChangeCommand(self, change))
        else:
            self.undo_stack.clear()  # nothing may be undone past evidence (see the module doc)
            self.show_status(NOT_UNDOABLE)
        self.notify_changed()
        return change

    def reread(self, shown: Deal, message: str) -> None:
        """The store refused a change and will read the deal afresh (a server deal someone else
        changed): with a window, that read runs off the GUI thread (``rereader``) while the views
        keep ``shown``, and ``message`` is said once it is in; without one, it is read here."""
        if self.rereader is None:
            self.notify_changed()
            self.show_status(message)
            return
        self._held = shown
        self.reread_task = self.rereader(message)

    def show_status(self, text: str) -> None:
        """Ask the window (which connects ``statusMessage``) to show ``text`` in its status bar."""
        self.statusMessage.emit(text)

    def notify_changed(self) -> None:
        self._cache_key = None
        self.dealChanged.emit()

    def show_clause(self, clause: str) -> None:
        """Ask the window to show a clause ("3(n)", "7(g)") in the Agreement view."""
        self.clauseRequested.emit(clause)

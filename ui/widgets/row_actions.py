"""Every table as in Excel: a context menu on each row, Enter to edit, an export to .xlsx.

One ``RowActions`` per table view (``RecordTable`` makes its own; the Holders register makes one
too). A tab gives it the actions that apply to its records (``RowAction``: the menu text, what it
does with the record, when it applies); the menu then lists them for the row under the pointer,
each enabled or not for that row, then "Copy rows" (Ctrl+C, the selected rows as TSV,
``table_copy``) and "Export this table to Excel…".

Choices where a spreadsheet user's habits decide:

- Right-clicking a row that is not selected makes it the current, only selected row (as Excel
  and every file manager do); right-clicking inside a selection keeps the selection, so "Copy
  rows" copies all of it.
- Enter (Return or the keypad's Enter) runs the first action marked ``enter`` that applies to the
  current row: the row's edit dialog ("Edit…"), or for a deadline "Mark done…"; the menu shows
  it in bold. A row with no such action lets the table have the key. (A ``RecordTable`` emits
  ``openRequested`` on Enter and on a double-click; its tab connects that to the same action.)
- The export writes the rows as the table shows them (its sort, its filter) with every visible
  column, typed (``rra_desktop.exchange.table_export``), 0600 like every output; the file dialog
  opens in the deal's folder with the table's name and today's date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ui.qt import QEvent, QItemSelectionModel, QMenu, QObject, Qt
from ui.widgets.record_table import RECORD_ROLE

EXPORT_TEXT = "E&xport this table to Excel…"


def _has_record(record: Any) -> bool:
    return record is not None


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class RowAction(NamedTuple):
    """One entry of a row's menu: ``run(record)`` when chosen, offered when ``applies(record)``."""

    text: str
    run: Callable[[Any], object]
    applies: Callable[[Any], bool] = _has_record
    enter: bool = False  # Enter on the row runs it (the first that applies)


class RowActions(QObject):
    """The context menu, Enter and Excel export of one table view (see the module docstring)."""

    def __init__(self, view, title: str) -> None:
        super().__init__(view)
        self.view = view
        self.title = title  # the export's sheet, page header and proposed file name
        self.actions: list[RowAction] = []
        self.menu: QMenu | None = None  # the last menu shown (tests read it)
        self.exported: Path | None = None
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)
        view.installEventFilter(self)
        view.row_actions = self

    def set_actions(self, actions: Sequence[RowAction]) -> RowActions:
        self.actions = list(actions)
        return self

    # -- the current record ------------------------------------------------------------------------
    def current(self) -> Any | None:
        index = self.view.currentIndex()
        return self.view.model().data(index, RECORD_ROLE) if index.isValid() else None

    def run_default(self, record: Any = None) -> bool:
        """Run the first Enter action that applies to ``record`` (default: the current row's)."""
        record = self.current() if record is None else record
        action = next((a for a in self.actions if a.enter and a.applies(record)), None)
        if action is None:
            return False
        action.run(record)
        return True

    def eventFilter(self, watched, event) -> bool:
        if hasattr(self.view, "openRequested"):  # a RecordTable emits it on Enter; its tab connects it
            return False
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)):
            return self.run_default()
        return False

    # -- the menu --------------------------------------------------------------------------------
    def _take_row(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        selection = self.view.selectionModel()
        if not selection.isRowSelected(index.row(), index.parent()):
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(index, flags)
        else:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def build_menu(self) -> QMenu:
        """The menu for the current row (built afresh: what applies depends on the row)."""
        record = self.current()
        menu = QMenu(self.view)
        menu.setAccessibleName(f"{self.title} row menu")
        default = next((a for a in self.actions if a.enter and a.applies(record)), None)
        for action in self.actions:
            item = menu.addAction(action.text)
            item.setEnabled(action.applies(record))
            if action is default:
                item.setText(f"{action.text}\tEnter")  # in the shortcut column, as Ctrl+C beside Copy rows
                menu.setDefaultAction(item)  # bold: what Enter and a double-click do
            item.triggered.connect(lambda _c=False, a=action, r=record: a.run(r))
        if self.actions:
            menu.addSeparator()
        copy = getattr(self.view, "copy_action", None)
        if copy is not None:
            menu.addAction(copy)
        menu.addSeparator()
        export = menu.addAction(EXPORT_TEXT)
        export.setEnabled(self.view.model().rowCount() > 0)
        export.triggered.connect(lambda _c=False: self.export())
        return menu

    def show_menu(self, pos) -> QMenu:
        """Right-click at ``pos`` (viewport coordinates, as Qt gives them for a table)."""
        self._take_row(pos)
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build_menu()
        self.menu.popup(self.view.viewport().mapToGlobal(pos))
        return self.menu

    # -- export ----------------------------------------------------------------------------------
    def context(self):
        """The deal context of the tab the table is on (None outside a deal window)."""
        widget = self.view
        while widget is not None:
            found = getattr(widget, "context", None)
            if found is not None and hasattr(found, "deal"):
                return found
            widget = widget.parentWidget()
        return None

    def proposed_path(self) -> Path:
        from ui.file_actions import deal_folder

        context = self.context()
        on = context.today() if context is not None else None
        name = f"{self.title} {on.isoformat()}.xlsx" if on else f"{self.title}.xlsx"
        return deal_folder(context) / name.replace("/", "-")

    def export(self, path: Path | None = None) -> Path | None:
        """Ask where (unless ``path`` is given) and write the table; the path written, or None."""
        from rra_desktop.exchange.table_export import write_table_xlsx
        from rra_desktop.outputs import OutputRefused
        from ui.errors import show_error
        from ui.qt import QFileDialog  # made on the first export, not with every table
        from ui.widgets.table_values import table_contents

        if path is None:
            name, _ = QFileDialog.getSaveFileName(self.view.window(), "Export this table to Excel",
                                                  str(self.proposed_path()), "Excel workbook (*.xlsx)")
            if not name:
                return None
            path = Path(name) if Path(name).suffix else Path(name).with_suffix(".xlsx")
        headings, rows, percent = table_contents(self.view)
        try:
            write_table_xlsx(path, self.title, headings, rows, percent)
        except (OutputRefused, OSError) as exc:
            show_error(self.view.window(), "Export this table to Excel", str(exc))
            return None
        self.exported = Path(path)
        context = self.context()
        if context is not None:
            context.statusMessage.emit(f"Saved {len(rows):,} rows to {Path(path).name}")
        return self.exported


def table_of(tab) -> Any | None:
    """The table of ``tab`` that an export means: the one with the keyboard focus, else the tab's
    main table (``table``, or the Timeline's ``agenda``)."""
    from ui.qt import QApplication

    focus = QApplication.focusWidget()
    while focus is not None and focus is not tab:
        if getattr(focus, "row_actions", None) is not None and tab.isAncestorOf(focus):
            return focus
        focus = focus.parentWidget()
    for name in ("table", "agenda"):
        view = getattr(tab, name, None)
        if getattr(view, "row_actions", None) is not None:
            return view
    return None

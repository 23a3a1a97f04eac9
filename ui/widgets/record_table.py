"""A thin table model over frozen records, and the table view every ledger tab uses.

Each ledger model (``ui/models/*``) declares its columns once as :class:`Column` values; the
base model answers Qt's roles from them: the display text, ``SORT_ROLE`` with the native value
(dates as dates, shares as ints, money as ``Decimal``) so that sorting never compares display
strings, right alignment for numbers, and an optional highlight colour per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from ui.formatting import fmt_date, fmt_datetime, fmt_money, fmt_shares
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QEvent,
    QHeaderView,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    Signal,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STRETCH_MINIMUM = 240  # px: a stretched text column never narrows below a readable phrase
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY, _ACCESSIBLE, _ALIGNMENT, _BACKGROUND, _TOOLTIP = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole))
_SERVED = frozenset({_DISPLAY, _ACCESSIBLE, _ALIGNMENT, _BACKGROUND, _TOOLTIP, int(SORT_ROLE), int(RECORD_ROLE)})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

# Row highlights: soft enough to read black text on, distinct enough to see at a glance.
VIOLATION_COLOR = QColor("#f8d7da")
WARNING_COLOR = QColor("#fff3cd")
DONE_COLOR = QColor("#e2e3e5")


def display_text(value: Any) -> str:
    """The text a cell shows for a native value (dates "Fri Jun 20, 2003", shares "1,234")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return fmt_datetime(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, Decimal):
        return fmt_money(value)
    if isinstance(value, int):
        return fmt_shares(value)
    return str(value)


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class Column(NamedTuple):
    """One column: its heading, how to get the native value from a row, and optionally the
    text to show (defaults to :func:`display_text` of the value) and a tooltip."""

    title: str
    value: Callable[[Any], Any]
    text: Callable[[Any], str] | None = None
    tooltip: Callable[[Any], str] | None = None

    def text_of(self, row: Any) -> str:
        return self.text(row) if self.text else display_text(self.value(row))


def sort_key(value: Any) -> tuple:
    # Empty cells sort last in ascending order; otherwise compare the native values.
    if value is None or value == "":
        return (1, 0)
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RecordTableModel(QAbstractTableModel):
    """Rows are frozen records (or small row dataclasses); subclasses set ``columns`` and may
    override :meth:`highlight` to colour a row."""

    columns: Sequence[Column] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def highlight(self, row: Any) -> QColor | None:
        return None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index, role=_DISPLAY):
        # Qt asks for about eight roles per visible cell on every repaint; the ones no ledger
        # answers (font, colour, check state, decoration, ...) return at the first test.
        if role not in _SERVED:
            return None
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        record = self._rows[row]
        if role == RECORD_ROLE:
            return record
        column = self.columns[index.column()]
        if role in (_DISPLAY, _ACCESSIBLE):
            return column.text_of(record)
        if role == SORT_ROLE:
            return sort_key(column.value(record))
        if role == _ALIGNMENT:
            value = column.value(record)
            numeric = isinstance(value, int | Decimal | Fraction | float) and not isinstance(value, bool)
            return _RIGHT if numeric else _LEFT
        if role == _BACKGROUND:
            return self.highlight(record)
        if role == _TOOLTIP and column.tooltip:
            return column.tooltip(record) or None
        return None


class NativeSortProxy(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` (native values), never on display strings."""

    def lessThan(self, left, right) -> bool:
        a = self.sourceModel().data(left, SORT_ROLE)
        b = self.sourceModel().data(right, SORT_ROLE)
        try:
            return a < b
        except TypeError:  # mixed types in one column: fall back to their text
            return str(a) < str(b)


class RecordTable(QTableView):
    """The ledger view: sortable, whole-row selection, Enter/double-click opens a record,
    Delete asks to remove it. Emits the record itself, not a row number."""

    openRequested = Signal(object)
    deleteRequested = Signal(object)
    currentRecordChanged = Signal(object)

    def __init__(self, model: RecordTableModel, accessible_name: str, parent=None, stretch: int | None = -1) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = NativeSortProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setAccessibleName(accessible_name)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default indicator is descending
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        from ui.widgets.table_copy import install_copy

        install_copy(self)  # several rows with Shift/Ctrl; Ctrl+C copies them as TSV with headings
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        # Compact rows, as in a desktop ledger: more records in view without scrolling.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.empty_text = ""  # painted in the empty table: what the table holds and how to add one
        self.column_caps: dict[int, int] = {}  # widest a column sizes itself to (default 280 px)
        # ``stretch``: the column that takes the spare width (-1: the last; None: none). Tables
        # whose last column is a number name a text column, so a right-aligned figure never
        # drifts off to the far edge of a wide window.
        self.horizontalHeader().setStretchLastSection(stretch == -1)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A named column is widened by hand (see _fill_width), not by Qt's Stretch mode, which
        # squeezes it to an ellipsis when the window narrows; it keeps STRETCH_MINIMUM instead
        # and the table scrolls sideways.
        self.stretch_column = stretch if stretch is not None and stretch >= 0 else None
        self.doubleClicked.connect(lambda _index: self._emit_open())
        self.selectionModel().currentRowChanged.connect(lambda *_: self.currentRecordChanged.emit(self.current()))
        model.modelReset.connect(self._after_reset)
        from ui.widgets.row_actions import RowActions

        self.row_actions = RowActions(self, accessible_name)  # the row menu, Enter, the Excel export

    def current(self) -> Any | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, RECORD_ROLE)

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        """Make the first row whose record satisfies ``predicate`` current."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if predicate(self.proxy.data(index, RECORD_ROLE)):
                self.setCurrentIndex(index)
                return True
        return False

    def show_rows(self, rows: Sequence[Any], key: Callable[[Any], Any] = lambda r: getattr(r, "id", None)) -> None:
        """Replace the rows, keeping the current record (matched by ``key``) selected."""
        current = self.current()
        wanted = key(current) if current is not None else None
        self.source.set_rows(rows)
        if wanted is not None:
            self.select_where(lambda r: key(r) == wanted)

    def _after_reset(self) -> None:
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for c in range(self.source.columnCount()):
            cap = self.column_caps.get(c, 280)
            header.resizeSection(c, min(max(header.sectionSize(c) + 12, 60), cap))
        self._fill_width()
        if self.proxy.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.proxy.index(0, 0))
        self.currentRecordChanged.emit(self.current())

    def _fill_width(self) -> None:
        column = self.stretch_column
        if column is None or column >= self.source.columnCount():
            return
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(self.source.columnCount()) if c != column)
        header.resizeSection(column, max(STRETCH_MINIMUM, self.viewport().width() - others))

    def viewportEvent(self, event) -> bool:
        # The viewport resizes with the window and when the vertical scroll bar comes or goes.
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:
            self._fill_width()
        return handled

    def _emit_open(self) -> None:
        record = self.current()
        if record is not None:
            self.openRequested.emit(record)

    def set_empty_text(self, text: str) -> None:
        """The sentence an empty table shows, e.g. “No claims recorded. New claim… records one.”"""
        self.empty_text = text
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.proxy.rowCount() == 0 and (self.empty_text or self.source.rowCount()):
            from ui.qt import QPainter, QPalette  # made when an empty table is first drawn

            text = self.empty_text if self.source.rowCount() == 0 else "Nothing matches the filter."
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), text)
            painter.end()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit_open()
            return
        if key == Qt.Key.Key_Delete:
            record = self.current()
            if record is not None:
                self.deleteRequested.emit(record)
            return
        super().keyPressEvent(event)

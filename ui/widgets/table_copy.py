"""Ctrl+C on a table copies the selected rows as Excel pastes them: tab-separated, one line a
row, the visible column headings first, each cell as the screen shows it ("1,234", "Fri Jun 20,
2003"). Rows keep the table's order (its sort and filter), not the order they were clicked in."""

from __future__ import annotations

from ui.qt import QAction, QApplication, QKeySequence, Qt


def _cell(text) -> str:
    # a tab or line break inside a cell would split it in Excel: flatten to spaces
    return " ".join(str(text or "").split())


def rows_as_tsv(view) -> str:
    """The selected rows of ``view`` (all its visible columns) as TSV with a heading line; ""
    when nothing is selected."""
    model = view.model()
    selection = view.selectionModel()
    rows = sorted({index.row() for index in selection.selectedIndexes()}) if selection else []
    if not rows:
        return ""
    header = view.horizontalHeader()
    columns = [c for c in sorted(range(model.columnCount()), key=header.visualIndex) if not view.isColumnHidden(c)]
    lines = ["\t".join(_cell(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
    for r in rows:
        lines.append("\t".join(_cell(model.index(r, c).data()) for c in columns))
    return "\r\n".join(lines) + "\r\n"  # CRLF: what Excel itself puts on the clipboard


def copy_rows(view) -> str:
    """Put the selected rows on the clipboard; returns the text copied."""
    text = rows_as_tsv(view)
    if text:
        QApplication.clipboard().setText(text)
    return text


def install_copy(view) -> QAction:
    """Ctrl+C (the platform's Copy) and a "Copy rows" context-menu entry on ``view``; the rows
    are selected several at a time, with Shift and Ctrl as in Excel."""
    from ui.qt import QAbstractItemView

    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    action = QAction("&Copy rows", view)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: copy_rows(view))
    view.addAction(action)
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.copy_action = action
    return action

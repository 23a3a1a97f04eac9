"""A table's contents as native values, for the Excel export (``row_actions``).

The visible columns in the order the user arranged them, the rows in the order the table shows
them (sorted and filtered as on screen). Each cell is its column's native value where that is a
date, a time, a number or an amount of money (``Column.value``), so that Excel can sort and add
it; otherwise (text, Yes/No, a date the screen writes in words such as "on receipt only") the
text the screen shows. A column whose numbers the screen writes with a "%" is a percentage.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from ui.qt import Qt
from ui.widgets.record_table import RECORD_ROLE

_NATIVE = (dt.date, int, Decimal, Fraction, float)


def _columns_model(model):
    """The ``RecordTableModel`` under ``model``'s proxies (None for another kind of model)."""
    while model is not None and not hasattr(model, "columns"):
        model = model.sourceModel() if hasattr(model, "sourceModel") else None
    return model


def _visible_columns(view) -> list[int]:
    header = view.horizontalHeader()
    return [c for c in sorted(range(view.model().columnCount()), key=header.visualIndex)
            if not view.isColumnHidden(c)]


def table_contents(view) -> tuple[list[str], list[list[object]], set[int]]:
    """(headings, rows, percent columns) of ``view`` as shown; see the module docstring."""
    model = view.model()
    columns = _visible_columns(view)
    # a heading broken over two lines on screen ("Placement Agent\nWarrants") is one line here
    headings = [" ".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "").split("\n")) for c in columns]
    source = _columns_model(model)
    percent: set[int] = set()
    rows: list[list[object]] = []
    if source is None:  # a plain model: the text of each cell
        for r in range(model.rowCount()):
            rows.append([model.index(r, c).data() for c in columns])
        return headings, rows, percent
    specs = [source.columns[c] for c in columns]
    for r in range(model.rowCount()):
        record = model.index(r, 0).data(RECORD_ROLE)
        cells = []
        for i, spec in enumerate(specs):
            value = spec.value(record)
            if isinstance(value, _NATIVE) and not isinstance(value, bool):
                if spec.text is not None and spec.text(record).rstrip().endswith("%"):
                    percent.add(i)
                cells.append(value)
            else:
                text = spec.text_of(record)
                cells.append(text if text != "" else None)
        rows.append(cells)
    return headings, rows, percent

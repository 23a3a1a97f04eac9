"""Schedule 1 as a table: each Holder's position as of a date, sorted on native values, with
a filter across name, attention line and fax that answers a keystroke on 10,000 Holders."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal

from ui.formatting import fmt_bool
from ui.qt import QColor, QModelIndex, Qt
from ui.widgets.record_table import _ALIGNMENT, _DISPLAY, _RIGHT, Column, RecordTableModel, sort_key


@dataclass(frozen=True)
class HolderRow:
    """One line of the register: the Holder and its position as of the table's date."""

    holder: object  # rra_desktop.domain.model.Holder
    preferred: int
    d1: int
    d2: int
    paw: int
    registrable: int  # Registrable Securities as converted
    percent: Decimal  # of all Registrable Securities (holdings.register_as_of), e.g. 12.3456
    haystack: str  # lower-cased name, attention and fax, for the filter

    @property
    def id(self) -> str:
        return self.holder.id


def holder_rows(deal, positions) -> list[HolderRow]:
    """Join ``holdings.register_as_of`` positions to the Holders (every Holder gets a row,
    including one whose position is now nil: it stays a Holder of record)."""
    by_id = {p.holder_id: p for p in positions}
    rows = []
    for h in deal.holders:
        p = by_id.get(h.id)
        registrable = p.registrable if p else 0
        rows.append(
            HolderRow(
                holder=h,
                preferred=p.preferred if p else 0,
                d1=p.d1 if p else 0,
                d2=p.d2 if p else 0,
                paw=p.paw if p else 0,
                registrable=registrable,
                percent=p.percent if p else Decimal(0),
                haystack=f"{h.name}\n{h.attention}\n{h.fax}".casefold(),
            )
        )
    return rows


class HoldersModel(RecordTableModel):
    COL_NAME, COL_PREFERRED, COL_D1, COL_D2, COL_PAW, COL_REGISTRABLE, COL_PERCENT, COL_QIB, COL_AFFILIATE, COL_FAX = (
        range(10)
    )
    columns = (
        Column("Name", lambda r: r.holder.name),
        Column("Preferred", lambda r: r.preferred),
        Column("D-1", lambda r: r.d1, tooltip=lambda r: "D-1 Warrant Shares"),
        Column("D-2", lambda r: r.d2, tooltip=lambda r: "D-2 Warrant Shares"),
        Column("PA warrants", lambda r: r.paw, tooltip=lambda r: "Placement Agent Warrants"),
        Column("Registrable", lambda r: r.registrable,
               tooltip=lambda r: "Registrable Securities as converted: Conversion, Dividend and Warrant Shares"),
        Column("% of total", lambda r: r.percent, text=lambda r: f"{r.percent:.2f}%"),
        Column("QIB", lambda r: r.holder.qib, text=lambda r: fmt_bool(r.holder.qib)),
        Column("Affiliate", lambda r: r.holder.affiliate, text=lambda r: fmt_bool(r.holder.affiliate),
               tooltip=lambda r: "Excluded from majority counts under 7(o)" if r.holder.affiliate else ""),
        Column("Fax", lambda r: r.holder.fax),
    )

    def highlight(self, row: HolderRow) -> QColor | None:
        return QColor("#eef3fb") if row.holder.affiliate else None

    def data(self, index, role=_DISPLAY):
        # A percentage is a number: right-align it like the share counts.
        if role == _ALIGNMENT and index.column() == self.COL_PERCENT and index.isValid():
            return _RIGHT
        return super().data(index, role)


class HolderFilterProxy(HoldersModel):
    """The rows the register shows: the source's rows filtered on a case-insensitive substring of
    name, attention and fax, sorted on native values, in one table model of their own.

    Not a ``QSortFilterProxyModel``: that asks ``filterAcceptsRow`` (Python) for each of the
    source's rows on every keystroke, and ``lessThan`` for each comparison, which on a
    10,000-Holder deal was most of the keystroke. Here a keystroke is one list comprehension
    over the precomputed casefolded keys (``HolderRow.haystack``, one ``in`` test a row; a longer
    needle only narrows the rows shown) and a model reset; a sort is one ``sorted`` on the
    native values, kept for the filter to reuse, and keeps the selection (a layout change)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: HoldersModel | None = None
        self._needle = ""
        self._column, self._order = -1, Qt.SortOrder.AscendingOrder
        self._ordered: list = []  # every source row in the sort order

    def setSourceModel(self, model: HoldersModel) -> None:
        self._source = model
        model.modelReset.connect(self._source_reset)
        self._source_reset()

    def sourceModel(self) -> HoldersModel | None:
        return self._source

    def _source_reset(self) -> None:
        self._ordered = self._in_order(self._source.rows() if self._source is not None else [])
        self._show(self._ordered)

    def _in_order(self, rows: list) -> list:
        if not 0 <= self._column < len(self.columns):
            return list(rows)  # Schedule 1 order
        value = self.columns[self._column].value
        return sorted(rows, key=lambda r: sort_key(value(r)), reverse=self._order == Qt.SortOrder.DescendingOrder)

    def _show(self, candidates: list) -> None:
        needle = self._needle
        rows = [r for r in candidates if needle in r.haystack] if needle else list(candidates)
        shown = self._rows
        if len(rows) == len(shown) and all(map(operator.is_, rows, shown)):
            return  # the same rows: no reset, no repaint (typing on while every row still matches)
        self.set_rows(rows)

    def set_text(self, text: str) -> None:
        """Filter on ``text`` (surrounding blanks ignored)."""
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        narrower = bool(self._needle) and self._needle in needle  # typing on: only the rows shown can match
        self._needle = needle
        self._show(self._rows if narrower else self._ordered)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort (the header's indicator): -1 is Schedule 1 order."""
        self._column, self._order = column, order
        if self._source is None:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in before]
        self._ordered = self._in_order(self._source.rows())
        needle = self._needle
        self._rows = [r for r in self._ordered if needle in r.haystack] if needle else list(self._ordered)
        where = {id(r): n for n, r in enumerate(self._rows)}
        after = [self.index(where[id(r)], i.column()) if r is not None and id(r) in where else QModelIndex()
                 for r, i in zip(kept, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def shown_rows(self) -> list:
        """The rows the filter lets through, in the order shown (for the totals)."""
        return list(self._rows)

    def row_of(self, row) -> int:
        """Where ``row`` (the record itself) is shown; -1 when the filter hides it."""
        return next((n for n, r in enumerate(self._rows) if r is row), -1)

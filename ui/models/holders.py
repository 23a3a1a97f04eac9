"""Schedule 1 as a table: each Holder's position as of a date, sorted on native values, with
a filter across name, attention line and fax that answers a keystroke on 10,000 Holders. The
share columns are the deal's own classes of security, one per class in the deal's order, headed
by its label (``HoldersModel.set_classes``)."""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import NamedTuple

from ui.formatting import fmt_bool
from ui.qt import QColor, QModelIndex, Qt
from ui.widgets.record_table import _ALIGNMENT, _DISPLAY, _RIGHT, Column, RecordTableModel, sort_key


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class HolderRow(NamedTuple):
    """One line of the register: the Holder and its position as of the table's date."""

    holder: object  # rra_desktop.domain.model.Holder
    preferred: int  # every class in the Preferred role
    counts: tuple[int, ...]  # the holding of each of the deal's classes, in the deal's order
    registrable: int  # Registrable Securities as converted
    percent: Decimal  # of all Registrable Securities (holdings.register_as_of), e.g. 12.3456
    haystack: str  # lower-cased name, attention and fax, for the filter
    notice: object = None  # the Holder as addressed under 7(g) on the table's date (None: ``holder``)

    @property
    def id(self) -> str:
        return self.holder.id

    @property
    def addressed(self):
        """The Holder with its notice address in force on the table's date (``holder`` itself is
        the record as stored, the one an edit starts from)."""
        return self.notice or self.holder


def holder_rows(deal, positions, on=None) -> list[HolderRow]:
    """Join ``holdings.register_as_of`` positions to the Holders (every Holder gets a row,
    including one whose position is now nil: it stays a Holder of record). With ``on``, each row
    also carries the Holder's 7(g) address in force that day (``addresses.addressed_as_of``)."""
    by_id = {p.holder_id: p for p in positions}
    codes = [s.code for s in deal.securities]
    nil = (0,) * len(codes)
    addressed = {}
    if on is not None and deal.address_changes:
        from rra_desktop.domain.addresses import addressed_as_of

        addressed = {h.id: h for h in addressed_as_of(deal, on).holders}
    rows = []
    for h in deal.holders:
        p = by_id.get(h.id)
        shown = addressed.get(h.id, h)
        registrable = p.registrable if p else 0
        held = dict(p.by_security) if p else None
        rows.append(
            HolderRow(
                holder=h,
                preferred=p.preferred if p else 0,
                counts=tuple(held.get(c, 0) for c in codes) if held else nil,
                registrable=registrable,
                percent=p.percent if p else Decimal(0),
                haystack=f"{h.name}\n{shown.attention}\n{shown.fax}".casefold(),
                notice=shown if shown is not h else None,
            )
        )
    return rows


def two_lines(heading: str, width: int = 10) -> str:
    """A long heading on two lines, broken at the space nearest its middle ("Placement Agent
    Warrants" -> "Placement Agent\nWarrants"), so a share column is as wide as its figures."""
    if len(heading) <= width or " " not in heading:
        return heading
    spaces = [i for i, ch in enumerate(heading) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(heading) / 2))
    return f"{heading[:cut]}\n{heading[cut + 1:]}"


def _class_column(security, i: int) -> Column:
    tip = f"{security.name} ({security.code})"
    return Column(two_lines(security.heading), lambda r: r.counts[i], tooltip=lambda r: tip)


class HoldersModel(RecordTableModel):
    COL_NAME = 0
    COL_PREFERRED = 1  # the first class's column (the Preferred in the 2003 sample)
    BEFORE = (Column("Name", lambda r: r.holder.name),)
    AFTER = (
        Column("Registrable", lambda r: r.registrable,
               tooltip=lambda r: "Registrable Securities as converted: Conversion, Dividend and Warrant Shares"),
        Column("% of total", lambda r: r.percent, text=lambda r: f"{r.percent:.2f}%"),
        Column("QIB", lambda r: r.holder.qib, text=lambda r: fmt_bool(r.holder.qib)),
        Column("Affiliate", lambda r: r.holder.affiliate, text=lambda r: fmt_bool(r.holder.affiliate),
               tooltip=lambda r: "Excluded from majority counts under 7(o)" if r.holder.affiliate else ""),
        Column("Fax", lambda r: r.addressed.fax, tooltip=lambda r: "7(g) fax in force on the register's date"),
    )
    columns = (*BEFORE, *AFTER)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._classes: tuple = ()
        self.col_percent = len(self.BEFORE) + 1

    def set_classes(self, securities) -> bool:
        """Show one share column per class of ``securities`` (the deal's); True when the columns
        changed (another deal, or its classes were edited)."""
        key = tuple((s.code, s.heading, s.name) for s in securities)
        if key == self._classes:
            return False
        self.beginResetModel()
        self._classes = key
        self.columns = (*self.BEFORE, *(_class_column(s, i) for i, s in enumerate(securities)), *self.AFTER)
        self.col_percent = self.col_registrable + 1
        self.endResetModel()
        return True

    @property
    def class_count(self) -> int:
        return len(self._classes)

    @property
    def col_registrable(self) -> int:
        return len(self.BEFORE) + self.class_count

    @property
    def col_qib(self) -> int:
        return self.col_registrable + 2

    def highlight(self, row: HolderRow) -> QColor | None:
        return QColor("#eef3fb") if row.holder.affiliate else None

    def data(self, index, role=_DISPLAY):
        # A percentage is a number: right-align it like the share counts.
        if role == _ALIGNMENT and index.column() == self.col_percent and index.isValid():
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
        source = self._source
        if source is not None and source.columns is not self.columns:  # the deal's classes changed
            self.beginResetModel()
            self.columns, self._classes, self.col_percent = source.columns, source._classes, source.col_percent
            self.endResetModel()
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

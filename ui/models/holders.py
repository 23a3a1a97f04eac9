"""Schedule 1 as a table: each Holder's position as of a date, sorted on native values, with
a filter across name, attention line and fax that answers a keystroke on 10,000 Holders."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ui.formatting import fmt_bool
from ui.qt import QColor, QSortFilterProxyModel, Qt
from ui.widgets.record_table import Column, NativeSortProxy, RecordTableModel


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

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # A percentage is a number: right-align it like the share counts.
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() == self.COL_PERCENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class HolderFilterProxy(NativeSortProxy):
    """Case-insensitive substring filter over name, attention and fax (precomputed per row)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._accepted: list[bool] = []
        self._answered_for = None  # the source's row list the answers were computed on

    def set_text(self, text: str) -> None:
        """Filter on ``text``. The test runs once over every row in one list comprehension here;
        ``filterAcceptsRow``, which Qt calls per row from C++, only reads the answer (on a
        10,000-Holder deal the per-row work was most of a keystroke)."""
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self._answered_for = None
        self._answer()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _answer(self) -> list[bool]:
        rows = self.sourceModel()._rows
        if self._answered_for is not rows or len(self._accepted) != len(rows):
            self._accepted = [self._needle in r.haystack for r in rows] if self._needle else []
            self._answered_for = rows
        return self._accepted

    def shown_rows(self) -> list:
        """The source rows the filter lets through, in source order (for the totals)."""
        rows = self.sourceModel().rows()
        return [r for r, ok in zip(rows, self._answer(), strict=True) if ok] if self._needle else rows

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._needle:
            return True
        return self._answer()[source_row]  # computed again only when the rows were replaced

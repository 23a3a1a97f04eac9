"""The Holders tab: Schedule 1 as a register as of a date, its totals checked against the
printed schedule, and a detail pane for the selected Holder."""

from __future__ import annotations

import logging
from itertools import pairwise
from operator import attrgetter, itemgetter

from ui.context import DealContext
from ui.formatting import fmt_money, fmt_shares
from ui.models.holders import HolderFilterProxy, HolderRow, HoldersModel, holder_rows
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTextBrowser,
    QTextOption,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.date_field import DateField
from ui.widgets.record_table import RECORD_ROLE

log = logging.getLogger("rra_desk")
# The Holder detail pane's least width, in average characters: its widest table (the deadlines',
# the position history) fits whole there without breaking a word ("Securi|ty", "issuan|ce").
DETAIL_MIN_CHARS = 38
OK_STYLE, BAD_STYLE = "color: #1e7b34;", "color: #b00020; font-weight: bold;"


class HoldersTab(QWidget):
    title = "Holders"

    def __init__(self, context: DealContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.filter_edit = QLineEdit(placeholderText="Filter by name, attention or fax  (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter Holders")
        self.as_of = DateField(context.today(), "Register as of")
        self.add_button = QPushButton("&Add Holder…")
        self.edit_button = QPushButton("Ed&it…")
        self.remove_button = QPushButton("Re&move")
        self.consent_button = QPushButton("&Consents and majority…")
        self.classes_button = QPushButton("Add c&lass…")
        self.classes_button.setToolTip("Add a class of security; double-click a class's column heading to edit it")
        for b in (self.add_button, self.edit_button, self.remove_button, self.consent_button, self.classes_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        self.model = HoldersModel(self)
        self.proxy = HolderFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Holders register")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # Schedule 1 order until the user sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        from ui.widgets.table_copy import install_copy

        install_copy(self.table)  # several rows with Shift/Ctrl; Ctrl+C copies them as TSV with headings
        from ui.widgets.row_actions import RowAction, RowActions

        writable = lambda row: row is not None and not self.context.read_only  # noqa: E731
        RowActions(self.table, "Holders").set_actions([
            RowAction("Ed&it…", lambda _row: self.edit_holder(), writable, enter=True),
            RowAction("Re&move…", lambda _row: self.remove_holder(), writable),
            RowAction("&Consents and majority…", lambda _row: self.open_consents()),
        ])
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals = QLabel()
        self.totals.setAccessibleName("Totals of the rows shown")
        self.schedule_check = QLabel()
        self.schedule_check.setAccessibleName("Schedule 1 totals check")
        self.schedule_check.setWordWrap(True)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName("Holder details")
        # Readable beside the Agreement dock: a Holder's name and a line of its notice address
        # ("c/o North Sound Capital LLC") stay whole; the register's table gives up the width.
        self.detail.setMinimumWidth(self.detail.fontMetrics().horizontalAdvance("x" * DETAIL_MIN_CHARS))
        self.detail.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # lines break between words only
        self._layout()
        self.filter_edit.textChanged.connect(self._filter)
        self.as_of.valueChanged.connect(lambda _d: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.doubleClicked.connect(lambda _i: self.edit_holder())
        self.detail.anchorClicked.connect(lambda url: context.show_clause(url.path() or url.toString()[7:]))
        self.add_button.clicked.connect(self.add_holder)
        self.edit_button.clicked.connect(self.edit_holder)
        self.remove_button.clicked.connect(self.remove_holder)
        self.consent_button.clicked.connect(self.open_consents)
        self.classes_button.clicked.connect(lambda: self.edit_class(None))
        self.table.horizontalHeader().sectionDoubleClicked.connect(self._header_double_clicked)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._columns_sized = False
        self._detail_for = None  # the Holder the detail pane shows
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        as_of_label = QLabel("A&s of:")
        as_of_label.setBuddy(self.as_of)
        bar.addWidget(as_of_label)
        bar.addWidget(self.as_of)
        bar.addStretch(1)
        for b in (self.add_button, self.edit_button, self.remove_button, self.consent_button, self.classes_button):
            bar.addWidget(b)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.totals)
        column.addWidget(self.schedule_check)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setCollapsible(1, False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1040, 340])
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(split, 1)
        order = (self.filter_edit, self.as_of, self.add_button, self.edit_button, self.remove_button,
                 self.consent_button, self.classes_button, self.table, self.detail)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _size_columns(self) -> None:
        """Fit the columns to the first register that has Holders, once: a window opened on an empty
        new deal would otherwise keep header-wide columns ("North S…", "100,0…") for every deal
        opened after it. After that the widths are the user's and survive a deal switch."""
        self._columns_sized = True
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(HoldersModel.COL_NAME, min(header.sectionSize(0) + 8, 300))
        for col in range(1, self.model.col_qib):
            header.resizeSection(col, header.sectionSize(col) + 6)

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        from rra_desktop.domain.holdings import register_as_of

        deal = self.context.deal()
        current = self.current()
        rows = holder_rows(deal, register_as_of(deal, self.as_of.value()), self.as_of.value())
        if self.model.set_classes(deal.securities):
            self._columns_sized = False  # another deal's classes: fit the new columns once
        self.model.set_rows(rows)
        if rows and not self._columns_sized:
            self._size_columns()
        if current is None or not self.select(current.holder.id):
            self._first_row()
        self._update_totals()
        self._show_schedule_check()
        read_only = self.context.read_only
        for b in (self.add_button, self.edit_button, self.remove_button, self.classes_button):
            b.setEnabled(not read_only)
        self._show_detail(force=True)

    def _show_schedule_check(self) -> None:
        """The Schedule 1 totals check under the register; nothing while the window's start holds
        the rules back (``finish_start`` shows it)."""
        text = "" if self.context.deadlines_held else schedule_check_text(self.context.deal())
        self.schedule_check.setText(text)
        self.schedule_check.setVisible(bool(text))  # no printed schedule: nothing to check
        self.schedule_check.setStyleSheet(OK_STYLE if text.startswith("✓") else BAD_STYLE)

    def finish_start(self) -> None:
        """What the window's start held back (``MainWindow.finish_start``): the Schedule 1 check,
        and the detail pane drawn whole (addresses, Rule 144 dates, deadlines)."""
        self._show_schedule_check()
        self._show_detail(force=True)

    def _first_row(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _filter(self, text: str) -> None:
        """A keystroke in the filter box: the Holder that was current stays current while shown."""
        current = self.current()
        self.proxy.set_text(text)
        row = self.proxy.row_of(current) if current is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.index(row, 0))
        else:
            self._first_row()
        self._update_totals()

    def _update_totals(self) -> None:
        shown = self.proxy.shown_rows()  # from the rows themselves: no Qt call per row
        total = self.model.rowCount()
        counts = [r.counts for r in shown]
        sums = [sum(map(itemgetter(i), counts)) for i in range(self.model.class_count)]  # in C, per class
        headings = [s.heading for s in self.context.deal().securities]
        parts = [f"{h} {fmt_shares(n)}" for h, n in zip(headings, sums, strict=False)]
        parts.append(f"Registrable {fmt_shares(sum(map(attrgetter('registrable'), shown)))}")
        self.totals.setText(f"Totals of {len(shown)} of {total} Holders shown:  " + "  ·  ".join(parts))

    def _header_double_clicked(self, section: int) -> None:
        classes = self.context.deal().securities
        i = section - HoldersModel.COL_PREFERRED
        if 0 <= i < len(classes) and i < self.model.class_count and not self.context.read_only:
            self.edit_class(classes[i])

    def edit_class(self, cls) -> None:
        """Add a class of security (``cls`` None) or change one's name, label and role."""
        from ui.dialogs.security_class_dialog import SecurityClassDialog

        SecurityClassDialog(self.context, cls, self).exec()

    def current(self) -> HolderRow | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, RECORD_ROLE) if index.isValid() else None

    def select(self, holder_id: str) -> bool:
        row = next((n for n, r in enumerate(self.proxy.shown_rows()) if r.holder.id == holder_id), -1)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.index(row, 0))
        return row >= 0

    def _show_detail(self, force: bool = False) -> None:
        """The current Holder's details; not drawn again for the same Holder unless the deal changed
        (``force``): a keystroke in the filter that keeps the Holder shown leaves the pane alone."""
        from ui.holder_detail import holder_detail_html

        row = self.current()
        holder = row.holder if row else None
        if holder is self._detail_for and not force:
            return
        self._detail_for = holder
        self.detail.setHtml(holder_detail_html(self.context, holder, self.as_of.value()) if holder
                            else "<p>No Holder selected.</p>")

    # -- actions ----------------------------------------------------------------------------------
    def add_holder(self) -> None:
        from ui.dialogs.holder_dialog import HolderDialog

        dialog = HolderDialog(self.context, None, self)
        if dialog.exec():
            self.select(dialog.saved_id)
        dialog.deleteLater()

    def edit_holder(self) -> None:
        from ui.dialogs.holder_dialog import HolderDialog

        row = self.current()
        if row is not None and not self.context.read_only:
            dialog = HolderDialog(self.context, row.holder, self)
            dialog.exec()
            dialog.deleteLater()

    def remove_holder(self) -> None:
        from rra_desktop.services import Refused
        from rra_desktop.services.holders import removal_refusal, remove_holder
        from ui.errors import show_error

        row = self.current()
        if row is None:
            return
        refusal = removal_refusal(self.context.deal(), row.holder.id)
        if refusal:  # say so at once: a confirmation for what will not be done misleads
            show_error(self, "Remove Holder", refusal)
            return
        from ui.qt import QMessageBox

        answer = QMessageBox.question(self, "Remove Holder", f"Remove {row.holder.name} from the deal? Nothing "
                                      "else in the deal refers to it; Edit ▸ Undo brings it back.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.perform(remove_holder, row.holder.id)
        except Refused as exc:
            show_error(self, "Remove Holder", exc)

    def open_consents(self) -> None:
        from ui.dialogs.consent_dialog import ConsentDialog

        dialog = ConsentDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()


def schedule_check_text(deal) -> str:
    """The Schedule 1 totals as issued to the Purchasers, against the deal's own printed totals
    (``rra_desktop.domain.findings.schedule_1_totals``); "" for a deal that records none."""
    from rra_desktop.domain.findings import schedule_1_totals

    checks = schedule_1_totals(deal)
    if checks is None:
        return ""

    def shown(c) -> tuple[str, str, str]:  # a column is named by its security code, as ledger rows are
        if c.column == "purchase_price":
            return "purchase price", fmt_money(c.actual), fmt_money(c.printed)
        return c.column, fmt_shares(c.actual), fmt_shares(c.printed)

    wrong = [f"{name} {have} (printed: {printed})" for c in checks if not c.agrees
             for name, have, printed in [shown(c)]]
    if wrong:
        return "⚠ Schedule 1 totals do not agree: " + "; ".join(wrong)
    return "✓ Schedule 1 totals agree with the printed schedule: " + ", ".join(
        f"{have} {name}" for name, have, _printed in map(shown, checks))

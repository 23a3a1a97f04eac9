"""The Timeline tab: a month calendar marked by deadline status, the agenda beside it, and
the selected deadline's dates side by side (contractual and in force, with the instrument).

Below them, the recorded facts, a table like the others (its row menu, Enter to edit, Delete to
remove, Copy rows, the Excel export): a fact recorded wrongly is corrected (Edit fact…) or removed
(Remove fact) here, with the same recalculation preview as recording one, and undoably.
Selecting a deadline selects the fact that triggered it where one can be told (same date, and
the same registration statement or Holder where the deadline names one)."""

from __future__ import annotations

import datetime as dt
import logging
from itertools import pairwise

from rra_desktop.domain.letter_kinds import LetterKind
from rra_desktop.domain.registration_facts import timeline
from rra_desktop.notice_files import letter_of
from ui.context import DealContext
from ui.models.deadlines import DONE, DUE_SOON, OPEN, OVERDUE, DeadlinesModel, status_of
from ui.models.facts import FactsModel, fact_rows
from ui.qt import (
    QCalendarWidget,
    QColor,
    QDate,
    QDesktopServices,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPainter,
    QPushButton,
    QRect,
    QSplitter,
    Qt,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.record_table import RecordTable

log = logging.getLogger("rra_desk")
MARKER = {"overdue": OVERDUE, "late": OVERDUE, "due_soon": DUE_SOON, "open": OPEN, "done": DONE}
NON_BUSINESS = QColor(0, 0, 0, 28)


class DeadlineCalendar(QCalendarWidget):
    """Paints a dot per deadline in force on a day (colour by status) and shades days that are
    not Business Days under the deal's calendar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName("Deadline calendar")
        self.markers: dict[dt.date, list[str]] = {}
        self.is_business_day = lambda _d: True

    def set_markers(self, markers: dict[dt.date, list[str]], is_business_day) -> None:
        self.markers = markers
        self.is_business_day = is_business_day
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = dt.date(date.year(), date.month(), date.day())
        super().paintCell(painter, rect, date)
        if not self.is_business_day(day):
            painter.fillRect(rect, NON_BUSINESS)  # translucent: the day number stays readable
        marks = self.markers.get(day, [])
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = 7
        for i, status in enumerate(marks[:5]):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MARKER.get(status, OPEN))
            painter.drawEllipse(rect.left() + 3 + i * (size + 2), rect.bottom() - size - 3, size, size)
        painter.restore()


class TimelineTab(QWidget):
    title = "Timeline"

    def __init__(self, context: DealContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._first_refresh = True
        self.calendar = DeadlineCalendar()
        self.model = DeadlinesModel(self)
        self.agenda = RecordTable(self.model, "Agenda of deadlines", stretch=DeadlinesModel.COL_TITLE)
        # The title takes the spare width; the party (a sentence at times) is capped, its whole
        # text in the tooltip, so that Clause and Status always stay in view.
        self.agenda.column_caps = {DeadlinesModel.COL_IN_FORCE: 210, DeadlinesModel.COL_PARTY: 160}
        self.agenda.set_empty_text("No deadlines yet. Record the Closing (Record fact…) to start the timeline.")
        self.filter_edit = QLineEdit(placeholderText="Filter the agenda  (Ctrl+F)")
        self.filter_edit.setAccessibleName("Filter deadlines")
        self.filter_edit.setClearButtonEnabled(True)
        self.agenda.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.agenda.proxy.setFilterKeyColumn(-1)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName("Deadline details")
        self.record_button = QPushButton("&Record fact…")
        self.done_button = QPushButton("Mark &done")
        self.notice_button = QPushButton("&Notice of Effectiveness…")
        self.facts = RecordTable(FactsModel(self), "Recorded facts", stretch=FactsModel.COL_FACT)
        self.facts.column_caps = {FactsModel.COL_WHOSE: 160, FactsModel.COL_DOCUMENT: 160}
        self.facts.set_empty_text("No facts recorded yet. Record fact… records one.")
        self.edit_fact_button = QPushButton("&Edit fact…")
        self.remove_fact_button = QPushButton("Remo&ve fact")
        for b in (self.record_button, self.edit_fact_button, self.remove_fact_button, self.done_button,
                  self.notice_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        self._layout()
        self._row_actions()
        self.filter_edit.textChanged.connect(self.agenda.proxy.setFilterFixedString)
        self.agenda.currentRecordChanged.connect(self._show_detail)
        self.calendar.clicked.connect(self._day_clicked)
        self.detail.anchorClicked.connect(lambda url: context.show_clause(url.toString().removeprefix("clause:")))
        self.record_button.clicked.connect(self.record_fact)
        self.done_button.clicked.connect(self.mark_done)
        self.notice_button.clicked.connect(self.prepare_notice)
        self.edit_fact_button.clicked.connect(self.edit_fact)
        self.remove_fact_button.clicked.connect(self.remove_fact)
        self.facts.currentRecordChanged.connect(lambda _row: self._enable_fact_buttons())
        self.facts.openRequested.connect(self.facts.row_actions.run_default)
        self.facts.deleteRequested.connect(lambda _row: self.remove_fact())
        context.dealChanged.connect(self.refresh)
        self.refresh()
        self.calendar.setSelectedDate(QDate(context.today().year, context.today().month, context.today().day))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for b in (self.record_button, self.edit_fact_button, self.remove_fact_button, self.done_button,
                  self.notice_button):
            bar.addWidget(b)
        facts = QWidget()
        facts_layout = QVBoxLayout(facts)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        facts_label = QLabel("Recorded &facts:")
        facts_label.setBuddy(self.facts)
        facts_layout.addWidget(facts_label)
        facts_layout.addWidget(self.facts)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.calendar)
        left.addWidget(self.detail)
        left.addWidget(facts)
        left.setSizes([330, 300, 160])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.agenda)
        split.setSizes([400, 1000])
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(split, 1)
        order = (self.filter_edit, self.record_button, self.edit_fact_button, self.remove_fact_button,
                 self.done_button, self.notice_button, self.agenda, self.calendar, self.detail, self.facts)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _row_actions(self) -> None:
        """The agenda's row menu; Enter (and a double-click) marks an open deadline done, or else
        edits the fact a deadline counts from."""
        from ui.widgets.row_actions import RowAction

        self.opener = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.agenda.row_actions.set_actions([
            RowAction("Mark &done…", lambda _row: self.mark_done(), lambda row: self.can_mark_done(row), enter=True),
            RowAction("&Edit the fact it counts from…", lambda row: self.edit_trigger(row[0]),
                      lambda row: row is not None and not self.context.read_only
                      and self.trigger_fact(row[0]) is not None, enter=True),
            RowAction("Open &letter", lambda row: self.open_letter(row[0]),
                      lambda row: row is not None and letter_of(self.context.deal(), row[0]) is not None),
            RowAction("Show &clause", lambda row: self.context.show_clause(row[0].clause)),
        ])
        self.agenda.openRequested.connect(self.agenda.row_actions.run_default)
        writable = lambda row: row is not None and not self.context.read_only  # noqa: E731
        self.facts.row_actions.set_actions([
            RowAction("&Edit fact…", lambda _row: self.edit_fact(), writable, enter=True),
            RowAction("Remo&ve fact", lambda _row: self.remove_fact(), writable),
        ])

    def can_mark_done(self, row) -> bool:
        return row is not None and str(row[0].status) in ("open", "overdue") and not self.context.read_only

    def refresh(self) -> None:
        today = self.context.today()
        try:
            deadlines = self.context.deadlines()
            calendar = self.context.calendar()
        except Exception:
            log.exception("Cannot compute the deadlines for the timeline")
            self.agenda.show_rows([])
            return
        names = {h.id: h.name for h in self.context.deal().holders}
        rows = [(d, status_of(d, today, calendar), names.get(d.holder_id, "")) for d in deadlines]
        markers: dict[dt.date, list[str]] = {}
        for d, status, _holder in rows:
            if d.in_force is not None and status in MARKER:
                markers.setdefault(d.in_force, []).append(status)
        self.calendar.set_markers(markers, calendar.is_business_day)
        self.agenda.show_rows(rows, key=lambda r: r[0].key)
        self.agenda.sortByColumn(DeadlinesModel.COL_IN_FORCE, Qt.SortOrder.AscendingOrder)
        if self.agenda.current() is None or self._first_refresh:
            self._first_refresh = False
            self.agenda.setCurrentIndex(self.agenda.proxy.index(0, 0))
        self.record_button.setEnabled(not self.context.read_only)
        self._fill_facts()
        self._show_detail(self.agenda.current())

    def current(self):
        row = self.agenda.current()
        return row[0] if row else None

    def select(self, key: str) -> bool:
        return self.agenda.select_where(lambda r: r[0].key == key)

    def _day_clicked(self, qdate: QDate) -> None:
        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.agenda.select_where(lambda r: r[0].in_force == day)

    def _show_detail(self, row) -> None:
        from ui.deadline_detail import deadline_detail_html

        deadline = row[0] if row else None
        self.done_button.setEnabled(self.can_mark_done(row))
        self.detail.setHtml(deadline_detail_html(deadline) if deadline else "<p>No deadline selected.</p>")
        if deadline is not None and deadline.in_force is not None:
            d = deadline.in_force
            self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        trigger = self.trigger_fact(deadline)
        if trigger is not None:
            self.select_fact(trigger.id)

    # -- recorded facts ---------------------------------------------------------------------------
    def _fill_facts(self) -> None:
        self.facts.show_rows(fact_rows(self.context.deal()))  # the chosen fact stays chosen
        self._enable_fact_buttons()

    def current_fact(self):
        row = self.facts.current()
        return None if row is None else next((f for f in timeline(self.context.deal()) if f.id == row.id), None)

    def select_fact(self, fact_id: str) -> bool:
        return self.facts.select_where(lambda row: row.id == fact_id)

    def trigger_fact(self, deadline):
        """The recorded fact ``deadline`` counts from, where it can be told: same date, and the
        same Holder / registration statement when the deadline names one (None: the Closing, or
        no single fact)."""
        if deadline is None or deadline.trigger_date is None:
            return None
        found = [f for f in timeline(self.context.deal()) if f.on == deadline.trigger_date
                 and (deadline.holder_id is None or f.holder_id == deadline.holder_id)
                 and (deadline.registration_id is None or f.registration_id in (None, deadline.registration_id))]
        return found[0] if len(found) == 1 else None

    def _enable_fact_buttons(self) -> None:
        on = self.facts.current() is not None and not self.context.read_only
        self.edit_fact_button.setEnabled(on)
        self.remove_fact_button.setEnabled(on)

    # -- actions ----------------------------------------------------------------------------------
    def record_fact(self) -> None:
        from ui.dialogs.fact_dialog import FactDialog

        FactDialog(self.context, self).exec()

    def edit_fact(self) -> None:
        """Correct the selected fact (previewed like recording one; undoable)."""
        from ui.dialogs.fact_dialog import FactDialog

        fact = self.current_fact()
        if fact is not None and not self.context.read_only:
            FactDialog(self.context, self, fact=fact).exec()

    def remove_fact(self) -> bool:
        """Remove the selected fact: the deadlines it set are previewed first (undoable)."""
        from rra_desktop.services import Refused
        from rra_desktop.services import timeline as service
        from ui.dialogs.fact_dialog import confirm_moves, deal_after_fact, kind_text
        from ui.errors import show_error

        fact = self.current_fact()
        if fact is None or self.context.read_only:
            return False
        deal = self.context.deal()
        try:
            after = deal_after_fact(deal, fact, None)
            if not confirm_moves(self, deal, after, self.context.today(), kind_text(fact.kind), "Removing"):
                return False
            self.context.perform(service.remove_fact, fact.id)
        except Refused as exc:
            show_error(self, "Remove fact", exc)
            return False
        return True

    def edit_trigger(self, deadline) -> None:
        fact = self.trigger_fact(deadline)
        if fact is not None and self.select_fact(fact.id):
            self.edit_fact()

    def open_letter(self, deadline) -> None:
        """Open the logged letter the deadline rests on (``notice_files.letter_of``)."""
        from rra_desktop.notice_files import check_files, folders_for
        from ui.errors import show_error

        deal = self.context.deal()
        notice = letter_of(deal, deadline)
        if notice is None:
            return
        folders = folders_for(getattr(self.context.store, "path", None))
        path = next((c.path for c in check_files(deal, folders) if c.notice.id == notice.id), None)
        if path is None:
            show_error(self, "Open letter", f"The letter {notice.file_name} is not in the deal's folder or its "
                       "Notices folder.")
            return
        self.opener(path)

    def mark_done(self) -> None:
        """Ask for the date done (the deadline's date offered, never today), the time where the
        clause turns on it and the supporting document (``MarkDoneDialog``)."""
        from ui.dialogs.mark_done_dialog import MarkDoneDialog

        deadline = self.current()
        if deadline is not None:
            MarkDoneDialog(self.context, deadline, self).exec()

    def prepare_notice(self) -> None:
        try:
            from ui.letters.prepare import PrepareNoticeDialog
        except ImportError:
            log.exception("The letters are not available")
            from ui.errors import show_error

            show_error(self, "Notice of Effectiveness", "Preparing notices is not available in this build.")
            return
        PrepareNoticeDialog(self.context, self, kind=LetterKind.NOTICE_OF_EFFECTIVENESS.value).exec()

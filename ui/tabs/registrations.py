"""Registration statements: the Section 2 shelf and its amendments, coverage (2, 7(c)), each
Holder's 3(m)(i) information, and Company registrations with their 7(d) piggy-back notices,
requests and the pro-rata cutback (with the rounding rule stated on screen)."""

from __future__ import annotations

from rra_desktop.domain import cutback, piggyback
from rra_desktop.domain.calendar import EdgarCalendar
from rra_desktop.domain.model import FactKind, RegistrationKind, RegistrationStatement
from rra_desktop.domain.obligations import ObligationKind
from ui.dialogs.registration_dialog import PiggybackRequestDialog, RegistrationDialog, SellingInfoDialog
from ui.formatting import fmt_date, fmt_shares, fmt_time, plural
from ui.models.registrations import (
    COL_EDGAR,
    CutbackModel,
    CutbackRow,
    RegistrationRow,
    RegistrationsModel,
    SellingInfoModel,
    SellingInfoRow,
)
from ui.qt import QLabel, QListWidget, QPushButton, QSplitter, QStackedWidget, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import clause_label, clause_link
from ui.widgets.record_dialog import button_row
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


def edgar_check(reg: RegistrationStatement, edgar: EdgarCalendar, due) -> tuple[str, bool]:
    """The Regulation S-T 5:30 p.m. check of a recorded filing time, and whether it is late
    against ``due`` (the Filing Date for the Section 2 shelf; None when nothing is due)."""
    if reg.filed_at is None:
        return "not filed", False
    deemed = edgar.deemed_filing_date(reg.filed_at)
    when = f"filed {fmt_time(reg.filed_at)} on {fmt_date(reg.filed_at)}"
    text = f"{when}: filed that day" if deemed.date == reg.filed_at.date() else \
        f"{when}: deemed filed next filing day, {fmt_date(deemed.date)}"
    late = due is not None and deemed.date > due
    if late:
        text += f" — LATE (due {fmt_date(due)})"
    return text, late


class RegistrationsTab(QWidget):
    title = "Registration statements"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RegistrationsModel(self)
        self.table = RecordTable(self.model, "Registration statements", self, stretch=COL_EDGAR)
        self.table.set_empty_text("No registration statements recorded. Add registration… records the Section 2 "
                                  "shelf, an amendment or a Company registration.")
        self.coverage = QListWidget(self)
        self.coverage.setAccessibleName("Registration coverage (Section 2, 7(c))")
        self.coverage.setWordWrap(True)
        self.coverage.setMaximumHeight(100)
        self.info_model = SellingInfoModel(self)
        self.info = RecordTable(self.info_model, "3(m)(i) information checklist", self)
        self.cutback_model = CutbackModel(self)
        self.cutback = RecordTable(self.cutback_model, "7(d) cutback allocation", self, stretch=None)
        self.cutback.set_empty_text("No piggy-back requests. Add piggy-back request… records a Holder's 7(d) "
                                    "request.")
        self.piggyback = QLabel(self)
        self.piggyback.setWordWrap(True)
        self.rule = QLabel(cutback.ROUNDING_RULE, self)
        self.rule.setWordWrap(True)
        self.rule.setAccessibleName("Rounding rule")
        self.add_button = QPushButton("&Add registration…", self)
        self.edit_button = QPushButton("Ed&it…", self)
        self.info_button = QPushButton("Mark information &received…", self)
        self.request_button = QPushButton("Add piggy-back re&quest…", self)
        self.objection_button = QPushButton("Record 3(a) ob&jection…", self)
        self._build()
        self.add_button.clicked.connect(lambda: RegistrationDialog(self.context, None, self).exec())
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current()))
        self.table.openRequested.connect(self.edit)
        self.info.openRequested.connect(self.mark_info)
        self.info_button.clicked.connect(lambda: self.mark_info(self.info.current()))
        self.request_button.clicked.connect(self.add_request)
        self.objection_button.clicked.connect(self.add_objection)
        self.table.currentRecordChanged.connect(self._selected)
        company = lambda row: row is not None and row.registration.kind == RegistrationKind.COMPANY_REGISTRATION  # noqa: E731
        self.table.row_actions.set_actions([
            RowAction("Ed&it…", self.edit, enter=True),
            RowAction("Add piggy-back re&quest…", lambda _row: self.add_request(), company),
            RowAction("Record 3(a) ob&jection…", lambda _row: self.add_objection()),
        ])
        self.info.row_actions.set_actions([RowAction("Mark information &received…", self.mark_info, enter=True)])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        buttons = button_row(self.add_button, self.edit_button, self.info_button, self.request_button,
                             self.objection_button)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.info)
        piggy = QWidget(self)
        column = QVBoxLayout(piggy)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.piggyback)
        column.addWidget(self.cutback, 1)
        column.addWidget(self.rule)
        self.stack.addWidget(piggy)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(clause_label(self.context, f"<b>Coverage</b> ({clause_link('2')} minimum and other "
                                          f"securities cap; {clause_link('7(c)')})", self))
        top_layout.addWidget(self.coverage)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.stack)
        split.setSizes([330, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    def _filing_due(self):
        for d in self.context.deadlines():
            if d.kind is ObligationKind.FILING_DATE:
                return d.in_force or d.act_by
        return None

    def refresh(self) -> None:
        from rra_desktop.domain.coverage import check_coverage

        deal = self.context.deal()
        edgar = EdgarCalendar(deal.terms.closure_days)
        due = self._filing_due()
        rows = []
        for reg in deal.registrations:
            text, late = edgar_check(reg, edgar, due if reg.kind == RegistrationKind.SECTION_2_SHELF else None)
            rows.append(RegistrationRow(reg, text, late))
        self.table.show_rows(rows)
        self.coverage.clear()
        for finding in check_coverage(deal, include_passed=True):
            self.coverage.addItem(f"{'✓' if finding.ok else '✗'} {finding.clause}: {finding.message}")
            if not finding.ok:
                self.coverage.item(self.coverage.count() - 1).setForeground(Qt.GlobalColor.darkRed)
        if not deal.registrations:
            self.coverage.addItem("No registration statement recorded yet.")
        self._selected(self.table.current())

    def _selected(self, row: RegistrationRow | None) -> None:
        self.edit_button.setEnabled(row is not None)
        company = row is not None and row.registration.kind == RegistrationKind.COMPANY_REGISTRATION
        self.stack.setCurrentIndex(1 if company else 0)
        self.info_button.setEnabled(row is not None and not company)
        self.request_button.setEnabled(company)
        if row is None:
            self.info.show_rows([])
            return
        if company:
            self._show_piggyback(row.registration)
        else:
            self._show_info(row.registration)

    def _show_info(self, reg: RegistrationStatement) -> None:
        deal = self.context.deal()
        received = {s.holder_id: s.received_on for s in deal.selling_info if s.registration_id == reg.id}
        self.info.show_rows([SellingInfoRow(h.id, h.name, received.get(h.id))
                             for h in sorted(deal.holders, key=lambda h: h.name.casefold())])

    def _show_piggyback(self, reg: RegistrationStatement) -> None:
        deal = self.context.deal()
        names = {h.id: h.name for h in deal.holders}
        notices = [f for f in deal.facts if f.kind == FactKind.PIGGYBACK_NOTICE and f.registration_id == reg.id]
        sent = ", ".join(sorted({fmt_date(f.on) for f in notices}))
        sent = f"sent {sent}" if sent else "not yet sent"
        requests = [r for r in deal.piggyback_requests if r.registration_id == reg.id]
        # One function for the screen and the record: late requests and Rule 144 shares left out,
        # ties by the larger request, then the Holder's name (DOMAIN.md).
        counted = {c.holder_id: c for c in piggyback.counted_for(deal, reg.id)}
        allocation = piggyback.registration_cutback(deal, reg.id)
        lines = {line.holder: line for line in allocation.lines}
        rows = []
        for holder_id, c in counted.items():
            line = lines[holder_id]
            rows.append(CutbackRow(holder_id, names.get(holder_id, holder_id), c.first_on, c.requested,
                                   c.rule144 + c.late, line.requested, line.floor_share, line.remainder, line.extra,
                                   line.final, c.why))
        self.cutback.show_rows(rows)
        limit = f"underwriter limit A = {fmt_shares(allocation.allowed)}" if reg.underwriter_limit is not None \
            else "no limit"
        covering = piggyback.shelf_covering_all(deal, min((f.on for f in notices), default=self.context.today()))
        why = f" <i>{covering}.</i>" if covering else ""
        self.piggyback.setText(f"<b>7(d) piggy-back notice</b> {sent}; {plural(len(requests), 'request')} "
                               f"(20 days after receipt to request); {limit}; "
                               f"R = {fmt_shares(allocation.requested_total)}.{why}")

    def add_objection(self) -> None:
        from ui.dialogs.objection_dialog import ObjectionDialog

        row = self.table.current()
        ObjectionDialog(self.context, row.registration.id if row is not None else None, self).exec()

    def edit(self, row: RegistrationRow | None) -> None:
        if row is not None:
            RegistrationDialog(self.context, row.registration, self).exec()

    def mark_info(self, info: SellingInfoRow | None) -> None:
        row = self.table.current()
        if row is not None and info is not None:
            SellingInfoDialog(self.context, row.registration.id, info.holder_id, info.holder, self).exec()

    def add_request(self) -> None:
        row = self.table.current()
        if row is not None:
            PiggybackRequestDialog(self.context, row.registration.id, self).exec()

"""The register of assignments of registration rights (7(h), 7(i)).

Each row says whether the assignment is effective — automatically under 7(i) once (i) the
written assignment is furnished and (ii) the Company has notice of the transferee's name,
address and securities, or by the Company's consent — and otherwise what is missing.
A closed assignment changes only after reopening it, with a reason the audit keeps.
"""

from __future__ import annotations

from ui.dialogs.assignment_dialog import AssignmentDialog
from ui.errors import show_error
from ui.formatting import fmt_date, fmt_shares
from ui.models.assignments import COL_SECURITY, COL_STATUS, AssignmentRow, AssignmentsModel
from ui.qt import QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import ClauseBrowser, clause_link, definition_table, esc
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.record_dialog import button_row, perform_or_show
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


def status_text(status) -> str:
    if status.effective:
        return f"Effective {fmt_date(status.effective_on)} ({status.route})"
    return "Not yet effective — missing: " + "; ".join(status.missing)


class AssignmentsTab(QWidget):
    title = "Assignments"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = AssignmentsModel(self)
        self.table = RecordTable(self.model, "Assignments of registration rights", self, stretch=COL_STATUS)
        self.table.column_caps = {COL_SECURITY: 170, COL_STATUS: 320}
        self.table.set_empty_text("No assignments recorded. Record assignment… records one (7(h), 7(i)).")
        self.detail = ClauseBrowser(context, "Assignment detail", self)
        self.record_button = QPushButton("&Record assignment…", self)
        self.edit_button = QPushButton("Ed&it conditions…", self)
        self.close_button = QPushButton("&Close…", self)
        self.reopen_button = QPushButton("Re&open…", self)
        buttons = button_row(self.record_button, self.edit_button, self.close_button, self.reopen_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([380, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.record_button.clicked.connect(lambda: AssignmentDialog(self.context, None, self).exec())
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current()))
        self.close_button.clicked.connect(lambda: self.set_closed(self.table.current(), True))
        self.reopen_button.clicked.connect(lambda: self.set_closed(self.table.current(), False))
        self.table.openRequested.connect(self.edit)
        self.table.currentRecordChanged.connect(self._selected)
        is_open = lambda row: row is not None and not row.assignment.closed  # noqa: E731
        self.table.row_actions.set_actions([
            RowAction("Ed&it conditions…", self.edit, is_open, enter=True),
            RowAction("&Close…", lambda row: self.set_closed(row, True), is_open),
            RowAction("Re&open…", lambda row: self.set_closed(row, False),
                      lambda row: row is not None and row.assignment.closed),
        ])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from rra_desktop.domain.assignments import assignment_status

        deal = self.context.deal()
        names = {h.id: h.name for h in deal.holders}
        securities = {s.code: s.name for s in deal.securities}
        rows = []
        for a in sorted(deal.assignments, key=lambda a: a.on):
            status = assignment_status(a)
            rows.append(AssignmentRow(a, names.get(a.transferor_id, a.transferor_id),
                                      names.get(a.transferee_id, a.transferee_id),
                                      securities.get(a.security, a.security), status.effective, status_text(status)))
        self.table.show_rows(rows)
        self._selected(self.table.current())

    def _selected(self, row: AssignmentRow | None) -> None:
        closed = row is not None and row.assignment.closed
        self.edit_button.setEnabled(row is not None and not closed)
        self.close_button.setEnabled(row is not None and not closed)
        self.reopen_button.setEnabled(closed)
        self.detail.setHtml(self._detail_html(row) if row else "<p>No assignment selected.</p>")

    def _detail_html(self, row: AssignmentRow) -> str:
        a = row.assignment
        try:
            transferee = self.context.deal().holder(a.transferee_id)
            address = "<br>".join(esc(x) for x in (transferee.name, *transferee.address_lines))
            if transferee.attention:
                address += f"<br>Attention: {esc(transferee.attention)}"
            if transferee.fax:
                address += f"<br>Fax: {esc(transferee.fax)}"
        except KeyError:
            address = "(transferee not on the register)"
        docs = "<br>".join(esc(d) for d in a.documents) or "(none received)"
        rows = [
            ("Transfer", f"{fmt_shares(a.quantity)} {esc(row.security)} from {esc(row.transferor)} to "
                         f"{esc(row.transferee)} on {fmt_date(a.on)}"),
            ("7(i) status", f"<b>{esc(row.status_text)}</b>"),
            ("(i) written assignment", fmt_date(a.written_assignment_furnished_on) or "not furnished"),
            ("(ii) notice to Company", fmt_date(a.transferee_notice_on) or "not received"),
            ("Company consent", fmt_date(a.company_consent_on) or "none"),
            ("Documents", docs),
            ("Transferee's notice address (7(g))", address),
            ("Record", "closed" if a.closed else "open"),
        ]
        return (f"<p>Assignment of registration rights under {clause_link('7(h)')} and {clause_link('7(i)')}.</p>"
                + definition_table(rows))

    def edit(self, row: AssignmentRow | None) -> None:
        if row is None:
            return
        if row.assignment.closed:
            show_error(self, "Assignment closed", "This assignment is closed: reopen it (with a reason) to change it.")
            return
        AssignmentDialog(self.context, row.assignment, self).exec()

    def set_closed(self, row: AssignmentRow | None, close: bool) -> None:
        if row is None:
            return
        from rra_desktop.services import assignments as service

        verb = "Close" if close else "Reopen"
        reason = ask_reason(self, f"{verb} assignment", f"{verb} the assignment from {row.transferor} to "
                            f"{row.transferee}? The audit trail records the reason.", verb)
        if reason is not None:
            fn = service.close_assignment if close else service.reopen_assignment
            perform_or_show(self, self.context, f"{verb} assignment", fn, row.assignment.id, reason)

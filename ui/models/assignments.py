"""The register of assignments of registration rights (7(h), 7(i))."""

from __future__ import annotations

from dataclasses import dataclass

from rra_desktop.domain.model import Assignment
from ui.widgets.record_table import DONE_COLOR, WARNING_COLOR, Column, RecordTableModel


@dataclass(frozen=True)
class AssignmentRow:
    assignment: Assignment
    transferor: str
    transferee: str
    security: str
    effective: bool
    status_text: str  # "Effective (7(i) automatic)" or what is missing

    @property
    def id(self) -> str:
        return self.assignment.id


(COL_DATE, COL_TRANSFEROR, COL_TRANSFEREE, COL_SECURITY, COL_SHARES, COL_STATUS, COL_WRITTEN, COL_NOTICE,
 COL_CONSENT, COL_RECORD) = range(10)


class AssignmentsModel(RecordTableModel):
    columns = (
        Column("Date", lambda r: r.assignment.on),
        Column("Transferor", lambda r: r.transferor),
        Column("Transferee", lambda r: r.transferee),
        Column("Security", lambda r: r.security, tooltip=lambda r: r.security),
        Column("Shares", lambda r: r.assignment.quantity),
        Column("7(i) status", lambda r: r.status_text, tooltip=lambda r: r.status_text),
        Column("(i) Assignment furnished", lambda r: r.assignment.written_assignment_furnished_on),
        Column("(ii) Notice received", lambda r: r.assignment.transferee_notice_on),
        Column("Consent", lambda r: r.assignment.company_consent_on),
        Column("Record", lambda r: "closed" if r.assignment.closed else "open"),
    )

    def highlight(self, row: AssignmentRow):
        if row.assignment.closed:
            return DONE_COLOR
        return None if row.effective else WARNING_COLOR

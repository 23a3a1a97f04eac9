"""Indemnification claims (Section 5) and a claim's 5(c) fee notices, as tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rra_desktop.domain.model import Claim, FeeNotice
from ui.widgets.record_table import DONE_COLOR, VIOLATION_COLOR, Column, RecordTableModel


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    deemed_given: dt.date | None  # 7(g) date of the Indemnified Party's notice (None: on receipt only)
    overdue_fees: int = 0

    @property
    def id(self) -> str:
        return self.claim.id


COL_CLAUSE, COL_INDEMNIFIED, COL_INDEMNIFYING, COL_PROCEEDING, COL_NOTICE, COL_FEES, COL_STATUS = range(7)


class ClaimsModel(RecordTableModel):
    columns = (
        Column("Clause", lambda r: r.claim.clause.value),
        Column("Indemnified Party", lambda r: r.claim.indemnified_party),
        Column("Indemnifying Party", lambda r: r.claim.indemnifying_party),
        Column("Proceeding", lambda r: r.claim.proceeding),
        Column("Notice deemed given", lambda r: r.deemed_given),
        Column("Overdue fee notices", lambda r: r.overdue_fees),
        Column("Status", lambda r: "closed" if r.claim.closed else "open"),
    )

    def highlight(self, row: ClaimRow):
        if row.overdue_fees:
            return VIOLATION_COLOR
        return DONE_COLOR if row.claim.closed else None


@dataclass(frozen=True)
class FeeRow:
    """A 5(c) fee notice with its payment date (the deadline engine's date in force)."""

    index: int  # position in the claim's fee_notices (services address it by index)
    notice: FeeNotice
    due: dt.date | None  # None while the notice awaits recorded receipt
    state: str  # "paid" | "unpaid" | "overdue"

    @property
    def id(self) -> int:
        return self.index


COL_FEE_ON, COL_FEE_AMOUNT, COL_FEE_DUE, COL_FEE_PAID_ON, COL_FEE_PAID, COL_FEE_STATE = range(6)


class FeeNoticesModel(RecordTableModel):
    columns = (
        Column("Notice of fees", lambda r: r.notice.on),
        Column("Amount", lambda r: r.notice.amount),
        Column("Payment due (5(c))", lambda r: r.due),
        Column("Paid on", lambda r: r.notice.paid_on),
        Column("Paid", lambda r: r.notice.paid_amount),
        Column("Status", lambda r: r.state),
    )

    def highlight(self, row: FeeRow):
        return VIOLATION_COLOR if row.state == "overdue" else None

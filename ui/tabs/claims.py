"""Indemnification claims (Section 5): list and detail.

The detail shows the parties and clause, the Proceeding, the 7(g) deemed-given date of the
Indemnified Party's notice, the defense and counsel, the separate-counsel bases in the
agreement's words, the fee notices with their 10-Business-Day payment dates (5(c)), settlement
consents and, for a Holder, the cap at its net proceeds against the exposure.
"""

from __future__ import annotations

from rra_desktop.domain import indemnification
from rra_desktop.domain.model import Claim
from rra_desktop.domain.notices import deemed_given
from rra_desktop.domain.obligations import OBLIGATIONS, ObligationKind
from ui.dialogs.claim_dialog import CLAUSE_TEXT, ClaimDialog, FeeNoticeDialog, separate_counsel_bases
from ui.errors import show_error
from ui.formatting import fmt_date, fmt_datetime, fmt_money
from ui.models.claims import (
    COL_PROCEEDING,
    ClaimRow,
    ClaimsModel,
    FeeNoticesModel,
    FeeRow,
)
from ui.qt import QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import ClauseBrowser, clause_label, clause_link, definition_table, esc
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.record_dialog import button_row, perform_or_show
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


def fee_rows(claim: Claim, deadlines, today) -> list[FeeRow]:
    """The claim's fee notices with the payment date the deadline engine gives each (5(c): ten
    Business Days from the day the notice is deemed given, or an agreed extension's date); no date
    while the notice awaits recorded receipt."""
    spec = OBLIGATIONS[ObligationKind.INDEMNITY_FEE_PAYMENT]
    by_key = {d.key: d for d in deadlines if d.kind is ObligationKind.INDEMNITY_FEE_PAYMENT}
    rows = []
    for i, fee in enumerate(claim.fee_notices):
        deadline = by_key.get(spec.key_for(claim.id, i + 1))
        due = deadline.in_force if deadline is not None else None
        state = "paid" if fee.paid_on else "overdue" if due is not None and today > due else "unpaid"
        rows.append(FeeRow(i, fee, due, state))
    return rows


class ClaimsTab(QWidget):
    title = "Indemnification claims"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ClaimsModel(self)
        self.table = RecordTable(self.model, "Indemnification claims", self, stretch=COL_PROCEEDING)
        self.table.set_empty_text("No claims recorded. New claim… records one.")
        self.detail = ClauseBrowser(context, "Claim detail", self)
        self.fees_model = FeeNoticesModel(self)
        self.fees = RecordTable(self.fees_model, "Fee notices (5(c))", self, stretch=None)
        self.fees.set_empty_text("No fee notices on this claim. Add fee notice… records one.")
        self.new_button = QPushButton("&New claim…", self)
        self.edit_button = QPushButton("Ed&it…", self)
        self.fee_button = QPushButton("Add fee no&tice…", self)
        self.pay_button = QPushButton("Record &payment…", self)
        self.close_button = QPushButton("&Close claim…", self)
        self.reopen_button = QPushButton("Re&open…", self)
        buttons = button_row(self.new_button, self.edit_button, self.fee_button, self.pay_button, self.close_button,
                             self.reopen_button)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(clause_label(context, "<b>Fee notices</b> — paid within 10 Business Days of written notice "
                                      f"({clause_link('5(c)')})", self))
        column.addWidget(self.fees, 1)
        # The register spans the width (seven columns read in full); the selected claim's detail
        # and its fee notices sit side by side beneath it.
        below = QSplitter(Qt.Orientation.Horizontal, self)
        below.addWidget(self.detail)
        below.addWidget(right)
        below.setSizes([760, 640])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setSizes([220, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(lambda: ClaimDialog(self.context, None, self).exec())
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current()))
        self.fee_button.clicked.connect(lambda: self.fee_notice(None))
        self.pay_button.clicked.connect(lambda: self.fee_notice(self.fees.current()))
        self.fees.openRequested.connect(self.fee_notice)
        self.close_button.clicked.connect(lambda: self.set_closed(True))
        self.reopen_button.clicked.connect(lambda: self.set_closed(False))
        self.table.openRequested.connect(self.edit)
        self.table.currentRecordChanged.connect(self._selected)
        is_open = lambda row: row is not None and not row.claim.closed  # noqa: E731
        self.table.row_actions.set_actions([
            RowAction("Ed&it…", self.edit, is_open, enter=True),
            RowAction("Add fee no&tice…", lambda _row: self.fee_notice(None), is_open),
            RowAction("&Close claim…", lambda _row: self.set_closed(True), is_open),
            RowAction("Re&open…", lambda _row: self.set_closed(False),
                      lambda row: row is not None and row.claim.closed),
        ])
        self.fees.row_actions.set_actions([
            RowAction("Record &payment…", self.fee_notice,
                      lambda fee: fee is not None and is_open(self.table.current()), enter=True),
        ])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        deadlines, today = self.context.deadlines(), self.context.today()
        rows = []
        for claim in self.context.deal().claims:
            overdue = sum(1 for f in fee_rows(claim, deadlines, today) if f.state == "overdue")
            rows.append(ClaimRow(claim, self._deemed(claim).date if claim.notice_sent_at else None, overdue))
        self.table.show_rows(rows)
        self._selected(self.table.current())

    def _deemed(self, claim: Claim):
        return deemed_given(claim.notice_method or "mail", claim.notice_sent_at, claim.notice_received_on,
                            self.context.calendar())

    def _selected(self, row: ClaimRow | None) -> None:
        open_claim = row is not None and not row.claim.closed
        for b in (self.edit_button, self.fee_button, self.close_button):
            b.setEnabled(open_claim)
        self.reopen_button.setEnabled(row is not None and row.claim.closed)
        fees = fee_rows(row.claim, self.context.deadlines(), self.context.today()) if row else []
        self.fees.show_rows(fees)
        self.pay_button.setEnabled(open_claim and bool(fees))
        self.detail.setHtml(self._detail_html(row.claim) if row else "<p>No claim selected.</p>")

    def _detail_html(self, c: Claim) -> str:
        if c.notice_sent_at:
            deemed = self._deemed(c)
            given = fmt_date(deemed.date) if deemed.date else "on receipt only"
            notice = f"sent {fmt_datetime(c.notice_sent_at)} by {esc(c.notice_method)}; deemed given {given}"
            notice += f"<br><small>{esc(deemed.rule)}</small>"
        else:
            notice = "not yet given (5(c): the Indemnified Party shall promptly notify)"
        words = separate_counsel_bases()
        bases = "<br>".join(f"({n}) {esc(words.get(n, ''))}" for n in c.separate_counsel_bases) or "none recorded"
        rows = [
            ("Clause", f"{clause_link(c.clause.value)} — {esc(CLAUSE_TEXT[c.clause].split(' ', 1)[1])}"),
            ("Indemnified Party", esc(c.indemnified_party)),
            ("Indemnifying Party", esc(c.indemnifying_party)),
            ("Proceeding", esc(c.proceeding)),
            ("Notice", notice),
            ("Defense assumed", fmt_date(c.defense_assumed_on) or "not yet"),
            ("Counsel", esc(c.counsel) or "—"),
            (f"Separate counsel at the Indemnifying Party's expense ({clause_link('5(c)')})", bases),
            ("Settlement consents", "<br>".join(esc(s) for s in c.settlement_consents) or "none"),
            ("Exposure", fmt_money(c.exposure) or "not estimated"),
        ]
        if c.holder_id:
            rows.append(("Holder's cap (net proceeds)", self._cap_html(c)))
        rows.append(("Status", "closed" if c.closed else "open"))
        return definition_table(rows)

    def _cap_html(self, c: Claim) -> str:
        check = indemnification.cap_check(self.context.deal(), c)
        cap = fmt_money(check.cap.cap) if check.cap else "no cap"
        text = f"{cap} ({clause_link('5(b)')}, {clause_link('5(d)')})"
        if check.within_cap is False:
            text += f" — <b style='color:#b00020'>exposure exceeds the cap by {fmt_money(check.excess)}</b>"
        return f"{text}<br><small>{esc(check.explanation)}</small>"

    def edit(self, row: ClaimRow | None) -> None:
        if row is None:
            return
        if row.claim.closed:
            show_error(self, "Claim closed", "This claim is closed: reopen it (with a reason) to change it.")
            return
        ClaimDialog(self.context, row.claim, self).exec()

    def fee_notice(self, fee: FeeRow | None) -> None:
        row = self.table.current()
        if row is not None and not row.claim.closed:
            FeeNoticeDialog(self.context, row.claim, fee.index if fee else None, self).exec()

    def set_closed(self, close: bool) -> None:
        row = self.table.current()
        if row is None:
            return
        from rra_desktop.services import claims as service

        verb = "Close" if close else "Reopen"
        reason = ask_reason(self, f"{verb} claim", f"{verb} the claim “{row.claim.proceeding}”? The audit trail "
                            "records the reason.", verb)
        if reason is not None:
            fn = service.close_claim if close else service.reopen_claim
            perform_or_show(self, self.context, f"{verb} claim", fn, row.claim.id, reason)

"""Open or edit an indemnification claim (Section 5), and record a 5(c) fee notice or payment."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from rra_desktop.domain.model import Claim, ClaimClause, FeeNotice
from rra_desktop.domain.notices import METHODS
from ui.qt import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, Qt, QWidget
from ui.widgets.date_field import DateField, OptionalDateField, OptionalDateTimeField
from ui.widgets.money_field import MoneyField
from ui.widgets.record_dialog import RecordDialog

CLAUSE_TEXT = {
    ClaimClause.COMPANY_INDEMNIFIES: "5(a) Indemnification by the Company",
    ClaimClause.HOLDER_INDEMNIFIES: "5(b) Indemnification by Holders (several; capped at net proceeds)",
    ClaimClause.CONTRIBUTION: "5(d) Contribution (capped at net proceeds for a Holder)",
}


def separate_counsel_bases() -> dict[int, str]:
    """5(c) cases (1)-(4) in the agreement's words, from the rules engine."""
    from rra_desktop.domain.indemnification import SEPARATE_COUNSEL_BASES

    return dict(SEPARATE_COUNSEL_BASES)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class ClaimDialog(RecordDialog):
    def __init__(self, context, claim: Claim | None = None, parent=None) -> None:
        super().__init__(context, "Open claim" if claim is None else "Edit claim", parent)
        self.original = claim
        deal = context.deal()
        c = claim or Claim("", ClaimClause.COMPANY_INDEMNIFIES, "", deal.terms.company.name, "")
        self.clause = QComboBox()
        for clause, text in CLAUSE_TEXT.items():
            self.clause.addItem(text, clause.value)
        self.clause.setCurrentIndex(self.clause.findData(c.clause.value))
        self.add_field("clause", "C&lause:", self.clause)
        self.indemnified = self.add_field("indemnified_party", "Indemnified &Party:", QLineEdit(c.indemnified_party))
        self.indemnifying = self.add_field("indemnifying_party", "Indemnif&ying Party:",
                                           QLineEdit(c.indemnifying_party))
        self.holder = QComboBox()
        self.holder.addItem("(no Holder concerned)", "")
        for h in sorted(deal.holders, key=lambda h: h.name.casefold()):
            self.holder.addItem(h.name, h.id)
        self.holder.setCurrentIndex(max(0, self.holder.findData(c.holder_id or "")))
        self.add_field("holder_id", "&Holder concerned:", self.holder, "For 5(b)/5(d): the Holder whose net "
                       "proceeds cap its liability.")
        self.proceeding = self.add_field("proceeding", "P&roceeding:", QLineEdit(c.proceeding))
        self.notice_at = self.add_field("notice_sent_at", "&Notice sent at:", OptionalDateTimeField(None, "Sent"))
        self.notice_at.set_value(c.notice_sent_at)
        self.method = QComboBox()
        self.method.addItems(["", *METHODS])
        self.method.setCurrentText(c.notice_method)
        self.add_field("notice_method", "Notice &method:", self.method)
        self.received = self.add_field("notice_received_on", "Notice recei&ved:", OptionalDateField(None, "On"))
        self.received.set_value(c.notice_received_on, default=context.today())
        self.defense = self.add_field("defense_assumed_on", "&Defense assumed:", OptionalDateField(None, "On"))
        self.defense.set_value(c.defense_assumed_on, default=context.today())
        self.counsel = self.add_field("counsel", "&Counsel:", QLineEdit(c.counsel))
        self.bases: dict[int, QCheckBox] = {}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for row, (number, words) in enumerate(separate_counsel_bases().items()):
            check = QCheckBox(f"({number})")
            check.setChecked(number in c.separate_counsel_bases)
            check.setAccessibleName(f"Case ({number}): {words}")
            words_label = QLabel(words)  # the agreement's words, wrapped so the dialog stays narrow
            words_label.setWordWrap(True)
            # Form layouts do not pass height-for-width down; fix the wrapped height ourselves.
            words_label.setMinimumWidth(440)
            words_label.setMinimumHeight(words_label.heightForWidth(440))
            words_label.setBuddy(check)
            self.bases[number] = check
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(words_label, row, 1)
        self.add_field("separate_counsel_bases", "&Separate counsel:", box,
                       "5(c): separate counsel at the Indemnifying Party's expense only in cases (1) to (4).")
        self.consents = self.add_field("settlement_consents", "Settlement consen&ts:",
                                       QPlainTextEdit("\n".join(c.settlement_consents)))
        self.consents.setMaximumHeight(50)
        self.exposure = self.add_field("exposure", "&Exposure ($):", MoneyField(c.exposure))
        self.notes = self.add_field("notes", "N&otes:", QPlainTextEdit(c.notes))
        self.notes.setMaximumHeight(50)

    def proposed(self) -> Claim:
        values = dict(clause=ClaimClause(self.clause.currentData()),
                      indemnified_party=self.indemnified.text().strip(),
                      indemnifying_party=self.indemnifying.text().strip(), proceeding=self.proceeding.text().strip(),
                      holder_id=self.holder.currentData() or None, notice_sent_at=self.notice_at.value(),
                      notice_method=self.method.currentText(), notice_received_on=self.received.value(),
                      defense_assumed_on=self.defense.value(), counsel=self.counsel.text().strip(),
                      separate_counsel_bases=tuple(n for n, c in self.bases.items() if c.isChecked()),
                      settlement_consents=_lines(self.consents.toPlainText()), exposure=self.exposure.value(),
                      notes=self.notes.toPlainText().strip())
        if self.original is None:
            return Claim(id=f"c-{uuid.uuid4().hex[:12]}", **values)
        return dataclasses.replace(self.original, **values)

    def submit(self) -> bool:
        from rra_desktop.services import claims as service

        if self.original is None:
            self.context.perform(service.open_claim, self.proposed())
        else:
            self.context.perform(service.edit_claim, self.proposed())
        return True


class FeeNoticeDialog(RecordDialog):
    """5(c): a written notice of fees to the Indemnifying Party, and its payment when made."""

    def __init__(self, context, claim: Claim, index: int | None = None, parent=None) -> None:
        super().__init__(context, "Fee notice (5(c))" if index is None else "Record fee payment", parent)
        self.claim, self.index = claim, index
        fee = claim.fee_notices[index] if index is not None else FeeNotice(context.today(), None)
        self.on = self.add_field("on", "Notice &date:", DateField(fee.on))
        self.amount = self.add_field("amount", "&Amount ($):", MoneyField(fee.amount))
        self.fee_method = QComboBox()
        self.fee_method.addItems(["", *METHODS])
        self.fee_method.setCurrentText(fee.method)
        self.add_field("method", "Sent &by:", self.fee_method, "7(g): the 10 Business Days count from the day the "
                       "notice is deemed given (a fax after 5:00 p.m. Eastern: the next Business Day).")
        self.sent_at = self.add_field("sent_at", "Sent a&t (Eastern):", OptionalDateTimeField(None, "Time", "Sent at"))
        self.sent_at.set_value(fee.sent_at, default=dt.datetime.combine(fee.on, dt.time(12)))
        self.fee_received = self.add_field("received_on", "Re&ceived:", OptionalDateField(None, "Received", "Received"))
        self.fee_received.set_value(fee.received_on, default=fee.on)
        self.paid_on = self.add_field("paid_on", "&Paid on:", OptionalDateField(None, "Paid"))
        self.paid_on.set_value(fee.paid_on, default=context.today())
        self.paid_amount = self.add_field("paid_amount", "Paid a&mount ($):", MoneyField(fee.paid_amount))
        # A notice is recorded first and its payment later; each step changes only its own fields.
        locked = (self.on, self.amount, self.fee_method, self.sent_at, self.fee_received) if index is not None \
            else (self.paid_on, self.paid_amount)
        why = "Recorded with the notice." if index is not None else "Record the payment later (Record payment…)."
        for widget in locked:
            widget.setEnabled(False)
            widget.setToolTip(why)

    def submit(self) -> bool:
        from rra_desktop.services import Refused
        from rra_desktop.services import claims as service

        if self.amount.value() is None:
            raise Refused("Enter the amount of fees noticed, e.g. 25,000.00.", field="amount")
        if self.index is None:
            self.context.perform(service.record_fee_notice, self.claim.id, self.on.value(), self.amount.value(),
                                 self.fee_method.currentText(), self.sent_at.value(), self.fee_received.value())
            return True
        if self.paid_on.value() is None:
            raise Refused("Tick “Paid” and enter the date the fees were paid.", field="paid_on")
        paid = self.paid_amount.value() if self.paid_amount.value() is not None else self.amount.value()
        self.context.perform(service.record_fee_payment, self.claim.id, self.index, self.paid_on.value(), paid)
        return True

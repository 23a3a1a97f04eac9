"""Consents and majority (7(f), 7(o)): record a consent, waiver or agreed extension, and see
live, as of its date, whether the Holders who gave it hold a majority of the Registrable
Securities, Affiliates of the Company excluded.

The service refuses an instrument without Holders of a majority (7(f): the Company cannot move
or waive what it owes the Holders alone) and one that does not name its document. Choice: a
minority instrument is still evidence worth keeping, so the dialog asks for an override reason
(the audit trail keeps it) as the blackout dialog does; cancelling leaves the refusal to show.

7(f)'s other route, "the Company and each Holder", needs the Company among the signatories: the
first entry of "Given by" is the Company (id ``company``, the id the instruments service reads),
never counted in the majority (7(o) excludes the Company's own holdings anyway).
"""

from __future__ import annotations

import uuid

from rra_desktop.domain import majority as majority_rule
from rra_desktop.domain.majority import COMPANY
from ui.formatting import fmt_date, fmt_shares
from ui.qt import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, Qt
from ui.widgets.date_field import DateField, OptionalDateField
from ui.widgets.record_dialog import RecordDialog

CLAUSES = ("7(f)", "3(a)", "3(e)", "7(b)")


class ConsentDialog(RecordDialog):
    def __init__(self, context, parent=None, deadline_key: str | None = None, instrument=None):
        """``instrument``: an instrument already recorded, to edit (its count is taken again)."""
        super().__init__(context, "Consents and majority", parent)
        self.original = instrument
        deal = context.deal()
        self.kind = self.add_field("kind", "&Instrument:", QComboBox())
        for value in ("consent", "waiver", "extension"):
            self.kind.addItem(value.capitalize(), value)
        self.clause = self.add_field("clause", "&Clause:", QComboBox())
        self.clause.addItems(CLAUSES)
        self.on = self.add_field("on", "&Dated:", DateField(context.today(), "Date of the instrument"))
        self.description = self.add_field("description", "D&escription:", QLineEdit())
        self.document = self.add_field("document", "Doc&ument:", QLineEdit())
        self.holders = self.add_field("given_by", "&Given by:", QListWidget())
        self.holders.setMinimumHeight(150)
        signatories = [(f"{deal.terms.company.name} (the Company)", COMPANY)]
        signatories += [(h.name + ("  (Affiliate: excluded under 7(o))" if h.affiliate else ""), h.id)
                        for h in deal.holders]
        for text, signatory_id in signatories:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, signatory_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.holders.addItem(item)
        self.majority = QLabel()
        self.majority.setWordWrap(True)
        self.majority.setAccessibleName("Majority count")
        self.form.addRow("Majority:", self.majority)
        self.deadline = self.add_field("deadline_key", "&Moves deadline:", QComboBox())
        # Deadline titles are long: the combo stays form-wide and its list shows them in full.
        self.deadline.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.deadline.setMinimumContentsLength(40)
        self.deadline.view().setMinimumWidth(720)
        self.deadline.addItem("(none)", None)
        for d in context.deadlines():
            if d.in_force is not None:
                self.deadline.addItem(f"{d.title} — {fmt_date(d.in_force)} ({d.clause})", d.key)
        if deadline_key:
            self.deadline.setCurrentIndex(max(0, self.deadline.findData(deadline_key)))
        self.new_date = self.add_field("new_date", "&New date:", OptionalDateField(None, "Sets", "New date"))
        self.new_date.field.set_value(context.today())
        self.holders.itemChanged.connect(lambda _i: self.update_count())
        self.on.valueChanged.connect(lambda _d: self.update_count())
        self.resize(680, 580)
        if instrument is not None:
            self._load(instrument)
        self.update_count()

    def _load(self, i) -> None:
        self.setWindowTitle(f"{i.kind.value.capitalize()} under {i.clause}")
        self.kind.setCurrentIndex(max(0, self.kind.findData(i.kind.value)))
        self.clause.setCurrentIndex(max(0, self.clause.findText(i.clause)))
        self.on.set_value(i.on)
        self.description.setText(i.description)
        self.document.setText(i.document)
        self.set_consenting(i.given_by)
        if i.deadline_key:
            index = self.deadline.findData(i.deadline_key)
            if index < 0:  # a deadline no longer in force (waived) is still the one it names
                self.deadline.addItem(i.deadline_key, i.deadline_key)
                index = self.deadline.count() - 1
            self.deadline.setCurrentIndex(index)
        self.new_date.set_value(i.new_date, default=i.on)

    def consenting_ids(self) -> list[str]:
        items = (self.holders.item(i) for i in range(self.holders.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked]

    def set_consenting(self, holder_ids) -> None:
        wanted = set(holder_ids)
        for i in range(self.holders.count()):
            item = self.holders.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def count(self):
        holder_ids = [i for i in self.consenting_ids() if i != COMPANY]
        return majority_rule.majority_count(self.context.deal(), self.on.value(), holder_ids)

    def company_and_each_holder(self, count=None) -> bool:
        """7(f)'s "the Company and each Holder", as the service reads it."""
        return majority_rule.company_and_each_holder(self.consenting_ids(), count or self.count())

    def signed_enough(self) -> bool:
        """The service's 7(f) test, so the dialog asks for an override exactly when the service
        would refuse."""
        return majority_rule.signed_enough(self.consenting_ids(), self.count())

    def update_count(self) -> None:
        count = self.count()
        excluded = getattr(count, "excluded", ()) or ()
        names = {h.id: h.name for h in self.context.deal().holders}
        excluded_text = ", ".join(names.get(getattr(e, "holder_id", e), str(e)) for e in excluded) or "none"
        verdict = "✓ a majority" if count.achieved else "✗ not a majority"
        every = self.company_and_each_holder(count)
        self.majority.setText(
            f"As of {fmt_date(self.on.value())}: {fmt_shares(count.numerator)} of "
            f"{fmt_shares(count.denominator)} Registrable Securities — {verdict}. "
            f"Excluded under 7(o): {excluded_text}."
            + (" ✓ The Company and every Holder signed (7(f))." if every else "")
        )
        self.majority.setStyleSheet("color: #1e7b34;" if count.achieved or every else "color: #b00020;")

    def instrument(self):
        from rra_desktop.domain.model import Instrument, InstrumentKind

        return Instrument(
            id=self.original.id if self.original is not None else f"i-{uuid.uuid4().hex[:8]}",
            kind=InstrumentKind(self.kind.currentData()),
            clause=self.clause.currentText(),
            on=self.on.value(),
            description=self.description.text().strip(),
            given_by=tuple(self.consenting_ids()),
            document=self.document.text().strip(),
            deadline_key=self.deadline.currentData(),
            new_date=self.new_date.value(),
        )

    def submit(self) -> bool:
        from rra_desktop.services import instruments as service
        from ui.widgets.reason_dialog import ask_reason

        override = "" if self.signed_enough() else ask_reason(
            self, "Record without a majority?", f"{self.majority.text()}\n\n7(f) needs Holders of a majority. To "
            "record it anyway, give the reason. The audit trail keeps it.", "Record with override") or ""
        fn = service.record_instrument if self.original is None else service.edit_instrument
        self.context.perform(fn, self.instrument(), override_reason=override)
        return True

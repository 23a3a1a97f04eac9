"""Record an assignment of registration rights (7(h), 7(i)), creating or updating the
transferee as a Holder with its 7(g) notice address.

A recorded assignment keeps its parties, security, shares and date; afterwards only the 7(i)
conditions (dates and documents) change, and a closed one only after reopening it.
"""

from __future__ import annotations

import dataclasses
import re
import uuid

from rra_desktop.domain.model import Assignment, Holder
from ui.qt import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox
from ui.widgets.date_field import DateField, OptionalDateField
from ui.widgets.record_dialog import RecordDialog

NEW_HOLDER = ""  # combo data for "a new Holder"


def new_holder_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "holder"
    return f"h-{slug}-{uuid.uuid4().hex[:6]}"


class AssignmentDialog(RecordDialog):
    def __init__(self, context, assignment: Assignment | None = None, parent=None) -> None:
        super().__init__(context, "Record assignment" if assignment is None else "Assignment: 7(i) conditions", parent)
        self.original = assignment
        deal = context.deal()
        today = context.today()
        self.transferor = QComboBox()
        self.transferee = QComboBox()
        self.transferee.addItem("New Holder…", NEW_HOLDER)
        for h in sorted(deal.holders, key=lambda h: h.name.casefold()):
            self.transferor.addItem(h.name, h.id)
            self.transferee.addItem(h.name, h.id)
        self.add_field("transferor_id", "&Transferor:", self.transferor)
        self.security = QComboBox()
        for s in deal.securities:
            self.security.addItem(f"{s.name} ({s.code})", s.code)
        self.add_field("security", "&Security:", self.security)
        self.quantity = self.add_field("quantity", "S&hares:", QSpinBox())
        self.quantity.setRange(1, 2_000_000_000)
        self.quantity.setGroupSeparatorShown(True)
        self.on = self.add_field("on", "&Date of transfer:", DateField(today))
        self.add_field("transferee_id", "Trans&feree:", self.transferee)
        self.name = self.add_field("name", "&Name:", QLineEdit())
        self.address = self.add_field("address_lines", "Notice addr&ess:", QPlainTextEdit())
        self.address.setMaximumHeight(70)
        self.address.setPlaceholderText("One line per address line")
        self.attention = self.add_field("attention", "&Attention:", QLineEdit())
        self.fax = self.add_field("fax", "Fa&x:", QLineEdit())
        self.email = self.add_field("email", "E-&mail:", QLineEdit())
        self.written = self.add_field("written_assignment_furnished_on", "(&i) Written assignment furnished:",
                                      OptionalDateField(None, "Furnished on", "Written assignment furnished"))
        self.notice = self.add_field("transferee_notice_on", "(ii) N&otice of name, address, securities:",
                                     OptionalDateField(None, "Received on", "Transferee notice"))
        self.consent = self.add_field("company_consent_on", "&Company consent (alternative):",
                                      OptionalDateField(None, "Given on", "Company consent"))
        self.documents = self.add_field("documents", "Doc&uments:", QPlainTextEdit())
        self.documents.setMaximumHeight(60)
        self.documents.setPlaceholderText("One document per line")
        for f in (self.written, self.notice, self.consent):
            f.set_value(None, default=today)
        self.transferee.currentIndexChanged.connect(self._transferee_chosen)
        if assignment is not None:
            self._load(assignment)

    def _transferee_chosen(self) -> None:
        """An existing transferee's notice address is offered for update; a new one starts blank."""
        holder_id = self.transferee.currentData()
        holder = self.context.deal().holder(holder_id) if holder_id else Holder("", "")
        self.name.setText(holder.name)
        self.address.setPlainText("\n".join(holder.address_lines))
        self.attention.setText(holder.attention)
        self.fax.setText(holder.fax)
        self.email.setText(holder.email)

    def _load(self, a: Assignment) -> None:
        self.transferor.setCurrentIndex(self.transferor.findData(a.transferor_id))
        self.transferee.setCurrentIndex(self.transferee.findData(a.transferee_id))
        self.security.setCurrentIndex(self.security.findData(a.security))
        self.quantity.setValue(a.quantity)
        self.on.set_value(a.on)
        self.written.set_value(a.written_assignment_furnished_on)
        self.notice.set_value(a.transferee_notice_on)
        self.consent.set_value(a.company_consent_on)
        self.documents.setPlainText("\n".join(a.documents))
        why = "Recorded: the transfer itself is fixed; only the 7(i) conditions and documents change."
        for name in ("transferor_id", "security", "quantity", "on", "transferee_id", "name", "address_lines",
                     "attention", "fax", "email"):
            self.field(name).setEnabled(False)
            self.field(name).setToolTip(why)

    def transferee_holder(self) -> Holder:
        holder_id = self.transferee.currentData() or new_holder_id(self.name.text())
        lines = tuple(line.strip() for line in self.address.toPlainText().splitlines() if line.strip())
        values = dict(name=self.name.text().strip(), address_lines=lines, attention=self.attention.text().strip(),
                      fax=self.fax.text().strip(), email=self.email.text().strip())
        if self.transferee.currentData():
            return dataclasses.replace(self.context.deal().holder(holder_id), **values)
        return Holder(id=holder_id, **values)

    def proposed(self, transferee_id: str) -> Assignment:
        documents = tuple(d.strip() for d in self.documents.toPlainText().splitlines() if d.strip())
        values = dict(written_assignment_furnished_on=self.written.value(), transferee_notice_on=self.notice.value(),
                      company_consent_on=self.consent.value(), documents=documents)
        if self.original is not None:
            return dataclasses.replace(self.original, **values)
        return Assignment(id=f"a-{uuid.uuid4().hex[:12]}", transferor_id=self.transferor.currentData(),
                          transferee_id=transferee_id, security=self.security.currentData(),
                          quantity=self.quantity.value(), on=self.on.value(), **values)

    def submit(self) -> bool:
        from rra_desktop.services import assignments as service

        if self.original is not None:
            self.context.perform(service.update_assignment, self.proposed(self.original.transferee_id))
            return True
        holder = self.transferee_holder()
        self.context.perform(service.record_assignment, self.proposed(holder.id), holder)
        return True

"""Record a 3(a) written objection: who objects, when the Company received it, which document
and which review copies it answers. The dialog shows, as the user ticks the objectors, whether
the objection binds (``domain.objections.objection_status``): a majority of the Registrable
Securities under 7(o), or Special Counsel, within 3 Business Days after the copies' receipt."""

from __future__ import annotations

import datetime as dt
import uuid

from rra_desktop.domain.model import FactKind, Objection
from rra_desktop.domain.objections import SPECIAL_COUNSEL, objection_status
from ui.formatting import fmt_date
from ui.qt import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, Qt
from ui.widgets.date_field import DateField
from ui.widgets.record_dialog import RecordDialog


def received_default(copies, today: dt.date) -> dt.date:
    """An objection answers review copies and comes within 3 Business Days of them, so the date it
    was received starts at the latest copies' date on or before the view's day (a 2003 objection
    recorded years later is not dated today); with no copies recorded, the view's day."""
    return max((f.on for f in copies if f.on <= today), default=today)


class ObjectionDialog(RecordDialog):
    def __init__(self, context, registration_id: str | None = None, parent=None) -> None:
        super().__init__(context, "Record a 3(a) objection", parent)
        deal = context.deal()
        self.registration_id = registration_id
        self.document = self.add_field("document", "&Document objected to:", QLineEdit(self))
        self.objectors = QListWidget(self)
        for name, oid in [("Special Counsel", SPECIAL_COUNSEL)] + [(h.name, h.id) for h in deal.holders]:
            item = QListWidgetItem(name, self.objectors)
            item.setData(Qt.ItemDataRole.UserRole, oid)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.objectors.setMaximumHeight(160)
        self.add_field("objectors", "&Objecting:", self.objectors)
        self.copies = QComboBox(self)
        self.copies.addItem("(the latest copies received before the objection)", "")
        copies = [f for f in deal.facts
                  if f.kind == FactKind.REVIEW_COPIES_RECEIVED and f.registration_id in (None, registration_id)]
        for f in copies:
            self.copies.addItem(f"Copies received {fmt_date(f.on)}" + (f": {f.document}" if f.document else ""),
                                f.id)
        self.add_field("copies_fact_id", "Answers the &copies:", self.copies)
        self.received = self.add_field("received_on", "&Received by the Company:",
                                       DateField(received_default(copies, context.today())))
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("3(a) check")
        self.body.insertWidget(1, self.verdict)
        self.objectors.itemChanged.connect(self.update_check)
        self.received.valueChanged.connect(self.update_check)
        self.copies.currentIndexChanged.connect(self.update_check)
        self.document.textChanged.connect(self.update_check)
        self.update_check()

    def chosen(self) -> tuple[str, ...]:
        items = (self.objectors.item(i) for i in range(self.objectors.count()))
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)

    def proposed(self) -> Objection:
        return Objection(f"o-{uuid.uuid4().hex[:10]}", self.document.text().strip(), self.chosen(),
                         self.received.value(), self.registration_id, self.copies.currentData() or None)

    def update_check(self, *_args) -> None:
        o = self.proposed()
        if not o.objectors:
            self.verdict.setText("Tick who objects.")
            return
        self.verdict.setText(objection_status(self.context.deal(), o).explanation)

    def submit(self) -> bool:
        from rra_desktop.services import objections as service

        self.context.perform(service.record_objection, self.proposed())
        return True

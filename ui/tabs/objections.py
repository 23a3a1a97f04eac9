"""3(a) written objections: the list, whether each binds (a majority of the Registrable Securities
under 7(o), or Special Counsel, within 3 Business Days after the copies' receipt), whether it
stands on the tab's date; record one, withdraw it, remove one recorded by mistake."""

from __future__ import annotations

from ui.dialogs.address_dialog import WithdrawDialog
from ui.formatting import fmt_date
from ui.models.objections import COL_DOCUMENT, ObjectionsModel, objection_rows
from ui.qt import QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import clause_label, clause_link
from ui.widgets.date_field import DateField
from ui.widgets.record_dialog import button_row, confirm_and_perform
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


class ObjectionsTab(QWidget):
    title = "3(a) objections"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.as_of = DateField(context.today(), "Objections as of", self)
        self.model = ObjectionsModel(self)
        self.table = RecordTable(self.model, "3(a) objections", self, stretch=COL_DOCUMENT)
        self.table.set_empty_text("No written objection recorded. Record objection… adds one (3(a)).")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Objection detail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton("&Record objection…", self)
        self.withdraw_button = QPushButton("&Withdraw…", self)
        self.remove_button = QPushButton("Re&move", self)
        bar = QHBoxLayout()
        label = QLabel("A&s of:", self)
        label.setBuddy(self.as_of)
        bar.addWidget(label)
        bar.addWidget(self.as_of)
        bar.addStretch(1)
        lead = clause_label(context, f"{clause_link('3(a)')}: the Company shall not file a document to which a "
                            "majority of the Holders or Special Counsel object within 3 Business Days.", self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(button_row(self.record_button, self.withdraw_button, self.remove_button, lead=lead))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.record_button.clicked.connect(self.record)
        self.withdraw_button.clicked.connect(lambda: self.withdraw(self.table.current()))
        self.remove_button.clicked.connect(lambda: self.remove(self.table.current()))
        self.table.deleteRequested.connect(self.remove)
        self.table.row_actions.set_actions([
            RowAction("&Withdraw…", self.withdraw, lambda r: r is not None and r.objection.withdrawn_on is None),
            RowAction("Re&move…", self.remove),
        ])
        self.table.currentRecordChanged.connect(self._selected)
        self.as_of.valueChanged.connect(lambda _d: self.refresh())
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def day(self):
        return self.as_of.value() or self.context.today()

    def refresh(self) -> None:
        self.table.show_rows(objection_rows(self.context.deal(), self.day()))
        self._selected(self.table.current())

    def _selected(self, row) -> None:
        self.withdraw_button.setEnabled(row is not None and row.objection.withdrawn_on is None)
        self.remove_button.setEnabled(row is not None)
        if row is None:
            self.detail.setText("")
            return
        stands = "stands" if row.stands else "does not stand"
        over = " The document was filed while it stood: see Check deal." if row.filed_over else ""
        self.detail.setText(f"On {fmt_date(self.day())} the objection {stands}. {row.status.explanation}{over}")

    def record(self) -> None:
        from ui.dialogs.objection_dialog import ObjectionDialog

        ObjectionDialog(self.context, None, self).exec()

    def withdraw(self, row) -> None:
        if row is None:
            return
        from rra_desktop.services import objections as service

        WithdrawDialog(self.context, "Withdraw a 3(a) objection",
                       f"Objection of {row.objectors} to {row.objection.document}, received "
                       f"{fmt_date(row.objection.received_on)}. From the day entered the document may be filed.",
                       max(self.day(), row.objection.received_on), service.withdraw_objection, row.id, self).exec()

    def remove(self, row) -> None:
        if row is None:
            return
        question = (f"Remove the objection of {row.objectors} to {row.objection.document}? Only for one recorded "
                    "by mistake: an objection given up is withdrawn.")
        from rra_desktop.services import objections as service

        confirm_and_perform(self, self.context, "Remove objection", question, service.remove_objection, row.id)

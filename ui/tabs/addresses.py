"""Notice addresses (7(g)): where every Holder and party is addressed on a date, and the register
of recorded changes of address with the day each takes effect.

A change of address is itself a notice under 7(g): it takes effect on the day it is deemed given
(or the later day it names), so a letter sent before then still goes to the old address. Letters,
the Prepare notice dialog and the Holders register all use the address in force on their date
(``domain.addresses``). A recorded change is corrected with Edit… (Enter on its row), withdrawn
from a day with Withdraw…, or removed when it was recorded by mistake."""

from __future__ import annotations

from rra_desktop.domain.addresses import address_book, one_line, register
from ui.dialogs.address_dialog import AddressChangeDialog, WithdrawDialog
from ui.formatting import fmt_date
from ui.models.addresses import COL_ADDRESS, COL_C_ADDRESS, ChangesModel, InForceModel
from ui.qt import QHBoxLayout, QLabel, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import clause_label, clause_link
from ui.widgets.date_field import DateField
from ui.widgets.record_dialog import button_row, confirm_and_perform
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


class AddressesTab(QWidget):
    title = "Notice addresses"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.as_of = DateField(context.today(), "Addresses in force on", self)
        self.in_force_model = InForceModel(self)
        self.in_force = RecordTable(self.in_force_model, "Addresses in force", self, stretch=COL_ADDRESS)
        self.table = self.in_force  # the tab's first table (keys, export), the register of changes below it
        self.changes_model = ChangesModel(self)
        self.changes = RecordTable(self.changes_model, "Changes of address (7(g))", self, stretch=COL_C_ADDRESS)
        self.changes.set_empty_text("No change of address recorded: every notice goes to the address first "
                                    "designated (Schedule 1, the agreement). Record change… adds one.")
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Change detail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton("&Record change…", self)
        self.edit_button = QPushButton("Ed&it…", self)
        self.withdraw_button = QPushButton("&Withdraw…", self)
        self.remove_button = QPushButton("Re&move", self)
        self.remove_button.setToolTip("Remove a change recorded by mistake (the audit trail keeps it)")
        for table in (self.in_force, self.changes):
            table.column_caps[0] = 230
            table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as listed: Holders, parties
        self._layout()
        self.record_button.clicked.connect(self.record_change)
        self.edit_button.clicked.connect(lambda: self.edit(self.changes.current()))
        self.withdraw_button.clicked.connect(lambda: self.withdraw(self.changes.current()))
        self.remove_button.clicked.connect(lambda: self.remove(self.changes.current()))
        self.in_force.openRequested.connect(self.record_change)
        self.changes.openRequested.connect(self.edit)
        self.changes.deleteRequested.connect(self.remove)
        self.in_force.row_actions.set_actions([RowAction("&Record change of address…", self.record_change, enter=True)])
        self.changes.row_actions.set_actions([
            RowAction("Ed&it…", self.edit, enter=True),
            RowAction("&Withdraw…", self.withdraw, lambda e: e is not None and e.change.withdrawn_on is None),
            RowAction("Re&move…", self.remove),
        ])
        self.changes.currentRecordChanged.connect(self._selected)
        self.as_of.valueChanged.connect(lambda _d: self.refresh())
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        label = QLabel("In force &on:", self)
        label.setBuddy(self.as_of)
        bar.addWidget(label)
        bar.addWidget(self.as_of)
        bar.addStretch(1)
        lead = clause_label(self.context, f"{clause_link('7(g)')}: a change of address is a notice; it takes "
                            "effect on the day it is deemed given, or the later day it names.", self)
        top, bottom = QWidget(self), QWidget(self)
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(QLabel("<b>Addresses in force</b> (double-click a row to record a change)", top))
        upper.addWidget(self.in_force)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(QLabel("<b>Recorded changes</b>", bottom))
        lower.addWidget(self.changes)
        lower.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([330, 270])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(button_row(self.record_button, self.edit_button, self.withdraw_button, self.remove_button,
                                     lead=lead))
        layout.addWidget(split, 1)

    def day(self):
        return self.as_of.value() or self.context.today()

    def refresh(self) -> None:
        deal, day = self.context.deal(), self.day()
        self.in_force.show_rows(address_book(deal, day))
        self.changes.show_rows(register(deal, day))
        self._selected(self.changes.current())

    def _selected(self, entry) -> None:
        self.withdraw_button.setEnabled(entry is not None and entry.change.withdrawn_on is None)
        self.remove_button.setEnabled(entry is not None)
        self.edit_button.setEnabled(entry is not None)
        if entry is None:
            self.detail.setText("")
            return
        c = entry.change
        extra = f" Withdrawn {fmt_date(c.withdrawn_on)}." if c.withdrawn_on else ""
        document = f" Notice: {c.document}." if c.document else ""
        self.detail.setText(f"{entry.whose}: {entry.state} on {fmt_date(self.day())}. {entry.effect.explanation}"
                            f"{extra}{document}")

    def record_change(self, current=None) -> None:
        current = current or self.in_force.current()
        whose = (current.of, current.holder_id) if current is not None else None
        AddressChangeDialog(self.context, whose, self, day=self.day()).exec()

    def edit(self, entry) -> None:
        """Correct the recorded change (prefilled; saved as one undoable, audited action)."""
        if entry is not None:
            AddressChangeDialog(self.context, parent=self, day=self.day(), change=entry.change).exec()

    def withdraw(self, entry) -> None:
        if entry is None:
            return
        from rra_desktop.services import addresses as service

        default = max(entry.effect.date or entry.change.sent_at.date(), entry.change.sent_at.date())
        WithdrawDialog(self.context, "Withdraw a change of address",
                       f"{entry.whose}: {one_line_of(entry)}. From the day entered, the address in force before "
                       "this change applies again.", default, service.withdraw_address_change, entry.id, self).exec()

    def remove(self, entry) -> None:
        if entry is None:
            return
        question = (f"Remove the change of address of {entry.whose} sent {fmt_date(entry.change.sent_at)}? "
                    "Only for a change recorded by mistake: a change that was made and later undone is withdrawn.")
        from rra_desktop.services import addresses as service

        confirm_and_perform(self, self.context, "Remove change of address", question, service.remove_address_change,
                            entry.id)


def one_line_of(entry) -> str:
    from rra_desktop.domain.addresses import Address

    c = entry.change
    return one_line(Address(c.address_lines, c.attention, c.fax))

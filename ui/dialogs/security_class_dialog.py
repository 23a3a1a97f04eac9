"""Add a class of security to the deal, or change what a class is called and the role it plays
(``services.securities``). The code is asked only for a new class: ledger rows name a class by
it, so it never changes. Opened from the Holders tab: double-click a class column's heading to
edit that class, or "Classes…" to add one."""

from __future__ import annotations

from rra_desktop.domain.model import SecurityClass, SecurityKind
from rra_desktop.domain.security_classes import ROLE_NAMES
from ui.qt import QComboBox, QLabel, QLineEdit
from ui.widgets.record_dialog import RecordDialog

ROLE_HELP = {
    SecurityKind.PREFERRED: "converts into Conversion Shares (stated value / conversion price)",
    SecurityKind.WARRANT: "a Purchaser's Warrant: one Warrant Share each",
    SecurityKind.PLACEMENT_AGENT_WARRANT: "a Warrant too, not on Schedule 1's totals",
    SecurityKind.COMMON: "Conversion, Dividend or Warrant Shares already issued",
}


class SecurityClassDialog(RecordDialog):
    def __init__(self, context, cls: SecurityClass | None = None, parent=None) -> None:
        super().__init__(context, f"Class of security {cls.code}" if cls else "Add a class of security", parent)
        self.cls = cls
        self.code = self.add_field("code", "&Code:", QLineEdit(cls.code if cls else "", self),
                                   "What ledger rows name the class by (letters, digits, '-', '_').")
        self.code.setReadOnly(cls is not None)
        self.name = self.add_field("name", "&Name:", QLineEdit(cls.name if cls else "", self),
                                   "The class as the agreement names it.")
        self.label = self.add_field("label", "&Label:", QLineEdit(cls.label if cls else "", self),
                                    "The short heading of its column (the code when empty).")
        self.kind = self.add_field("kind", "&Role:", QComboBox(self), "What the agreement does with the class.")
        self.kind.setAccessibleName("Role")
        for k in SecurityKind:
            self.kind.addItem(f"{ROLE_NAMES[k]} — {ROLE_HELP[k]}", k)
        if cls is not None:
            self.kind.setCurrentIndex(list(SecurityKind).index(cls.kind))
            note = QLabel("A changed role changes the register, Rule 144 dates and majority counts at once.", self)
            note.setWordWrap(True)
            self.form.addRow(note)

    def value(self) -> SecurityClass:
        return SecurityClass(self.code.text().strip(), self.name.text().strip(), SecurityKind(self.kind.currentData()),
                             self.label.text().strip())

    def submit(self) -> bool:
        from rra_desktop.services import securities as service

        self.context.perform(service.add_class if self.cls is None else service.edit_class, self.value())
        return True

"""Add or edit a Holder: its name and 7(g) notice details, QIB and Affiliate status.

Checks as you type: the name is required and unique (a second "OTA LLC" would split one
Holder's position in two), a fax number has only digits and punctuation. While anything is
wrong, OK is disabled and the message sits under the field. The service has the last word: a
refusal it raises is shown the same way, and nothing is written.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace

from ui.qt import QCheckBox, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit
from ui.widgets.record_dialog import RecordDialog

_FAX = re.compile(r"^[0-9()+\-./ ]*$")


class HolderDialog(RecordDialog):
    def __init__(self, context, holder=None, parent=None):
        super().__init__(context, "Edit Holder" if holder else "Add Holder", parent)
        self.holder = holder
        self.saved_id: str | None = None
        self.name = self.add_field("name", "&Name:", QLineEdit())
        self.address = self.add_field("address_lines", "Notice &address:", QPlainTextEdit())
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(80)
        self.attention = self.add_field("attention", "A&ttention:", QLineEdit())
        self.fax = self.add_field("fax", "&Fax:", QLineEdit())
        self.email = self.add_field("email", "E-&mail:", QLineEdit())
        self.phone = self.add_field("phone", "&Phone:", QLineEdit())
        self.qib = self.add_field("qib", "&QIB:", QCheckBox("Qualified institutional buyer"))
        self.affiliate = self.add_field(
            "affiliate", "Affi&liate:", QCheckBox("Affiliate of the Company (excluded from counts under 7(o))")
        )
        self.notes = self.add_field("notes", "N&otes:", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        if holder is not None:
            self.name.setText(holder.name)
            self.address.setPlainText("\n".join(holder.address_lines))
            self.attention.setText(holder.attention)
            self.fax.setText(holder.fax)
            self.email.setText(holder.email)
            self.phone.setText(holder.phone)
            self.qib.setChecked(holder.qib)
            self.affiliate.setChecked(holder.affiliate)
            self.notes.setPlainText(holder.notes)
            if any(c.holder_id == holder.id for c in context.deal().address_changes):
                # the record keeps the address first designated; later ones are dated changes (7(g))
                self.address.setToolTip("The address first designated (Schedule 1, or the transferee's 7(i) "
                                        "notice). Later changes are dated on the Notice addresses tab: record a "
                                        "change there so that letters sent before it keep this address.")
                hint = QLabel("This Holder's address has dated 7(g) changes: the address here is the one first "
                              "designated. Record a new change on the Notice addresses tab.", self)
                hint.setWordWrap(True)
                hint.setAccessibleName("Address changes")
                self.body.insertWidget(1, hint)
        self.name.textChanged.connect(self.validate)
        self.fax.textChanged.connect(self.validate)
        self.resize(520, self.sizeHint().height())
        self.validate()

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong with it, as of what has been typed so far."""
        found: dict[str, str] = {}
        name = self.name.text().strip()
        others = {h.name.casefold() for h in self.context.deal().holders if not self.holder or h.id != self.holder.id}
        if not name:
            found["name"] = "A Holder needs a name (as it appears on Schedule 1 or the assignment)."
        elif name.casefold() in others:
            found["name"] = "A Holder with this name already exists."
        if not _FAX.match(self.fax.text()):
            found["fax"] = "A fax number has digits, spaces and ( ) + - . / only."
        return found

    def validate(self) -> bool:
        problems = self.problems()
        for name in ("name", "fax"):
            label = self._errors[name]
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        return not problems

    def value(self):
        from rra_desktop.domain.model import Holder

        lines = tuple(line.strip() for line in self.address.toPlainText().splitlines() if line.strip())
        fields = dict(
            name=self.name.text().strip(),
            address_lines=lines,
            attention=self.attention.text().strip(),
            fax=self.fax.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            qib=self.qib.isChecked(),
            affiliate=self.affiliate.isChecked(),
            notes=self.notes.toPlainText().strip(),
        )
        if self.holder is None:
            return Holder(id=f"h-{uuid.uuid4().hex[:8]}", **fields)
        return replace(self.holder, **fields)

    def submit(self) -> bool:
        from rra_desktop.services import holders as service

        if not self.validate():
            return False
        holder = self.value()
        if self.holder is None:
            self.context.perform(service.add_holder, holder)
        else:
            self.context.perform(service.update_holder, holder)
        self.saved_id = holder.id
        return True

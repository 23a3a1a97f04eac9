"""Record a 7(g) change of notice address, correct one recorded, or the day one was withdrawn.

Whose address (a Holder or a party), the new address, Attention and fax, and how and when the
notice of the change was given. The fields start from the address in force on the sending date,
so a notice that changes only the fax number is typed as just that; the dialog says, as the
fields change, the day the change takes effect (``domain.addresses.takes_effect``: the 7(g)
deemed-given day, or the later day the notice names).

Edit (``change``) opens the same fields holding what was recorded and saves the correction as one
audited, undoable action (``services.addresses.edit_address_change``). Whose address it is stays
as recorded: a change entered against the wrong Holder is removed and recorded again, so the audit
trail reads plainly; a withdrawal already recorded is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from rra_desktop.domain.addresses import PARTY_LABELS, TERMS_FIELD, address_in_force, takes_effect
from rra_desktop.domain.model import AddressChange, AddressOf
from rra_desktop.domain.notices import METHODS
from ui.formatting import fmt_date
from ui.qt import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from ui.widgets.date_field import DateField, DateTimeField, OptionalDateField
from ui.widgets.record_dialog import RecordDialog

METHOD_LABELS = {"fax": "Facsimile", "courier": "Overnight courier", "mail": "First class mail",
                 "personal": "By hand", "email": "E-mail"}


def whose_choices(deal) -> list[tuple[str, tuple[AddressOf, str | None]]]:
    """(label, (of, holder id)) for every Holder, then each party the deal records."""
    out = [(h.name, (AddressOf.HOLDER, h.id)) for h in deal.holders]
    for of, name in TERMS_FIELD.items():
        party = getattr(deal.terms, name)
        if party is not None:
            out.append((f"{party.name} ({PARTY_LABELS[of]})", (of, None)))
    return out


class AddressChangeDialog(RecordDialog):
    def __init__(self, context, whose: tuple[AddressOf, str | None] | None = None, parent=None,
                 day: dt.date | None = None, change: AddressChange | None = None) -> None:
        """``day``: the day the sending date starts from (the register's date), else "today";
        ``change``: the recorded change to correct (the dialog then edits it)."""
        title = "Record a change of notice address (7(g))" if change is None else \
            "Edit a change of notice address (7(g))"
        super().__init__(context, title, parent)
        self.original = change
        deal = context.deal()
        day = day or context.today()
        if change is not None:
            whose = (change.of, change.holder_id)
        self.whose = QComboBox(self)
        for label, key in whose_choices(deal):
            self.whose.addItem(label, key)
        if whose is not None:
            self.whose.setCurrentIndex(max(0, next((i for i in range(self.whose.count())
                                                    if self.whose.itemData(i) == whose), 0)))
        self.add_field("holder_id", "&Whose address:", self.whose)
        self.sent_at = self.add_field("sent_at", "Notice &sent at (Eastern):",
                                      DateTimeField(dt.datetime.combine(day, dt.time(10, 0))))
        self.method = QComboBox(self)
        for m in METHODS:
            self.method.addItem(METHOD_LABELS.get(m.value, m.value), m.value)
        self.add_field("method", "Sent &by:", self.method)
        self.received = self.add_field("received_on", "Actual &receipt:",
                                       OptionalDateField(None, "Received on", "Actual receipt"))
        self.received.set_value(None, default=day)
        self.effective = self.add_field(
            "effective_from", "&Effective from:", OptionalDateField(None, "A later day the notice names",
                                                                    "Effective from"),
            "Only when the notice itself names a later day; otherwise it takes effect when deemed given.")
        self.effective.set_value(None, default=day)
        self.lines = self.add_field("address_lines", "New &address:", QPlainTextEdit(self))
        self.lines.setFixedHeight(self.lines.fontMetrics().lineSpacing() * 5 + 12)
        self.attention = self.add_field("attention", "A&ttention:", QLineEdit(self))
        self.fax = self.add_field("fax", "&Fax:", QLineEdit(self))
        self.document = self.add_field("document", "&Document:", QLineEdit(self),
                                       "The notice of the change (file name or description).")
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Takes effect")
        self.body.insertWidget(1, self.verdict)
        if change is None:
            self._fill_from_in_force()
            self.whose.currentIndexChanged.connect(self._fill_from_in_force)
        else:
            self._fill_from(change)
        for signal in (self.sent_at.valueChanged, self.received.valueChanged, self.effective.valueChanged,
                       self.method.currentIndexChanged):
            signal.connect(self.update_check)
        self.update_check()

    def _fill_from_in_force(self, *_args) -> None:
        of, holder_id = self.whose.currentData()
        sent = self.sent_at.value()
        a = address_in_force(self.context.deal(), of, sent.date() if sent else self.context.today(), holder_id)
        self.lines.setPlainText("\n".join(a.lines))
        self.attention.setText(a.attention)
        self.fax.setText(a.fax)
        self.update_check()

    def _fill_from(self, c: AddressChange) -> None:
        """The fields as the change was recorded (whose address cannot change: see the docstring)."""
        self.whose.setEnabled(False)
        self.sent_at.set_value(c.sent_at)
        self.method.setCurrentIndex(max(0, self.method.findData(c.method)))
        day = c.sent_at.date()
        self.received.set_value(c.received_on, default=day)
        self.effective.set_value(c.effective_from, default=day)
        self.lines.setPlainText("\n".join(c.address_lines))
        self.attention.setText(c.attention)
        self.fax.setText(c.fax)
        self.document.setText(c.document)

    def proposed(self) -> AddressChange:
        of, holder_id = self.whose.currentData()
        fields = {"address_lines": tuple(self.lines.toPlainText().splitlines()), "method": self.method.currentData(),
                  "sent_at": self.sent_at.value(), "attention": self.attention.text(), "fax": self.fax.text(),
                  "received_on": self.received.value(), "effective_from": self.effective.value(),
                  "document": self.document.text()}
        if self.original is not None:  # the same record corrected: its id, withdrawal and note kept
            return dataclasses.replace(self.original, **fields)
        return AddressChange(f"ac-{uuid.uuid4().hex[:10]}", of, holder_id=holder_id, **fields)

    def update_check(self, *_args) -> None:
        if self.sent_at.value() is None or self.sent_at.problem():
            self.verdict.setText("Enter when the notice of the change was sent.")
            return
        effect = takes_effect(self.proposed(), self.context.calendar())
        lead = f"Takes effect {fmt_date(effect.date)}. " if effect.date else ""
        self.verdict.setText(lead + effect.explanation)

    def submit(self) -> bool:
        from rra_desktop.services import addresses as service

        if self.original is None:
            self.context.perform(service.record_address_change, self.proposed())
        elif self.proposed() != self.original:  # nothing changed: nothing to record
            self.context.perform(service.edit_address_change, self.proposed())
        return True


class WithdrawDialog(RecordDialog):
    """The day a recorded change (or a 3(a) objection) was withdrawn; the service refuses a day
    before the record allows."""

    def __init__(self, context, title: str, what: str, default: dt.date, service_fn, record_id: str,
                 parent=None) -> None:
        super().__init__(context, title, parent)
        self.service_fn, self.record_id = service_fn, record_id
        self.setMinimumWidth(460)
        intro = QLabel(what, self)
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.on = self.add_field("withdrawn_on", "&Withdrawn on:", DateField(default))

    def submit(self) -> bool:
        self.context.perform(self.service_fn, self.record_id, self.on.value())
        return True

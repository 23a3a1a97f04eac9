"""Record a registration statement (the Section 2 shelf, an amendment, or a Company
registration under 7(d)), a Holder's 3(m)(i) information, and a 7(d) piggy-back request."""

from __future__ import annotations

import dataclasses
import re
import uuid

from rra_desktop.domain.model import OtherSecurities, PiggybackRequest, RegistrationKind, RegistrationStatement
from ui.models.registrations import KIND_TEXT
from ui.qt import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox
from ui.widgets.date_field import DateField, OptionalDateField, OptionalDateTimeField
from ui.widgets.record_dialog import RecordDialog

MAX_SHARES = 2_000_000_000


def shares_box(value: int = 0, none_text: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_SHARES)
    box.setGroupSeparatorShown(True)
    if none_text:
        box.setSpecialValueText(none_text)  # shown at 0: "no limit" rather than a count of nought
    box.setValue(value)
    return box


def parse_other_securities(text: str) -> tuple[OtherSecurities, ...]:
    """Lines "Jefferies Warrant: 5,270" -> OtherSecurities; a line without a count is refused."""
    from rra_desktop.services import Refused

    found = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        match = re.fullmatch(r"(.+?)\s*[:=]\s*([\d,]+)", line)
        if not match:
            raise Refused(f"Write each other security as “name: shares” (not “{line}”).", field="other_securities")
        found.append(OtherSecurities(match.group(1), int(match.group(2).replace(",", ""))))
    return tuple(found)


class RegistrationDialog(RecordDialog):
    def __init__(self, context, registration: RegistrationStatement | None = None, parent=None) -> None:
        super().__init__(context, "Add registration statement" if registration is None else "Registration statement",
                         parent)
        self.original = registration
        r = registration or RegistrationStatement("", RegistrationKind.SECTION_2_SHELF,
                                                  shares_registered=context.deal().terms.minimum_shares)
        self.kind = QComboBox()
        for kind, text in KIND_TEXT.items():
            self.kind.addItem(text, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(r.kind.value))
        self.add_field("kind", "&Kind:", self.kind)
        self.parent_id = QComboBox()
        self.parent_id.addItem("(none)", "")
        for other in context.deal().registrations:
            if other.kind == RegistrationKind.SECTION_2_SHELF and other.id != r.id:
                self.parent_id.addItem(f"{other.form} {other.file_no}".strip(), other.id)
        self.parent_id.setCurrentIndex(max(0, self.parent_id.findData(r.parent_id or "")))
        self.add_field("parent_id", "&Amends:", self.parent_id)
        self.form_name = self.add_field("form", "&Form:", QLineEdit(r.form))
        self.file_no = self.add_field("file_no", "File &No.:", QLineEdit(r.file_no))
        self.file_no.setPlaceholderText("333-")
        self.filed_at = self.add_field("filed_at", "F&iled at (Eastern):", OptionalDateTimeField(None, "Filed"))
        self.filed_at.set_value(r.filed_at)
        self.effective_at = self.add_field("effective_at", "&Effective at:", OptionalDateTimeField(None, "Effective"))
        self.effective_at.set_value(r.effective_at)
        self.shares = self.add_field("shares_registered", "&Shares registered:", shares_box(r.shares_registered))
        self.other = self.add_field("other_securities", "&Other securities:", QPlainTextEdit(
            "\n".join(f"{o.name}: {o.shares:,}" for o in r.other_securities)), "One per line, e.g. "
            "“Jefferies Warrant: 5,270” (7(c) permits the Jefferies and LTII Warrants).")
        self.other.setMaximumHeight(60)
        self.underwritten = self.add_field("underwritten", "&Underwritten:", QCheckBox("Underwritten offering"))
        self.underwritten.setChecked(r.underwritten)
        self.limit = self.add_field("underwriter_limit", "Underwriter &limit (7(d)):",
                                    shares_box(r.underwriter_limit or 0, "no limit"))
        self.note = self.add_field("note", "No&te:", QLineEdit(r.note))

    def proposed(self) -> RegistrationStatement:
        values = dict(kind=RegistrationKind(self.kind.currentData()), form=self.form_name.text().strip(),
                      file_no=self.file_no.text().strip(), filed_at=self.filed_at.value(),
                      effective_at=self.effective_at.value(), shares_registered=self.shares.value(),
                      other_securities=parse_other_securities(self.other.toPlainText()),
                      parent_id=self.parent_id.currentData() or None, underwritten=self.underwritten.isChecked(),
                      underwriter_limit=self.limit.value() or None, note=self.note.text().strip())
        if self.original is None:
            return RegistrationStatement(id=f"rs-{uuid.uuid4().hex[:8]}", **values)
        return dataclasses.replace(self.original, **values)

    def submit(self) -> bool:
        """A changed filing or effective date moves deadlines: the recalculation is previewed
        before it applies."""
        from rra_desktop.services import registrations as service
        from ui.dialogs.fact_dialog import confirm_moves, deal_after_registration

        proposed = self.proposed()
        deal = self.context.deal()
        after = deal_after_registration(deal, self.original, proposed)
        verb = "Recording" if self.original is None else "Changing"
        what = f"{proposed.form} {proposed.file_no}".strip() or "the registration statement"
        if not confirm_moves(self, deal, after, self.context.today(), what, verb):
            return False
        fn = service.add_registration if self.original is None else service.edit_registration
        self.context.perform(fn, proposed)
        return True


class SellingInfoDialog(RecordDialog):
    """3(m)(i): record the date a Holder furnished its selling-stockholder information."""

    def __init__(self, context, registration_id: str, holder_id: str, holder_name: str, parent=None) -> None:
        super().__init__(context, f"3(m)(i) information — {holder_name}", parent)
        self.registration_id, self.holder_id = registration_id, holder_id
        self.received = self.add_field("received_on", "&Received:", OptionalDateField(None, "Received on"))
        self.received.set_value(context.today())

    def submit(self) -> bool:
        from rra_desktop.services import registrations as service

        self.context.perform(service.record_selling_info, self.registration_id, self.holder_id, self.received.value())
        return True


class PiggybackRequestDialog(RecordDialog):
    """7(d): a Holder's written request to include Registrable Securities."""

    def __init__(self, context, registration_id: str, parent=None) -> None:
        super().__init__(context, "Piggy-back request (7(d))", parent)
        self.registration_id = registration_id
        self.holder = QComboBox()
        for h in sorted(context.deal().holders, key=lambda h: h.name.casefold()):
            self.holder.addItem(h.name, h.id)
        self.add_field("holder_id", "&Holder:", self.holder)
        self.shares = self.add_field("shares", "&Shares requested:", shares_box(0))
        self.eligible = self.add_field("rule_144k_eligible_shares", "Rule &144 shares (counsel's figure):",
                                       shares_box(0),
                                       "7(d): shares the Holder could sell under Rule 144 are not counted in a "
                                       "cutback. The product computes them from its own Rule 144 dates; a figure "
                                       "here counts only where it is larger.")
        self.on = self.add_field("requested_on", "Request &date:", DateField(context.today()))
        self.accepted = self.add_field("late_accepted_on", "Late request &accepted:",
                                       OptionalDateField(None, "Company accepted on", "Late request accepted"),
                                       "A request made after the 20 days binds the Company only if it accepts it.")

    def submit(self) -> bool:
        from rra_desktop.services import registrations as service

        request = PiggybackRequest(f"pr-{uuid.uuid4().hex[:8]}", self.registration_id, self.holder.currentData(),
                                   self.shares.value(), self.on.value(), self.eligible.value(),
                                   late_accepted_on=self.accepted.value())
        self.context.perform(service.add_piggyback_request, request)
        return True

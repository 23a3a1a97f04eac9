"""Record or correct a timeline fact (Closing, RS filed, declared effective, ...). A filing time
is checked against EDGAR's 5:30 p.m. cut-off as you type. If the change moves deadlines that were
already set, the recalculation is previewed first and applied only on confirmation.

The preview is computed on the deal as the service will leave it: a filing or effectiveness fact
and its registration statement's ``filed_at`` / ``effective_at`` move together
(``rra_desktop.services.registration_dates``), and the deadlines read the record, so previewing
the fact alone would show nothing moving."""

from __future__ import annotations

import uuid
from dataclasses import replace
from zoneinfo import ZoneInfo

from rra_desktop.domain.fact_kinds import FACTS, FactSpec, fact_label
from rra_desktop.domain.model import FactKind
from rra_desktop.domain.notices import METHODS
from ui.qt import QComboBox, QLabel, QLineEdit
from ui.widgets.date_field import DateField, DateTimeField
from ui.widgets.record_dialog import RecordDialog

# The kinds a paralegal records here, in the order events happen (the domain's fact registry,
# rra_desktop.domain.fact_kinds), after the Closing Date, which is a term of the deal.
KIND_LABELS = (("closing", "Closing"), *((s.kind.value, s.label) for s in FACTS.values() if s.recorded_here))

# Where a courier package may be handed over: the zone that fixes its "date of mailing" (7(g)(iii)).
# Reopened, a fact shows the first zone whose offset matches its own (the same local date either way).
HANDOVER_ZONES = (("Eastern (no place recorded)", ""), ("Central", "America/Chicago"), ("Mountain", "America/Denver"),
                  ("Pacific (e.g. Irvine, Costa Mesa)", "America/Los_Angeles"), ("Arizona", "America/Phoenix"),
                  ("London", "Europe/London"))


def _spec(kind) -> FactSpec | None:
    try:
        return FACTS[FactKind(kind)]
    except ValueError:
        return None


def kind_text(kind) -> str:
    return "Closing" if getattr(kind, "value", kind) == "closing" else fact_label(kind)


class FactDialog(RecordDialog):
    """Records a new fact, or with ``fact`` corrects that one (its kind stays: to change what
    happened, remove the fact and record the right one, so the audit trail reads plainly)."""

    def __init__(self, context, parent=None, kind: str | None = None, fact=None):
        super().__init__(context, "Record fact" if fact is None else "Edit fact", parent)
        deal = context.deal()
        self.original = fact
        self.kind = self.add_field("kind", "&What happened:", QComboBox())
        for value, label in KIND_LABELS:
            self.kind.addItem(label, value)
        if fact is not None:
            kind = fact.kind.value
            if self.kind.findData(kind) < 0:
                self.kind.addItem(kind_text(kind), kind)
            self.kind.setEnabled(False)
        self.on = self.add_field("on", "&On:", DateField(context.today(), "Date"))
        self.at = self.add_field("at", "&At (Eastern):", DateTimeField(None, "Date and time, Eastern"))
        self.edgar = QLabel()
        self.edgar.setWordWrap(True)
        self.edgar.setAccessibleName("EDGAR cut-off check")
        self.form.addRow("", self.edgar)
        self.registration = self.add_field("registration_id", "&Registration:", QComboBox())
        for r in deal.registrations:
            self.registration.addItem(f"{r.form} {r.file_no or r.id}", r.id)
        self.holder = self.add_field("holder_id", "&Holder:", QComboBox())
        for h in deal.holders:
            self.holder.addItem(h.name, h.id)
        self.method = self.add_field("method", "&Method:", QComboBox())
        self.method.addItems(["", *(m.value for m in METHODS)])
        self.zone = self.add_field("zone", "Handed o&ver in:", QComboBox(),
                                   "7(g)(iii): a courier's \"date of mailing\" is the date where it was handed over. "
                                   "Choose the place's time zone to read the time above as its local time; "
                                   "otherwise it is Eastern.")
        for label, zone in HANDOVER_ZONES:
            self.zone.addItem(label, zone)
        self.document = self.add_field("document", "&Document:", QLineEdit())
        self.note = self.add_field("note", "No&te:", QLineEdit())
        if kind:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        if fact is not None:
            self._fill(fact)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.method.currentTextChanged.connect(self._method_changed)
        self.at.valueChanged.connect(self._check_edgar)
        self.on.valueChanged.connect(self._check_edgar)
        self._kind_changed()
        self.resize(560, self.sizeHint().height())

    def _fill(self, fact) -> None:
        self.on.set_value(fact.on)
        if fact.at is not None:
            self.at.set_value(fact.at)
        for box, value in ((self.registration, fact.registration_id), (self.holder, fact.holder_id)):
            if value is not None:
                box.setCurrentIndex(max(0, box.findData(value)))
        self.method.setCurrentText(fact.method)
        if fact.at is not None and fact.at.utcoffset() is not None:
            offset = fact.at.utcoffset()
            for i, (_label, zone) in enumerate(HANDOVER_ZONES):
                if zone and fact.at.replace(tzinfo=ZoneInfo(zone)).utcoffset() == offset:
                    self.zone.setCurrentIndex(i)
                    break
            self.at.set_value(fact.at.replace(tzinfo=None))
        self.document.setText(fact.document)
        self.note.setText(fact.note)

    def _kind_changed(self) -> None:
        spec = _spec(self.kind.currentData())  # None: the Closing Date, a date alone
        timed = spec is not None and spec.timed
        self.at.setEnabled(timed)
        self.on.setEnabled(not timed)
        self.holder.setEnabled(spec is not None and spec.for_holder)
        self.registration.setEnabled(spec is not None and spec.for_registration and self.registration.count() > 0)
        self.method.setEnabled(spec is not None and spec.with_method)
        self._method_changed()
        self._check_edgar()

    def _method_changed(self, *_args) -> None:
        spec = _spec(self.kind.currentData())
        self.zone.setEnabled(spec is not None and spec.timed and self.method.currentText() == "courier")

    def _check_edgar(self, *_args) -> None:
        if self.kind.currentData() != FactKind.RS_FILED:
            self.edgar.setText("")
            self.edgar.hide()
            return
        from rra_desktop.domain.calendar import EdgarCalendar

        deemed = EdgarCalendar(self.context.deal().terms.closure_days).deemed_filing_date(self.at.value())
        late = deemed.date != self.at.value().date()
        self.edgar.setStyleSheet("color: #b00020;" if late else "color: #1e7b34;")
        self.edgar.setText(("⚠ " if late else "✓ ") + deemed.rule)
        self.edgar.show()

    def fact(self):
        """The fact as typed (Closing is a term of the deal, not a timeline fact: None)."""
        from rra_desktop.domain.model import TimelineFact

        spec = _spec(self.kind.currentData())
        if spec is None:  # the Closing Date
            return None
        at = self.at.value() if spec.timed else None
        if at is not None and self.zone.isEnabled() and self.zone.currentData():
            at = at.replace(tzinfo=ZoneInfo(self.zone.currentData()))  # the place's local time (7(g)(iii))
        values = dict(
            kind=spec.kind,
            on=at.date() if at else self.on.value(),
            at=at,
            holder_id=self.holder.currentData() if spec.for_holder else None,
            registration_id=self.registration.currentData() if spec.for_registration else None,
            method=self.method.currentText() if spec.with_method else "",
            document=self.document.text().strip(),
            note=self.note.text().strip(),
        )
        if self.original is not None:  # keeps its id, and what this form does not show (receipt, claim)
            return replace(self.original, **values)
        return TimelineFact(id=f"f-{uuid.uuid4().hex[:8]}", **values)

    def submit(self) -> bool:
        from rra_desktop.services import timeline as service

        kind = self.kind.currentData()
        fact = self.fact()
        deal = self.context.deal()
        if fact is None:
            after = replace(deal, terms=replace(deal.terms, closing_date=self.on.value()))
            call = (service.set_closing_date, self.on.value())
        elif self.original is not None:
            after = deal_after_fact(deal, self.original, fact)
            call = (service.edit_fact, fact)
        else:
            after = deal_after_fact(deal, None, fact)
            call = (service.record_fact, fact)
        verb = "Recording" if self.original is None else "Correcting"
        if not confirm_moves(self, deal, after, self.context.today(), kind_text(kind), verb):
            return False
        self.context.perform(*call)
        return True


def _replaced(records, pairs) -> tuple:
    """``records`` with each (before, after) pair applied: replaced in place, removed, or added."""
    by_id = {b.id: a for b, a in pairs if b is not None}
    kept = [by_id.get(r.id, r) for r in records]
    added = [a for b, a in pairs if b is None and a is not None]
    return tuple(r for r in kept if r is not None) + tuple(added)


def deal_after_fact(deal, before, after):
    """The deal once fact ``before`` becomes ``after`` (None: absent), as the service would write
    it (a filing or effectiveness dates its registration). Raises ``Refused`` where it would."""
    from rra_desktop.services.registration_dates import apply_pairs, records_for_fact

    return apply_pairs(deal, records_for_fact(deal, before, after))


def deal_after_registration(deal, before, after):
    """The deal once registration ``before`` becomes ``after`` (its dates are the record's own)."""
    return replace(deal, registrations=_replaced(deal.registrations, [(before, after)]))


def confirm_moves(parent, before, after, as_of, what: str, verb: str = "Recording") -> bool:
    """Preview the deadlines ``after`` would move; True to go ahead (nothing set moves, or the
    user confirmed)."""
    from rra_desktop.domain.deadlines import preview_change
    from ui.dialogs.recalc_preview import RecalcPreviewDialog, moves_existing_dates

    moves = list(preview_change(before, after, as_of))
    if not moves_existing_dates(moves):
        return True
    dialog = RecalcPreviewDialog(moves, f"{verb} “{what}” changes a trigger.", parent)
    parent.preview = dialog  # tests inspect it
    return bool(dialog.exec())

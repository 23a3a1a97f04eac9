"""Mark an obligation done: the date it was performed (and the time, where the clause turns on
it), and the document that shows it.

The date offered is the deadline's own date in force (else its due date), never today: a June 2003
obligation marked done in 2026 must not read "done on Tue Dec 1, 2026". The time is asked for the
obligations whose clause turns on it: the shelf's filing (EDGAR's 5:30 p.m. Eastern cut-off) and a
notice whose deemed-given date follows 7(g) from its time (the 7(p) Exhibit A). The supporting
document is required: a completion is evidence.

An obligation a notice performs (7(p) Exhibit A, the 3(c)(C) notice) is recorded as that notice:
the dialog then asks when it was sent (offered at noon on the deadline's date) and how (the 7(g)
method, chosen, never assumed), and the notice is logged as sent (``services.notice_done``) instead
of a completion; the notice log is the one record the rules engine reads for it.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.letter_kinds import letter_completing
from rra_desktop.domain.notices import METHODS
from rra_desktop.domain.obligations import OBLIGATIONS
from rra_desktop.domain.obligations.registry import kind_of_key
from ui.formatting import fmt_date
from ui.qt import QComboBox, QLabel, QLineEdit
from ui.widgets.date_field import DateField, OptionalDateTimeField
from ui.widgets.record_dialog import RecordDialog

TIMED_KINDS = frozenset(k for k, s in OBLIGATIONS.items() if s.timed)  # the clause turns on the time


def default_done_on(deadline) -> dt.date:
    """The date the dialog offers: the date in force, else the due date, else the trigger's."""
    return deadline.in_force or deadline.due or deadline.trigger_date or deadline.act_by


class MarkDoneDialog(RecordDialog):
    def __init__(self, context, deadline, parent=None) -> None:
        super().__init__(context, "Mark done", parent)
        self.deadline = deadline
        on = default_done_on(deadline)
        intro = QLabel(f"<b>{deadline.title}</b> ({deadline.clause}) — in force {fmt_date(deadline.in_force)}", self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.done_on = self.add_field("done_on", "&Done on:", DateField(on, "Done on"),
                                      "The day the obligation was performed (not the day it is recorded).")
        self.done_at = None
        self.method = None
        self.letter = letter_completing(kind_of_key(deadline.key))
        if self.letter is not None:
            note = QLabel(f"Recorded as the {self.letter.clause} notice sent, in the notice log (7(g)): the log "
                          "is what performs it.", self)
            note.setWordWrap(True)
            self.form.addRow(note)
            self.done_at = self.add_field(
                "done_at", "Sent at (&Eastern):", OptionalDateTimeField(None, "Time sent", "Sent at"),
                "When the notice went: a fax after 5:00 p.m. Eastern is given the next Business Day (7(g)).")
            self.done_at.set_value(dt.datetime.combine(on, dt.time(12)))
            self.done_on.valueChanged.connect(self._date_moved)
            self.method = self.add_field("method", "Sent &by:", QComboBox(self), "The 7(g) delivery method.")
            self.method.setAccessibleName("Sent by")
            self.method.addItem("— choose —", "")
            for m in METHODS:
                self.method.addItem(str(m), str(m))
            self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)  # the date and time whole
        elif str(deadline.kind) in TIMED_KINDS:
            self.done_at = self.add_field(
                "done_at", "At (&Eastern):",
                OptionalDateTimeField(None, "Time recorded", "Done at"),
                "The time matters here: a filing after 5:30 p.m. Eastern is deemed filed the next filing day; "
                "a fax after 5:00 p.m. is given the next Business Day (7(g)).")
            self.done_at.set_value(None, default=dt.datetime.combine(on, dt.time(12)))
            self.done_on.valueChanged.connect(self._date_moved)
        self.document = self.add_field("document", "Supporting d&ocument:", QLineEdit(self),
                                       "The document that shows it done (EDGAR receipt, fax confirmation, ...).")
        self.document.setPlaceholderText("e.g. fax confirmation, transfer agent's receipt" if self.letter is not None
                                         else "e.g. EDGAR acceptance 0001193125-03-012345")

    def _date_moved(self, day) -> None:
        if self.done_at is not None and self.done_at.value() is not None and day is not None:
            self.done_at.field.set_value(dt.datetime.combine(day, self.done_at.value().time()))

    def values(self) -> tuple[dt.date, dt.datetime | None, str]:
        at = self.done_at.value() if self.done_at is not None else None
        return self.done_on.value(), at, self.document.text().strip()

    def method_value(self) -> str:
        return (self.method.currentData() or "") if self.method is not None else ""

    def submit(self) -> bool:
        from rra_desktop.services import Refused
        from rra_desktop.services import timeline as service

        done_on, done_at, document = self.values()
        try:
            self.context.perform(service.mark_done, self.deadline.key, done_on, document, done_at=done_at,
                                 require_document=True, method=self.method_value())
        except Refused as exc:
            self.show_refused(exc)
            return False
        return True

"""Mark an obligation done: the date it was performed (and the time, where the clause turns on
it), and the document that shows it.

The date offered is the deadline's own date in force (else its due date), never today: a June 2003
obligation marked done in 2026 must not read "done on Tue Dec 1, 2026". The time is asked for the
obligations whose clause turns on it: the shelf's filing (EDGAR's 5:30 p.m. Eastern cut-off) and a
notice whose deemed-given date follows 7(g) from its time (the 7(p) Exhibit A). The supporting
document is required: a completion is evidence.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.obligations import OBLIGATIONS
from ui.formatting import fmt_date
from ui.qt import QLabel, QLineEdit
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
        if str(deadline.kind) in TIMED_KINDS:
            self.done_at = self.add_field(
                "done_at", "At (&Eastern):",
                OptionalDateTimeField(None, "Time recorded", "Done at"),
                "The time matters here: a filing after 5:30 p.m. Eastern is deemed filed the next filing day; "
                "a fax after 5:00 p.m. is given the next Business Day (7(g)).")
            self.done_at.set_value(None, default=dt.datetime.combine(on, dt.time(12)))
            self.done_on.valueChanged.connect(self._date_moved)
        self.document = self.add_field("document", "Supporting d&ocument:", QLineEdit(self),
                                       "The document that shows it done (EDGAR receipt, fax confirmation, ...).")
        self.document.setPlaceholderText("e.g. EDGAR acceptance 0001193125-03-012345")

    def _date_moved(self, day) -> None:
        if self.done_at is not None and self.done_at.value() is not None and day is not None:
            self.done_at.field.set_value(dt.datetime.combine(day, self.done_at.value().time()))

    def values(self) -> tuple[dt.date, dt.datetime | None, str]:
        at = self.done_at.value() if self.done_at is not None else None
        return self.done_on.value(), at, self.document.text().strip()

    def submit(self) -> bool:
        from rra_desktop.services import Refused
        from rra_desktop.services import timeline as service

        done_on, done_at, document = self.values()
        try:
            self.context.perform(service.mark_done, self.deadline.key, done_on, document, done_at=done_at,
                                 require_document=True)
        except Refused as exc:
            self.show_refused(exc)
            return False
        return True

"""Add or edit a Blackout Period (3(n)), checking the proposed period live.

As the dates change the dialog says how many days the period has, how many blackout days would
remain in the worst 12-month window, and which 3(n) rule it would break. OK on a period that
breaks a rule asks for an override reason (the audit keeps it); without one the service
refuses and its message appears by the end date.

The ledger's locks: an upcoming period is fully editable; once active only its end, the notice and
the Advice can be recorded; once ended only the notice and the Advice (``services.blackouts``), so
that a period entered after the fact can still get the dates its letters were sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from rra_desktop.domain import blackouts as rules
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, BlackoutScope
from ui.formatting import fmt_date, plural
from ui.qt import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from ui.widgets.confidential import ConfidentialMarker
from ui.widgets.date_field import DateField, OptionalDateField
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.record_dialog import ERROR_STYLE, RecordDialog

BASIS_TEXT = {
    BlackoutBasis.MNPI: "3(n)(i) material non-public information",
    BlackoutBasis.BUSINESS_OPPORTUNITY: "3(n)(ii) significant business opportunity",
    BlackoutBasis.SUSPENSION_EVENT: "3(m)(iii) suspension after a 3(c)(ii)-(iv) event (ends on the Advice)",
}


SCOPE_TEXT = {
    None: "Read from the facts (before the filing: the filing; before effectiveness: effectiveness; "
          "after: use of the Prospectus)",
    BlackoutScope.FILING: "The filing of the Registration Statement",
    BlackoutScope.EFFECTIVENESS: "Effectiveness of the Registration Statement",
    BlackoutScope.PROSPECTUS: "Use of the Prospectus (after effectiveness)",
}


def status_of(period: BlackoutPeriod, today) -> str:
    """"upcoming", "active" or "ended" (the domain's status, as plain text)."""
    value = rules.status(period, today)
    return str(getattr(value, "value", value))


def period_label(period: BlackoutPeriod) -> str:
    """How an undo entry names a period: "Tue Sep 2, 2003 – Sun Sep 21, 2003" (as the service's
    labels do)."""
    from rra_desktop.services.base import span

    return span(period.start, period.end)


class BlackoutDialog(RecordDialog):
    def __init__(self, context, period: BlackoutPeriod | None = None, parent=None) -> None:
        title = "Add blackout period" if period is None else "Blackout period"
        super().__init__(context, title, parent)
        self.original = period
        today = context.today()
        self.status = status_of(period, today) if period else "upcoming"
        start = period.start if period else today
        self.start = self.add_field("start", "&Start (first day):", DateField(start))
        self.end = self.add_field("end", "&End (last day):", OptionalDateField(
            period.end if period else start, "Ends on", "End"), "Unchecked: runs until the Advice (3(m)(iii)).")
        self.basis = QComboBox()
        for basis, text in BASIS_TEXT.items():
            self.basis.addItem(text, basis)
        self.add_field("basis", "&Basis:", self.basis)
        self.postpones = QComboBox()
        for scope, text in SCOPE_TEXT.items():
            self.postpones.addItem(text, scope.value if scope else "")
        self.add_field("postpones", "&Postpones:", self.postpones,
                       "3(n) postpones filing or effectiveness: a blackout in force on the act-by date moves that "
                       "deadline to the first filing day after the blackout's last permitted day.")
        self.facts = self.add_field("facts", "&Facts:", QLineEdit(), "The set of facts, circumstances or "
                                    "transactions it arises from (3(n): no consecutive periods on the same facts).")
        self.form.addRow(ConfidentialMarker(parent=self))
        self.reason = self.add_field("confidential_reason", "Confidential &reason:", QPlainTextEdit())
        self.reason.setMaximumHeight(70)
        self.notice = self.add_field("notice_sent_on", "&Notice sent:", OptionalDateField(None, "Sent on", "Notice"))
        self.advice = self.add_field("advice_sent_on", "&Advice sent:", OptionalDateField(None, "Sent on", "Advice"))
        self.check = QLabel(self)
        self.check.setWordWrap(True)
        self.check.setAccessibleName("3(n) check")
        self.body.insertWidget(1, self.check)
        for field in (self.notice, self.advice):
            field.set_value(None, default=today)
        if period is not None:
            self._load(period)
        for signal in (self.start.valueChanged, self.end.valueChanged, self.facts.textChanged,
                       self.basis.currentIndexChanged):
            signal.connect(self.update_check)
        self._apply_lock()
        self.update_check()

    def _load(self, p: BlackoutPeriod) -> None:
        self.basis.setCurrentIndex(self.basis.findData(p.basis))
        self.postpones.setCurrentIndex(max(0, self.postpones.findData(p.postpones.value if p.postpones else "")))
        self.facts.setText(p.facts)
        self.reason.setPlainText(p.confidential_reason)
        today = self.context.today()
        self.end.set_value(p.end, default=max(p.start, today))
        # Offered when ticked: the period's own dates, not today (a period entered after the fact
        # had its notice at its start and its Advice after its end): the notice on its first day
        # (or today, if that is still to come), the Advice the day after its last (within the period
        # and not after today).
        self.notice.set_value(p.notice_sent_on, default=min(p.start, today))
        after = p.end + dt.timedelta(days=1) if p.end else today
        self.advice.set_value(p.advice_sent_on, default=max(p.start, min(after, today)))

    def _apply_lock(self) -> None:
        """What may still change depends on the period's status today."""
        if self.status == "upcoming":
            return
        if self.status == "active":
            why = "The blackout is active: only its end, the notice and the Advice can be recorded."
        else:
            why = "The blackout has ended: only the dates its notice and its Advice were sent can be recorded."
        for widget in (self.start, self.basis, self.postpones, self.facts, self.reason):
            widget.setEnabled(False)
            widget.setToolTip(why)
        if self.status == "ended":
            self.end.set_editable(False, why)
        self.general_error.setText(why)
        self.general_error.setStyleSheet("color: #555;")
        self.general_error.setVisible(True)

    def proposed(self) -> BlackoutPeriod:
        values = dict(start=self.start.value(), end=self.end.value(), basis=BlackoutBasis(self.basis.currentData()),
                      facts=self.facts.text().strip(), confidential_reason=self.reason.toPlainText().strip(),
                      notice_sent_on=self.notice.value(), advice_sent_on=self.advice.value(),
                      postpones=BlackoutScope(self.postpones.currentData()) if self.postpones.currentData() else None)
        if self.original is None:
            return BlackoutPeriod(id=f"b-{uuid.uuid4().hex[:12]}", **values)
        return dataclasses.replace(self.original, **values)

    def update_check(self) -> None:
        """Say, as the user types, what the proposed period does to the 3(n) limits."""
        proposed = self.proposed()
        today = self.context.today()
        self.violations = []
        if proposed.end is not None and proposed.end < proposed.start:
            self.check.setText("The last day is before the first day.")
            self.check.setStyleSheet(ERROR_STYLE)
            return
        others = [p for p in self.context.deal().blackouts if p.id != proposed.id]
        # A suspension running until the Advice is checked as if it ended today (or on its start).
        checked = proposed if proposed.end else dataclasses.replace(proposed, end=max(proposed.start, today))
        use = rules.days_remaining(others, today, checked, as_of=today)
        length = plural((proposed.end - proposed.start).days + 1, "day") if proposed.end else "until the Advice"
        window = f"{fmt_date(use.window[0])} – {fmt_date(use.window[1])}"
        remaining = max(use.remaining_after, 0)
        lines = [f"{length}; {remaining} of {use.limit} blackout days would remain in the worst 12-month window "
                 f"({window})."]
        self.violations = list(use.violations)
        lines += [f"Breaks 3(n) — {rules.RULE_TITLES.get(v.rule, v.rule)}: {v.message}" for v in self.violations]
        gaps = [v for v in rules.short_gaps([*others, checked], today) if any(p.id == proposed.id for p in v.periods)]
        lines += [f"Warning — {v.message}" for v in gaps]
        self.check.setText("\n".join(lines))
        self.check.setStyleSheet(ERROR_STYLE if self.violations else "")

    def submit(self) -> bool:
        from rra_desktop.services import blackouts as service

        proposed = self.proposed()
        override = ""
        if self.violations and self.status != "ended":  # an ended period's days no longer change
            broken = "\n".join(f"• {rules.RULE_TITLES.get(v.rule, v.rule)}: {v.message}" for v in self.violations)
            override = ask_reason(self, "Record a period that breaks 3(n)?", f"This period breaks Section 3(n):\n"
                                  f"{broken}\n\nTo record it anyway, give the reason (for example, the Holders' "
                                  "written waiver). The audit trail keeps it.", "Record with override") or ""
        # Without an override the service refuses (naming the rule) and nothing is written.
        fn = service.add_blackout if self.original is None else service.edit_blackout
        self.context.perform(fn, proposed, override_reason=override, today=self.context.today())
        return True


def describe(period: BlackoutPeriod) -> str:
    """One line for the ledger's status bar messages (never the confidential reason)."""
    end = fmt_date(period.end) if period.end else "the Advice"
    return f"{BASIS_TEXT[period.basis]}: {fmt_date(period.start)} to {end}"

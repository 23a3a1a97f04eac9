"""Draft, then send: a letter made in Prepare notice is a draft until "Record as sent".

Generating writes the PDFs and shows them; nothing is logged and the undo history is left
alone, because a logged notice is evidence under 7(g) and cannot be undone. When the letters
have gone out, "Record as sent…" shows how and when (the method is the one the letters were
made for: their delivery line says it) and, for a batch, the recipients, each ticked; only
the ticked ones are logged, in one action (``reports.notice_log.record``).

Choices: the time sent may be corrected, the day may not (the letters bear their date; a letter
sent another day is generated again for that day). A draft is checked against the record as
soon as it is made (``would_record``), so a letter the log would refuse is refused then, not
after it has been sent.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from reports.batch import MadeLetter
from reports.catalog import kind_of
from reports.letters import NoticeRequest
from reports.notice_log import notice_record, record
from ui.formatting import fmt_date
from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem, Qt, QVBoxLayout
from ui.widgets.date_field import DateTimeField


@dataclass(frozen=True)
class Draft:
    """Letters written to disk, not yet logged."""

    request: NoticeRequest
    made: tuple[MadeLetter, ...]
    combined: Path | None = None


class _DryRun(Exception):
    """Raised inside the unit of work so that it rolls back: the check writes nothing."""


def _arguments(deal, request: NoticeRequest, made) -> tuple:
    kind = kind_of(request.kind)
    records = [notice_record(deal, request, kind, m.letter.recipient, m.path.name, m.sha256) for m in made]
    extras = [{**m.letter.extra, "file_name": m.path.name} for m in made]
    return request, records, extras


def would_record(store, draft: Draft) -> None:
    """Raise what recording ``draft`` as sent would raise (an Advice before its blackout starts,
    ...); nothing is written: the one transaction is rolled back."""
    from rra_desktop.services.unit_of_work import unit_of_work

    try:
        with unit_of_work(store, "check") as uow:
            record(uow, *_arguments(store.deal(), draft.request, draft.made))
            raise _DryRun
    except _DryRun:
        return


def record_sent(context, draft: Draft, sent_at=None, chosen: set[int] | None = None):
    """Log the draft's letters (those at the ``chosen`` positions, default all) as sent at
    ``sent_at`` (default: as drafted)."""
    request = draft.request if sent_at is None else dataclasses.replace(draft.request, sent_at=sent_at)
    made = [m for i, m in enumerate(draft.made) if chosen is None or i in chosen]
    return context.perform(record, *_arguments(context.deal(), request, made))


class RecordSentDialog(QDialog):
    """How and when the draft went out and, for a batch, to whom; OK logs it."""

    def __init__(self, draft: Draft, parent=None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setWindowTitle("Record as sent")
        self.setAccessibleName("Record as sent")
        form = QFormLayout()
        count = len(draft.made)
        what = kind_of(draft.request.kind).label
        form.addRow("Letter:", QLabel(f"{what} — {count} letter{'s' if count != 1 else ''}"))
        form.addRow("Method:", QLabel(draft.request.method))
        self.sent_at = DateTimeField(draft.request.sent_at, "Sent at (Eastern)")
        label = QLabel("&Sent at (Eastern):")
        label.setBuddy(self.sent_at)
        form.addRow(label, self.sent_at)
        self.recipients = QListWidget()
        self.recipients.setAccessibleName("Recipients sent to")
        for m in draft.made:
            item = QListWidgetItem(m.letter.recipient, self.recipients)
            item.setCheckState(Qt.CheckState.Checked)
        self.recipients.setVisible(count > 1)
        if count > 1:
            form.addRow("&Recipients:", self.recipients)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton("&Record as sent", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def chosen(self) -> set[int]:
        """The positions in the draft of the letters ticked as sent."""
        return {i for i in range(self.recipients.count())
                if self.recipients.item(i).checkState() == Qt.CheckState.Checked}

    def problem(self) -> str:
        """Why the answers cannot be recorded, or ""."""
        wrong = self.sent_at.problem()
        if wrong:
            return wrong
        dated = self.draft.request.sent_at.date()
        if self.sent_at.value().date() != dated:
            return (f"The letters are dated {fmt_date(dated)}. To record them sent another day, "
                    "generate them again for that day.")
        if not self.chosen():
            return "Tick at least one recipient the letters went to."
        return ""

    def accept(self) -> None:
        message = self.problem()
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if not message:
            super().accept()

"""The log of notices sent and received (7(g)) with their deemed-given dates.

A notice logged as sent is evidence (7(g)): it is never edited or deleted here; it can be
annotated, or superseded by a correcting entry that points to it, both through the services.
Notices are prepared and sent by the letters generator ("Prepare notice…").

Each logged file is checked against its SHA-256 whenever the tab is shown or the deal changes
(``rra_desktop.notice_files``: in the deal's folder and its "Notices" folder); the "File check"
column says intact, changed or missing, and a changed or missing file is shown in red. "Open
file" opens the logged file with the system's viewer.

Below the log stands the audit trail's head digest as it is now (``DealStore.trail_footer``), the
same line every report prints: copied into a file note or a letter to the file, it is the external
anchor against which a later ``audit --verify --against`` catches a trail rewritten end to end.
"""

from __future__ import annotations

import dataclasses
import uuid

from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from rra_desktop.domain.notices import METHODS, deemed_given
from rra_desktop.notice_files import FileHashes, check_files, folders_for
from ui.errors import show_error
from ui.formatting import fmt_date, trail_line
from ui.models.notices import NoticeRow, NoticesModel
from ui.qt import (
    QComboBox,
    QDesktopServices,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.date_field import DateTimeField, OptionalDateField
from ui.widgets.reason_dialog import ask_reason
from ui.widgets.record_dialog import RecordDialog, button_row, perform_or_show
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction

LOCKED = "Logged as sent: this notice is evidence and cannot be edited — annotate it or supersede it."


class NoticeEntryDialog(RecordDialog):
    """Log a notice received, correct a received one, or write the correcting entry that
    supersedes a sent one. A sent notice opens read-only."""

    def __init__(self, context, notice: NoticeRecord | None = None, supersede: bool = False, parent=None) -> None:
        title = "Correcting entry" if supersede else "Log notice received" if notice is None else "Notice"
        super().__init__(context, title, parent)
        self.original, self.supersede = notice, supersede
        n = notice or NoticeRecord("", NoticeDirection.RECEIVED, "", "", "courier", _now(context))
        self.direction = QComboBox()
        for d in NoticeDirection:
            self.direction.addItem(d.value, d.value)
        self.direction.setCurrentIndex(self.direction.findData(n.direction.value))
        self.add_field("direction", "&Direction:", self.direction)
        self.recipient = self.add_field("recipient", "&Recipient / sender:", QLineEdit(n.recipient))
        self.kind = self.add_field("kind", "&Kind:", QLineEdit(n.kind))
        self.method = QComboBox()
        self.method.addItems([m.value for m in METHODS])
        self.method.setCurrentText(n.method)
        self.add_field("method", "&Method:", self.method)
        self.sent_at = self.add_field("sent_at", "&Sent at (Eastern):", DateTimeField(n.sent_at))
        self.received = self.add_field("received_on", "Actual r&eceipt:", OptionalDateField(None, "Received on"))
        self.received.set_value(n.received_on, default=n.sent_at.date())
        self.file_name = self.add_field("file_name", "File &name:", QLineEdit(n.file_name))
        if notice is not None and not supersede and notice.direction == NoticeDirection.SENT:
            for name in ("direction", "recipient", "kind", "method", "sent_at", "received_on", "file_name"):
                self.field(name).setEnabled(False)
                self.field(name).setToolTip(LOCKED)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.general_error.setText(LOCKED)
            self.general_error.setVisible(True)

    def proposed(self) -> NoticeRecord:
        values = dict(direction=NoticeDirection(self.direction.currentData()), recipient=self.recipient.text().strip(),
                      kind=self.kind.text().strip(), method=self.method.currentText(), sent_at=self.sent_at.value(),
                      received_on=self.received.value(), file_name=self.file_name.text().strip())
        if self.original is None or self.supersede:
            base = dict(id=f"n-{uuid.uuid4().hex[:12]}")
            if self.supersede:
                base["supersedes_id"] = self.original.id
            return NoticeRecord(**base, **values)
        return dataclasses.replace(self.original, **values)

    def submit(self) -> bool:
        from rra_desktop.services import notices as service

        record = self.proposed()
        if self.supersede:
            self.context.perform(service.supersede_notice, self.original.id, record)
        elif self.original is None:
            self.context.perform(service.log_notice, record)
        else:  # the service refuses any edit of a notice logged as sent
            self.context.perform(service.edit_notice, record)
        return True


def _now(context):
    import datetime as dt

    return dt.datetime.combine(context.today(), dt.time(9, 0))


def deemed_text(notice: NoticeRecord, calendar) -> tuple[str, str]:
    """The deemed-given cell and its rule (7(g)); "on receipt only" where no rule fixes it yet."""
    try:
        result = deemed_given(notice.method, notice.sent_at, notice.received_on, calendar)
        day, rule = result.date, result.rule
    except ValueError as exc:
        day, rule = None, str(exc)
    # The date recorded when the notice was logged is evidence: it is what the log shows.
    day = notice.deemed_given_on or day
    return (fmt_date(day) if day else "on receipt only"), rule


class NoticesTab(QWidget):
    title = "Notices"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = NoticesModel(self)
        self.table = RecordTable(self.model, "Notices sent and received", self)
        self.table.set_empty_text("No notices logged. Prepare notice… writes one and logs it as sent; "
                                  "Log received… records one that came in.")
        self.prepare_button = QPushButton("&Prepare notice…", self)
        self.log_button = QPushButton("&Log received…", self)
        self.edit_button = QPushButton("Ed&it…", self)
        self.annotate_button = QPushButton("A&nnotate…", self)
        self.supersede_button = QPushButton("&Supersede…", self)
        self.open_button = QPushButton("Open &file", self)
        self.open_button.setToolTip("Open the logged letter with the system's viewer")
        self.hashes = FileHashes()
        self.opener = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Notice detail")
        buttons = button_row(self.prepare_button, self.log_button, self.edit_button, self.annotate_button,
                             self.supersede_button, self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.trail = QLabel(self)
        self.trail.setWordWrap(True)
        self.trail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trail.setAccessibleName("Audit trail head digest")
        layout.addWidget(self.trail)
        self.prepare_button.clicked.connect(self.prepare_notice)
        self.log_button.clicked.connect(lambda: NoticeEntryDialog(self.context, None, parent=self).exec())
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current()))
        self.annotate_button.clicked.connect(lambda: self.annotate(self.table.current()))
        self.supersede_button.clicked.connect(lambda: self.supersede(self.table.current()))
        self.open_button.clicked.connect(lambda: self.open_file(self.table.current()))
        self.table.openRequested.connect(self.edit)
        self.table.deleteRequested.connect(lambda row: show_error(self, "Remove notice", LOCKED if row.locked else
                                                                  "Notices are never deleted; supersede it instead."))
        self.table.currentRecordChanged.connect(self._selected)
        self.table.row_actions.set_actions([
            RowAction("Ed&it…", self.edit, lambda row: row is not None and not row.locked, enter=True),
            RowAction("&View entry…", self.edit, lambda row: row is not None and row.locked, enter=True),
            RowAction("Open &letter", self.open_file, lambda row: row is not None and row.file_path is not None),
            RowAction("A&nnotate…", self.annotate),
            RowAction("&Supersede…", self.supersede),
        ])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        deal = self.context.deal()
        calendar = self.context.calendar()
        superseded = {n.supersedes_id for n in deal.notices if n.supersedes_id}
        checks = {c.notice.id: c for c in check_files(deal, folders_for(getattr(self.context.store, "path", None)),
                                                       self.hashes)}
        rows = []
        for n in sorted(deal.notices, key=lambda n: n.sent_at, reverse=True):
            text, rule = deemed_text(n, calendar)
            check = checks.get(n.id)
            rows.append(NoticeRow(n, text, rule, n.id in superseded, check.status if check else "",
                                  check.path if check else None))
        self.table.show_rows(rows)
        self._selected(self.table.current())
        self.trail.setText(trail_line(self.context.store))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()  # a letter may have been edited or moved since the tab was last shown

    def open_file(self, row: NoticeRow | None) -> None:
        if row is None or row.file_path is None:
            show_error(self, "Open file", "The file of this notice is not in the deal's folder or its Notices "
                       "folder." if row is not None and row.notice.file_name else "This notice has no file.")
            return
        self.opener(row.file_path)  # a changed file opens too (to compare); the detail line says it changed

    def _selected(self, row: NoticeRow | None) -> None:
        self.edit_button.setEnabled(row is not None and not row.locked)
        self.edit_button.setToolTip(LOCKED if row is not None and row.locked else "")
        self.annotate_button.setEnabled(row is not None)
        self.supersede_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and row.file_path is not None)
        if row is None:
            self.detail.setText("")
            return
        notes = "".join(f"<br>• {a}" for a in row.notice.annotations)
        check = {"intact": "the file still matches", "changed": "<span style='color:#a00'>the file has CHANGED "
                 "since it was logged</span>", "missing": "<span style='color:#a00'>the file is MISSING</span>"}
        state = f" — {check[row.file_status]}" if row.file_status in check else ""
        self.detail.setText(f"<b>Deemed given:</b> {row.deemed_text} — {row.deemed_rule}"
                            f"<br><b>SHA-256:</b> {row.notice.sha256 or '(no file)'}{state}{notes}")

    def edit(self, row: NoticeRow | None) -> None:
        if row is not None:
            NoticeEntryDialog(self.context, row.notice, parent=self).exec()

    def supersede(self, row: NoticeRow | None) -> None:
        if row is not None:
            NoticeEntryDialog(self.context, row.notice, supersede=True, parent=self).exec()

    def annotate(self, row: NoticeRow | None) -> None:
        if row is None:
            return
        text = ask_reason(self, "Annotate notice", f"Annotation to the {row.notice.kind.replace('_', ' ')} notice to "
                          f"{row.notice.recipient} (the notice itself stays as logged):", "Annotate")
        if not text:
            return
        from rra_desktop.services import notices as service

        perform_or_show(self, self.context, "Annotate notice", service.annotate_notice, row.notice.id, text)

    def prepare_notice(self) -> None:
        try:
            from ui.letters.prepare import PrepareNoticeDialog
        except ImportError:
            show_error(self, "Prepare notice", "The notice generator (letters) is not available in this build.")
            return
        PrepareNoticeDialog(self.context, self).exec()

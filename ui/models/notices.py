"""The log of notices sent and received (7(g)), with their deemed-given dates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from ui.formatting import plural
from ui.widgets.record_table import DONE_COLOR, VIOLATION_COLOR, Column, RecordTableModel


@dataclass(frozen=True)
class NoticeRow:
    notice: NoticeRecord
    deemed_text: str  # a date, or "on receipt only" where no 7(g) rule applies yet
    deemed_rule: str = ""
    superseded: bool = False
    file_status: str = ""  # intact | changed | missing (``notice_files.check_files``); "" without a file
    file_path: Path | None = None  # where the logged file was found

    @property
    def id(self) -> str:
        return self.notice.id

    @property
    def locked(self) -> bool:
        """A notice logged as sent is evidence: never edited, only annotated or superseded."""
        return self.notice.direction == NoticeDirection.SENT


(COL_SENT_AT, COL_DIRECTION, COL_RECIPIENT, COL_KIND, COL_METHOD, COL_DEEMED, COL_FILE, COL_SHA, COL_CHECK,
 COL_NOTES) = range(10)


class NoticesModel(RecordTableModel):
    columns = (
        Column("Sent at", lambda r: r.notice.sent_at),
        Column("Direction", lambda r: r.notice.direction.value),
        Column("Recipient", lambda r: r.notice.recipient),
        Column("Kind", lambda r: r.notice.kind.replace("_", " ")),
        Column("Method", lambda r: r.notice.method),
        Column("Deemed given", lambda r: r.notice.deemed_given_on, text=lambda r: r.deemed_text,
               tooltip=lambda r: r.deemed_rule),
        Column("File", lambda r: r.notice.file_name),
        Column("SHA-256", lambda r: r.notice.sha256[:12], tooltip=lambda r: r.notice.sha256),
        Column("File check", lambda r: r.file_status, tooltip=lambda r: _check_tip(r)),
        Column("Notes", lambda r: _notes(r)),
    )

    def highlight(self, row: NoticeRow):
        if row.file_status in ("changed", "missing"):
            return VIOLATION_COLOR
        return DONE_COLOR if row.superseded else None


def _check_tip(row: NoticeRow) -> str:
    if row.file_status == "intact":
        return f"{row.file_path} still has the SHA-256 the log holds"
    if row.file_status == "changed":
        return f"{row.file_path} no longer has the SHA-256 the log holds: it is not the letter that was sent"
    if row.file_status == "missing":
        return "The file is not in the deal's folder or its Notices folder"
    return ""


def _notes(row: NoticeRow) -> str:
    parts = []
    if row.superseded:
        parts.append("superseded")
    if row.notice.supersedes_id:
        parts.append("corrects an earlier entry")
    if row.notice.annotations:
        parts.append(plural(len(row.notice.annotations), "annotation"))
    return "; ".join(parts)

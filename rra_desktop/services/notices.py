"""The log of notices sent and received (7(g)).

A notice logged as sent is evidence (7(g)): no path edits or deletes it (the store refuses
too, so an import cannot). It can be annotated, or superseded by a correcting entry that
points to it. Received notices can be corrected or removed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from rra_desktop.domain.notices import deemed_given
from rra_desktop.services.base import Refused, add_record, day, find, remove_record, text, write
from rra_desktop.store.transaction import Change


def check_notice(record: NoticeRecord) -> NoticeRecord:
    """The notice's own fields: who it went to (or came from) and what it is."""
    text(record.recipient, "recipient", "recipient (or sender)")
    text(record.kind, "kind", "kind of notice")
    return record


def _checked(store, record: NoticeRecord, file_path=None) -> NoticeRecord:
    """Validate; compute the deemed-given date (7(g)) and the file's SHA-256 when given."""
    check_notice(record)
    if file_path is not None:
        data = Path(file_path).read_bytes()
        record = dataclasses.replace(record, file_name=Path(file_path).name, sha256=hashlib.sha256(data).hexdigest())
    try:
        given = deemed_given(record.method, record.sent_at, record.received_on, calendar_for(store.deal().terms))
    except ValueError as exc:
        field = "received_on" if "receipt" in str(exc) else "method"
        raise Refused(str(exc), field=field) from None
    return dataclasses.replace(record, deemed_given_on=given.date)


def _label(verb: str, n: NoticeRecord) -> str:
    return f"{verb} {n.kind.replace('_', ' ')} notice {n.direction.value} {day(n.sent_at.date())}, {n.recipient}"


def log_notice(store, record: NoticeRecord, file_path=None) -> Change:
    """Log a notice sent or received; ``file_path`` (the letter produced) fills its file
    name and SHA-256 so that the log proves which document went out."""
    record = _checked(store, record, file_path)
    return add_record(store, record, "notices", "notice", _label("Log", record))


def _unlocked(store, notice_id: str) -> NoticeRecord:
    stored = find(store.deal().notices, "id", notice_id, "notice")
    if stored.direction == NoticeDirection.SENT:
        raise Refused("This notice was logged as sent: it is evidence and cannot be changed. Annotate it, or "
                      "supersede it with a correcting entry.", field="id")
    return stored


def edit_notice(store, record: NoticeRecord) -> Change:
    """Correct a notice received; refused for a notice logged as sent."""
    _unlocked(store, record.id)
    if record.direction == NoticeDirection.SENT:
        raise Refused("A received notice cannot be turned into a sent one; log the sent notice.", field="direction")
    record = _checked(store, record)
    with write(store, _label("Edit", record)) as tx:
        tx.update(record)
    return tx.change


def remove_notice(store, notice_id: str) -> Change:
    stored = _unlocked(store, notice_id)
    return remove_record(store, "notices", notice_id, "notice", _label("Remove", stored))


def annotate_notice(store, notice_id: str, note: str) -> Change:
    """Add a dated-by-audit note to any notice (the notice itself stays as logged)."""
    note = text(note, "annotations", "annotation")
    stored = find(store.deal().notices, "id", notice_id, "notice")
    with write(store, f"Annotate notice {stored.kind.replace('_', ' ')}, {stored.recipient}") as tx:
        tx.update(dataclasses.replace(stored, annotations=(*stored.annotations, note)))
    return tx.change


def supersede_notice(store, original_id: str, record: NoticeRecord, file_path=None) -> Change:
    """Log a correcting entry that points to ``original_id`` (which stays unchanged)."""
    original = find(store.deal().notices, "id", original_id, "notice", "supersedes_id")
    if any(n.supersedes_id == original_id for n in store.deal().notices):
        raise Refused("This notice already has a correcting entry; supersede that one instead.", field="supersedes_id")
    record = _checked(store, dataclasses.replace(record, supersedes_id=original.id), file_path)
    return add_record(store, record, "notices", "notice", _label("Correcting entry for", record))

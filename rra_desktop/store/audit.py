"""The audit trail: who changed what, when, and the values before and after.

Append-only and hash-chained: each entry's SHA-256 covers its content and the previous entry's
hash, so editing or deleting any entry breaks the chain from that point and ``verify`` names
the first bad entry. The head (count and last hash) is also kept in ``meta`` so that removing
the newest entries is caught too. SQLite triggers (created by the first migration) refuse UPDATE
and DELETE on the table as a second line of defence (the chain is what proves it).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import insert, select

from rra_desktop.store.locking import current_user
from rra_desktop.store.tables import AuditRow, Meta

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
CONTENT = ("seq", "tx", "at", "user", "action", "table_name", "row_id", "before", "after", "reason")

@dataclass(frozen=True)
class AuditEntry:
    """One changed row of one user action, as the audit trail recorded it."""

    seq: int
    tx: str
    at: str  # UTC, ISO-8601
    user: str
    action: str
    table_name: str
    row_id: str
    before: str | None  # JSON of the record before (None: it was added)
    after: str | None  # JSON of the record after (None: it was removed)
    reason: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditReport:
    """The outcome of ``verify``: ``ok``, how many entries were checked, the first bad one."""

    ok: bool
    entries: int
    first_bad_seq: int | None = None
    message: str = ""


def entry_hash(values: dict, prev_hash: str) -> str:
    content = json.dumps([values[k] for k in CONTENT], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def _head(session) -> tuple[int, str]:
    row = session.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(session, tx: str, at: str, action: str, items, reason: str = "") -> None:
    """Append one entry per ``(table_name, row_id, before_json, after_json)`` of an action."""
    seq, prev = _head(session)
    user = current_user()
    rows = []
    for table_name, row_id, before, after in items:
        seq += 1
        values = dict(seq=seq, tx=tx, at=at, user=user, action=action, table_name=table_name, row_id=row_id,
                      before=before, after=after, reason=reason)
        digest = entry_hash(values, prev)
        rows.append({**values, "prev_hash": prev, "hash": digest})
        prev = digest
    if rows:
        session.execute(insert(AuditRow), rows)
        session.merge(Meta(key=HEAD_KEY, value=f"{seq}:{prev}"))


def entries(session) -> list[AuditEntry]:
    cols = [getattr(AuditRow, f) for f in AuditEntry.__dataclass_fields__]
    return [AuditEntry(*r) for r in session.execute(select(*cols).order_by(AuditRow.seq))]


def verify(session) -> AuditReport:
    """Recompute the chain; the first entry whose hash, link or number is wrong is named."""
    prev, expected_seq, count = GENESIS, 1, 0
    for e in entries(session):
        values = {k: getattr(e, k) for k in CONTENT}
        if e.seq != expected_seq:
            return AuditReport(False, count, expected_seq, f"audit entry {expected_seq} is missing (deleted?)")
        if e.prev_hash != prev or entry_hash(values, prev) != e.hash:
            return AuditReport(False, count, e.seq, f"audit entry {e.seq} ({e.action}, {e.at}) was altered")
        prev, expected_seq, count = e.hash, expected_seq + 1, count + 1
    head = session.get(Meta, HEAD_KEY)
    if head is not None and head.value != f"{count}:{prev}":
        claimed = head.value.split(":")[0]
        return AuditReport(False, count, count + 1, f"the audit trail ends at entry {count} but entry {claimed} "
                           "was recorded: the newest entries were removed")
    return AuditReport(True, count, None, f"{count} audit entries, chain intact")

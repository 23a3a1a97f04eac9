"""The audit trail: who changed what, when, and the values before and after.

Append-only and hash-chained: each entry's SHA-256 covers its content, the content digest of the
deal after its change (``digest``: a sum of per-record digests, kept up to date in constant time
per changed row) and the previous entry's hash, so editing or deleting any entry breaks the chain
from that point, and a record changed outside the app no longer matches the trail. ``trail``
verifies all of it and names the first bad entry or record. The head (count and last hash) is
also kept in ``meta``. SQLite triggers (created by the first migration) refuse UPDATE and DELETE
on the table as a second line of defence (the chain is what proves it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from rra_desktop.store import digest
from rra_desktop.store.bulk import insert_rows
from rra_desktop.store.digest import CONTENT, GENESIS, entry_hash
from rra_desktop.store.locking import current_user
from rra_desktop.store.record_text import BatchAdded
from rra_desktop.store.tables import AuditRow, Meta
from rra_desktop.store.trail import HEAD_KEY, AuditReport

STATE_KEY = "trail_state"  # the content digest where the newest entry records none (see migration 0004)
__all__ = ["CONTENT", "GENESIS", "HEAD_KEY", "AuditEntry", "AuditReport", "append", "entries", "entry_hash",
           "verify"]


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
    state: str | None = None  # the content digest after this entry (None: written before it was kept)


def _head(session) -> tuple[int, str, int]:
    """The newest entry's number and hash, and the content digest after it (a server store that
    knows them already, under its lock on the head, hands them over in ``session.info``)."""
    known = session.info.get("trail_head")
    if known is not None:
        return known
    row = session.execute(select(AuditRow.seq, AuditRow.hash, AuditRow.state)
                          .order_by(AuditRow.seq.desc()).limit(1)).first()
    if row is not None and row[2] is not None:
        return row[0], row[1], digest.state_value(row[2])
    stored = session.get(Meta, STATE_KEY)
    state = digest.state_value(stored.value) if stored is not None else 0
    return (row[0], row[1], state) if row else (0, GENESIS, state)


def append(session, tx: str, at: str, action: str, items, reason: str = "") -> None:
    """Append one entry per ``(table_name, row_id, before_json, after_json)`` of an action, and
    one per ``record_text.BatchAdded`` (records of one table added at once: its "after" is the
    JSON array of their texts, its row id names the first and last, and the content digest
    takes each record's digest, as if each had an entry of its own)."""
    seq, prev, state = _head(session)
    user = session.info.get("audit_user") or current_user()  # a server store names the database user
    rows = []
    wrote = False
    for item in items:
        seq += 1
        if isinstance(item, BatchAdded):
            table_name, row_id, before, after = item.table, item.label, None, item.after
            state = (state + digest.digest_sum(table_name, item.row_ids, item.texts)) % digest.MODULUS
        else:
            table_name, row_id, before, after = item
            state = digest.advance(state, table_name, row_id, before, after)
        values = dict(seq=seq, tx=tx, at=at, user=user, action=action, table_name=table_name, row_id=row_id,
                      before=before, after=after, reason=reason, state=digest.state_text(state), prev_hash=prev)
        values["hash"] = prev = entry_hash(values, prev)
        rows.append(values)
        if len(rows) == 5_000:  # an import's entries go in a chunk at a time: memory stays flat
            insert_rows(session.connection(), AuditRow.__table__, rows)
            rows = []
            wrote = True
    if rows:
        insert_rows(session.connection(), AuditRow.__table__, rows)
    if rows or wrote:
        head = f"{seq}:{prev}"
        # one UPDATE (a merge would SELECT the row first: a round trip more on a server)
        done = session.connection().execute(update(Meta).where(Meta.key == HEAD_KEY).values(value=head))
        if not done.rowcount:
            session.add(Meta(key=HEAD_KEY, value=head))
            session.flush()
        session.info["trail_head_after"] = (seq, prev, state, head)


def entries(session, table_name: str | None = None) -> list[AuditEntry]:
    cols = [getattr(AuditRow, f) for f in AuditEntry.__dataclass_fields__]
    query = select(*cols).order_by(AuditRow.seq)
    if table_name is not None:
        query = query.where(AuditRow.table_name == table_name)
    return [AuditEntry(*r) for r in session.execute(query)]


def verify(session) -> AuditReport:
    """``trail.verify_connection`` on the session's connection: chain, digests and records."""
    from rra_desktop.store import trail

    return trail.verify_connection(session.connection().connection.driver_connection)

"""Verifying the audit trail against the records, with plain ``sqlite3`` (no SQLAlchemy).

``verify_connection`` checks, in this order, and names the first thing that is wrong:

1. the chain: every entry's number follows the last, its hash is right and links to the one
   before (an edited or deleted entry is named);
2. the content digest each entry records (``digest``): replaying every entry's "before" and
   "after" from an empty deal must give the digest the entry holds (an entry for records added
   at once, ``record_text.BatchAdded``, counts each record its "after" array holds);
3. the records: replaying the trail gives what every record must hold now; each record in the
   file is compared with it, table by table in the deal's order, and the first table and record
   id that differs, that the trail never recorded (added outside RRA Desk) or that the trail
   holds but the file does not (deleted outside RRA Desk) is named. So an empty or truncated trail
   on a deal that holds records is broken (the last entry and the head row in ``meta`` deleted
   together leave a record the trail no longer explains), and so is any direct edit of a record;
4. the head row in ``meta`` agrees with the newest entry.

``anchored`` then checks the trail against a head digest kept elsewhere (a backup, a printed
report): the file's trail must contain that entry with that hash, or it was rewritten.

What this proves, and what not: anyone holding the file can rewrite it, trail included, and
recompute every hash; no check inside one file can catch that. What cannot be rewritten is a head
digest that left the file (printed on a report, kept in a backup): a trail rewritten end to end
no longer contains it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rra_desktop.store import digest
from rra_desktop.store.codec import RECORD_TABLES, TERMS

HEAD_KEY = "audit_head"
TABLES = (TERMS, *RECORD_TABLES)


@dataclass(frozen=True)
class AuditReport:
    """The outcome of a verification: ``ok``, how many entries were checked, the first bad entry
    (``first_bad_seq``) or record (``table``, ``record_id``), and the head digest."""

    ok: bool
    entries: int
    first_bad_seq: int | None = None
    message: str = ""
    table: str | None = None
    record_id: str | None = None
    head: str = ""  # "ENTRIES:HASH" (digest.head_text)
    content: str = ""  # the content digest of the records (hex)


def _columns(con: sqlite3.Connection, table: str) -> dict[str, str]:
    return {r[1]: (r[2] or "").upper() for r in con.execute(f'PRAGMA table_info("{table}")')}


def _entries(con: sqlite3.Connection):
    has_state = "state" in _columns(con, "audit")
    cols = ", ".join([*digest.CONTENT, "prev_hash", "hash", "state" if has_state else "NULL"])
    return con.execute(f'SELECT {cols} FROM audit ORDER BY seq')


_DECODERS: dict[str, Callable[[Any], object]] = {"JSON": json.loads, "BOOLEAN": bool}  # by column type


def record_rows(con: sqlite3.Connection, spec):
    """``(row_id, canonical JSON)`` of every record of one table, in the deal's order: the same
    text ``codec.audit_json`` gives for the record (JSON columns parsed, booleans as booleans)."""
    types = _columns(con, spec.name)
    if not types:  # a table a later revision adds (a file being migrated through an older one)
        return
    fields = [f for f in spec.fields if f in types]
    decode = [(i, _DECODERS[types[f]]) for i, f in enumerate(fields) if types[f] in _DECODERS]
    key_at = [fields.index(k) for k in spec.keys]
    sql = f'SELECT {", ".join(f"{chr(34)}{f}{chr(34)}" for f in fields)} FROM "{spec.name}"'
    sql += " WHERE id = 1" if spec is TERMS else " ORDER BY seq"
    for row in con.execute(sql):
        values = list(row)
        for i, d in decode:
            if values[i] is not None:
                with contextlib.suppress(ValueError):  # malformed JSON: kept as text, matching no entry
                    values[i] = d(values[i])
        row_id = "/".join(str(values[i]) for i in key_at) if key_at else "1"
        yield row_id, json.dumps(dict(zip(fields, values, strict=True)), sort_keys=True, ensure_ascii=False,
                                 separators=(",", ":"))


def content_digest(con: sqlite3.Connection) -> int:
    """The content digest of the records in the file now (``digest`` module)."""
    total = 0
    for spec in TABLES:
        for row_id, content in record_rows(con, spec):
            total += digest.record_digest(spec.name, row_id, content)
    return total % digest.MODULUS


def _bad(count: int, seq: int, message: str) -> AuditReport:
    return AuditReport(False, count, seq, message)


def replay(con: sqlite3.Connection):
    """Walk the chain: ``(report or None, expected records, state, entries, head hash)``."""
    prev, count, state = digest.GENESIS, 0, 0
    expected: dict[tuple[str, str], str] = {}
    for row in _entries(con):
        values = dict(zip(digest.CONTENT, row[:len(digest.CONTENT)], strict=True))
        seq = values["seq"]
        stored_prev, stored_hash, stored_state = row[len(digest.CONTENT):]
        values["state"] = stored_state
        if seq != count + 1:
            return _bad(count, count + 1, f"audit entry {count + 1} is missing (deleted?)"), {}, 0, count, prev
        if stored_prev != prev or digest.entry_hash(values, prev) != stored_hash:
            why = f"audit entry {seq} ({values['action']}, {values['at']}) was altered"
            return _bad(count, seq, why), {}, 0, count, prev
        table, row_id = values["table_name"], values["row_id"]
        batch = _batch(table, values["before"], values["after"])
        if batch is not None:  # records added at once (record_text.BatchAdded)
            for record_id, content in batch:
                state += digest.record_digest(table, record_id, content)
                expected[(table, record_id)] = content
            state %= digest.MODULUS
        elif batch is None and values["before"] is None and (values["after"] or "").startswith("["):
            return _bad(count, seq, f"audit entry {seq} ({values['action']}) holds records that cannot be read"), \
                {}, 0, count, prev
        else:
            state = digest.advance(state, table, row_id, values["before"], values["after"])
            if values["after"] is None:
                expected.pop((table, row_id), None)
            else:
                expected[(table, row_id)] = values["after"]
        if stored_state is not None and digest.state_value(stored_state) != state:
            return (AuditReport(False, count, seq, f"audit entry {seq} ({values['action']}) records a content digest "
                                "that its changes do not give (the trail was edited)"), {}, 0, count, prev)
        prev, count = stored_hash, count + 1
    return None, expected, state, count, prev


def _batch(table: str, before: str | None, after: str | None) -> list[tuple[str, str]] | None:
    """The ``(record id, text)`` of each record an entry for records added at once holds (its
    "after" a JSON array: one record's text is always an object), else None."""
    from rra_desktop.store.codec import BY_NAME
    from rra_desktop.store.record_text import split_batch

    if before is not None or after is None or not after.startswith("[") or table not in BY_NAME:
        return None
    try:
        return split_batch(BY_NAME[table].keys, after)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def verify_connection(con: sqlite3.Connection) -> AuditReport:
    """The four checks of the module's docstring, on an open connection (read only)."""
    bad, expected, _state, count, prev = replay(con)
    if bad is not None:
        return bad
    head = digest.head_text(count, prev)
    stored = con.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    if stored is not None and stored[0] != f"{count}:{prev}":
        claimed = stored[0].split(":")[0]
        return AuditReport(False, count, count + 1, f"the audit trail ends at entry {count} but entry {claimed} "
                           "was recorded: the newest entries were removed", head=head)
    total = 0
    for spec in TABLES:
        for row_id, content in record_rows(con, spec):
            total += digest.record_digest(spec.name, row_id, content)
            want = expected.pop((spec.name, row_id), None)
            if want == content:
                continue
            if not count:
                why = (f"the audit trail is empty but the deal holds records ({spec.name} {row_id} first): "
                       "the trail was deleted")
            elif want is None:
                why = f"{spec.name} {row_id} is not in the audit trail (added outside RRA Desk?)"
            else:
                why = (f"{spec.name} {row_id} does not match the audit trail (changed outside RRA Desk, or the "
                       "newest audit entries were removed)")
            return AuditReport(False, count, None, why, spec.name, row_id, head)
    if expected:
        (table, row_id), _ = next(iter(expected.items()))
        return AuditReport(False, count, None, f"{table} {row_id} is in the audit trail but not in the file "
                           "(deleted outside RRA Desk?)", table, row_id, head)
    content = digest.state_text(total)
    return AuditReport(True, count, None, f"{count} audit entries, chain intact, every record matches the trail",
                       head=head, content=content)


def head(con: sqlite3.Connection) -> str:
    """The head digest ("ENTRIES:HASH") as the file's newest entry gives it (unverified)."""
    row = con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return digest.head_text(row[0], row[1]) if row else digest.head_text(0, digest.GENESIS)


def anchored(con: sqlite3.Connection, anchor: str) -> str | None:
    """None when the trail contains the entry ``anchor`` ("N:HASH" or a hash prefix) names;
    otherwise why not (the trail was rewritten, or the anchor is from another deal)."""
    seq, want = digest.parse_head(anchor)
    if seq == 0:
        return None
    if seq is not None:
        row = con.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
        if row is None:
            return f"the trail has no entry {seq}, which {anchor} names: its newest entries were removed"
        if not row[0].startswith(want):
            return f"entry {seq} of the trail is not the one {anchor} names: the trail was rewritten"
        return None
    if con.execute("SELECT 1 FROM audit WHERE hash LIKE ? LIMIT 1", (want + "%",)).fetchone() is None:
        return f"no entry of the trail has the digest {anchor}: the trail was rewritten (or it is another deal's)"
    return None


def append_entries(con: sqlite3.Connection, items, action: str, state: int, count: int, prev: str,
                   user: str) -> tuple[int, int, str]:
    """Append one audited entry per ``(table, row_id, before, after)`` in ``items`` as one
    transaction labelled ``action`` (a migration's record of what it changed), chained on
    ``prev``; returns the trail's new content state, entry count and head hash."""
    import datetime as dt
    import uuid

    tx, at = uuid.uuid4().hex, dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    for table, row_id, before, after in items:
        count += 1
        state = digest.advance(state, table, row_id, before, after)
        values = dict(seq=count, tx=tx, at=at, user=user, action=action, table_name=table, row_id=row_id,
                      before=before, after=after, reason="", state=digest.state_text(state))
        hashed = digest.entry_hash(values, prev)
        con.execute("INSERT INTO audit (seq, tx, at, user, action, table_name, row_id, before, after, reason, "
                    "state, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (*values.values(), prev, hashed))
        prev = hashed
    return state, count, prev


def record_migration(con: sqlite3.Connection, action: str, tables: tuple[str, ...] | None = None) -> None:
    """Append one audited action, labelled ``action``, for every record (of ``tables``, or of every
    table) whose content the trail's replay no longer gives: what a schema upgrade changed in the
    records is on the trail like any edit. A trail that no longer replays is left as it is, for
    the verification to report."""
    from rra_desktop.store.locking import current_user

    bad, expected, state, count, prev = replay(con)
    if bad is not None:
        return
    items = []
    for spec in TABLES:
        if tables is not None and spec.name not in tables:
            continue
        for row_id, content in record_rows(con, spec):
            want = expected.pop((spec.name, row_id), None)
            if want != content:
                items.append((spec.name, row_id, want, content))
    items += [(table, row_id, want, None) for (table, row_id), want in expected.items()
              if tables is None or table in tables]
    if not items:
        return
    state, count, prev = append_entries(con, items, action, state, count, prev, current_user())
    con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)", (f"{count}:{prev}",))
    con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('trail_state', ?)", (digest.state_text(state),))

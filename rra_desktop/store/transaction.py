"""The unit of work: every user action writes through one ``Transaction``.

A transaction reads each row it is about to change, so the ``Change`` it returns holds the
record before and after for every row: the audit trail records exactly that, and undo/redo
replay it in either direction (refusing when a row has moved on since).

An action that spans several services (``rra_desktop.services.unit_of_work``) runs each
service's writes as a step (``Transaction.step``) of one transaction: one audit entry and one
``Change`` at the end, nothing committed when any step is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from operator import attrgetter

from sqlalchemy import and_, bindparam, func, select

from rra_desktop.domain.model import NoticeDirection
from rra_desktop.domain.slots import positional_constructor
from rra_desktop.store import audit
from rra_desktop.store.bulk import _plan, insert_rows
from rra_desktop.store.codec import TERMS, RecordTable, audit_json, row_json, spec_for
from rra_desktop.store.collecting import promote_kept
from rra_desktop.store.errors import ChangeConflict, LockedRecord
from rra_desktop.store.record_text import BatchAdded, writer

BULK_CHUNK = 5_000  # rows built and inserted at a time by ``add_many``
# A chunk of at least this many records is one audit entry (``BatchAdded``); a smaller one (a
# Schedule 1 of a few dozen Holders, the end of a large one) keeps an entry per record, which the
# audit listing names one by one.
BATCH_ENTRY_FROM = 500
# Audit texts kept from the insert for the audit entry (beyond this an import makes them again
# at the end rather than hold them all: 100,000 Holders would keep some 200 MB)
AUDIT_TEXT_KEPT = 50_000


@dataclass(frozen=True, slots=True)  # slots: an import's Change holds 400,000 of them
class RowChange:
    """One row of one table: ``before``/``after`` are records (None: absent); ``seq`` keeps
    its place in the deal's order so that undoing a removal puts it back where it was."""

    table: str
    key: tuple
    before: object | None
    after: object | None
    seq: int = 0


_row_change = positional_constructor(RowChange)  # an import makes one per record: every field given


@dataclass(frozen=True)
class Change:
    """What one user action changed; the GUI's undo stack holds it (``label`` names it)."""

    label: str
    rows: tuple[RowChange, ...] = ()
    reason: str = ""

    @property
    def undoable(self) -> bool:
        """False when undoing would remove or alter a notice logged as sent (7(g): it is
        evidence; correct it with a superseding entry instead)."""
        try:
            for r in self.rows:
                if r.table == "notices":
                    check_sent_notice(r.after, r.before)
        except LockedRecord:
            return False
        return True

    def inverse(self) -> Change:
        return Change(self.label, tuple(RowChange(r.table, r.key, r.after, r.before, r.seq)
                                        for r in reversed(self.rows)), self.reason)


def check_sent_notice(before, after) -> None:
    """A notice logged as sent is evidence (7(g)). Only its annotations may change."""
    if before is None or before.direction != NoticeDirection.SENT:
        return
    if after is None:
        raise LockedRecord(f"the notice {before.id} was logged as sent and cannot be deleted; "
                           "supersede it with a correcting entry instead")
    if dataclasses.replace(after, annotations=before.annotations) != before:
        raise LockedRecord(f"the notice {before.id} was logged as sent and cannot be edited; "
                           "annotate it, or supersede it with a correcting entry")


class Transaction:
    """Collects row changes for one action; the store writes them, with the audit, at exit.

    ``change`` is the action's ``Change`` once the store has committed it (the store calls
    ``finish``); reading it earlier is a programming error."""

    def __init__(self, session, label: str, reason: str = "", next_seq: dict[str, int] | None = None,
                 step: bool = False):
        self.session = session
        self.label = label
        self.reason = reason
        self.rows: list[RowChange] = []
        self._next_seq: dict[str, int] = {} if next_seq is None else next_seq
        self._change: Change | None = None
        self._step = step  # a step's rows are audited by the transaction it is part of
        # audit JSON of each record written, by id (the records live on in ``rows``)
        self._after_json: dict[int, str] = {}
        self._audited = 0  # ``rows[:_audited]`` already have their audit entries (``add_many``)
        self._audit_id: tuple[str, str] | None = None  # the action's tx id and time, made once

    @property
    def change(self) -> Change:
        """What this action changed, for the undo stack (set when it is committed)."""
        if self._change is None:
            raise RuntimeError(f"“{self.label}” has not been committed yet")
        return self._change

    def step(self, label: str, reason: str = "") -> Transaction:
        """A part of this transaction written by one service inside a larger action: it shares
        the session and the deal's order, and ``end_step`` adds its rows to this transaction."""
        return Transaction(self.session, label, reason, self._next_seq, step=True)

    def end_step(self, step: Transaction) -> Change:
        """Take the rows of a step that succeeded; its ``change`` says what that step did (the
        action's one undoable Change is this transaction's)."""
        self.rows.extend(step.rows)
        self._after_json.update(step._after_json)
        step._change = Change(step.label, tuple(step.rows), step.reason)
        return step._change

    # -- reading inside the transaction ---------------------------------------------------
    def get(self, kind, key) -> object | None:
        """The record stored under ``key`` (a value or tuple), or None."""
        spec = spec_for(kind)
        found = self._select(spec, _as_key(key))
        return found[0] if found else None

    def _select(self, spec: RecordTable, key: tuple):
        cols = [spec.table.c[f] for f in spec.fields]
        seq_col = spec.table.c.seq if spec is not TERMS else spec.table.c.id
        row = self.session.execute(select(seq_col, *cols).where(_key_clause(spec, key))).first()
        return (spec.from_values(row[1:]), row[0]) if row else None

    def _seq(self, spec: RecordTable) -> int:
        if spec.name not in self._next_seq:
            top = self.session.execute(select(func.max(spec.table.c.seq))).scalar()
            self._next_seq[spec.name] = (top or 0) + 1
        seq = self._next_seq[spec.name]
        self._next_seq[spec.name] = seq + 1
        return seq

    # -- writing ---------------------------------------------------------------------------
    def add(self, record) -> None:
        spec = spec_for(record)
        key = spec.key_of(record)
        if self._select(spec, key) is not None:
            raise ChangeConflict(f"{spec.name} already holds {spec.row_id(key)}")
        self.apply([RowChange(spec.name, key, None, record, self._seq(spec))])

    def update(self, record) -> None:
        spec = spec_for(record)
        key = spec.key_of(record)
        found = self._select(spec, key)
        if found is None:
            raise ChangeConflict(f"{spec.name} holds no {spec.row_id(key)} (removed meanwhile?)")
        if found[0] != record:
            self.apply([RowChange(spec.name, key, found[0], record, found[1])])

    def put(self, record) -> None:
        """Add the record, or update it when its key is already there."""
        spec = spec_for(record)
        (self.update if self._select(spec, spec.key_of(record)) else self.add)(record)

    def remove(self, kind, key) -> None:
        spec = spec_for(kind)
        key = _as_key(key)
        found = self._select(spec, key)
        if found is None:
            raise ChangeConflict(f"{spec.name} holds no {spec.row_id(key)} (removed meanwhile?)")
        self.apply([RowChange(spec.name, key, found[0], None, found[1])])

    def add_many(self, records) -> None:
        """Add many new records at once (an import): no lookup per record, one batched insert per
        table; a key already stored is refused by the table's key (the store's ``ChangeConflict``)
        and nothing of the action is written.

        In a deal file each chunk of up to ``BULK_CHUNK`` records of one table is written with
        ``record_text.writer`` (column values and audit text in one pass) and recorded at once,
        as one audit entry (``BatchAdded``) from ``BATCH_ENTRY_FROM`` records, so memory stays
        flat and the trail holds one entry per chunk instead of one per record; the rows changed
        before it get theirs first, so the
        trail keeps the order of the action's changes. A step of a larger action, and a server
        store, take the general path (an entry per record at the end)."""
        conn = self.session.connection()
        if self._step or conn.dialect.name != "sqlite":
            self._add_many_rows(records)
            return
        self._audit(self.rows[self._audited:])
        pending: dict[type, list] = {}  # by the record's class: one lookup of its table per chunk
        for record in records:
            chunk = pending.get(record.__class__)
            if chunk is None:
                spec_for(record)  # a record of no table is refused at once, as before
                chunk = pending[record.__class__] = []
            chunk.append(record)
            if len(chunk) == BULK_CHUNK:
                self._add_chunk(conn, spec_for(record), chunk)
                pending[record.__class__] = []
                promote_kept()  # the chunk's row changes are kept (the Change): see ``collecting``
        for chunk in pending.values():
            if chunk:
                self._add_chunk(conn, spec_for(chunk[0]), chunk)

    def _add_chunk(self, conn, spec: RecordTable, records: list) -> None:
        write = writer(spec, conn.dialect, numbered=True)
        sql = _plan(spec.table, (*spec.fields, "seq"), conn.dialect)[0]
        values, ids, texts, changes = [], [], [], []
        first = self._seq(spec)  # the chunk's places in the deal's order, taken at once
        self._next_seq[spec.name] = first + len(records)
        table, change = spec.name, _row_change
        if len(spec.keys) == 1:  # a record's id is its key: the common case, written out
            key_of = attrgetter(spec.keys[0])
            for seq, record in enumerate(records, first):
                row, text = write(record, seq)
                values.append(row)
                texts.append(text)
                value = key_of(record)
                ids.append(value if value.__class__ is str else str(value))
                changes.append(change(table, (value,), None, record, seq))
        else:
            for seq, record in enumerate(records, first):
                row, text = write(record, seq)
                values.append(row)
                texts.append(text)
                key = spec.key_of(record)
                ids.append(spec.row_id(key))
                changes.append(change(table, key, None, record, seq))
        conn.exec_driver_sql(sql, values)
        self.rows.extend(changes)
        if len(records) >= BATCH_ENTRY_FROM:
            self._audit([BatchAdded(spec.name, ids, texts)])
        else:
            self._audit([(spec.name, i, None, t) for i, t in zip(ids, texts, strict=True)])

    def _audit(self, items) -> None:
        """Append the audit entries of ``items`` (row changes, ``BatchAdded``, or entries made
        already) now."""
        entries = [self._entry(item) if isinstance(item, RowChange) else item for item in items]
        if entries:
            tx, at = self._identity()
            audit.append(self.session, tx, at, self.label, entries, self.reason)
        self._audited = len(self.rows)

    def _identity(self) -> tuple[str, str]:
        if self._audit_id is None:
            self._audit_id = (uuid.uuid4().hex, dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"))
        return self._audit_id

    def _entry(self, rc: RowChange) -> tuple:
        made = self._after_json
        after = made[id(rc.after)] if id(rc.after) in made else audit_json(rc.after)
        return rc.table, spec_for(rc.table).row_id(rc.key), audit_json(rc.before), after

    def _add_many_rows(self, records) -> None:
        changes: list[RowChange] = []
        for record in records:
            spec = spec_for(record)
            changes.append(RowChange(spec.name, spec.key_of(record), None, record, self._seq(spec)))
            if len(changes) == BULK_CHUNK:  # rows go to the file a chunk at a time: memory stays flat
                self.apply(changes)
                changes = []
        self.apply(changes)

    def apply(self, changes: list[RowChange]) -> None:
        """Write row changes whose ``before`` is known to be what is stored (batched)."""
        inserts, updates, deletes = defaultdict(list), defaultdict(list), defaultdict(list)
        for rc in changes:
            if rc.table == "notices":
                check_sent_notice(rc.before, rc.after)
            spec = spec_for(rc.table)
            if rc.after is None:
                deletes[spec].append({f"k_{k}": v for k, v in zip(spec.keys, rc.key, strict=True)})
            elif rc.before is None:
                row = spec.to_row(rc.after)
                if len(self._after_json) < AUDIT_TEXT_KEPT:  # the audit's "after", made once
                    self._after_json[id(rc.after)] = row_json(row)
                inserts[spec].append({**row, "seq": rc.seq})
            else:
                row = spec.to_row(rc.after)
                if len(self._after_json) < AUDIT_TEXT_KEPT:
                    self._after_json[id(rc.after)] = row_json(row)
                row = _terms_row(row) if spec is TERMS else row
                updates[spec].append({**row, **{f"k_{k}": v for k, v in zip(spec.keys, rc.key, strict=True)}})
        conn = self.session.connection()
        for spec, rows in deletes.items():
            conn.execute(spec.table.delete().where(_bound_key(spec)), rows)
        for spec, rows in updates.items():
            conn.execute(spec.table.update().where(_bound_key(spec)), rows)
        for spec, rows in inserts.items():
            if spec is TERMS:
                conn.execute(spec.table.insert(), [_terms_row(r) for r in rows])
            else:
                insert_rows(conn, spec.table, rows)  # an import's 100,000 rows: see store.bulk
        self.rows.extend(changes)

    def finish(self) -> Change:
        """Record the audit entries and return the Change (called by the store at exit)."""
        rest = self.rows[self._audited:]
        tx, at = self._identity()
        audit.append(self.session, tx, at, self.label, (self._entry(rc) for rc in rest), self.reason)
        self._audited = len(self.rows)
        self._change = Change(self.label, tuple(self.rows), self.reason)
        return self._change


def _as_key(key) -> tuple:
    return key if isinstance(key, tuple) else (key,)


def _key_clause(spec: RecordTable, key: tuple):
    if spec is TERMS:
        return spec.table.c.id == 1
    return and_(*(spec.table.c[k] == v for k, v in zip(spec.keys, key, strict=True)))


def _bound_key(spec: RecordTable):
    if spec is TERMS:
        return spec.table.c.id == 1
    return and_(*(spec.table.c[k] == bindparam(f"k_{k}") for k in spec.keys))


def _terms_row(row: dict) -> dict:
    row = {k: v for k, v in row.items() if k != "seq"}
    return {**row, "id": 1}

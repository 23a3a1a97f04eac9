"""A deal on a firm's PostgreSQL server: the deal file's store API (``DealStore``) over SQLAlchemy 2
and psycopg 3, for teams that share deals (a shared network folder is where SQLite's file locking
is least reliable).

Address: ``postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE?deal=NAME`` (libpq's own query
parameters, such as ``host=/run/postgresql`` for a local socket, pass through). Many deals live in
one database, each in its own PostgreSQL schema ``deal_<name>`` (``-`` written ``_``), made by the
same Alembic migrations as a deal file, so every table, key and check is the file's.

Two people, one deal (optimistic concurrency): the store keeps the snapshot its user read
(``deal()``; ``reload()`` reads again). A change is written only if every record it changes is,
in the database, still what that snapshot holds; otherwise it is refused (``StaleChange``, naming
who changed the record and when, from the audit trail) and the snapshot is reloaded, so the GUI
shows what is there now. Changes to different records by different people both go in. Writers
of one deal take turns on the row holding the trail's head (``SELECT ... FOR UPDATE``), so the
hash chain stays one chain; the database's own locking replaces the file's edit lock.

The audit trail names the database user (``current_user``); ``verify_audit`` runs the deal file's
checks (``trail.verify_connection``) on the server's rows.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from rra_desktop.domain.model import Deal
from rra_desktop.store import schema
from rra_desktop.store.codec import TERMS, spec_for
from rra_desktop.store.deal_store import DealStore, empty_deal
from rra_desktop.store.errors import ChangeConflict, NewerSchema, ReadOnlyDeal, StoreError
from rra_desktop.store.server_link import (
    Address,
    DealAddress,
    LoginRefused,
    NoPermission,
    NoSuchDeal,
    ServerError,
    ServerUnavailable,
    StaleChange,
    _driver,
    _hide_password,
    _Pipelined,
    _translated,
    deal_exists,
    explain,
    list_deals,
    make_engine,
    parse_url,
)
from rra_desktop.store.server_rows import _Compat, read_deal_through

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from rra_desktop.store.trail import AuditReport
    from rra_desktop.store.transaction import Transaction

__all__ = ["Address", "DealAddress", "LoginRefused", "NoPermission", "NoSuchDeal", "ServerError", "ServerStore",
           "ServerUnavailable", "StaleChange", "_Compat", "_hide_password", "deal_exists", "explain", "list_deals",
           "make_engine", "parse_url", "read_deal_through"]

class ServerStore(DealStore):
    """A deal on a PostgreSQL server; ``ServerStore.create(url, deal)`` or ``ServerStore.open(url)``.

    ``path`` is the deal's address without its password (a ``DealAddress``: a ``str`` with the
    deal's ``name``), where a deal file's is its ``Path``; code that needs a file checks
    ``isinstance(store.path, Path)``."""

    path: DealAddress  # type: ignore[assignment]  # a URL where the deal file has a Path

    def __init__(self, address: Address, read_only: bool, engine: Engine, db_user: str):
        self.address = address
        self.path = address.display
        self.read_only = read_only
        self._lock = None
        self._mutex = threading.RLock()
        self._writing = False
        self._snapshot: Deal | None = None
        self._seen_head: str | None = None
        # (meta's head text, newest entry's number, hash, content digest) at ``_seen_head``
        self._known_head: tuple[str, int, str, int] | None = None
        self._index: dict[str, dict[tuple[Any, ...], Any]] = {}
        self._terms_stored = False
        self._server_engine = engine
        self.db_user = db_user
        self.notes: list[str] = []

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def create(cls, url: str, deal: Deal | None = None) -> ServerStore:
        """A new deal on the server (refused when one of that name exists)."""
        from sqlalchemy import text

        address = parse_url(url)
        engine = make_engine(address)
        try:
            with engine.begin() as conn:
                user, exists = conn.execute(text(
                    "SELECT current_user, EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :s)"),
                    {"s": address.schema}).one()
                if exists:
                    raise StoreError(f"{address.display}: a deal named {address.deal} already exists there; "
                                     "choose another name")
                conn.execute(text(f'CREATE SCHEMA "{address.schema}"'))
                schema.upgrade(conn)
            store = cls(address, False, engine, user)
            store._write_whole_deal(deal or empty_deal(), "Create deal")
            return store
        except Exception as exc:
            engine.dispose()
            raise _translated(exc, address.display) from None

    @classmethod
    def open(cls, url: str, read_only: bool = False, *, force: bool = False, backup: bool = True,
             side_files_choice: str | None = None) -> ServerStore:
        """Open a server deal after checking it exists, is readable and is not newer than this
        program; an older one is upgraded (in one transaction) when opened for editing. The deal
        file's ``force``, ``backup`` and ``side_files_choice`` do not apply (the database keeps no
        lock file, no backups beside the deal, no side files)."""
        return cls._open_at(parse_url(url), read_only)

    def reopened(self) -> ServerStore:
        """A new store on this deal (its own connections, its snapshot not read yet), checked as
        ``open`` checks it: what a window reads the deal afresh through, off the GUI thread, while
        this store stays in use until the new one is read (and stays, if that is cancelled)."""
        return self._open_at(self.address, self.read_only)

    @classmethod
    def _open_at(cls, address: Address, read_only: bool) -> ServerStore:
        from sqlalchemy import text

        engine = make_engine(address)
        try:
            with engine.begin() as conn:
                user, exists = conn.execute(text(
                    "SELECT current_user, EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :s)"),
                    {"s": address.schema}).one()
                if not exists:
                    raise NoSuchDeal(f"{address.display}: there is no deal {address.deal} in that database")
                if not conn.execute(text("SELECT has_schema_privilege(:s, 'USAGE')"), {"s": address.schema}).scalar():
                    raise NoPermission(f"{address.display}: the database user {user} may not do this (no access to "
                                       f"the deal {address.deal}); ask the firm's administrator for access")
                found = int(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())
                if found > schema.head_schema():
                    raise NewerSchema(address.display, found, schema.head_schema())
                if found < schema.head_schema():
                    if read_only:
                        raise ServerError(f"{address.display} is at schema {found}; open it for editing once (or "
                                          "ask the administrator) so that it is upgraded")
                    schema.upgrade(conn)
            return cls(address, read_only, engine, user)
        except Exception as exc:
            engine.dispose()
            raise _translated(exc, address.display) from None

    def close(self) -> None:
        with self._mutex:
            self._server_engine.dispose()

    @property
    def engine(self) -> Engine:
        return self._server_engine

    def prepare_writes(self) -> None:
        from rra_desktop.store import transaction  # noqa: F401

    # -- reading ------------------------------------------------------------------------------------
    def deal(self) -> Deal:
        """The snapshot this store's user works from (read when first asked, after this store's own
        changes, and on ``reload``); ``has_news()`` says whether someone else changed the deal since."""
        with self._mutex:
            if self._snapshot is None:
                return self.reload()
            return self._snapshot

    def reload(self) -> Deal:
        from sqlalchemy import text

        with self._mutex:
            try:
                with self._server_engine.connect() as conn:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                    with conn.begin():
                        head = conn.execute(text("SELECT value FROM meta WHERE key = 'audit_head'")).scalar()
                        newest = conn.execute(text("SELECT seq, hash, state FROM audit ORDER BY seq DESC "
                                                   "LIMIT 1")).first()
                        snapshot, stored = read_deal_through(conn)
            except Exception as exc:
                raise _translated(exc, self.path) from None
            self._snapshot, self._seen_head, self._index, self._terms_stored = snapshot, head, {}, stored
            self._known_head = None
            if head is not None and newest is not None and newest[2] is not None:
                from rra_desktop.store.digest import state_value

                self._known_head = (head, newest[0], newest[1], state_value(newest[2]))
            return snapshot

    def has_news(self) -> bool:
        """Someone (or this store) changed the deal since the snapshot was read."""
        from sqlalchemy import text

        with self._server_engine.connect() as conn:
            return bool(conn.execute(text("SELECT value FROM meta WHERE key = 'audit_head'")).scalar()
                        != self._seen_head)

    def last_change(self) -> tuple[str, str, str] | None:
        from sqlalchemy import text

        with self._server_engine.connect() as conn:
            row = conn.execute(text('SELECT at, "user", action FROM audit ORDER BY seq DESC LIMIT 1')).first()
        return (str(row[0]), str(row[1]), str(row[2])) if row else None

    def file_value(self, key: str) -> str | None:
        """A value kept beside the deal in ``meta`` (the deal UUID, the last calendar export)."""
        from sqlalchemy import text

        with self._server_engine.connect() as conn:
            found = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": key}).scalar()
        return None if found is None else str(found)

    def set_file_value(self, key: str, value: str) -> None:
        from sqlalchemy import text

        if self.read_only:
            raise ReadOnlyDeal(f"{self.path} is open read-only")
        with self._server_engine.begin() as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE "
                              "SET value = excluded.value"), {"k": key, "v": value})

    def verify_audit(self, against: object = None) -> AuditReport:
        """The deal file's checks (chain, content digests, every record) on the server's rows."""
        from rra_desktop.store import trail

        with self._mutex, self._server_engine.connect() as conn:
            raw = _driver(conn)
            compat = cast(sqlite3.Connection, _Compat(raw))  # trail's sqlite3 queries, translated
            report = trail.verify_connection(compat)
            if report.ok and against:
                why = trail.anchored(compat, str(against))
                if why:
                    from dataclasses import replace

                    report = replace(report, ok=False, message=why)
            raw.rollback()
            return report

    def trail_head(self) -> str:
        """The head digest ("ENTRIES:HASH") of the server deal's trail as it stands."""
        from rra_desktop.store import trail

        with self._mutex, self._server_engine.connect() as conn:
            raw = _driver(conn)
            try:
                return trail.head(cast(sqlite3.Connection, _Compat(raw)))
            finally:
                raw.rollback()

    # -- writing ------------------------------------------------------------------------------------
    @contextmanager
    def transaction(self, label: str, reason: str = "") -> Iterator[Transaction]:
        if self.read_only:
            raise ReadOnlyDeal(f"{self.path} is open read-only; reopen it for editing to change it")
        import psycopg
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError, IntegrityError
        from sqlalchemy.orm import Session

        from rra_desktop.store.transaction import Transaction

        with self._mutex:
            seen = self.deal()
            try:
                with Session(self._server_engine) as session, _Pipelined(session) as pipelined:
                    locked = session.execute(text("SELECT value FROM meta WHERE key = 'audit_head' "
                                                  "FOR UPDATE")).scalar()
                    if locked is not None:  # (a deal's first entry checks whether the head row is there)
                        pipelined.start()
                    # No one has written since the snapshot was read: every row is what it holds.
                    current = locked == self._seen_head
                    if current and self._known_head is not None and self._known_head[0] == locked:
                        session.info["trail_head"] = self._known_head[1:]  # no round trip for it
                    session.info["audit_user"] = self.db_user
                    tx = Transaction(session, label, reason)
                    yield tx
                    if not current:
                        self._refuse_stale(session, seen, tx.rows, label)
                    if locked is not None:
                        pipelined.writes()
                    tx.finish()
                    after = session.info.get("trail_head_after")
                    pipelined.commit()
                    session.commit()  # the session's side of it: nothing more is sent
            except (IntegrityError, psycopg.IntegrityError) as exc:
                self._snapshot = None
                raise ChangeConflict(f"“{label}” was not saved: it refers to a record that does not exist "
                                     f"or repeats one that does ({str(getattr(exc, 'orig', exc)).splitlines()[0]})"
                                     ) from None
            except (DBAPIError, psycopg.Error) as exc:  # psycopg's own: raised when the pipeline syncs
                self._snapshot = None
                raise explain(exc, f"“{label}” was not saved ({self.path})") from None
            except BaseException:
                self._snapshot = None
                raise
            self._after_commit(seen, tx.rows, after, current)

    def _after_commit(self, seen: Deal, rows, after, current: bool) -> None:
        """The snapshot after this store's own change: when no one else had written since it was
        read (``current``; ``after`` is the trail's new head), the records it changed replaced in
        place, as a fresh read would give them, without reading 100,000 rows again; otherwise (or
        when records were added or removed) read afresh when next asked."""
        from rra_desktop.store.snapshot import patched

        if current and not rows:
            return  # nothing written: the snapshot is still the deal
        kept = patched(seen, rows) if current and after is not None else None
        if kept is None:
            self._snapshot = None
            return
        seq, digest_hash, state, head = after
        self._snapshot, self._seen_head, self._known_head = kept, head, (head, seq, digest_hash, state)
        for rc in rows:
            if rc.table == TERMS.name:
                self._terms_stored = True
            elif rc.table in self._index:
                self._index[rc.table][tuple(rc.key)] = rc.after

    def _refuse_stale(self, session, seen: Deal, rows, label: str) -> None:
        from sqlalchemy import text

        for rc in rows:
            if self._seen_record(seen, rc.table, rc.key) == rc.before:
                continue
            spec = spec_for(rc.table)
            row_id = spec.row_id(rc.key)
            who = session.execute(text('SELECT "user", at FROM audit WHERE table_name = :t AND row_id = :r '
                                       "ORDER BY seq DESC LIMIT 1"), {"t": rc.table, "r": row_id}).first()
            by = f"by {who[0]} at {who[1]}" if who else "by someone else"
            raise StaleChange(f"“{label}” was not saved: {rc.table} {row_id} was changed {by} after you read "
                              "the deal. The deal has been reloaded; make the change again on what is there now.")

    def _seen_record(self, seen: Deal, table: str, key: tuple):
        spec = spec_for(table)
        if spec is TERMS:
            return seen.terms if self._terms_stored else None
        index = self._index.get(table)
        if index is None:
            index = self._index[table] = {spec.key_of(r): r for r in getattr(seen, table)}
        return index.get(tuple(key))

    def _upgrade(self) -> None:
        with self._server_engine.begin() as conn:
            schema.upgrade(conn)

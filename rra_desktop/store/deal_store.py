"""``DealStore``: one deal, one file (``.rradeal``, SQLite through SQLAlchemy 2).

The store owns its connection and sessions; callers get frozen ``Deal`` snapshots and write
through ``transaction()``, one per user action, each with its audit entries. A writable store
holds the file's edit lock until ``close()``.

Journal mode: the rollback journal, deleted at each commit (``journal_mode = DELETE``), with
``synchronous = EXTRA``. So after every committed action the ``.rradeal`` alone holds every
committed change, and a copy of it taken at any moment the app is not mid-write (e-mailed,
synced, uploaded) is the whole deal; closing leaves nothing beside it. WAL mode, which earlier
versions used, keeps recent commits in a ``-wal`` beside the file until a checkpoint (a copy of
the ``.rradeal`` alone silently lacks them), and needs shared memory (``-shm``) that network
file systems (SMB, NFS) do not provide reliably, so WAL is not safe on the network shares deal
files live on; the rollback journal uses only ordinary file locks. EXTRA is FULL (the journal
and the file are synced before a commit returns) plus a sync of the folder after the journal is
deleted, so a power cut just after a commit cannot bring the journal back and undo the commit.
A WAL file of an earlier version is converted once, on its first open for editing, after a
byte-for-byte copy into ``.backups``. A side file found beside a deal is handled by
``side_files`` (never merged without the user's choice).

Start-up speed: opening a current file and reading its snapshot use only ``sqlite3``; SQLAlchemy
(and the audit and transaction modules built on it) is imported on the first write or audit
read, through the same single connection (``engine``), so the GUI shows a deal without it.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from rra_desktop.domain.model import Deal
from rra_desktop.store import backups, file_checks, schema, side_files
from rra_desktop.store.errors import (
    CannotWrite,
    ChangeConflict,
    MalformedValue,
    ReadOnlyDeal,
    StoreError,
)
from rra_desktop.store.locking import EditLock
from rra_desktop.store.snapshot import patched, read_deal

if TYPE_CHECKING:
    from rra_desktop.store import audit
    from rra_desktop.store.transaction import Change, Transaction

EXTENSION = ".rradeal"
BUSY_TIMEOUT_MS = 10_000
JOURNAL_MODE = "DELETE"  # see the module's docstring
# EXTRA (see the module's docstring). The test suite sets RRA_DESK_SYNCHRONOUS=NORMAL: a killed
# process loses nothing the OS has been given (only a power cut needs the syncs), and the syncs
# would make its thousands of small deals the slowest part of the run.
SYNCHRONOUS = {"NORMAL": "NORMAL", "FULL": "FULL"}.get(os.environ.get("RRA_DESK_SYNCHRONOUS", ""), "EXTRA")


class DealStore:
    """An open deal file. Use ``DealStore.create`` or ``DealStore.open``, then ``close()``."""

    def __init__(self, path: Path, read_only: bool, lock: EditLock | None, uri: str | None = None):
        self.path = Path(path)
        self.read_only = read_only
        self._lock = lock
        self._mutex = threading.RLock()
        self._writing = False
        self._snapshot: Deal | None = None
        self._data_version: int | None = None
        self._engine = None
        self.notes: list[str] = []  # what opening did that the user should hear of (side files)
        self.scratch = False
        self._keeper: sqlite3.Connection | None = None  # keeps an upgraded in-memory copy alive
        self._con = self._connect(uri or (file_checks.readonly_uri(self.path) if read_only else None))

    # -- opening and closing ------------------------------------------------------------
    @classmethod
    def create(cls, path, deal: Deal | None = None) -> DealStore:
        """A new deal file holding ``deal`` (None: an empty deal), readable by its owner only."""
        path = Path(path)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise StoreError(f"{path} already exists; choose another name") from None
        os.chmod(path, 0o600)
        store = lock = None
        try:
            lock = EditLock(path)
            lock.acquire(path)
            con = sqlite3.connect(path)
            con.execute(f"PRAGMA application_id = {file_checks.APPLICATION_ID}")
            con.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
            con.close()
            store = cls(path, False, lock)
            store._upgrade()
            store._write_whole_deal(deal or empty_deal(), "Create deal")
            return store
        except BaseException:
            if store is not None:
                store.close()
            elif lock is not None:
                lock.release()
            for leftover in (path, *(side_files.side_path(path, s) for s in side_files.SUFFIXES)):
                leftover.unlink(missing_ok=True)
            raise

    @classmethod
    def open(cls, path, read_only: bool = False, *, force: bool = False, backup: bool = True,
             side_files_choice: str | None = None) -> DealStore:
        """Open a deal file after checking it read-only (refusals leave it untouched).

        ``read_only=False`` takes the edit lock (``DealLocked`` when someone holds it);
        ``force=True`` skips the lock (SQLite's own locking still serialises the writes) and so
        leaves side files alone (another forced writer's journal is live, not left over).
        Side files beside a deal nobody is editing are settled first (``side_files.settle``:
        ``SideFilesFound`` unless ``side_files_choice`` says "apply" or "set-aside"). An older
        file is copied beside itself and then upgraded; a WAL file is converted (after a copy);
        a rotating backup is made (refused, and the deal not opened, if it cannot be)."""
        path = Path(path)
        head = schema.head_schema()
        file_checks.check_header(path)
        if not read_only:
            file_checks.check_writable(path)
        lock = None if force or read_only else EditLock(path)
        if lock is not None:
            try:
                lock.acquire(path)
            except OSError as exc:  # the lock file cannot be made beside the deal
                raise CannotWrite(f"{path} cannot be opened for editing: {backups.explain_os_error(exc)} in "
                                  f"{path.parent}; it was not changed. Open it read-only to read it.") from None
        try:
            notes = [] if force else cls._settle_side_files(path, side_files_choice, lock)
            facts = file_checks.inspect(path, head, whole=not read_only)
            if read_only:
                older = facts.schema < head
                store = cls._open_upgraded_copy(path, facts.schema) if older else cls(path, True, None)
                store.notes = notes
                return store
            if facts.wal:
                notes.append(backups.convert_from_wal(path))
            if facts.schema < head:
                backups.backup_before_migration(path, facts.schema)
            store = cls(path, False, lock)
            store.notes = notes
            try:
                if facts.schema < head:
                    store._upgrade()
                if backup and (made := backups.rotate(path)) is not None:
                    info = backups.backup_info(made)
                    if not info.get("trail_ok", True):
                        store.notes.append(f"The audit trail of {path.name} does not verify: {info.get('trail')}. "
                                           "Run rra-desktop audit --verify for details; a backup may hold it intact.")
            except BaseException:
                store._lock = None  # released below
                store.close()
                raise
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def _settle_side_files(path: Path, choice: str | None, lock: EditLock | None) -> list[str]:
        """Side files are leftovers only when no one is editing the deal: settle them while
        holding the edit lock (taken for the moment when the caller does not hold it)."""
        if lock is not None:
            return side_files.settle(path, choice)
        if not side_files.any_left(path):
            return []
        probe = EditLock(path)
        try:
            if not probe.try_acquire():
                return []  # a live writer's journal: SQLite's locking takes care of it
        except OSError:  # a folder the lock cannot be made in: nobody is writing there either
            return side_files.settle(path, choice)
        try:
            return side_files.settle(path, choice)
        finally:
            probe.release()

    @classmethod
    def _open_upgraded_copy(cls, path: Path, found: int) -> DealStore:
        """Reading an older file without changing it: upgrade a private in-memory copy."""
        memory = f"file:rra-{os.getpid()}-{id(path)}?mode=memory&cache=shared"
        keeper = sqlite3.connect(memory, uri=True, check_same_thread=False)
        source = sqlite3.connect(file_checks.readonly_uri(path), uri=True)
        source.backup(keeper)
        source.close()
        store = cls(path, True, None, uri=memory)
        store._keeper = keeper  # the shared in-memory copy lives as long as one connection does
        store.read_only = False
        store._upgrade()
        store.read_only = True
        return store

    @classmethod
    def open_scratch(cls) -> DealStore:
        """An empty deal, read-only, in a private temporary folder: what the window shows when no
        deal could be opened (``scratch`` is True; it is never a recent file)."""
        import dataclasses as dc
        import tempfile

        from rra_desktop.store.snapshot import empty_terms

        path = Path(tempfile.mkdtemp(prefix="rra-desk-")) / f"No deal open{EXTENSION}"
        deal = empty_deal()
        cls.create(path, dc.replace(deal, terms=dc.replace(empty_terms(), title="No deal open"))).close()
        store = cls.open(path, read_only=True)
        store.scratch = True
        return store

    def close(self) -> None:
        with self._mutex:
            if self._engine is not None:
                self._engine.dispose()
            self._con.close()
            keeper = getattr(self, "_keeper", None)
            if keeper is not None:
                keeper.close()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------
    def deal(self) -> Deal:
        """The whole deal as stored now; cached until this or another process changes it."""
        with self._mutex:
            version = self._con.execute("PRAGMA data_version").fetchone()[0]
            if self._snapshot is None or version != self._data_version:
                self._con.execute("BEGIN")  # one read transaction: the parts agree with each other
                try:
                    self._snapshot, self._data_version = read_deal(self._con), version
                except MalformedValue as exc:
                    raise MalformedValue.__new__(MalformedValue).with_message(
                        exc, f"{self.path} is damaged: {exc}; it was not changed. Restore a backup copy "
                        "(rra-desktop restore FILE lists them).") from None
                finally:
                    self._con.execute("ROLLBACK")
            return self._snapshot

    def deal_uuid(self) -> str:
        """The file's own UUID, made once when it was created (or first upgraded): what calendar
        exports build their event UIDs from, so they survive any edit of the deal."""
        value = self.file_value("deal_uuid")
        if value is None:
            raise StoreError(f"{self.path} has no deal UUID; open it read-write once to upgrade it")
        return value

    def file_value(self, key: str) -> str | None:
        """A value the file keeps beside the deal in ``meta`` (the deal UUID, the last calendar
        export): bookkeeping of the file, not part of the deal, so not audited nor undone."""
        with self._mutex:
            row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            return None if row is None else row[0]

    def set_file_value(self, key: str, value: str) -> None:
        """Keep ``value`` under ``key`` in ``meta`` (see ``file_value``)."""
        if self.read_only:
            raise ReadOnlyDeal(f"{self.path} is open read-only")
        with self._mutex:
            self._con.execute("BEGIN IMMEDIATE")
            try:
                self._con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            self._con.execute("COMMIT")

    def audit_entries(self, table_name: str | None = None) -> list[audit.AuditEntry]:
        """The trail in order; with ``table_name`` only the entries of that table's records."""
        from sqlalchemy.orm import Session

        from rra_desktop.store import audit

        with self._mutex, Session(self.engine) as session, file_checks.damage_named(self.path, "its audit trail"):
            return audit.entries(session, table_name)

    def verify_audit(self, against: str | Path | None = None) -> audit.AuditReport:
        """Recompute the audit trail: its hash chain, the content digests and every record
        (``trail.verify_connection``); with ``against`` (a backup file, or a head digest as
        printed on a report) also that this trail still holds that entry."""
        from rra_desktop.store import trail

        anchor = None if against is None else file_checks.anchor_of(against)
        with self._mutex:
            self._con.execute("BEGIN")
            try:
                with file_checks.damage_named(self.path, "its audit trail"):
                    report = trail.verify_connection(self._con)
                why = trail.anchored(self._con, anchor) if report.ok and anchor else None
            finally:
                self._con.execute("ROLLBACK")
        if why:
            return dataclasses.replace(report, ok=False, message=f"{why} (checked against {against})")
        return report

    def trail_head(self) -> str:
        """The head digest ("ENTRIES:HASH") of the trail as it stands: printed on every report and
        kept in every backup, so a trail rewritten later is caught (``verify_audit(against=)``)."""
        from rra_desktop.store import trail

        with self._mutex:
            return trail.head(self._con)

    def trail_footer(self) -> str:
        """The line every report prints at its foot: the deal file and its head digest."""
        return (f"Deal file {self.path.name}, audit trail head {self.trail_head()} "
                "(check: rra-desktop audit --verify --against ENTRIES:HEX)")

    # -- writing ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self, label: str, reason: str = "") -> Iterator[Transaction]:
        """One user action: ``tx.add/update/put/remove``; on exit the rows and their audit
        entries commit together (or nothing does) and ``tx.change`` is the undoable Change."""
        if self.read_only:
            raise ReadOnlyDeal(f"{self.path.name} is open read-only; reopen it for editing to change it")
        from sqlalchemy.exc import IntegrityError, OperationalError
        from sqlalchemy.orm import Session

        from rra_desktop.store.transaction import Transaction

        with self._mutex:
            engine = self.engine
            self._writing = True
            kept = None
            try:
                with Session(engine) as session, session.begin():
                    tx = Transaction(session, label, reason)
                    yield tx
                    tx.finish()
                kept = patched(self._snapshot, tx.rows) if self._snapshot is not None else None
            except IntegrityError as exc:
                raise ChangeConflict(f"“{label}” was not saved: it refers to a record that does not exist "
                                     f"or repeats one that does ({exc.orig})") from None
            except OperationalError as exc:
                raise CannotWrite(f"“{label}” was not saved in {self.path.name}: "
                                  f"{backups.explain_os_error(exc.orig or exc)}. Nothing of it was written; the deal "
                                  "is as it was before.") from None
            finally:
                self._writing = False
                # An action that only edited records: the cached snapshot with them replaced (what
                # a fresh read would give, without reading 100,000 rows again); otherwise re-read.
                self._snapshot = kept

    def undo(self, change: Change) -> Change:
        """Reverse ``change`` in a new audited action ("Undo: …"); returns the Change that
        ``redo`` takes. Refused (``ChangeConflict``) when its rows have changed since."""
        self._replay(change.inverse(), f"Undo: {change.label}", "undo")
        return change

    def redo(self, change: Change) -> Change:
        """Apply ``change`` again after an undo; refused when its rows have changed since."""
        self._replay(change, change.label if change.label.startswith("Redo") else f"Redo: {change.label}", "redo")
        return change

    def _replay(self, change: Change, label: str, verb: str) -> None:
        with self.transaction(label, change.reason) as tx:
            for rc in change.rows:
                if tx.get(rc.table, rc.key) != rc.before:
                    raise ChangeConflict(f"Cannot {verb} “{change.label}”: {rc.table} {'/'.join(map(str, rc.key))} "
                                         "has been changed since. Make the change by hand instead.")
                tx.apply([rc])

    def _write_whole_deal(self, deal: Deal, label: str) -> Change:
        from rra_desktop.store.codec import RECORD_TABLES
        from rra_desktop.store.transaction import RowChange

        with self.transaction(label) as tx:
            rows = [RowChange("terms", (), None, deal.terms, 1)]
            for spec in RECORD_TABLES:
                rows += [RowChange(spec.name, spec.key_of(r), None, r, i)
                         for i, r in enumerate(getattr(deal, spec.name), start=1)]
            tx.apply(rows)
        return tx.change

    # -- the connection and the engine ---------------------------------------------------------
    def _connect(self, uri: str | None) -> sqlite3.Connection:
        con = sqlite3.connect(uri or str(self.path), uri=uri is not None, check_same_thread=False)
        con.isolation_level = None  # transactions begin where this class (or SQLAlchemy's "begin") says
        for pragma in ("foreign_keys = ON", f"busy_timeout = {BUSY_TIMEOUT_MS}", f"synchronous = {SYNCHRONOUS}"):
            con.execute(f"PRAGMA {pragma}")
        return con

    @property
    def engine(self):
        """SQLAlchemy over this store's one connection, made (and SQLAlchemy imported) when first
        needed; ``prepare_writes`` makes it ahead of time."""
        with self._mutex:
            if self._engine is None:
                self._engine = self._make_engine()
            return self._engine

    def prepare_writes(self) -> None:
        """Import what writing needs now (the GUI calls this once the window is up), so that the
        first recorded action does not pay for it."""
        if not self.read_only:
            from rra_desktop.store import transaction  # noqa: F401  (imports audit, tables, SQLAlchemy)

            self.engine  # noqa: B018

    def _make_engine(self):
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import StaticPool

        engine = create_engine("sqlite+pysqlite://", poolclass=StaticPool, creator=lambda: self._con)

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            # A write takes SQLite's write lock at once, so what it reads cannot change under it.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if self._writing else "BEGIN")

        return engine

    def _upgrade(self) -> None:
        self._writing = True
        try:
            with self.engine.begin() as conn:
                schema.upgrade(conn)
        finally:
            self._writing = False


def empty_deal() -> Deal:
    """A new deal: blank terms and the securities classes this form of agreement creates."""
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store.snapshot import empty_terms

    return Deal(terms=empty_terms(), securities=load_sample_deal().securities)

"""Looking at a file before trusting it: all of this happens read-only.

A file is checked through a ``mode=ro`` connection (header, application id, schema number,
``PRAGMA quick_check``) before anything opens it for writing or migrates it, so a file that is
not a deal, is truncated or is damaged is refused and left byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from rra_desktop.store.errors import CannotWrite, DealFileDamaged, NewerSchema, NoAccess, NotADealFile, StoreError

APPLICATION_ID = 0x52524144  # "RRAD": PRAGMA application_id of every RRA Desk deal file
HEADER = b"SQLite format 3\x00"


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class FileFacts(NamedTuple):
    """What the read-only look found: the file's schema number (``PRAGMA user_version``) and
    whether it is still in WAL mode (written by an earlier version; converted on the first open
    for editing)."""

    schema: int
    wal: bool = False


def is_wal(path: Path) -> bool:
    """The file's header says WAL mode (bytes 18 and 19 are 2)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def readonly_uri(path: Path) -> str:
    """A read-only connection that creates nothing beside the file. A WAL-mode file is read as
    immutable: read-only WAL would otherwise create a ``-wal`` and ``-shm`` beside it (its side
    files were settled before, so the file alone is the deal)."""
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    return f"{uri}&immutable=1" if is_wal(path) else uri


def check_header(path: Path) -> None:
    """The file exists, can be read and starts like an SQLite database of full header size."""
    _check_header(Path(path))


def _check_header(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        raise StoreError(f"{path} does not exist") from None
    except PermissionError:
        raise NoAccess(f"{path} cannot be read: permission denied (you have no access to the file or its "
                       "folder; ask whoever manages it); it was not changed") from None
    except IsADirectoryError:
        raise NotADealFile(f"{path} is a folder, not a deal file") from None
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror or exc}); it was not changed") from None
    if not head.startswith(HEADER):
        what = "it is empty" if size == 0 else "it is not an SQLite database"
        raise NotADealFile(f"{path} is not an RRA Desk deal file ({what}); it was not changed")
    if len(head) < 100:
        raise DealFileDamaged(f"{path} is damaged (truncated header); it was not changed. Restore a backup copy.")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    counter, valid_for = head[24:28], head[92:96]
    pending = [Path(f"{path}-wal"), Path(f"{path}-journal")]
    # The in-header page count is trustworthy only when "version-valid-for" matches the
    # change counter, and the file may legitimately be short while a WAL holds pages or a
    # rollback journal left by a writer killed mid-write is still to be applied.
    held = any(p.exists() and p.stat().st_size for p in pending)
    if counter == valid_for and not held and size < pages * page_size:
        raise DealFileDamaged(
            f"{path} is damaged: it is truncated ({size:,} bytes of {pages * page_size:,}); it was not changed. "
            "Restore a backup copy (see the .backups folder beside it)."
        )


def inspect(path: Path, known_schema: int, *, whole: bool = True) -> FileFacts:
    """Refuse a file that is not a healthy deal this program can read; never writes. ``whole``
    checks every page (before editing); otherwise the tables a snapshot reads (``_quick_check``)."""
    path = Path(path)
    _check_header(path)
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path} cannot be opened ({exc})") from None
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotADealFile(f"{path} is an SQLite database but not an RRA Desk deal file; it was not changed")
        problems = [r[0] for r in con.execute("PRAGMA quick_check(5)")] if whole else _quick_check(con)
        if problems != ["ok"]:
            raise DealFileDamaged(f"{path} is damaged ({problems[0]}); it was not changed. Restore a backup copy "
                                  "(see the .backups folder beside it).")
        schema = con.execute("PRAGMA user_version").fetchone()[0]
        missing = _missing_parts(con, schema == known_schema) if 1 <= schema <= known_schema else []
    except sqlite3.DatabaseError as exc:
        raise DealFileDamaged(f"{path} is damaged ({exc}); it was not changed. Restore a backup copy.") from None
    finally:
        con.close()
    if schema > known_schema:
        raise NewerSchema(path, schema, known_schema)
    if schema < 1:
        raise DealFileDamaged(f"{path} was never completely created (no schema); it was not changed")
    if missing:
        what = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise DealFileDamaged(f"{path} is damaged: it has the RRA Desk mark but {what} "
                              f"{'is' if len(missing) == 1 else 'are'} missing; it was not changed. Restore a backup "
                              "copy (rra-desktop restore FILE lists them).")
    return FileFacts(schema, is_wal(path))


def _quick_check(con: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check`` of the tables a snapshot reads (and their indexes). The audit trail,
    most of a large file, is read only by the audit view and ``audit --verify`` (which report
    damage in it), checked whole before every open for editing and with every backup; checking
    it on every read-only open would add half again to the time to open a 100,000-row deal."""
    from rra_desktop.store.codec import RECORD_TABLES

    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name in ("meta", "terms", *(s.name for s in RECORD_TABLES)):
        if name in tables:
            problems = [r[0] for r in con.execute(f'PRAGMA quick_check("{name}")')]
            if problems != ["ok"]:
                return problems
    return ["ok"]


# Tables every deal file has had since the first revision (later ones are checked by their
# migration's columns at the head schema; an older file gains them when it is upgraded).
_CORE_TABLES = ("meta", "audit", "terms", "securities", "holders", "positions", "notices")


def _missing_parts(con: sqlite3.Connection, full: bool) -> list[str]:
    """The tables (and, at the head schema, every table's columns) a deal needs and lacks."""
    from rra_desktop.store.codec import RECORD_TABLES, TERMS

    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    needed = [*_CORE_TABLES, *(s.name for s in RECORD_TABLES if s.name not in _CORE_TABLES)] if full else _CORE_TABLES
    missing = [f"the table {t!r}" for t in needed if t not in tables]
    if full:
        for spec in (TERMS, *RECORD_TABLES):
            if spec.name in tables:
                columns = {r[1] for r in con.execute(f'PRAGMA table_info("{spec.name}")')}
                missing += [f"the column {spec.name}.{f}" for f in spec.fields if f not in columns]
    return missing


def check_writable(path: Path) -> None:
    """Refuse, before anything is written, a deal that cannot be changed where it is."""
    path = Path(path)
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            raise CannotWrite(f"{path} is on a read-only disk or share; it was not changed. Open it read-only to "
                              "read it, or copy it to a folder you can change.")
    except (AttributeError, OSError):  # no statvfs (Windows): the checks below and the writes tell
        pass
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CannotWrite(f"{path} is in a folder you cannot write to ({folder}); it was not changed. Open it "
                          "read-only to read it, or copy it to a folder you can change.")
    if not os.access(path, os.W_OK):
        raise CannotWrite(f"{path} is a read-only file (its permissions do not allow changes); it was not changed. "
                          "Open it read-only to read it, or make it writable first.")


@contextmanager
def damage_named(path: Path, what: str) -> Iterator[None]:
    """A read that meets a damaged page: ``DealFileDamaged`` naming the file and the part."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise DealFileDamaged(f"{path} is damaged in {what} ({exc}); it was not changed. Restore a backup "
                              "copy (rra-desktop restore FILE lists them).") from None
    except Exception as exc:  # SQLAlchemy wraps the driver's error
        if isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError):
            raise DealFileDamaged(f"{path} is damaged in {what} ({exc.orig}); it was not changed. Restore "  # type: ignore[attr-defined]
                                  "a backup copy (rra-desktop restore FILE lists them).") from None
        raise


def anchor_of(against: str | Path) -> str:
    """The head digest ``against`` stands for (``audit --verify --against``): a backup file's
    newest entry, or the text of a printed digest."""
    from rra_desktop.store import digest, schema, trail

    candidate = Path(against)
    if not candidate.is_file():
        try:
            digest.parse_head(str(against))
        except ValueError as exc:
            raise StoreError(f"--against {against}: no such backup file, and {exc}") from None
        return str(against)
    inspect(candidate, schema.head_schema())
    con = sqlite3.connect(readonly_uri(candidate), uri=True)
    try:
        return trail.head(con)
    except sqlite3.Error as exc:
        raise StoreError(f"{candidate} has no audit trail to check against ({exc})") from None
    finally:
        con.close()

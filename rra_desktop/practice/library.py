"""The deal library: the folders and files a user keeps deals in, turned into the deal files to read.

A folder stands for every ``.rradeal`` file in it and in its subfolders, except the ``.backups``
folders the store keeps beside a deal and other hidden folders (backup copies are not deals of the
practice). Files are listed in name order, each once however often it is named. A location that is
a server URL (``postgresql://...``) is kept as it is for the firm store to open.

``probe`` is the quick look the agenda takes before anything else: the file's header, then one
read-only query for the trail digest, the application id and the schema number. It tells a deal
that cannot be read apart (not a deal, damaged, locked by another program, written by a newer
version) without opening the deal itself.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from rra_desktop.store import file_checks, schema, snapshot
from rra_desktop.store.deal_store import EXTENSION
from rra_desktop.store.errors import DealFileDamaged, NewerSchema, NotADealFile, StoreError

LOCK_WAIT_MS = 1_000  # how long the agenda waits for another program's lock before listing the deal as locked
URL_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


class DealUnreadable(StoreError):
    """The deal could not be read now because another program holds it locked."""


def is_url(location: str) -> bool:
    return str(location).startswith(URL_SCHEMES)


def deal_locations(paths) -> list[str]:
    """The deal files (and server URLs) that ``paths`` name, each once, in the order given
    (a folder's files in name order). A path that does not exist raises ``FileNotFoundError``."""
    out: list[str] = []
    seen: set[str] = set()

    def add(location: str) -> None:
        if location not in seen:
            seen.add(location)
            out.append(location)

    for given in paths:
        if is_url(given):
            add(str(given))
            continue
        path = os.path.realpath(os.path.expanduser(given))
        if os.path.isdir(path):
            for found in sorted(_walk(path)):
                add(found)
        elif os.path.exists(path):
            add(path)
        else:
            raise FileNotFoundError(2, "no such deal file or folder", str(given))
    return out


def _walk(folder: str):
    try:
        children = list(os.scandir(folder))
    except OSError:
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child.path)
        elif child.name.endswith(EXTENSION):
            yield child.path


@dataclass(frozen=True)
class Probe:
    """What the quick look found: the trail digest (None: no trail yet, or side files beside the
    deal, which the store must settle first) and the schema number. ``con`` is still open,
    read-only, for ``read_deal`` (which reads the digest again, in the same transaction as the deal,
    so that what is cached under a digest is the deal it names)."""

    path: str
    digest: str | None
    schema: int
    con: sqlite3.Connection | None
    side_files: bool = False

    def close(self) -> None:
        if self.con is not None:
            self.con.close()


_HEAD_SQL = "SELECT value FROM meta WHERE key = 'audit_head'"
_URI_SPECIAL = frozenset("?#%")
_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


def trail_digest(head: str | None) -> str | None:
    """The digest the cache is keyed by: the audit trail's head digest (its count and the newest
    entry's hash, which covers the content digest of every record as it stands)."""
    return head or None


def probe(path: str) -> Probe:
    """The quick read-only look at a deal file (an absolute path); raises a ``StoreError`` saying
    why it cannot be read. Creates nothing beside the file."""
    file = Path(path)
    found, wal = _check_header(path)
    if any(os.path.exists(path + suffix) for suffix in _SIDE_SUFFIXES):
        # a leftover journal or log (or a live writer's): the store settles it or names it
        return Probe(path, None, found or 0, None, side_files=True)
    try:
        name = quote(path) if _URI_SPECIAL.intersection(path) else path
        con = sqlite3.connect(f"file:{name}?mode=ro{'&immutable=1' if wal else ''}", uri=True,
                              timeout=LOCK_WAIT_MS / 1000, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{file} cannot be opened ({exc})") from None
    try:
        if found > schema.head_schema():
            raise NewerSchema(file, found, schema.head_schema())
        head = con.execute(_HEAD_SQL).fetchone()
    except sqlite3.Error as exc:
        con.close()
        raise _read_error(file, exc) from None
    except StoreError:
        con.close()
        raise
    return Probe(path, trail_digest(head[0] if head else None), found, con)


def _check_header(path: str) -> tuple[int, bool]:
    """``file_checks``' header check (not SQLite, empty, truncated) in a few system calls, as the
    agenda makes it for every deal, cached or not. Returns the schema number (``user_version``,
    bytes 60-63 of the header) and whether the file is in WAL mode (bytes 18-19)."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            head, size = os.read(fd, 100), os.fstat(fd).st_size
        finally:
            os.close(fd)
    except OSError:
        file_checks.check_header(Path(path))  # says why in the store's own words
        raise
    if len(head) < 100 or not head.startswith(file_checks.HEADER):
        file_checks.check_header(Path(path))
        raise NotADealFile(f"{path} is not an RRA Desk deal file")
    page_size = int.from_bytes(head[16:18], "big")
    pages = int.from_bytes(head[28:32], "big") * (65536 if page_size == 1 else page_size)
    if head[24:28] == head[92:96] and size < pages:
        file_checks.check_header(Path(path))  # raises: truncated (unless a WAL holds the pages)
    return int.from_bytes(head[60:64], "big"), head[18] == 2


def deal_uuid(found: Probe) -> str | None:
    """The file's own UUID (``DealStore.deal_uuid``: the tag of its calendar UIDs), or None for a
    file older than it or one the quick look left to the store."""
    if found.con is None:
        return None
    try:
        row = found.con.execute("SELECT value FROM meta WHERE key = 'deal_uuid'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def read_deal(found: Probe):
    """The deal, its trail digest and its last change ``(when, who, what)``, all read in one
    transaction after the checks ``DealStore.open`` makes (application id, integrity). An older
    file, or one with side files beside it, is read through the store (which upgrades a private
    copy, or settles the side files or names them)."""
    if found.con is None or found.schema < schema.head_schema():
        from rra_desktop.store import DealStore

        with DealStore.open(found.path, read_only=True) as store:
            entries = store.audit_entries()  # a rare path: the whole trail through SQLAlchemy is fine
            last = (entries[-1].at, entries[-1].user, entries[-1].action) if entries else None
            return store.deal(), None, last
    con = found.con
    try:
        con.execute("BEGIN")
        if con.execute("PRAGMA application_id").fetchone()[0] != file_checks.APPLICATION_ID:
            raise NotADealFile(f"{found.path} is an SQLite database but not an RRA Desk deal file")
        problems = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise DealFileDamaged(f"{found.path} is damaged ({problems[0]}); restore a backup copy "
                                  "(see the .backups folder beside it)")
        head = con.execute(_HEAD_SQL).fetchone()
        return snapshot.read_deal(con), trail_digest(head[0] if head else None), last_change(con)
    except sqlite3.Error as exc:
        raise _read_error(Path(found.path), exc) from None
    finally:
        if con.in_transaction:
            con.execute("ROLLBACK")


def _read_error(file: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DealUnreadable(f"{file} is locked by another program ({text}); try again when it is released")
    if "no such table" in text:
        return NotADealFile(f"{file} is an SQLite database but not an RRA Desk deal file")
    return DealFileDamaged(f"{file} is damaged ({text}); restore a backup copy (see the .backups folder beside it)")


def last_change(con: sqlite3.Connection) -> tuple[str, str, str] | None:
    """(when, who, what) of the newest audit entry, or None for a deal with no trail."""
    row = con.execute("SELECT at, user, action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return tuple(row) if row else None

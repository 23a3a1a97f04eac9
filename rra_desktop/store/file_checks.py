"""Looking at a file before trusting it: all of this happens read-only.

A file is checked through a ``mode=ro`` connection (header, application id, schema number,
``PRAGMA quick_check``) before anything opens it for writing or migrates it, so a file that is
not a deal, is truncated or is damaged is refused and left byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from rra_desktop.store.errors import DealFileDamaged, NewerSchema, NotADealFile, StoreError

APPLICATION_ID = 0x52524144  # "RRAD": PRAGMA application_id of every RRA Desk deal file
HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
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
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror or exc})") from None
    if not head.startswith(HEADER):
        what = "it is empty" if size == 0 else "it is not an SQLite database"
        raise NotADealFile(f"{path} is not an RRA Desk deal file ({what}); it was not changed")
    if len(head) < 100:
        raise DealFileDamaged(f"{path} is damaged (truncated header); it was not changed. Restore a backup copy.")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    counter, valid_for = head[24:28], head[92:96]
    wal = Path(f"{path}-wal")
    # The in-header page count is trustworthy only when "version-valid-for" matches the
    # change counter, and the file may legitimately be short while a WAL holds pages.
    if counter == valid_for and not (wal.exists() and wal.stat().st_size) and size < pages * page_size:
        raise DealFileDamaged(
            f"{path} is damaged: it is truncated ({size:,} bytes of {pages * page_size:,}); it was not changed. "
            "Restore a backup copy (see the .backups folder beside it)."
        )


def inspect(path: Path, known_schema: int) -> FileFacts:
    """Refuse a file that is not a healthy deal this program can read; never writes."""
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
        problems = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise DealFileDamaged(f"{path} is damaged ({problems[0]}); it was not changed. Restore a backup copy "
                                  "(see the .backups folder beside it).")
        schema = con.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DealFileDamaged(f"{path} is damaged ({exc}); it was not changed. Restore a backup copy.") from None
    finally:
        con.close()
    if schema > known_schema:
        raise NewerSchema(path, schema, known_schema)
    if schema < 1:
        raise DealFileDamaged(f"{path} was never completely created (no schema); it was not changed")
    return FileFacts(schema, is_wal(path))

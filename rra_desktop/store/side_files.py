"""Files SQLite may leave beside a deal (``-journal``, ``-wal``, ``-shm``), found before anything
reads the deal, and never merged into it without the user's say.

A deal is kept in rollback-journal mode (see ``deal_store``), so between actions the ``.rradeal``
alone is the deal and closing it leaves nothing beside it. A side file found when no one is
editing the deal is therefore a leftover, and it is one of:

- a **hot rollback journal** (``-journal`` with a valid header): a change was interrupted (crash,
  power loss, killed process) half-written. The journal holds the pages as they were before that
  change; SQLite needs it to undo the half-written change, and without it the file may be
  damaged. "Apply" lets SQLite roll the unfinished change back, which returns the deal to its last
  committed state: nothing committed is lost (the interrupted action was never committed). "Set
  aside" moves it away unused; the deal is then checked and, if the half-written change damaged
  it, refused as damaged (the journal is in ``.backups`` to put back).
- a **write-ahead log** holding frames (``-wal``): changes from a file kept in WAL mode (earlier
  versions of RRA Desk) that were never folded into the file, normally from a session that ended
  without closing; a log copied in from another deal of the same name would bring that deal's
  records. "Apply" folds them in; "set aside" opens the deal as its own file holds it.
- everything else holds no data and is removed with a note: an empty ``-wal``, a ``-wal`` whose
  frames do not belong to its header (already checkpointed), a ``-shm`` (only an index of a
  ``-wal``), a journal whose header is zeroed or empty (a finished transaction).

Before either choice is carried out, the deal and its side files are copied byte for byte, as they
stand, into the ``.backups`` folder (``<name>.<time>.as-found.rradeal`` and the same with the side
file's suffix), so that either choice can be undone by hand.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import NamedTuple

from rra_desktop.store.errors import StoreError

SUFFIXES = ("-journal", "-wal", "-shm")
CHOICES = ("apply", "set-aside")
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
WAL_MAGIC = (0x377F0682, 0x377F0683)
_WHAT = {
    "-journal": "a rollback journal left by a change that was interrupted (a crash or a power loss); "
                "SQLite needs it to undo that unfinished change, and the deal may be damaged without it",
    "-wal": "a write-ahead log holding changes that were never folded into the deal file (from a "
            "session that ended without closing, or copied in from another deal)",
}


# NamedTuple: as immutable and comparable as a frozen dataclass, without its six methods compiled at start-up
class SideFile(NamedTuple):
    path: Path
    suffix: str  # one of SUFFIXES
    size: int
    holds_data: bool  # applying it would change what the deal holds

    def describe(self) -> str:
        return f"{self.path.name} ({self.size:,} bytes): {_WHAT[self.suffix]}"


class SideFilesFound(StoreError):
    """Side files holding data beside a deal nobody is editing: the user must choose."""

    def __init__(self, path: Path, files: list[SideFile]):
        self.path, self.files = Path(path), files
        found = "; ".join(f.describe() for f in files)
        super().__init__(
            f"{path} has a side file beside it that was not merged: {found}. Nothing was changed. "
            "Choose what to do: apply it (command line: --side-files apply; for a journal this undoes "
            "the interrupted change and keeps every committed one) or set it aside unmerged "
            "(--side-files set-aside). Either way the deal and the side file are first copied as they "
            f"stand into {path.parent / '.backups'}.")


def side_path(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def _journal_is_hot(head: bytes) -> bool:
    return head[:8] == JOURNAL_MAGIC


def _wal_has_frames(head: bytes) -> bool:
    """The WAL header is valid and its first frame carries the header's salts (SQLite ignores a
    frame whose salts differ: such frames were already checkpointed)."""
    if len(head) < 32 + 24 or int.from_bytes(head[:4], "big") not in WAL_MAGIC:
        return False
    return head[16:24] == head[32 + 8:32 + 16]


def find(path: Path) -> list[SideFile]:
    """The side files beside ``path`` now (whether they hold data or not)."""
    found = []
    for suffix in SUFFIXES:
        side = side_path(path, suffix)
        try:
            size = side.stat().st_size
            with side.open("rb") as fh:
                head = fh.read(64)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreError(f"{side} is beside the deal but cannot be read ({exc.strerror or exc}); "
                             "nothing was changed") from None
        holds = {"-journal": _journal_is_hot, "-wal": _wal_has_frames}.get(suffix, lambda _h: False)(head)
        found.append(SideFile(side, suffix, size, holds))
    return found


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def keep_as_found(path: Path, files: list[SideFile]) -> list[Path]:
    """Byte-for-byte copies of the deal and ``files`` into ``.backups`` (fsynced), before either
    choice changes anything. Refused, with nothing left behind, when the copy cannot be made."""
    from rra_desktop.store.backups import backup_folder, explain_os_error

    folder = backup_folder(path)
    stamp = _stamp()
    made: list[Path] = []
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        for source in (Path(path), *(f.path for f in files)):
            suffix = source.name[len(Path(path).name):]
            target = folder / f"{Path(path).stem}.{stamp}.as-found{Path(path).suffix}{suffix}"
            with source.open("rb") as src, open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600),
                                                "wb") as dst:
                made.append(target)
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
    except OSError as exc:
        for p in made:
            p.unlink(missing_ok=True)
        raise StoreError(f"{path}: the side files were left alone because a copy of the deal as it stands "
                         f"could not be made in {folder}: {explain_os_error(exc)}") from None
    return made


def settle(path: Path, choice: str | None) -> list[str]:
    """Deal with the side files beside ``path``; the caller holds the edit lock (or knows that no
    one is editing). Returns notes for the user. Raises ``SideFilesFound`` when a side file holds
    data and ``choice`` is None; with ``"apply"`` the side files are left for SQLite to use when
    the deal is next opened for writing, with ``"set-aside"`` they are moved into ``.backups``."""
    files = find(path)
    holding = [f for f in files if f.holds_data]
    notes = []
    if holding:
        if choice is None:
            raise SideFilesFound(path, holding)
        if choice not in CHOICES:
            raise StoreError(f"--side-files takes {' or '.join(CHOICES)}, not {choice!r}")
        copies = keep_as_found(path, holding)
        notes.append(f"A copy of {Path(path).name} and its side files as found is in {copies[0].parent}.")
        if choice == "set-aside":
            for f, copy in zip(holding, copies[1:], strict=True):
                f.path.unlink()
                notes.append(f"{f.path.name} was set aside unmerged (kept as {copy.name}).")
        else:
            for f in files:
                if f.suffix == "-shm":  # an index only: SQLite rebuilds it from the log
                    f.path.unlink(missing_ok=True)
            _apply(path)
            done = {"-journal": "the interrupted change was undone", "-wal": "its changes are now in the file"}
            notes += [f"{f.path.name} was applied ({done[f.suffix]})." for f in holding]
            return notes
    for f in files:
        if not f.holds_data:
            f.path.unlink(missing_ok=True)
            notes.append(f"{f.path.name} held no data and was removed.")
    return notes


def _apply(path: Path) -> None:
    """Let SQLite use the side files (roll the journal back, fold the log in) and leave the deal
    one self-contained file in rollback-journal mode."""
    import sqlite3

    from rra_desktop.store.backups import explain_os_error

    try:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            con.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: its side files could not be applied: {explain_os_error(exc)}. A copy as found "
                         "is in the .backups folder beside it.") from None


def any_left(path: Path) -> list[Path]:
    """Side files beside ``path`` (the tests' "no side file left")."""
    return [side_path(path, s) for s in SUFFIXES if side_path(path, s).exists()]

"""Restoring a backup copy in place of a deal (``rra-desktop restore``, File ▸ Restore backup…).

The backup is checked first (it must be a deal this version reads, pass ``integrity_check`` and
verify: chain, digests, records), the deal is locked for editing, and then, before anything is
replaced, the deal as it stands and any side file beside it are copied byte for byte into
``.backups`` (the current file may be damaged: that is often why a backup is restored). Side
files beside the deal belong to the file being replaced, never to the backup, so they are always
set aside (kept in ``.backups``), never applied to the restored copy. The copy is written beside
the deal under a hidden name, verified again, synced, and renamed over the deal: the deal is
either the old file or the whole backup, never a mix.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rra_desktop.store import backups, file_checks, schema, side_files
from rra_desktop.store.errors import StoreError
from rra_desktop.store.locking import EditLock


@dataclass(frozen=True)
class BackupCopy:
    """One backup of a deal, as ``choices`` lists it."""

    path: Path
    taken_at: str
    trail_head: str
    verified: bool  # made and verified by this version (False: a copy by an earlier version)


def choices(path: Path) -> list[BackupCopy]:
    """The backups of ``path``, newest first: rotating copies and copies made before upgrades."""
    path = Path(path)
    found = [*backups.listed(path), *sorted(path.parent.glob(f"{path.name}.bak-*"))]
    out = []
    for copy in found:
        info = backups.backup_info(copy)
        mark = backups.fingerprint(copy)
        if mark is None:
            continue
        taken = info.get("taken_at") or _mtime(copy)
        out.append(BackupCopy(copy, taken, info.get("trail_head") or (mark[1] or "0:"), bool(info.get("verified"))))
    # taken_at is to the second: two copies made within one second are ordered by the file's own time
    return sorted(out, key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)


def _mtime(path: Path) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds")


def check_backup(backup: Path) -> bool:
    """Refuse a backup that is not a complete, verified deal (it is left as it is); True when it
    is of the current schema (an older one is upgraded when the deal is next opened)."""
    from rra_desktop.store import trail

    file_checks.check_header(backup)
    if side_files.any_left(backup):
        names = ", ".join(p.name for p in side_files.any_left(backup))
        raise StoreError(f"{backup} has side files beside it ({names}); it was not restored. Open it to settle them "
                         "first, or choose another backup.")
    facts = file_checks.inspect(backup, schema.head_schema())
    if facts.schema < schema.head_schema():
        return False
    con = sqlite3.connect(file_checks.readonly_uri(backup), uri=True)
    try:
        report = trail.verify_connection(con)
    finally:
        con.close()
    if not report.ok:
        raise StoreError(f"{backup} was not restored: its audit trail does not verify ({report.message})")
    return True


def restore(path: Path, backup: Path) -> list[str]:
    """Put ``backup`` in place of the deal at ``path``; returns notes for the user."""
    path, backup = Path(path), Path(backup)
    if path.resolve() == backup.resolve():
        raise StoreError(f"{backup} is the deal itself; choose one of its backups")
    current = check_backup(backup)
    lock = EditLock(path)
    lock.acquire(path)
    try:
        notes = []
        if path.exists():
            kept = side_files.keep_as_found(path, side_files.find(path))
            notes.append(f"The deal as it stood is kept as {kept[0]}.")
            for f in side_files.find(path):
                f.path.unlink()
                notes.append(f"{f.path.name} beside it belonged to the replaced file and was set aside (kept in "
                             f"{kept[0].parent}).")
        partial = path.with_name(f".{path.name}.restoring")
        partial.unlink(missing_ok=True)
        try:
            backups.raw_copy(backup, partial)
            con = sqlite3.connect(partial, isolation_level=None)
            try:
                con.execute("DELETE FROM meta WHERE key = ?", (backups.BACKUP_KEY,))
                con.execute("PRAGMA journal_mode = DELETE").fetchone()
                problem = backups.verify_copy(con) if current else backups.integrity_problem(con)
            finally:
                con.close()
            if problem:
                raise StoreError(f"{backup} was not restored: {problem}")
            with open(partial, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, path)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{backup} was not restored in place of {path}: {backups.explain_os_error(exc)}; "
                             "the deal was left as it was") from None
        finally:
            partial.unlink(missing_ok=True)
            Path(f"{partial}-journal").unlink(missing_ok=True)
        notes.append(f"{path} now holds the backup {backup.name}.")
        return notes
    finally:
        lock.release()

"""Copies of a deal file: rotating backups on open, a copy before every migration, restoring.

A backup counts only once it is complete and verified. It is made with SQLite's online backup
API (a consistent copy even while another connection reads) into a hidden ``.partial`` file,
checked there (``PRAGMA integrity_check``, and its trail verified against its records, see
``trail``), stamped in its own ``meta`` table with what it is a copy of and the trail head it
holds (key ``backup``), synced to disk, and only then renamed to its final name. A copy that
fails at any step (a full disk, a folder that cannot be written) is removed and the action that
wanted it is refused with the cause (``BackupFailed``): a deal is never opened for editing
without its backup. Rotation keeps the newest ``KEEP`` verified copies; it deletes older verified
copies only after a new one has been verified, and it deletes files that were never complete
(empty, or not a database: the 0-byte leftovers of a failed copy by an earlier version).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import sqlite3
from pathlib import Path

from rra_desktop.store.errors import StoreError
from rra_desktop.store.file_checks import readonly_uri

KEEP = 5  # rotating backups kept per deal
AUDIT_HEAD_KEY = "audit_head"  # audit.HEAD_KEY, named here because audit imports SQLAlchemy
BACKUP_KEY = "backup"  # the meta row a verified backup carries


class BackupFailed(StoreError):
    """A backup copy could not be made (or failed its check); nothing of it was left behind."""


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def explain_os_error(exc: BaseException) -> str:
    """The cause of a failed write in words: "the disk is full", "permission denied", ..."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT) or "disk is full" in text or "no space" in text:
        return "the disk is full"
    if code == errno.EROFS or "read-only file system" in text:
        return "the disk or share is read-only"
    if code in (errno.EACCES, errno.EPERM) or "permission denied" in text or "readonly" in text:
        return "permission denied (the folder or file cannot be written)"
    return getattr(exc, "strerror", None) or str(exc)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - a folder cannot be opened for syncing on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify_copy(con: sqlite3.Connection) -> str | None:
    """What is wrong with a copied deal (None: nothing): ``integrity_check``, then its trail."""
    problem = integrity_problem(con)
    if problem:
        return problem
    report = trail_report(con)
    return None if report.ok else f"the copy's trail does not verify ({report.message})"


def integrity_problem(con: sqlite3.Connection) -> str | None:
    problems = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
    return None if problems == ["ok"] else f"the copy failed its integrity check ({problems[0]})"


def trail_report(con: sqlite3.Connection):
    from rra_desktop.store import trail

    return trail.verify_connection(con)


def copy_database(source: Path, target: Path, *, stamp: dict | None = None, verify: bool = True) -> Path:
    """A verified, consistent copy of ``source`` at ``target`` (mode 0600), reading the source
    read-only; all or nothing (``BackupFailed`` with the cause, and no file left)."""
    source, target = Path(source), Path(target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        src = sqlite3.connect(readonly_uri(source), uri=True)
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            problem = integrity_problem(dst) if verify else None
            if problem:
                raise BackupFailed(problem)
            # The copy is the deal as it stands, broken trail or not (that too is evidence): what its
            # trail says is recorded with it, and the deal's opener tells the user.
            report = trail_report(dst) if verify else None
            info = {"of": source.name, "taken_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "trail_head": report.head if report else "", "verified": verify,
                    "trail_ok": bool(report and report.ok), "trail": report.message if report else "",
                    **(stamp or {})}
            dst.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (BACKUP_KEY, json.dumps(info)))
        finally:
            dst.close()
            src.close()
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(partial, 0o600)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BackupFailed as exc:
        _remove(partial)
        raise BackupFailed(f"No backup of {source} could be made in {target.parent}: {exc}; nothing was "
                           "changed") from None
    except (OSError, sqlite3.Error) as exc:
        _remove(partial)
        raise BackupFailed(f"No backup of {source} could be made in {target.parent}: {explain_os_error(exc)}. "
                           "Nothing was changed; free some space or choose another folder, then try again.") from None
    return target


def _remove(partial: Path) -> None:
    for leftover in (partial, Path(f"{partial}-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def backup_before_migration(path: Path, schema: int) -> Path:
    """``name.rradeal.bak-<schema>-<timestamp>`` beside the deal, before an upgrade touches it
    (verified as far as that schema allows: its integrity; its trail is checked after upgrade)."""
    path = Path(path)
    return copy_database(path, path.with_name(f"{path.name}.bak-{schema:04d}-{_stamp()}"), verify=False)


def convert_from_wal(path: Path) -> str:
    """A WAL-mode deal (earlier versions) becomes a rollback-journal one, once, after a byte-for-
    byte copy into ``.backups`` (its side files were settled: the file alone is the deal)."""
    from rra_desktop.store.side_files import keep_as_found

    (copy,) = keep_as_found(path, [])
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"{path} could not be converted to a single self-contained file: "
                         f"{explain_os_error(exc)}; a copy as it was is {copy}") from None
    finally:
        con.close()
    return f"{path.name} was converted from WAL mode to one self-contained file; the file as it was is {copy}."


def backup_folder(path: Path) -> Path:
    return Path(path).parent / ".backups"


def _pattern(path: Path) -> re.Pattern:
    return re.compile(rf"{re.escape(path.stem)}\.\d{{8}}T\d{{12}}Z{re.escape(path.suffix)}")


def listed(path: Path) -> list[Path]:
    """The rotating backups of ``path`` (complete files only), oldest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    pattern = _pattern(Path(path))
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def rotate(path: Path, keep: int = KEEP) -> Path | None:
    """Copy the deal into ``.backups/`` unless the newest verified copy already holds the same
    deal; then keep the last ``keep`` verified copies.

    "The same deal" is the same schema number and audit head: every recorded action moves the
    head. (The file's modification time is no guide: merely opening a deal may touch it.)"""
    path = Path(path)
    folder = backup_folder(path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(f"{path} was not opened for editing: its backup folder {folder} cannot be made: "
                           f"{explain_os_error(exc)}. Nothing was changed; open it read-only to read it.") from None
    verified = []
    for copy in listed(path):
        if fingerprint(copy) is None:  # never completed (a failed copy by an earlier version)
            copy.unlink(missing_ok=True)
        else:
            verified.append(copy)
    newest = verified[-1] if verified else None
    if newest is not None and (mark := fingerprint(path)) is not None and fingerprint(newest) == mark:
        return None
    made = copy_database(path, folder / f"{path.stem}.{_stamp()}{path.suffix}")
    for old in [*verified, made][:-keep]:
        old.unlink(missing_ok=True)
    return made


def fingerprint(path: Path) -> tuple[int, str | None] | None:
    """The schema number and the audit head (``audit.HEAD_KEY`` in ``meta``) of a deal file;
    None when it cannot be read."""
    try:
        if Path(path).stat().st_size == 0:
            return None
        con = sqlite3.connect(readonly_uri(path), uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        schema = con.execute("PRAGMA user_version").fetchone()[0]
        head = con.execute("SELECT value FROM meta WHERE key = ?", (AUDIT_HEAD_KEY,)).fetchone()
        return schema, head[0] if head else None
    except sqlite3.Error:
        return None
    finally:
        con.close()


def backup_info(path: Path) -> dict:
    """What a backup's ``meta`` says of it (empty for a copy made by an earlier version)."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error:
        return {}
    try:
        row = con.execute("SELECT value FROM meta WHERE key = ?", (BACKUP_KEY,)).fetchone()
        return json.loads(row[0]) if row else {}
    except (sqlite3.Error, ValueError):
        return {}
    finally:
        con.close()


def raw_copy(source: Path, target: Path) -> None:
    """Byte for byte, synced (used for files SQLite must not open: a deal as found)."""
    with open(source, "rb") as src, open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as dst:
        import shutil  # here: its compression modules are not needed to open a deal

        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())

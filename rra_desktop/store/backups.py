"""Copies of a deal file: rotating backups on open, and a copy before every migration.

Backups are made with SQLite's online backup API (a consistent copy even while another
connection reads), into a ``.backups`` folder beside the deal readable by its owner only, when
the deal has changed since the newest copy.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from rra_desktop.store.file_checks import readonly_uri

KEEP = 5  # rotating backups kept per deal
AUDIT_HEAD_KEY = "audit_head"  # audit.HEAD_KEY, named here because audit imports SQLAlchemy


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target`` (mode 0600), reading the source read-only."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(readonly_uri(source), uri=True)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)
    return target


def backup_before_migration(path: Path, schema: int) -> Path:
    """``name.rradeal.bak-<schema>-<timestamp>`` beside the deal, before an upgrade touches it."""
    path = Path(path)
    return copy_database(path, path.with_name(f"{path.name}.bak-{schema:04d}-{_stamp()}"))


def backup_folder(path: Path) -> Path:
    return Path(path).parent / ".backups"


def rotate(path: Path, keep: int = KEEP) -> Path | None:
    """Copy the deal into ``.backups/`` unless the newest copy already holds the same deal;
    keep the last ``keep`` copies.

    "The same deal" is the same schema number and audit head: every recorded action moves the
    head. (The file's modification time is no guide: SQLite checkpoints on close, so merely
    opening and closing a deal touched it, each open made a copy, and five opens without a
    change pushed the last copy of an older state out of the rotation.)"""
    path = Path(path)
    folder = backup_folder(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    existing = sorted(folder.glob(f"{path.stem}.*{path.suffix}"))
    newest = existing[-1] if existing else None
    if newest is not None and (mark := fingerprint(path)) is not None and fingerprint(newest) == mark:
        return None
    made = copy_database(path, folder / f"{path.stem}.{_stamp()}{path.suffix}")
    for old in [*existing, made][:-keep]:
        old.unlink(missing_ok=True)
    return made


def fingerprint(path: Path) -> tuple[int, str | None] | None:
    """The schema number and the audit head (``audit.HEAD_KEY`` in ``meta``) of a deal file;
    None when it cannot be read."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        schema = con.execute("PRAGMA user_version").fetchone()[0]
        head = con.execute("SELECT value FROM meta WHERE key = ?", (AUDIT_HEAD_KEY,)).fetchone()
        return schema, head[0] if head else None
    except sqlite3.Error:
        return None
    finally:
        con.close()

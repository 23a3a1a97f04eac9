"""Copies of a deal file: rotating backups on open, and a copy before every migration.

Backups are made with SQLite's online backup API (a consistent copy even while another
connection reads), into a ``.backups`` folder beside the deal readable by its owner only.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from rra_desktop.store.file_checks import readonly_uri

KEEP = 5  # rotating backups kept per deal


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
    """Copy the deal into ``.backups/`` unless the newest copy is already as new as the file;
    keep the last ``keep`` copies."""
    path = Path(path)
    folder = backup_folder(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    existing = sorted(folder.glob(f"{path.stem}.*{path.suffix}"))
    newest = existing[-1] if existing else None
    if newest is not None and newest.stat().st_mtime >= _modified(path):
        return None
    made = copy_database(path, folder / f"{path.stem}.{_stamp()}{path.suffix}")
    for old in [*existing, made][:-keep]:
        old.unlink(missing_ok=True)
    return made


def _modified(path: Path) -> float:
    wal = Path(f"{path}-wal")
    return max(path.stat().st_mtime, wal.stat().st_mtime if wal.exists() else 0.0)

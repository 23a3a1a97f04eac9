"""One writer per deal file: an OS lock on a sidecar ``<file>.lock`` that says who holds it.

The lock is advisory and released by the OS when the holder exits (even when it crashes), so
there are no stale locks to clear by hand. SQLite's own locking (``BEGIN IMMEDIATE`` for every
write) still protects the file if two writers get past this, e.g. a forced open.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from pathlib import Path

from rra_desktop.store.errors import DealLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def current_user() -> str:
    """The login name the lock and the audit trail record."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): still record something
        return "unknown"


def lock_path(path: Path) -> Path:
    return Path(f"{path}.lock")


class EditLock:
    """Held while a deal is open for writing; ``release()`` on close."""

    def __init__(self, path: Path):
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self, deal_path: Path) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise DealLocked(deal_path, holder)
        info = {"user": current_user(), "host": socket.gethostname(), "pid": os.getpid(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="minutes")}
        # Written after byte 0 is locked; readers look at the whole file (Windows locks byte 0).
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, (" " + json.dumps(info)).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None
        # The file stays: unlinking it would let a waiting process lock an orphaned inode
        # while a third one locks a new file of the same name.


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 1, os.SEEK_SET)  # byte 0 is the locked byte on Windows
        return json.loads(os.read(fd, 4096).decode() or "{}")
    except (OSError, ValueError):
        return {}

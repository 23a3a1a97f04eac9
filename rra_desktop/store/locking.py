"""One writer per deal file: an OS lock on a sidecar ``<file>.lock`` that says who holds it.

The lock is advisory and released by the OS when the holder exits (even when it crashes), so
there are no stale locks to clear by hand. SQLite's own locking (``BEGIN IMMEDIATE`` for every
write) still protects the file if two writers get past this, e.g. a forced open.

The lock file exists only while someone holds it: the holder removes it (still locked) on
release, so a closed deal leaves nothing beside it. A process that locked a file which was
removed meanwhile sees that the name now points elsewhere (or nowhere) and tries again, so two
processes can never each hold "the" lock of one deal. (A holder that crashes leaves an empty,
unlocked file, which the next open takes over.)
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
        if not self.try_acquire():
            raise DealLocked(deal_path, self.holder())

    def holder(self) -> dict:
        """Who holds the lock (user, host, pid, since), as far as the lock file says."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return {}
        try:
            return _read_holder(fd)
        finally:
            os.close(fd)

    def try_acquire(self) -> bool:
        """Take the lock if no one holds it (True), else False; raises OSError when the folder
        does not let the lock file be made."""
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                os.close(fd)
                return False
            try:
                same = os.name == "nt" or os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            _unlock(fd)  # the holder removed this one as we locked it: lock the new one
            os.close(fd)
        info = {"user": current_user(), "host": socket.gethostname(), "pid": os.getpid(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="minutes")}
        # Written after byte 0 is locked; readers look at the whole file (Windows locks byte 0).
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, (" " + json.dumps(info)).encode())
        except OSError:  # a full disk: give the lock back rather than hold it unnamed
            self.release()
            raise
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            if os.name != "nt":  # removed while still locked: see the module's docstring
                self.path.unlink(missing_ok=True)
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 1, os.SEEK_SET)  # byte 0 is the locked byte on Windows
        return json.loads(os.read(fd, 4096).decode() or "{}")
    except (OSError, ValueError):
        return {}

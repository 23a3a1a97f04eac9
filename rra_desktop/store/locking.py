"""One writer per deal file: an OS lock on a sidecar ``<file>.lock`` that says who holds it.

The lock is advisory and released by the OS when the holder exits (even when it crashes), so
there are no stale locks to clear by hand. SQLite's own locking (``BEGIN IMMEDIATE`` for every
write) still protects the file if two writers get past this, e.g. a forced open.

The lock file exists only while someone holds it, on every platform, so a closed deal leaves
nothing beside it. On POSIX the holder removes it while still holding the lock (``flock``); a
process that locked a file which was removed meanwhile sees that the name now points elsewhere
(or nowhere) and tries again, so two processes can never each hold "the" lock of one deal. On
Windows an open file cannot be removed (``os.open`` shares it for reading and writing, not for
deletion), so the holder unlocks (``msvcrt.locking``), closes and then removes it: the removal
fails harmlessly when another process has the file open (it is about to take the lock and will
remove the file when it lets go), and otherwise nobody can be holding it. (A holder that
crashes leaves an empty, unlocked file, which the next open takes over and removes on close.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
from pathlib import Path

from rra_desktop.store.errors import DealLocked


def windows_locks(msvcrt):
    """``(try_lock, unlock)`` over ``msvcrt.locking`` of byte 0 (a module argument, so that the
    Windows path can be exercised with a stand-in where there is no ``msvcrt``)."""

    def try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    return try_lock, unlock


def posix_locks(fcntl):
    """``(try_lock, unlock)`` over ``fcntl.flock`` of the whole file."""

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    return try_lock, unlock


WINDOWS = os.name == "nt"
if WINDOWS:  # pragma: no cover - exercised on Windows only
    import msvcrt

    _try_lock, _unlock = windows_locks(msvcrt)
else:
    import fcntl

    _try_lock, _unlock = posix_locks(fcntl)


def current_user() -> str:
    """The login name the lock and the audit trail record."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): still record something
        return "unknown"


def host_name() -> str:
    """This machine's name, as a lock file records it: the kernel's node name (the socket module,
    which ``socket.gethostname`` would import with its event loop helpers, only where there is
    no ``os.uname``: Windows)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


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
                same = WINDOWS or os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            _unlock(fd)  # the holder removed this one as we locked it: lock the new one
            os.close(fd)
        info = {"user": current_user(), "host": host_name(), "pid": os.getpid(),
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
        """Give the lock back and remove the lock file (see the module's docstring for the
        order on each platform)."""
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            if not WINDOWS:  # removed while still locked
                self.path.unlink(missing_ok=True)
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None
        if WINDOWS:  # closed first: Windows removes no file that is open
            remove_unused(self.path)


def remove_unused(path: Path) -> None:
    """Remove a lock file nobody has open (Windows refuses, with PermissionError, while another
    process has it open: that process removes it in its turn)."""
    with contextlib.suppress(PermissionError):
        path.unlink(missing_ok=True)


def _read_holder(fd: int) -> dict:
    try:
        os.lseek(fd, 1, os.SEEK_SET)  # byte 0 is the locked byte on Windows
        return json.loads(os.read(fd, 4096).decode() or "{}")
    except (OSError, ValueError):
        return {}

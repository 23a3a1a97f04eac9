"""The edit lock's file is gone once the deal is closed, on POSIX and on the Windows path.

The Windows path (``msvcrt.locking`` of byte 0, the file closed before it is removed) runs here
with a stand-in ``msvcrt`` over ``flock``, and with a removal that Windows refuses because another
process has the lock file open.
"""

import fcntl
from pathlib import Path

import pytest

from rra_desktop.store import DealStore, locking
from rra_desktop.store.errors import DealLocked
from rra_desktop.store.locking import EditLock


class StandInMsvcrt:
    """``msvcrt.locking`` as Windows does it (non-blocking lock and unlock of bytes from the file
    position), done with ``flock``; the calls are recorded."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self):
        self.calls = []

    def locking(self, fd, mode, nbytes):
        self.calls.append((mode, nbytes))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB if mode == self.LK_NBLCK else fcntl.LOCK_UN)
        except BlockingIOError:
            raise PermissionError(13, "Permission denied") from None


@pytest.fixture
def windows(monkeypatch):
    msvcrt = StandInMsvcrt()
    try_lock, unlock = locking.windows_locks(msvcrt)
    monkeypatch.setattr(locking, "WINDOWS", True)
    monkeypatch.setattr(locking, "_try_lock", try_lock)
    monkeypatch.setattr(locking, "_unlock", unlock)
    return msvcrt


@pytest.fixture
def deal(tmp_path):
    path = tmp_path / "deal.rradeal"
    DealStore.create(path, None).close()
    return path


def lock_file(deal) -> Path:
    return Path(f"{deal}.lock")


def test_closing_removes_the_lock_file_on_posix(deal):
    store = DealStore.open(deal)
    assert lock_file(deal).exists()
    store.close()
    assert not lock_file(deal).exists()
    assert sorted(p.name for p in deal.parent.iterdir()) == [".backups", "deal.rradeal"]


def test_closing_removes_the_lock_file_on_the_windows_path(windows, deal):
    store = DealStore.open(deal)
    assert lock_file(deal).exists()
    with pytest.raises(DealLocked):
        DealStore.open(deal)  # held: a second writer is refused
    store.close()
    assert not lock_file(deal).exists()
    assert (StandInMsvcrt.LK_NBLCK, 1) in windows.calls and windows.calls[-1] == (StandInMsvcrt.LK_UNLCK, 1)
    DealStore.open(deal).close()  # free again, and again nothing is left
    assert not lock_file(deal).exists()


def test_a_new_deal_leaves_no_lock_file_on_the_windows_path(windows, tmp_path):
    DealStore.create(tmp_path / "new.rradeal", None).close()
    assert not lock_file(tmp_path / "new.rradeal").exists()


def test_on_windows_a_lock_file_another_process_has_open_is_left_to_it(windows, deal, monkeypatch):
    """Windows refuses to remove a file another process has open; that process is about to take
    the lock, and removes the file when it lets go."""
    first = EditLock(deal)
    assert first.try_acquire()
    real_unlink = Path.unlink

    def refused(self, missing_ok=False):
        if self == lock_file(deal):
            raise PermissionError(32, "The process cannot access the file because it is being used")
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refused)
    first.release()  # no error
    assert lock_file(deal).exists()
    monkeypatch.setattr(Path, "unlink", real_unlink)
    second = EditLock(deal)
    assert second.try_acquire()  # the file left behind is taken over
    second.release()
    assert not lock_file(deal).exists()


@pytest.mark.parametrize("platform", ["posix", "windows"])
def test_a_lock_file_left_by_a_crash_is_taken_over_and_removed(platform, request, deal):
    if platform == "windows":
        request.getfixturevalue("windows")
    lock_file(deal).write_bytes(b"")  # a holder that crashed leaves an empty, unlocked file
    with DealStore.open(deal) as store:
        assert store.deal() is not None
    assert not lock_file(deal).exists()

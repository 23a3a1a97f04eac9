"""Every file the product writes outside the deal file: private, whole or not at all.

A deal's outputs (letters, reports, exports, calendars, logs) carry confidential facts (blackout
reasons, Holders' positions), so each is created readable by its owner only (0600) and each folder
the product creates is 0700, whatever the umask. A file is written to a temporary file in the same
folder (created 0600), flushed to disk (``fsync``) and renamed over the target, so a reader never
sees half a letter and a crash leaves the previous version in place.

``write_private(path, data)`` writes bytes or text; ``private_target(path)`` is a context manager
yielding the temporary path for writers that want a file name (ReportLab, openpyxl, python-docx).
A path that cannot be written (a folder that does not exist and cannot be made, a read-only disk,
no permission, a full disk, a system folder such as ``/proc``) raises ``OutputRefused`` naming
the path and the cause; nothing is left behind.

``unused_path(path, keep)`` is how letters stay as they were sent: when ``keep(path)`` says an
existing file must be kept (the notice log holds its hash), the next free name "NAME (2).pdf",
"NAME (3).pdf", ... is used instead.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_MODE, FOLDER_MODE = 0o600, 0o700

_CAUSES = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


class OutputRefused(ValueError):
    """A file that cannot be written where asked; the message names the path and the cause."""

    def __init__(self, path: Path, cause: str):
        self.path, self.cause = Path(path), cause
        super().__init__(f"cannot write {path}: {cause} (nothing was written)")


def _refused(path: Path, exc: OSError) -> OutputRefused:
    if exc.errno == errno.ENOENT:
        cause = ("no file can be created in that folder" if Path(path).parent.is_dir()
                 else "the folder does not exist and cannot be made")
        return OutputRefused(path, cause)
    return OutputRefused(path, _CAUSES.get(exc.errno or 0, exc.strerror or str(exc)))


def private_folder(folder: Path) -> Path:
    """``folder``, with every missing folder on the way created 0700 (an existing one is left as
    it is: it may be the user's Documents)."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise OutputRefused(folder, _CAUSES[errno.ENOTDIR])
    for made in reversed(missing):
        try:
            made.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _refused(made, exc) from None
        os.chmod(made, FOLDER_MODE)  # mkdir's mode is masked by the umask; this is not
    return folder


def _temporary(target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.fchmod(fd, FILE_MODE)  # mkstemp creates 0600 already; said here so no umask can widen it
    os.close(fd)
    return Path(name)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def private_target(path: Path, make_folders: bool = True) -> Iterator[Path]:
    """A temporary 0600 file beside ``path`` for a writer to fill; on success it is synced and
    renamed to ``path`` (0600); on any error it is removed and ``path`` is left as it was.
    Missing folders are made (0700) unless ``make_folders`` is False (the command line's
    ``-o``, where a missing folder is more likely a typing slip)."""
    target = Path(path)
    if target.is_dir():
        raise OutputRefused(target, _CAUSES[errno.EISDIR])
    if make_folders:
        private_folder(target.parent)
    elif not target.parent.is_dir():
        raise OutputRefused(target, "the folder does not exist")
    try:
        temporary = _temporary(target)
    except OSError as exc:
        raise _refused(target, exc) from None
    try:
        yield temporary
        os.chmod(temporary, FILE_MODE)  # a writer that replaced the file instead of filling it
        _sync(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise _refused(target, exc) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_private(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` (bytes, or text in ``encoding``) to ``path`` as a private file, atomically."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    with private_target(path) as temporary:
        temporary.write_bytes(raw)
    return Path(path)


def unused_path(path: Path, keep: Callable[[Path], bool], taken: set[Path] | None = None) -> Path:
    """``path`` itself unless a file there must be kept (``keep(path)``) or the same batch has
    already used the name (``taken``, which is updated); then the first "STEM (n)SUFFIX",
    n = 2, 3, ..., that is free or need not be kept."""
    path = Path(path)
    taken = set() if taken is None else taken
    candidate, n = path, 2
    while candidate in taken or (candidate.exists() and keep(candidate)):
        candidate, n = path.with_name(f"{path.stem} ({n}){path.suffix}"), n + 1
    taken.add(candidate)
    return candidate

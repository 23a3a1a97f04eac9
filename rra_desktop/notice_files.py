"""The files the notice log holds a hash for (7(g)): are they still as they were sent?

The log keeps each sent letter's file name and SHA-256, not its folder (a deal file is moved
and copied; a folder name would go stale). A logged file is looked for in the folders given,
then in the deal file's "Notices" folder (where the GUI writes letters by default) and in the
deal file's own folder; the first copy whose bytes match is the letter ("intact"). A copy that is
found but matches nowhere is "changed"; no copy at all is "missing". A file is hashed once per
size and modification time (``FileHashes``), so re-checking a long log on every visit of the
Notices tab reads only what changed.

``keeper(deal)`` is the rule that keeps letters as they were sent: a file whose name the log
holds, or whose bytes hash to a logged SHA-256, is never overwritten or deleted; a new letter of
the same name is written as "NAME (2).pdf" (``outputs.unused_path``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rra_desktop.domain.counting import clock, fmt
from rra_desktop.domain.letter_kinds import notice_words
from rra_desktop.domain.model import Deal, NoticeRecord

INTACT, CHANGED, MISSING = "intact", "changed", "missing"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class FileHashes:
    """SHA-256 of files, remembered per (path, size, modification time)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int, int], str] = {}

    def __call__(self, path: Path) -> str | None:
        try:
            st = Path(path).stat()
            key = (str(path), st.st_size, st.st_mtime_ns)
            if key not in self._known:
                self._known[key] = sha256_of(path)
            return self._known[key]
        except OSError:
            return None


@dataclass(frozen=True)
class FileCheck:
    """One logged file: ``status`` is intact, changed or missing; ``path`` where it was found."""

    notice: NoticeRecord
    status: str
    path: Path | None = None

    @property
    def message(self) -> str:
        n = self.notice
        what = (f"{notice_words(n.kind)} to {n.recipient} sent {fmt(n.sent_at.date())} "
                f"{clock(n.sent_at)}: {n.file_name}")
        if self.status == INTACT:
            return f"{what}: intact"
        if self.status == CHANGED:
            return f"{what}: CHANGED since it was logged ({self.path} no longer has SHA-256 {n.sha256[:12]}...)"
        return f"{what}: MISSING (not found in the folders searched)"


def logged_files(deal: Deal) -> list[NoticeRecord]:
    """The notices that name a file and its SHA-256."""
    return [n for n in deal.notices if n.file_name and n.sha256]


def notices_folder(deal_path) -> Path:
    """Where a deal's letters are saved: "Notices" beside the deal file; for a deal on a firm
    server (which keeps no files) "RRA Desk Notices/<deal>" in the user's home folder, one per
    deal, since there is no folder beside it."""
    text = str(deal_path)
    if text.startswith(("postgresql:", "postgres:")):
        deal = getattr(deal_path, "name", "") or text.rsplit("deal=", 1)[-1].split("&")[0]
        return Path.home() / "RRA Desk Notices" / deal
    return Path(deal_path).parent / "Notices"


def folders_for(deal_path: Path | None, extra: Iterable[Path] = ()) -> list[Path]:
    """Where logged files are looked for: ``extra``, then "Notices" beside the deal file, then
    the deal file's folder (for a server deal, its folder of ``notices_folder``)."""
    out = [Path(f) for f in extra]
    if deal_path is not None and str(deal_path).startswith(("postgresql:", "postgres:")):
        out.append(notices_folder(deal_path))
    elif deal_path is not None:
        out += [Path(deal_path).parent / "Notices", Path(deal_path).parent]
    return list(dict.fromkeys(out))  # each folder once, first place kept


def check_files(deal: Deal, folders: Sequence[Path], hashes: FileHashes | None = None) -> list[FileCheck]:
    """Each logged file checked against its SHA-256, in the log's order."""
    hashes = hashes or FileHashes()
    out = []
    for n in logged_files(deal):
        found = [f / n.file_name for f in folders if (f / n.file_name).is_file()]
        match = next((p for p in found if hashes(p) == n.sha256), None)
        if match is not None:
            out.append(FileCheck(n, INTACT, match))
        else:
            out.append(FileCheck(n, CHANGED, found[0]) if found else FileCheck(n, MISSING))
    return out


def keeper(deal: Deal, hashes: FileHashes | None = None) -> Callable[[Path], bool]:
    """``keep(path)``: True for an existing file the notice log vouches for (by name or by hash)."""
    names = {n.file_name for n in logged_files(deal)}
    digests = {n.sha256 for n in logged_files(deal)}
    hashes = hashes or FileHashes()

    def keep(path: Path) -> bool:
        return Path(path).name in names or hashes(path) in digests

    return keep


def letter_of(deal: Deal, deadline) -> NoticeRecord | None:
    """The logged letter a deadline rests on, for the agenda's "Open letter": the notice whose
    file the deadline's completion names as its document; else the letter that performed it (a
    sent notice of a kind that performs the obligation, 7(p) Exhibit A or the 3(c)(C) notice,
    sent on the day the deadline was done: the first of the day); else the letter that opened
    its window (a 3(a) review copies or 7(d) piggy-back letter to the deadline's Holder, the
    last sent on or before the day the window counts from). None when no letter is logged."""
    from rra_desktop.domain.calendar import eastern_wall_time
    from rra_desktop.domain.letter_kinds import LETTERS, log_kinds_completing

    files = {n.file_name: n for n in logged_files(deal)}
    done = next((c for c in deal.completions if c.deadline_key == deadline.key), None)
    if done is not None and done.document in files:
        return files[done.document]
    sent = sorted((n for n in deal.notices if n.file_name and str(n.direction) == "sent"), key=lambda n: n.sent_at)
    performing = log_kinds_completing(deadline.kind)
    if deadline.done_on is not None:
        found = [n for n in sent if n.kind in performing and eastern_wall_time(n.sent_at).date() == deadline.done_on]
        if found:
            return found[0]
    opening = {s.log_kind for s in LETTERS.values() if s.opens is deadline.kind}
    holder = next((h.name for h in deal.holders if h.id == deadline.holder_id), None)
    if opening and holder is not None and deadline.trigger_date is not None:
        found = [n for n in sent if n.kind in opening and n.recipient == holder
                 and eastern_wall_time(n.sent_at).date() <= deadline.trigger_date]
        if found:
            return found[-1]
    return None

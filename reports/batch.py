"""Write letters to files: one PDF (or .docx) per letter and one combined PDF for printing.

Each file's SHA-256 is taken from the bytes written, so the notice log can later prove which
document went out. ``progress(done, total, text) -> bool`` is the GUI's background-task
callback: True means Cancel was pressed, and the batch stops after the letter in hand (the
letters already written stay written and are reported).
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from reports.combined import join, set_letters
from reports.document import Letter
from reports.pdf_letter import write_letters_pdf
from rra_desktop.outputs import private_folder, unused_path, write_private

Progress = Callable[..., bool]
PARALLEL_FROM = 60  # below this, starting worker processes costs more than it saves
CHUNK = 25  # fewest letters in a worker's job
JOBS_PER_WORKER = 4


@dataclass(frozen=True)
class MadeLetter:
    letter: Letter
    path: Path
    sha256: str


@dataclass(frozen=True)
class BatchResult:
    made: tuple[MadeLetter, ...]
    combined: Path | None
    cancelled: bool = False


def safe_name(text: str) -> str:
    """A file name from a party's name: path separators and reserved characters removed."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return re.sub(r"\s+", " ", cleaned).strip(" .")[:80] or "letter"


def file_name(letter: Letter, date_text: str, suffix: str = ".pdf") -> str:
    return f"{date_text} {letter.kind} - {safe_name(letter.recipient)}{suffix}"


def write_bytes(path: Path, data: bytes) -> str:
    """Write a letter (private, atomically: ``rra_desktop.outputs``); its SHA-256."""
    write_private(path, data)
    return hashlib.sha256(data).hexdigest()


def _never(_path: Path) -> bool:
    return False


def discard(paths, keep: Callable[[Path], bool] | None = None) -> None:
    """Delete letters that were written but not sent (their logging was refused): a file left
    behind would look like a notice that went out. A file ``keep`` vouches for (one the notice
    log holds: ``notice_files.keeper``) is never deleted, whatever path it is given under."""
    for path in paths:
        if keep is not None and Path(path).exists() and keep(Path(path)):
            continue
        Path(path).unlink(missing_ok=True)


def letter_bytes(letter: Letter, docx: bool = False) -> bytes:
    buffer = io.BytesIO()
    if docx:
        from reports.docx_writer import write_letter_docx

        write_letter_docx(letter, buffer)
    else:
        write_letters_pdf([letter], buffer)
    return buffer.getvalue()


def _write_pdfs(letters: Sequence[Letter], paths: Sequence[Path], title: str) -> tuple[list[str], bytes]:
    """Worker: set ``letters`` once, write each to its path; the SHA-256 of each file, in order,
    and the PDF of the whole run (a part of the combined PDF)."""
    whole, singles = set_letters(letters, title)
    return [write_bytes(path, data) for path, data in zip(paths, singles, strict=True)], whole


def _write_docx(letters: Sequence[Letter], paths: Sequence[Path]) -> list[str]:
    """Worker: each letter as .docx; the run is set once in PDF first, for the page count each
    .docx prints its page furniture by (``docx_writer``)."""
    from reports.docx_writer import write_letter_docx

    out = []
    for letter, path, pages in zip(letters, paths, write_letters_pdf(letters, io.BytesIO()), strict=True):
        buffer = io.BytesIO()
        write_letter_docx(letter, buffer, pages)
        out.append(write_bytes(path, buffer.getvalue()))
    return out


def _write_chunk(items: list[tuple[Letter, Path]], docx: bool, title: str) -> tuple[list[str], bytes]:
    letters, paths = [i[0] for i in items], [i[1] for i in items]
    return (_write_docx(letters, paths), b"") if docx else _write_pdfs(letters, paths, title)


def _combine(parts: Sequence[bytes], path: Path, title: str, letters: Sequence[Letter]) -> None:
    if len(parts) == 1:  # set as one run, already titled: nothing to join
        write_private(path, parts[0])
    else:
        join(parts, path, title, letters[0].author, letters[0].subject)


def parallel_workers(count: int) -> int:
    """Processes to use: one per CPU (at most 8) for batches worth it. Not in a frozen app, whose
    executable would start the GUI again in each worker."""
    if count < PARALLEL_FROM or getattr(sys, "frozen", False):
        return 1
    return max(1, min(8, os.cpu_count() or 1))


def write_batch(letters: Sequence[Letter], folder: Path, date_text: str, progress: Progress | None = None,
                docx: bool = False, combined: bool = True, workers: int | None = None,
                keep: Callable[[Path], bool] | None = None) -> BatchResult:
    """Each letter to ``folder`` (PDF, or .docx with ``docx``) and, for more than one PDF, the
    combined PDF "<date> <kind> - combined.pdf" with each letter paged on its own. Each letter
    is set once (``combined``): a run of letters is one layout, cut into the letters' files and
    joined into the combined PDF. Large batches are set by several processes (ReportLab is pure
    Python), each a run of letters.

    ``keep(path)`` (``rra_desktop.notice_files.keeper``) names the files that must not be
    overwritten, the ones the notice log holds a hash for: such a letter gets the next free name
    "NAME (2).pdf". Two letters of one batch never share a name either."""
    private_folder(folder)
    taken: set[Path] = set()
    paths = [unused_path(folder / file_name(letter, date_text, ".docx" if docx else ".pdf"), keep or _never, taken)
             for letter in letters]
    want_combined = combined and len(letters) > 1 and not docx
    combined_path = (unused_path(folder / f"{date_text} {letters[0].kind} - combined.pdf", keep or _never, taken)
                     if want_combined else None)
    title = f"{letters[0].title.split(' — ')[0]} ({len(letters)} letters)" if letters else ""
    workers = parallel_workers(len(letters)) if workers is None else workers
    if workers > 1:
        return _parallel(letters, paths, combined_path, title, docx, workers, progress)
    total = len(letters) + (1 if combined_path else 0)
    if not docx:  # set every letter once, before writing any (a small batch: a fraction of a second)
        if progress is not None and progress(0, total, "Setting the letters"):
            return BatchResult((), None, cancelled=True)
        whole, singles = set_letters(letters, title)
    made: list[MadeLetter] = []
    for i, (letter, path) in enumerate(zip(letters, paths, strict=True)):
        if progress is not None and progress(i, total, f"Letter to {letter.recipient}"):
            return BatchResult(tuple(made), None, cancelled=True)
        data = letter_bytes(letter, docx=True) if docx else singles[i]
        made.append(MadeLetter(letter, path, write_bytes(path, data)))
    if combined_path is not None:
        if progress is not None and progress(len(letters), total, "Combined PDF for printing"):
            return BatchResult(tuple(made), None, cancelled=True)
        write_private(combined_path, whole)
    if progress is not None:
        progress(total, total, "Done")
    return BatchResult(tuple(made), combined_path)


def _start_method() -> str:
    """fork is quickest, but forking a process that runs other threads (the GUI's worker thread
    beside Qt's) may copy a held lock: there a fresh forkserver (or spawn) is used instead."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    return "fork" if threading.current_thread() is threading.main_thread() else "forkserver"


def chunk_size(count: int, workers: int) -> int:
    """Letters per worker job: a few jobs per worker, so progress moves and Cancel is heard
    within a second, but few parts for the combined PDF (each embeds the fonts once)."""
    return max(CHUNK, -(-count // (workers * JOBS_PER_WORKER)))


def _parallel(letters, paths, combined_path, title, docx, workers, progress) -> BatchResult:
    items = list(zip(letters, paths, strict=True))
    size = chunk_size(len(items), workers)
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    total = len(letters) + (1 if combined_path else 0)
    results: dict[int, tuple[list[str], bytes]] = {}
    done = 0
    cancelled = False
    context = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        jobs = {pool.submit(_write_chunk, chunk, docx, title): n for n, chunk in enumerate(chunks)}
        for job in as_completed(jobs):
            results[jobs[job]] = job.result()
            done += len(chunks[jobs[job]])
            if progress is not None and progress(done, total, f"{done} of {len(letters)} letters"):
                for j in jobs:
                    j.cancel()
                cancelled = True
                break
    made = [MadeLetter(letter, path, sha) for n in sorted(results) for (letter, path), sha in
            zip(chunks[n], results[n][0], strict=True)]
    if cancelled:
        return BatchResult(tuple(made), None, cancelled=True)
    if combined_path is not None:
        _combine([results[n][1] for n in range(len(chunks))], combined_path, title, letters)
    if progress is not None:
        progress(total, total, "Done")
    return BatchResult(tuple(made), combined_path)

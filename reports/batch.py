"""Write letters to files: one PDF (or .docx) per letter and one combined PDF for printing.

Each file's SHA-256 is taken from the bytes written, so the notice log can later prove which
document went out. ``progress(done, total, text) -> bool`` is the GUI's background-task
callback: True means Cancel was pressed, and the batch stops after the letter in hand (the
letters already written stay written and are reported).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reports.document import Letter
from reports.pdf_letter import write_letters_pdf

Progress = Callable[..., bool]


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
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def letter_bytes(letter: Letter, docx: bool = False) -> bytes:
    buffer = io.BytesIO()
    if docx:
        from reports.docx_writer import write_letter_docx

        write_letter_docx(letter, buffer)
    else:
        write_letters_pdf([letter], buffer)
    return buffer.getvalue()


def write_batch(letters: Sequence[Letter], folder: Path, date_text: str, progress: Progress | None = None,
                docx: bool = False, combined: bool = True) -> BatchResult:
    """Each letter to ``folder`` (PDF, or .docx with ``docx``) and, for more than one PDF, the
    combined PDF "<date> <kind> - combined.pdf" with each letter paged on its own."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[MadeLetter] = []
    total = len(letters) + (1 if combined and len(letters) > 1 and not docx else 0)
    for i, letter in enumerate(letters):
        if progress is not None and progress(i, total, f"Letter to {letter.recipient}"):
            return BatchResult(tuple(made), None, cancelled=True)
        path = folder / file_name(letter, date_text, ".docx" if docx else ".pdf")
        made.append(MadeLetter(letter, path, write_bytes(path, letter_bytes(letter, docx))))
    combined_path = None
    if total > len(letters):
        if progress is not None and progress(len(letters), total, "Combined PDF for printing"):
            return BatchResult(tuple(made), None, cancelled=True)
        combined_path = folder / f"{date_text} {letters[0].kind} - combined.pdf"
        write_letters_pdf(letters, combined_path, title=f"{letters[0].title.split(' — ')[0]} ({len(letters)} letters)")
    if progress is not None:
        progress(total, total, "Done")
    return BatchResult(tuple(made), combined_path)

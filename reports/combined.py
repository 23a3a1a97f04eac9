"""A batch set once: the letters laid out as one PDF, cut into one file per letter, and the
parts joined into the combined PDF for printing.

Laying out a letter is most of the cost of making it, so a batch never sets a letter twice
(once alone, once for the combined PDF). ReportLab sets a run of letters as one document; pypdf
then copies each letter's pages, with the fonts they use, into a file of its own that carries
the letter's own title, author and subject. Each file embeds each font once; the combined PDF
embeds it once per part joined (one part per worker's run of letters, so a handful).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from reports.document import Letter
from reports.pdf_letter import write_letters_pdf
from rra_desktop.outputs import write_private


def _metadata(title: str, author: str, subject: str) -> dict[str, str]:
    return {"/Title": title, "/Author": author, "/Subject": subject, "/Creator": "RRA Desk"}


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def set_letters(letters: Sequence[Letter], title: str | None = None) -> tuple[bytes, list[bytes]]:
    """``letters`` set once: the PDF of the whole run (titled ``title``) and one PDF per letter
    cut from it."""
    buffer = io.BytesIO()
    counts = write_letters_pdf(letters, buffer, title=title)
    if len(counts) != len(letters):
        raise RuntimeError(f"Set {len(counts)} letters of {len(letters)}: a letter was lost in layout")
    data = buffer.getvalue()
    reader = PdfReader(io.BytesIO(data))
    singles, first = [], 0
    for letter, count in zip(letters, counts, strict=True):
        writer = PdfWriter()
        for page in reader.pages[first:first + count]:
            writer.add_page(page)
        writer.add_metadata(_metadata(letter.title, letter.author, letter.subject))
        singles.append(_written(writer))
        first += count
    return data, singles


def join(parts: Sequence[bytes], target: Path, title: str, author: str, subject: str) -> None:
    """The combined PDF for printing: ``parts`` (each a run of letters) one after another."""
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    writer.add_metadata(_metadata(title, author, subject))
    write_private(target, _written(writer))

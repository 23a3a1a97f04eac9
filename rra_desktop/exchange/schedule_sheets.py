"""Getting the rows out of a Schedule 1 file: CSV (any of the delimiters and encodings Excel
writes) or an Excel .xlsx workbook (openpyxl in read-only mode, which streams rows).

Rows are numbered as a spreadsheet shows them (the first row is 1; a CSV cell with line breaks
is still one row), so an error "row 7" is the row the paralegal sees.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class SheetUnreadable(ValueError):
    """The file cannot be read as a table at all (wrong type, damaged, empty)."""


@dataclass(frozen=True)
class Sheet:
    """The rows of a file, numbered, with notes on how it was read (encoding, delimiter)."""

    rows: tuple[tuple[int, tuple[object, ...]], ...]
    notes: tuple[str, ...] = ()


def read_sheet(path: Path) -> Sheet:
    """The rows of a .csv/.txt or .xlsx/.xlsm file."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise SheetUnreadable(f"{path.name}: only .csv and .xlsx files can be imported (save an .xls as .xlsx first)")


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []  # -sig: Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError:
        pass
    # Excel's plain "CSV" on Windows is Windows-1252, Latin-1 with curly quotes and dashes in
    # 0x80-0x9F; where even that fails, Latin-1 reads every byte.
    for encoding, label in (("cp1252", "Windows-1252 (Latin-1)"), ("latin-1", "Latin-1")):
        try:
            return data.decode(encoding), [f"{name} is not UTF-8; it was read as {label}: check accented names"]
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        # One column, or too irregular for the sniffer: the delimiter most used in the heading line.
        first = next((line for line in text.splitlines() if line.strip()), "")
        return max(",;\t", key=first.count)


def _read_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetUnreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise SheetUnreadable(f"{path.name} is empty")
    text, notes = _decode(data, path.name)
    delimiter = _delimiter(text)
    if delimiter != ",":
        notes.append(f"columns are separated by {'tabs' if delimiter == chr(9) else repr(delimiter)}")
    try:
        rows = tuple((n, tuple(r)) for n, r in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1))
    except csv.Error as exc:
        raise SheetUnreadable(f"{path.name} is not a readable CSV file ({exc})") from None
    return Sheet(rows, tuple(notes))


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook  # imported lazily: a CSV import does not need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only: a totals cell holding =SUM(...) is read as the value Excel last computed.
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise SheetUnreadable(f"{path.name} is not a readable Excel .xlsx workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        notes = [f"read the first worksheet, {sheet.title!r}"] if len(book.worksheets) > 1 else []
        sheet.reset_dimensions()  # workbooks written by other tools often record wrong dimensions
        return Sheet(tuple(_numbered(sheet.iter_rows(values_only=True))), tuple(notes))
    finally:
        book.close()


def _numbered(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, tuple[object, ...]]]:
    yield from enumerate(rows, 1)

"""Getting the rows out of a Schedule 1 file: CSV (any of the delimiters and encodings Excel
writes) or an Excel .xlsx workbook (openpyxl in read-only mode, which streams rows).

Rows are numbered as a spreadsheet shows them (the first row is 1; a CSV cell with line breaks
is still one row), so an error "row 7" is the row the paralegal sees.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

_HEADING_ROWS = 20  # the rows searched for the headings (titles and blank lines may sit above them)


class SheetUnreadable(ValueError):
    """The file cannot be read as a table at all (wrong type, damaged, empty)."""


@dataclass(frozen=True)
class Sheet:
    """The rows of a file, numbered, with notes on how it was read (encoding, delimiter)."""

    rows: tuple[tuple[int, tuple[object, ...]], ...]
    notes: tuple[str, ...] = ()


def read_sheet(path: Path, securities=None) -> Sheet:
    """The rows of a .csv/.txt or .xlsx/.xlsm file."""
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, securities)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise SheetUnreadable(f"{path.name}: only .csv and .xlsx files can be imported (save an .xls as .xlsx first)")


# The encodings Excel and other spreadsheet programs write a CSV in; charset-normalizer chooses
# among them (a file that is none of them is not a text file at all).
_ENCODINGS = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp1252", "latin_1"]
_LABELS = {"utf_8": "UTF-8", "utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16",
           "cp1252": "Windows-1252 (Latin-1)", "latin_1": "Latin-1"}


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of a CSV in whichever encoding it was saved: UTF-8 with or without a BOM
    (Excel's "CSV UTF-8"), UTF-16 (Excel's "Unicode Text"), Windows-1252 (Excel's plain "CSV" on
    Windows). Bytes that are valid UTF-8 are read as UTF-8; otherwise charset-normalizer detects
    the encoding among those; a file that decodes as none is binary."""
    from charset_normalizer import from_bytes

    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # bytes that are valid UTF-8 are UTF-8: on a short file (a few Holders) the detector
            #   may otherwise prefer Windows-1252 and read a zero-width space as "â€‹"
            return data.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=_ENCODINGS).best()
    sample = str(best)[:65536] if best is not None else ""
    if best is None or sum(c < " " and c not in "\t\r\n" for c in sample) > len(sample) // 10:
        raise SheetUnreadable(f"{name} is not a text file (it looks like a binary file: an .xls, a PDF or an "
                              "image saved as .csv?); save the schedule from Excel as CSV or .xlsx")
    text = str(best)
    if text.startswith("\ufeff"):
        text = text[1:]
    notes = [] if best.encoding == "utf_8" else [
        f"{name} is not UTF-8; it was read as {_LABELS.get(best.encoding, best.encoding)}"
        + (": check accented names" if best.encoding in ("cp1252", "latin_1") else "")]
    return text, notes


def _delimiter(text: str) -> str:
    sample = "\n".join(text[:65536].splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        # One column, or too irregular for the sniffer: the delimiter most used in the heading line.
        first = next((line for line in sample.splitlines() if line.strip()), "")
        return max(",;\t", key=first.count)


def _csv_rows(text: str, delimiter: str, name: str) -> Iterator[tuple[int, tuple[object, ...]]]:
    """The rows, numbered; a quote that is never closed is refused at the row and column where
    it opens (read leniently, the rest of the file would become one cell)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    number, line = 0, 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise SheetUnreadable(_quote_problem(text, line, number + 1, delimiter, name, exc)) from None
        number, line = number + 1, reader.line_num
        yield number, tuple(row)


def _quote_problem(text: str, line: int, row: int, delimiter: str, name: str, exc: csv.Error) -> str:
    start = text.splitlines()[line] if line < len(text.splitlines()) else ""
    column = start[:start.find('"')].count(delimiter) + 1 if '"' in start else None
    where = f"row {row}" + (f", column {column}" if column else "")
    if "end of data" in str(exc):
        return (f"{name}: {where}: a quote (\") opens a cell that is never closed, so the rest of the file "
                "would be read as one cell; close the quote or remove it (nothing was imported)")
    return f"{name}: {where}: the quotes are not as CSV writes them ({exc}); nothing was imported"


def _read_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetUnreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise SheetUnreadable(f"{path.name} is empty")
    text, notes = _decode(data, path.name)
    del data
    delimiter = _delimiter(text)
    if delimiter != ",":
        notes.append(f"columns are separated by {'tabs' if delimiter == chr(9) else repr(delimiter)}")
    return Sheet(tuple(_csv_rows(text, delimiter, path.name)), tuple(notes))


_UNCACHED = re.compile(rb"<c\b[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell with no value saved by Excel (a workbook written by a program that does not
    calculate): read as empty it would import as 0 shares, so the row reader refuses it."""

    formula: str

    def __str__(self) -> str:
        return ""


def _uncached_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula without a saved value (a quick scan of the XML)."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with z.open(name) as f:
                    if _UNCACHED.search(f.read()):
                        return True
    return False


def _has_headings(rows: list[tuple[object, ...]], securities=None) -> bool:
    from rra_desktop.exchange.schedule_columns import field_for

    for values in rows:
        fields = [field_for(v) if securities is None else field_for(v, securities) for v in values if v is not None]
        if {"name", "name_and_address"} & set(fields) and sum(f is not None for f in fields) >= 2:
            return True
    return False


def _read_xlsx(path: Path, securities=None) -> Sheet:
    """The first worksheet with Schedule 1's headings in its first rows (said in a note when it is
    not the first sheet); formula cells read as the value Excel saved, or ``Uncomputed``."""
    from openpyxl import load_workbook  # imported lazily: a CSV import does not need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only: a totals cell holding =SUM(...) is read as the value Excel last computed.
        book = load_workbook(path, read_only=True, data_only=True)
        uncached = _uncached_formulas(path)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise SheetUnreadable(f"{path.name} is not a readable Excel .xlsx workbook ({exc})") from None
    try:
        sheets = book.worksheets
        for sheet in sheets:
            sheet.reset_dimensions()  # workbooks written by other tools often record wrong dimensions
        chosen = next((i for i, sh in enumerate(sheets)
                       if _has_headings(list(islice(sh.iter_rows(values_only=True), _HEADING_ROWS)), securities)), 0)
        sheet = sheets[chosen]
        notes = []
        if chosen:
            notes.append(f"the headings are on worksheet {sheet.title!r} (sheet {chosen + 1}); it was read")
        elif len(sheets) > 1:
            notes.append(f"read the first worksheet, {sheet.title!r}")
        rows = sheet.iter_rows(values_only=True)
        if not uncached:
            return Sheet(tuple(_numbered(rows)), tuple(notes))
        source = load_workbook(path, read_only=True, data_only=False)
        try:
            formulas = source.worksheets[chosen]
            formulas.reset_dimensions()
            return Sheet(tuple(_numbered(_with_formulas(rows, formulas.iter_rows(values_only=True)))), tuple(notes))
        finally:
            source.close()
    finally:
        book.close()


def _with_formulas(values, formulas) -> Iterator[tuple[object, ...]]:
    for row, source in zip(values, formulas, strict=False):
        yield tuple(Uncomputed(f) if v is None and isinstance(f, str) and f.startswith("=") else v
                    for v, f in zip(row, source, strict=False))


def _numbered(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, tuple[object, ...]]]:
    yield from enumerate(rows, 1)

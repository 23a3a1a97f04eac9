"""Any table of the program as an Excel workbook, made as the register's workbook is
(``register_export``): headings in row 1, frozen, with an autofilter over every row; dates as
Excel dates and share counts, money and percentages as numbers with their formats, so that they
sort, filter and add up in Excel; text as text (a Holder named "=HYPERLINK(...)" or a fax "+44
..." is never read as a formula and needs no apostrophe); printing is landscape, one page wide,
the headings repeated on every page, the table's title in the page header.

The caller gives the cells as native values (``datetime.date``, ``datetime.datetime``, ``int``,
``Decimal``, text); a ``Decimal`` is money (as the screens show it, "$1,234.00") unless its
column is named in ``percent_columns``, whose values are percentage points (12.3456 for
12.3456%). The file is written private (0600), whole or not at all (``outputs``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from rra_desktop.outputs import private_target

FORMATS = {
    "date": "ddd mmm d, yyyy",  # "Fri Jun 20, 2003", as the screens write a date
    "datetime": "ddd mmm d, yyyy h:mm AM/PM",
    "count": "#,##0",
    "money": '"$"#,##0.00',
    "percent": "0.0000%",
    "number": "#,##0.####",
}
MAX_WIDTH, MIN_WIDTH = 80, 8  # column widths, in characters
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\ ("Sheet" if empty)."""
    return _SHEET_FORBIDDEN.sub(" ", title).strip()[:31].strip() or "Sheet"


def cell_value(value: object, percent: bool = False) -> tuple[object, str | None]:
    """The value an Excel cell holds for ``value`` and its number format (None: general)."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return ("Yes" if value else "No"), None  # as the screens say it; Excel's TRUE/FALSE reads as code
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:  # Excel has no time zones: the wall time the deal records
            value = value.replace(tzinfo=None)
        return value, FORMATS["datetime"]
    if isinstance(value, dt.date):
        return value, FORMATS["date"]
    if percent and isinstance(value, int | float | Decimal | Fraction):
        return float(value) / 100, FORMATS["percent"]
    if isinstance(value, int):
        return value, FORMATS["count"]
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
        return (int(value) if whole else float(value)), FORMATS["money"]
    if isinstance(value, float | Fraction):
        return float(value), FORMATS["number"]
    return str(value), None


def write_table_xlsx(path: Path, title: str, headings: Sequence[str], rows: Sequence[Sequence[object]],
                     percent_columns: Collection[int] = ()) -> Path:
    """Write ``rows`` under ``headings`` to ``path`` as one sheet named for ``title``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(title)
    widths = [min(max(len(str(h)) + 2, MIN_WIDTH), MAX_WIDTH) for h in headings]
    texts = [False] * len(headings)  # a column holding any text; the others' headings align right, over the figures
    for r, row in enumerate(rows, start=2):
        for c, raw in enumerate(row, start=1):
            value, number_format = cell_value(raw, c - 1 in percent_columns)
            if value is None:
                continue
            cell = sheet.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even "=...": never a formula
                if c - 1 < len(texts):
                    texts[c - 1] = True
                shown = max(len(line) for line in value.split("\n")) if value else 0
            else:
                cell.number_format = number_format
                shown = 14 if isinstance(value, dt.date) else len(f"{value:,}") + 2
            if c - 1 < len(widths):
                widths[c - 1] = min(max(widths[c - 1], shown + 2), MAX_WIDTH)
    for c, heading in enumerate(headings, start=1):
        cell = sheet.cell(1, c, str(heading))
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom",
                                   horizontal="left" if texts[c - 1] or not rows else "right")
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    end = get_column_letter(max(len(headings), 1))
    sheet.auto_filter.ref = f"A1:{end}{len(rows) + 1}"
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = title.replace("&", "&&")  # "&" starts a header code in Excel
    sheet.oddFooter.center.text = "Page &P of &N"
    with private_target(path) as temporary:
        book.save(temporary)
    return Path(path)

"""The register of Holders as of a date, exported to Excel (.xlsx) or CSV.

One row per Holder holding anything on the date (``holdings.register_as_of``), its notice
details, each security, the Registrable Securities as converted and its percentage, then a
totals row. The headings are ones the Schedule 1 import reads, so an exported register can be
imported into a new deal (the computed columns are recognised and skipped). Text a spreadsheet
would run as a formula is neutralised (``spreadsheet_safety``); in .xlsx numbers are numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal
from rra_desktop.exchange.spreadsheet_safety import neutralise
from rra_desktop.outputs import private_target

HEADINGS = ("Holder", "Address", "Attention", "Fax", "QIB", "Affiliate", "Series D Preferred", "D-1 Warrants",
            "D-2 Warrants", "Placement Agent Warrants", "Common", "Registrable Securities (as converted)", "%")
_FIRST_NUMBER = HEADINGS.index("Series D Preferred")
_WIDTHS = (40, 45, 36, 16, 6, 9, 12, 14, 14, 14, 12, 18, 10)


@dataclass(frozen=True)
class RegisterTable:
    """The register as rows of plain values (text, int, Decimal), with its totals row."""

    on: dt.date
    headings: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    totals: tuple[object, ...]

    @property
    def title(self) -> str:
        return f"Register of Holders as of {self.on.isoformat()}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def register_table(deal: Deal, on: dt.date) -> RegisterTable:
    """The register on ``on`` (Section 1 "Registrable Securities", as converted) as a table."""
    rows = []
    for p in register_as_of(deal, on):
        try:
            h = deal.holder(p.holder_id)
            details = ("\n".join(h.address_lines), h.attention, h.fax, _yes(h.qib), _yes(h.affiliate))
        except KeyError:  # a ledger row naming no Holder: show the id rather than drop the shares
            details = ("", "", "", "", _yes(p.affiliate))
        rows.append((p.name, *details, p.preferred, p.d1, p.d2, p.paw, p.common, p.registrable, p.percent))
    sums = [sum(r[i] for r in rows) for i in range(_FIRST_NUMBER, len(HEADINGS) - 1)]
    total_percent = Decimal(100).quantize(Decimal("0.0001")) if sums[-1] else Decimal(0)
    totals = ("Total", "", "", "", "", "", *sums, total_percent)
    return RegisterTable(on, HEADINGS, tuple(rows), totals)


def _csv_value(value: object) -> object:
    return "" if value is None else neutralise(value)


def write_register_csv(table: RegisterTable, path: Path) -> None:
    """CSV in UTF-8 with a BOM (so Excel reads accented names), plain digits for numbers."""
    with private_target(path) as temporary, temporary.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow([table.title])
        out.writerow(table.headings)
        for row in (*table.rows, table.totals):
            out.writerow([_csv_value(v) for v in row])


def write_register_xlsx(table: RegisterTable, path: Path) -> None:
    """An Excel workbook: a title row, bold headings, frozen panes, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = f"Register {table.on.isoformat()}"
    sheet.append([table.title])
    sheet.append(list(table.headings))
    for row in (*table.rows, table.totals):
        sheet.append([float(v) if isinstance(v, Decimal) else neutralise(v) for v in row])
    bold = Font(bold=True)
    for cell in (*sheet[1], *sheet[2], *sheet[sheet.max_row]):
        cell.font = bold
    for row in sheet.iter_rows(min_row=3, min_col=_FIRST_NUMBER + 1):
        for cell in row[:-1]:
            cell.number_format = "#,##0"
        row[-1].number_format = "0.0000"
    for row in sheet.iter_rows(min_row=3, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "B3"
    with private_target(path) as temporary:
        book.save(temporary)


def export_register(deal: Deal, path: Path, on: dt.date) -> Path:
    """Write the register on ``on`` to ``path``: .xlsx, or CSV for any other suffix."""
    path = Path(path)
    table = register_table(deal, on)
    if path.suffix.casefold() == ".xlsx":
        write_register_xlsx(table, path)
    else:
        write_register_csv(table, path)
    return path

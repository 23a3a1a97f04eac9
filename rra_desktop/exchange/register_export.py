"""The register of Holders as of a date: Schedule 1 whole, as one table that the PDF register
(``reports/register.py``), the CSV and Excel exports and ``holders --json`` all take their
columns from.

One row per Holder holding anything on the date (``holdings.register_as_of``): its name, notice
address lines, attention line and fax (7(g) sends notices there), QIB and Affiliate flags,
purchase price, its holding of each of the deal's classes of security (one column per class, in
the deal's order, headed by the class's label: ``register_columns``), the Conversion Shares, the
Registrable Securities as converted and its share of the total; then a totals row (the sample's
purchase prices add to $4,440,000).

Percentages are apportioned by largest remainder to 4 decimal places of a percent, so they add
to exactly 100%; each is within 0.0001 point of the exact share.

Excel (.xlsx) is a sheet to work in, not a printout: headings in row 1 of a named table
("Register", with autofilter) and a frozen heading row; numbers typed, purchase prices in
dollars, percentages a percent format; the totals row is SUM formulas (and the % total =SUM
too); text cells are text (a fax "+44 ..." needs no apostrophe); a second sheet "About" holds
the title and the as-of date as a typed date (workbook name ``AsOf``); printing is landscape,
fit to one page wide, headings repeated on every page. CSV keeps the title row and writes text
a spreadsheet would run as a formula with a leading apostrophe (``spreadsheet_safety``). The
headings are ones the Schedule 1 import reads (the computed columns are recognised and
skipped), so an exported register imports into a new deal as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from rra_desktop.domain.addresses import addressed_as_of
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal, SecurityClass
from rra_desktop.exchange.spreadsheet_safety import neutralise
from rra_desktop.outputs import private_target


@dataclass(frozen=True)
class Column:
    """A register column: its heading, what its values are, its Excel width."""

    heading: str
    kind: str  # "text", "flag" (yes/no), "money" (Decimal dollars), "count" (int), "percent" (Decimal fraction)
    width: float


DETAILS = (
    Column("Holder", "text", 38),
    Column("Address", "text", 34),
    Column("Attention", "text", 24),
    Column("Fax", "text", 16),
    Column("QIB", "flag", 6),
    Column("Affiliate", "flag", 9),
    Column("Purchase Price", "money", 14),
)
COMPUTED = (
    Column("Conversion Shares", "count", 12),
    Column("Registrable Securities (as converted)", "count", 14),
    Column("%", "percent", 10),
)
PLACES = Decimal("0.000001")  # a fraction to 6 places: a percent to 4
TABLE_NAME = "Register"


def class_headings(securities: tuple[SecurityClass, ...]) -> dict[str, str]:
    """Each class's column heading: its label, with its code added where the label is another
    column's heading too (two classes labelled alike, or one labelled "Fax")."""
    taken = {c.heading.casefold() for c in (*DETAILS, *COMPUTED)}
    labels = [s.heading.casefold() for s in securities]
    return {s.code: s.heading if s.heading.casefold() not in taken and labels.count(s.heading.casefold()) == 1
            else f"{s.heading} ({s.code})" for s in securities}


def register_columns(deal: Deal) -> tuple[Column, ...]:
    """The register's columns for ``deal``: the Holder's details, one column per class of security
    the deal defines, then the computed ones."""
    headings = class_headings(deal.securities)
    return (*DETAILS, *(Column(headings[s.code], "count", 12) for s in deal.securities), *COMPUTED)


Cell = Any  # text, an int, a Decimal, or None for an unknown price: its column's kind says which


@dataclass(frozen=True)
class RegisterTable:
    """The register as rows of plain values (text, int, Decimal; None for an unknown price),
    with its totals row and the Holders' notice address lines kept apart for layouts that
    print them one per line."""

    on: dt.date
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[Cell, ...]
    class_columns: tuple[tuple[str, str], ...] = ()  # (security code, heading) of each class column

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(c.heading for c in self.columns)

    @property
    def title(self) -> str:
        return f"Register of Holders as of {self.on.isoformat()}"

    def column(self, heading: str) -> list[object]:
        i = self.headings.index(heading)
        return [r[i] for r in self.rows]


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def apportion(counts: list[int]) -> list[Decimal]:
    """Each count's share of the total as a fraction to 6 places, adding to exactly 1 (largest
    remainder: the shares rounded down, the units left over go to the largest remainders)."""
    total = sum(counts)
    if not total:
        return [Decimal(0) for _ in counts]
    exact = [Decimal(c) / Decimal(total) for c in counts]
    floors = [e.quantize(PLACES, rounding=ROUND_FLOOR) for e in exact]
    left = int((Decimal(1) - sum(floors)) / PLACES)
    order = sorted(range(len(counts)), key=lambda i: (exact[i] - floors[i], counts[i]), reverse=True)
    for i in order[:left]:
        floors[i] += PLACES
    return floors


def register_table(deal: Deal, on: dt.date) -> RegisterTable:
    """The register on ``on`` (Section 1 "Registrable Securities", as converted) as a table; each
    Holder's notice address is the one in force under 7(g) that day (``addresses.addressed_as_of``)."""
    positions = register_as_of(deal, on)
    columns = register_columns(deal)
    codes = tuple(s.code for s in deal.securities)
    shares = apportion([p.registrable for p in positions])
    deal = addressed_as_of(deal, on)
    rows: list[tuple[Cell, ...]] = []
    for p, share in zip(positions, shares, strict=True):
        try:
            h = deal.holder(p.holder_id)
            details = ("\n".join(h.address_lines), h.attention, h.fax, _yes(h.qib), _yes(h.affiliate),
                       h.purchase_price)
        except KeyError:  # a ledger row naming no Holder: show the name rather than drop the shares
            details = ("", "", "", "", _yes(p.affiliate), None)
        held = dict(p.by_security)
        rows.append((p.name, *details, *(held.get(code, 0) for code in codes), p.conversion_shares,
                     p.registrable, share))
    totals: list[Cell] = ["Total", "", "", "", "", ""]
    for i in range(len(totals), len(columns)):
        values = [r[i] for r in rows if r[i] is not None]
        totals.append(sum(values, Decimal(0) if columns[i].kind in ("money", "percent") else 0))
    headings = class_headings(deal.securities)
    return RegisterTable(on, columns, tuple(rows), tuple(totals), tuple((c, headings[c]) for c in codes))


def _csv_value(value: object) -> object:
    return "" if value is None else neutralise(value)


def write_register_csv(table: RegisterTable, path: Path) -> None:
    """CSV in UTF-8 with a BOM (so Excel reads accented names), plain digits for numbers, the
    percentages as percent figures (12.3456)."""
    pct = table.headings.index("%")
    with private_target(path) as temporary, temporary.open("w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f)
        out.writerow([table.title])
        out.writerow(table.headings)
        for row in (*table.rows, table.totals):
            cells = list(row)
            cells[pct] = (cells[pct] * 100).quantize(Decimal("0.0001"))
            out.writerow([_csv_value(v) for v in cells])


_SUMMED = ("money", "count", "percent")
_FORMATS = {"money": '"$"#,##0.00', "count": "#,##0", "percent": "0.0000%"}


def _cell_value(value: object, kind: str) -> object:
    if isinstance(value, Decimal):
        return int(value) if kind == "money" and value == value.to_integral() else float(value)
    return value


def write_register_xlsx(table: RegisterTable, path: Path) -> None:
    """An Excel workbook made to work in (see the module's docstring)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.table import Table, TableStyleInfo

    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(list(table.headings))
    for r, row in enumerate(table.rows, start=2):
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            cell = sheet.cell(r, c, _cell_value(value, column.kind))
            if isinstance(value, str):
                cell.data_type = "s"  # text, even "=..." or "+44 ...": never a formula, no apostrophe
            if column.kind in _FORMATS:
                cell.number_format = _FORMATS[column.kind]
            cell.alignment = Alignment(wrap_text=column.heading == "Address", vertical="top")
            if column.heading == "Address":
                # a row as tall as its address: readers that do not autofit would overlap the lines
                sheet.row_dimensions[r].height = 15 * max(1, len(str(value).split("\n")))
    last = len(table.rows) + 1
    totals_row = last + 1
    cached: dict[str, object] = {}
    for c, (value, column) in enumerate(zip(table.totals, table.columns, strict=True), start=1):
        letter = get_column_letter(c)
        if column.kind in _SUMMED:
            cell = sheet.cell(totals_row, c, f"=SUM({letter}2:{letter}{last})" if table.rows else 0)
            cached[f"{letter}{totals_row}"] = _cell_value(value, column.kind)
            cell.number_format = _FORMATS[column.kind]
        else:
            cell = sheet.cell(totals_row, c, value)
        cell.font = Font(bold=True)
    sheet.row_dimensions[1].height = 45  # headings wrap onto up to three lines
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    for i, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    end = get_column_letter(len(table.columns))
    if table.rows:
        grid = Table(displayName=TABLE_NAME, ref=f"A1:{end}{last}")
        grid.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        sheet.add_table(grid)
    else:
        sheet.auto_filter.ref = f"A1:{end}1"
    sheet.freeze_panes = "B2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = table.title
    sheet.oddFooter.center.text = "Page &P of &N"
    about = book.create_sheet("About")
    about.append(["Register of Holders (Schedule 1 as of a date)"])
    about.append(["As of", table.on])
    about["B2"].number_format = "yyyy-mm-dd"
    about["A1"].font = Font(bold=True)
    about.column_dimensions["A"].width = 12
    about.column_dimensions["B"].width = 14
    book.defined_names["AsOf"] = DefinedName("AsOf", attr_text="About!$B$2")
    with private_target(path) as temporary:
        book.save(temporary)
        if table.rows:
            _cache_values(temporary, "xl/worksheets/sheet1.xml", cached)


def _cache_values(path: Path, member: str, values: dict[str, object]) -> None:
    """Give each formula cell in ``values`` its computed value, as Excel stores it after a save
    (openpyxl writes formulas with an empty value), so that readers that do not calculate
    (pandas, the Schedule 1 import, a preview) see the totals too."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == member:
                text = data.decode("utf-8")
                for ref, value in values.items():
                    text = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/?>(?:</v>)?', rf"\g<1><v>{value}</v>", text)
                data = text.encode("utf-8")
            target.writestr(info, data)


def export_register(deal: Deal, path: Path, on: dt.date) -> Path:
    """Write the register on ``on`` to ``path``: .xlsx, or CSV for any other suffix."""
    path = Path(path)
    table = register_table(deal, on)
    if path.suffix.casefold() == ".xlsx":
        write_register_xlsx(table, path)
    else:
        write_register_csv(table, path)
    return path

"""Schedule 1 rows: find the heading row, map its columns, read and check every row.

Every problem in every row is collected before anything is decided, so the paralegal fixes the
file once; a file with any problem imports nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rra_desktop.domain.entries import script_problem, text_problem
from rra_desktop.exchange import schedule_values as cell
from rra_desktop.exchange.schedule_columns import code_of, field_for, label
from rra_desktop.exchange.schedule_sheets import Uncomputed

_HEADING_SEARCH_ROWS = 20  # a title or a blank line or two may sit above the headings
_ADDRESS_FIELDS = ("address", "street", "city", "state", "zip", "country", "attention", "fax", "email")
_TOTAL_NAME = re.compile(r"^(?:grand\s+)?totals?\b", re.IGNORECASE)


@dataclass(frozen=True)
class ImportProblem:
    """A problem at a row (spreadsheet numbering; None for the file as a whole) and column."""

    row: int | None
    column: str
    reason: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"row {self.row}" if self.row else "", f"column {self.column!r}"
                                      if self.column else "") if p)
        return f"{where}: {self.reason}" if where else self.reason


@dataclass(frozen=True)
class Schedule1Row:
    """One Holder as Schedule 1 lists it."""

    row: int
    name: str
    address_lines: tuple[str, ...] = ()
    attention: str = ""
    fax: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    qib: bool = False
    affiliate: bool = False
    shares: tuple[tuple[str, int], ...] = ()  # (security code, count) for each share column, in file order
    purchase_price: Decimal | None = None

    def held(self, code: str) -> int:
        return sum(n for c, n in self.shares if c == code)


@dataclass
class Columns:
    """The heading row: which column index holds which field, and what it was called."""

    row: int
    index: dict[str, int] = field(default_factory=dict)
    heading: dict[str, str] = field(default_factory=dict)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    @property
    def share_fields(self) -> list[tuple[str, str]]:
        """(field, security code) of each share column, in file order."""
        return [(f, code) for f, i in sorted(self.index.items(), key=lambda t: t[1]) if (code := code_of(f))]


def find_columns(rows, problems: list[ImportProblem], securities=None) -> Columns | None:
    """The first row (of the first few) that names the Holder column and one other known column
    (share columns are those of ``securities``, the deal's classes; the form's by default)."""
    for number, values in rows[:_HEADING_SEARCH_ROWS]:
        fields = [field_for(v) if securities is None else field_for(v, securities) for v in values]
        if not ({"name", "name_and_address"} & set(fields)) or sum(f is not None for f in fields) < 2:
            continue
        columns = Columns(number)
        for i, (value, fld) in enumerate(zip(values, fields, strict=True)):
            heading = cell.text(value)
            if fld is None:
                columns.unknown.append((i, heading))
            elif fld == "derived":
                continue  # computed by the register export; recomputed, never read
            elif fld in columns.index:
                problems.append(ImportProblem(number, heading, f"says the same as column {columns.heading[fld]!r}"
                                              f" ({label(fld)}); keep one of them"))
            else:
                columns.index[fld], columns.heading[fld] = i, heading
        return columns
    problems.append(ImportProblem(None, "", "no heading row naming the Holders: expected a column such as 'Name', "
                                  "'Purchaser', 'Name of Purchaser' or 'Holder' beside the share columns"))
    return None


class _RowReader:
    """Reads one row's cells, recording each cell's problem against its column heading."""

    def __init__(self, columns: Columns, number: int, values: tuple[object, ...], problems: list[ImportProblem]):
        self.columns, self.number, self.values, self.problems = columns, number, values, problems

    def raw(self, fld: str) -> object:
        i = self.columns.index.get(fld)
        return self.values[i] if i is not None and i < len(self.values) else None

    def read(self, fld: str, reader, default):
        if isinstance(self.raw(fld), Uncomputed):
            return default  # reported once for the row by ``read_row``
        try:
            return reader(self.raw(fld))
        except cell.CellInvalid as exc:
            self.problems.append(ImportProblem(self.number, self.columns.heading[fld], str(exc)))
            return default


@dataclass
class _Block:
    """A name-and-address cell read apart: the name, the address lines, the attention and fax
    lines (the fax as printed, checked where it is used) and whether it says QIB."""

    name: str = ""
    address: list[str] = field(default_factory=list)
    attention: str = ""
    fax: str = ""
    qib: bool = False


def _split_name_and_address(block: str) -> _Block:
    """The printed schedule's layout: name, address lines, "Att'n:", "Fax:", "a Qualified
    Institutional Buyer", all in one cell."""
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    out = _Block(lines[0] if lines else "")
    for line in lines[1:]:
        low = line.casefold()
        if low.startswith(("att'n", "attn", "attention")):
            out.attention = cell.attention(line)
        elif low.startswith(("fax", "facsimile")):
            out.fax = line
        elif "qualified institutional buyer" in low:
            out.qib = True
        else:
            out.address.append(line)
    return out


def _address(reader: _RowReader, block: _Block) -> tuple[str, ...]:
    lines = [*block.address]
    lines += cell.text(reader.raw("address")).splitlines()
    lines += [cell.text(reader.raw(f"address_{n}")) for n in range(1, 10)]
    lines.append(cell.text(reader.raw("street")))
    city, state, zip_code = (cell.text(reader.raw(f)) for f in ("city", "state", "zip"))
    state_zip = " ".join(p for p in (state, zip_code) if p)
    lines.append(", ".join(p for p in (city, state_zip) if p))
    lines.append(cell.text(reader.raw("country")))
    return tuple(ln.strip() for ln in lines if ln.strip())


def is_blank(values: tuple[object, ...]) -> bool:
    return all(cell.text(v) == "" for v in values)


def is_totals(reader: _RowReader, name: str) -> bool:
    """A totals row: named "Total..." (e.g. "Total (Excluding Placement Agent Warrants)") with no
    address, attention, fax or e-mail, which tells it apart from a fund called "Total Return"."""
    return bool(_TOTAL_NAME.match(name)) and all(cell.text(reader.raw(f)) == "" for f in _ADDRESS_FIELDS)


def read_row(columns: Columns, number: int, values: tuple[object, ...], problems: list[ImportProblem]):
    """The row as a ``Schedule1Row``, or ("total", reader) for a totals row."""
    reader = _RowReader(columns, number, values, problems)
    for fld, i in columns.index.items():
        value = values[i] if i < len(values) else None
        if isinstance(value, Uncomputed):
            problems.append(ImportProblem(number, columns.heading[fld], f"holds the formula {value.formula} but "
                                          "no value computed by Excel; open the file in Excel and save it again"))
        elif isinstance(value, str) and (bad := text_problem(value, multiline=True)):  # spacing is normalised
            problems.append(ImportProblem(number, columns.heading[fld], bad))
    block = _split_name_and_address(cell.text(reader.raw("name_and_address")))
    name = " ".join(cell.text(reader.raw("name")).split()) or block.name
    if is_totals(reader, name) and not block.address:
        return ("total", reader)
    heading = columns.heading.get("name") or columns.heading.get("name_and_address", "Name")
    if not name:
        problems.append(ImportProblem(number, heading, "a Holder's name is required"))
    elif mixed := script_problem(name):
        problems.append(ImportProblem(number, heading, mixed))
    fax_source = "fax" if reader.raw("fax") not in (None, "") else None
    return Schedule1Row(
        row=number,
        name=name,
        address_lines=_address(reader, block),
        attention=reader.read("attention", cell.attention, "") or block.attention,
        fax=reader.read("fax", cell.fax, "") if fax_source else _block_fax(reader, block),
        email=reader.read("email", cell.email, ""),
        phone=cell.text(reader.raw("phone")),
        notes=cell.text(reader.raw("notes")),
        qib=reader.read("qib", cell.flag, False) or block.qib,
        affiliate=reader.read("affiliate", cell.flag, False),
        purchase_price=reader.read("purchase_price", cell.money, None),
        shares=tuple((code, reader.read(f, cell.count, 0)) for f, code in columns.share_fields),
    )


def _block_fax(reader: _RowReader, block: _Block) -> str:
    if not block.fax:
        return ""
    try:
        return cell.fax(block.fax)
    except cell.CellInvalid as exc:
        reader.problems.append(ImportProblem(reader.number, reader.columns.heading["name_and_address"], str(exc)))
        return ""

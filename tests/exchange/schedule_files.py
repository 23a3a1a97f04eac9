"""The sample Schedule 1 input files (tests/exchange/data/schedule1.csv and .xlsx), as the real
Schedule 1 prints them, in two layouts paralegals use. ``python -m tests.exchange.schedule_files``
rewrites both from the sample deal."""

from __future__ import annotations

import csv
from pathlib import Path

from rra_desktop.sample import load_sample_deal

DATA = Path(__file__).resolve().parent / "data"
CSV_FILE = DATA / "schedule1.csv"
XLSX_FILE = DATA / "schedule1.xlsx"
TOTAL_LABEL = "Total (Excluding Placement Agent Warrants)"


def _rows():
    deal = load_sample_deal()
    for h in sorted(deal.holders, key=lambda h: h.schedule_order):
        counts = {p.security: p.quantity for p in deal.positions if p.holder_id == h.id}
        yield h, counts


def csv_rows() -> list[list[str]]:
    """Address split into lines, City, State, Zip; counts with separators; "$" prices."""
    out = [["Name", "Address 1", "Address 2", "City", "State", "Zip", "Att'n", "Fax", "QIB", "Series D Preferred",
            "D-1 Warrants", "D-2 Warrants", "Placement Agent Warrants", "Total Purchase Price"]]
    for h, counts in _rows():
        *street, last = h.address_lines
        city, state_zip = last.split(", ")
        state, zip_code = state_zip.rsplit(" ", 1)
        street = [*street, ""][:2]
        price = f"${h.purchase_price:,}" if h.purchase_price is not None else ""
        out.append([h.name, *street, city, state, zip_code, h.attention, h.fax, "yes" if h.qib else "no",
                    *(f"{counts.get(c, 0):,}" for c in ("PREF", "D1", "D2", "PAW")), price])
        if h.name == "Xmark Fund Ltd.":
            out.append([TOTAL_LABEL, "", "", "", "", "", "", "", "", "444", "944,681", "944,681", "", "$4,440,000"])
    return out


def write_csv(path: Path = CSV_FILE) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(csv_rows())


def write_xlsx(path: Path = XLSX_FILE) -> None:
    """The printed layout's headings, a title above them, multi-line address cells, numbers."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Schedule 1"
    sheet.append(["SCHEDULE 1 TO REGISTRATION RIGHTS AGREEMENT"])
    sheet.append([])
    sheet.append(["Name of Purchaser", "Address", "Attention", "Facsimile", "Qualified Institutional Buyer",
                  "Shares of Series D Preferred Stock", "Shares of Common Stock Acquirable under Series D-1 Warrants",
                  "Shares of Common Stock Acquirable under Series D-2 Warrants",
                  "Shares of Common Stock Acquirable under Placement Agent Warrants", "Purchase Price"])
    for h, counts in _rows():
        sheet.append([h.name, "\n".join(h.address_lines), h.attention, h.fax, "x" if h.qib else None,
                      *(counts.get(c, 0) for c in ("PREF", "D1", "D2", "PAW")),
                      int(h.purchase_price) if h.purchase_price is not None else None])
        if h.name == "Xmark Fund Ltd.":
            sheet.append([TOTAL_LABEL, None, None, None, None, 444, 944_681, 944_681, None, 4_440_000])
    book.save(path)


if __name__ == "__main__":
    write_csv()
    write_xlsx()

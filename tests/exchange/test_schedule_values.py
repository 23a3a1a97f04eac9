"""Reading Schedule 1 cells and headings: the forms paralegals write, and the typos refused."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rra_desktop.exchange import schedule_values as cell
from rra_desktop.exchange.schedule_columns import field_for, normalise_heading


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Name", "name"), ("Purchaser", "name"), ("Name of Purchaser", "name"), ("HOLDER", "name"),
        ("Name and Address of Purchaser", "name_and_address"),
        ("Address", "address"), ("Address 1", "address_1"), ("address4", "address_4"), ("Street", "street"),
        ("City", "city"), ("State", "state"), ("Zip", "zip"), ("Zip Code", "zip"),
        ("Att'n", "attention"), ("Att'n:", "attention"), ("Attention", "attention"),
        ("Fax", "fax"), ("Facsimile", "fax"), ("E-mail", "email"), ("Email", "email"), ("Phone", "phone"),
        ("Series D Preferred", "security:PREF"), ("Preferred Shares", "security:PREF"),
        ("Shares of Series D Preferred Stock", "security:PREF"),
        ("Share of  Series D Preferred Stock", "security:PREF"),
        ("D-1 Warrants", "security:D1"), ("Series D-1 Warrant Shares", "security:D1"),
        ("Shares of Common Stock Acquirable under Series D-1 Warrants", "security:D1"),
        ("D-2 ...", "security:D2"), ("Shares of Common Stock Acquirable under Series D-2 Warrant", "security:D2"),
        ("Placement Agent Warrants", "security:PAW"),
        ("Shares of Common Stock Acquirable under Placement Agent Warrants", "security:PAW"),
        ("Purchase Price", "purchase_price"), ("Total Purchase Price", "purchase_price"),
        ("QIB", "qib"), ("Qualified Institutional Buyer", "qib"), ("Affiliate", "affiliate"),
        ("Common", "security:COMMON"), ("Registrable Securities (as converted)", "derived"), ("%", "derived"),
        ("Favourite colour", None), ("", None),
    ],
)
def test_headings(heading, field):
    assert field_for(heading) == field


def test_heading_normalisation():
    assert normalise_heading("  Att'n:  ") == "attn"
    assert normalise_heading("Series D-1\nWarrant  Shares") == "series d1 warrant shares"


@pytest.mark.parametrize(
    ("raw", "value"),
    [("8,511", 8511), ("8511", 8511), (" 1,000,000 ", 1_000_000), (8511, 8511), (8511.0, 8511), ("", 0),
     (None, 0), ("-", 0), ("8,511.00", 8511)],
)
def test_counts(raw, value):
    assert cell.count(raw) == value


@pytest.mark.parametrize("raw", ["-5", "(5)", -5, "1,2,3", "8,511.5", 8511.5, "12a", True, "1.234,5"])
def test_bad_counts(raw):
    with pytest.raises(cell.CellInvalid):
        cell.count(raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("$1,340,000", Decimal(1_340_000)), ("1340000.00", Decimal(1_340_000)), ("$ 40,000", Decimal(40_000)),
     (4_440_000, Decimal(4_440_000)), (12.5, Decimal("12.50")), ("$1,000.05", Decimal("1000.05")), ("", None)],
)
def test_money(raw, value):
    assert cell.money(raw) == value


@pytest.mark.parametrize("raw", ["-$5", "$1,00", "1.005", "ten", "(100)"])
def test_bad_money(raw):
    with pytest.raises(cell.CellInvalid):
        cell.money(raw)


@pytest.mark.parametrize(("raw", "value"), [("yes", True), ("X", True), ("TRUE", True), ("no", False), ("", False),
                                            (None, False), ("false", False), ("a Qualified Institutional Buyer", True)])
def test_flags(raw, value):
    assert cell.flag(raw) is value


def test_bad_flag():
    with pytest.raises(cell.CellInvalid, match="not yes or no"):
        cell.flag("maybe")


FAXES = [("Fax:  203-967-5701", "203-967-5701"), ("(212) 245-3009", "(212) 245-3009"),
         ("+44 20 7946 0000", "+44 20 7946 0000"), (2125554058, "2125554058"),
         ("212-555-0100 x12", "212-555-0100 x12"), ("", "")]


@pytest.mark.parametrize(("raw", "value"), FAXES)
def test_fax(raw, value):
    assert cell.fax(raw) == value


@pytest.mark.parametrize("raw", ["555-01", "call me", "212-555-0100-0100-0100-12", "fax@example.com"])
def test_bad_fax(raw):
    with pytest.raises(cell.CellInvalid, match="plausible fax"):
        cell.fax(raw)


def test_attention_label_dropped_and_email_checked():
    assert cell.attention("Att'n:  Mr. Barry Kurokawa") == "Mr. Barry Kurokawa"
    assert cell.email("a@b.com") == "a@b.com"
    with pytest.raises(cell.CellInvalid):
        cell.email("not an address")


@given(st.integers(min_value=0, max_value=10**12))
def test_any_count_written_with_or_without_separators_reads_back(n):
    assert cell.count(f"{n:,}") == cell.count(str(n)) == cell.count(n) == n


@given(st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False))
def test_any_amount_written_as_dollars_reads_back(amount):
    assert cell.money(f"${amount:,.2f}") == amount

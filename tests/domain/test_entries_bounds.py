"""The entry checks at their exact bounds and on the fast path: the largest whole number and the
first and last day are accepted, one past them refused; a line break is allowed only in the
fields that run over lines, in a tuple too; a record inside a record is looked into; and a
clean record is decided without the walk that names fields."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain import entries
from rra_desktop.domain.entries import LARGEST_INTEGER, integer_problem, value_problem, value_problems
from rra_desktop.domain.model import (
    FactKind,
    Holder,
    Instrument,
    InstrumentKind,
    PositionEntry,
    PositionKind,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
ROW = PositionEntry("p-1", "h-1", "PREF", PositionKind.ISSUANCE, 5, D(2003, 5, 7))
WAIVER = Instrument("i-1", InstrumentKind.WAIVER, "3(a)", D(2003, 6, 1), "waiver", given_by=("h-1", "company"))


def test_the_largest_whole_number_either_way_is_accepted_and_one_more_refused():
    assert integer_problem(LARGEST_INTEGER) is None and integer_problem(-LARGEST_INTEGER) is None
    assert integer_problem(LARGEST_INTEGER + 1) == (
        "9,223,372,036,854,775,808 is too large for the deal file (at most 9,223,372,036,854,775,807)")
    assert integer_problem(-LARGEST_INTEGER - 1) is not None


@pytest.fixture
def no_walk(monkeypatch):
    """The naming walk made to fail: a record the fast path finds clean never reaches it."""

    def walked(*_args):
        raise AssertionError("a clean record went the slow way")

    monkeypatch.setattr(entries, "_walk", walked)


@pytest.mark.parametrize("record", [
    replace(ROW, quantity=LARGEST_INTEGER), replace(ROW, quantity=-LARGEST_INTEGER),
    replace(ROW, on=D(1900, 1, 1), acquired_on=D(2199, 12, 31)),
    TimelineFact("f", FactKind.RS_PLANNED, D(2003, 6, 1), at=T(1900, 1, 1, 0, 0)),
    TimelineFact("f", FactKind.RS_PLANNED, D(2003, 6, 1), at=T(2199, 12, 31, 23, 59)),
    replace(ROW, net_proceeds=Decimal("-999999999999999.99")),
    WAIVER, Holder("h-1", "Fund", address_lines=("1 Main St\nFloor 2",), notes="a\nb"),
])
def test_a_record_at_the_bounds_is_clean_without_the_walk(record, no_walk):
    assert value_problems(record) == []


def test_a_line_break_in_a_one_line_tuple_is_refused_and_named():
    (found,) = value_problems(replace(WAIVER, given_by=("h-1", "h-\n2")), "instruments[0]")
    assert found == ("instruments[0].given_by[1]",
                     "contains the control character a line break, which cannot be stored; retype the text")
    assert value_problems(replace(WAIVER, given_by=("h-1\t",))) == []  # a tab is spacing


def test_a_record_inside_a_record_is_looked_into():
    terms = load_sample_deal().terms
    bad = replace(terms, company=replace(terms.company, name="Spectrum\x00"))
    (found,) = value_problems(bad, "terms")
    assert found[0] == "terms.company.name" and "NUL" in found[1]
    assert value_problems(terms) == []


def test_a_single_value_is_judged_by_its_field():
    assert value_problem("a\nb", "notes") is None and value_problem("a\nb", "description") is None
    assert value_problem("a\nb", "name") == ("contains the control character a line break, which cannot be "
                                             "stored; retype the text")
    assert value_problem("a\rb") == "contains the control character CR, which cannot be stored; retype the text"
    assert value_problem(True) is None and value_problem(None) is None and value_problem(PositionKind.SALE) is None
    assert value_problem(2**63) is not None and value_problem(D(2200, 1, 1)) is not None
    assert value_problem(Decimal("NaN")) == "NaN is not an amount" and value_problem(1.5) is None


def test_a_deal_walked_whole_names_the_one_bad_text_among_many():
    deal = load_sample_deal()
    holders = list(deal.holders)
    holders[2] = replace(holders[2], notes="fine\nover lines", attention="Att\x1bn")
    found = value_problems(replace(deal, holders=tuple(holders)), "deal")
    assert found == [("deal.holders[2].attention",
                      "contains the control character ESC, which cannot be stored; retype the text")]


def test_the_quick_check_a_caller_of_many_records_asks_first():
    # True for a clean record (Schedule 1's first Holder), False for one a control character spoils
    # (U+0007 in the name, which value_problems then names); no quick check for what is not a record
    holder = load_sample_deal().holders[0]
    check = entries.quick_check(Holder)
    assert check is not None and check(holder) is True
    spoilt = replace(holder, name="OTA\x07 LLC")
    assert check(spoilt) is False and [p for p, _ in value_problems(spoilt)] == ["name"]
    assert entries.quick_check(int) is None and entries.quick_check(str) is None

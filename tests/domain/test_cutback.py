"""7(d): the piggy-back cutback, worked examples with ties, and its invariants."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.cutback import allocate, counted_requests, pro_rata
from rra_desktop.domain.model import PiggybackRequest


def test_cutback_with_a_tie_on_remainder_goes_to_the_larger_request():
    # A = 10, R = 30: exact shares 3.33.., 3.33.., 3.33..; floors 3 + 3 + 3 = 9, one left over.
    # Equal remainders and equal requests: the name breaks the tie.
    assert pro_rata({"b": 10, "a": 10, "c": 10}, 10) == {"b": 3, "a": 4, "c": 3}
    # A = 7, R = 12 (requests 6, 3, 3): 3.5, 1.75, 1.75 -> floors 3, 1, 1; two left over;
    # remainders 1/2, 3/4, 3/4: the two 3/4s win (tie between equal requests broken by name).
    assert pro_rata({"big": 6, "x": 3, "y": 3}, 7) == {"big": 3, "x": 2, "y": 2}


def test_ties_on_remainder_prefer_the_larger_request():
    # A = 5, R = 10 with requests 4, 2, 2, 2: exact 2, 1, 1, 1 -> no leftovers.
    assert pro_rata({"a": 4, "b": 2, "c": 2, "d": 2}, 5) == {"a": 2, "b": 1, "c": 1, "d": 1}
    # A = 3, R = 6 with requests 3 and 1, 1, 1: exact 1.5, .5, .5, .5; floors 1, 0, 0, 0; two left;
    # all remainders 1/2: the larger request first, then the names.
    assert pro_rata({"z": 3, "b": 1, "a": 1, "c": 1}, 3) == {"z": 2, "b": 0, "a": 1, "c": 0}


def test_allocation_lines_show_the_working():
    alloc = allocate({"A Fund": 600_000, "B Fund": 300_000, "C Fund": 100_001}, 500_000)
    lines = {line.holder: line for line in alloc.lines}
    assert alloc.cut and alloc.requested_total == 1_000_001 and alloc.total == 500_000
    a = lines["A Fund"]
    assert a.floor_share == 600_000 * 500_000 // 1_000_001
    assert a.remainder == Fraction(600_000 * 500_000 % 1_000_001, 1_000_001)
    assert a.final == a.floor_share + a.extra
    assert "floor(A × request / R)" in alloc.rule and "R = 1,000,001" in alloc.rule


def test_no_cutback_when_the_requests_fit():
    alloc = allocate({"a": 5, "b": 7}, 20)
    assert not alloc.cut and alloc.as_dict() == {"a": 5, "b": 7} and "no cutback" in alloc.rule


def test_none_included_when_the_allowance_is_nil():
    assert pro_rata({"a": 5, "b": 7}, 0) == {"a": 0, "b": 0}


def test_negative_inputs_are_refused():
    with pytest.raises(ValueError, match=r"^h-ota requested a negative number of shares \(-1\)$"):
        pro_rata({"h-ota": -1}, 3)
    with pytest.raises(ValueError, match=r"^The underwriter's allowance cannot be negative \(-3\)$"):
        pro_rata({"a": 1}, -3)


def test_ties_go_by_the_holders_name_and_a_holder_with_no_name_by_its_id():
    # A = 1, R = 3 (1 each): every remainder 1/3 and every request 1: the single share goes by name
    named = allocate({"h-1": 1, "h-2": 1, "h-3": 1}, 1, names={"h-1": "Zed LLC", "h-2": "alpha LP", "h-3": "Mid Co"})
    assert named.as_dict() == {"h-1": 0, "h-2": 1, "h-3": 0}  # "alpha lp" first, case ignored
    partly = allocate({"h-1": 1, "h-2": 1, "b-unnamed": 1}, 1, names={"h-1": "Zed LLC", "h-2": "Mid Co"})
    assert partly.as_dict() == {"h-1": 0, "h-2": 0, "b-unnamed": 1}  # "b-unnamed" sorts before "mid co"
    assert allocate({"h-2": 1, "h-1": 1}, 1).as_dict() == {"h-2": 0, "h-1": 1}  # no names: by id


def test_rule_144k_eligible_shares_are_not_counted():
    on = dt.date(2005, 6, 1)
    requests = [
        PiggybackRequest("r1", "rs-9", "h-a", 1_000, on, rule_144k_eligible_shares=400),
        PiggybackRequest("r2", "rs-9", "h-a", 200, on),
        PiggybackRequest("r3", "rs-9", "h-b", 300, on, rule_144k_eligible_shares=500),
        PiggybackRequest("r4", "rs-other", "h-c", 900, on),
    ]
    assert counted_requests(requests, "rs-9") == {"h-a": 800, "h-b": 0}
    assert counted_requests(requests)["h-c"] == 900


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=3), st.integers(min_value=0, max_value=10**9), max_size=12),
    st.integers(min_value=0, max_value=10**9),
)
def test_cutback_invariants(requested, allowed):
    got = pro_rata(requested, allowed)
    total = sum(requested.values())
    assert set(got) == set(requested)
    assert sum(got.values()) == min(total, allowed)
    for holder, shares in got.items():
        assert 0 <= shares <= requested[holder]
        if total > allowed:
            # Within one share of the exact pro-rata figure.
            exact = Fraction(allowed * requested[holder], total)
            assert exact - 1 < shares < exact + 1
    # A larger request never gets fewer shares than a smaller one.
    for a in requested:
        for b in requested:
            if requested[a] > requested[b]:
                assert got[a] >= got[b]

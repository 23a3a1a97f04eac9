"""Review of the 7(d) pro-rata cutback: ties, edges, huge counts and Rule 144(k) shares."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rra_desktop.domain.cutback import allocate, counted_requests, pro_rata
from rra_desktop.domain.model import PiggybackRequest


def test_worked_three_way_split():
    # A = 100, R = 300: 100 x 100 / 300 = 33 1/3 each; one share left, remainders tie, requests tie:
    # the name decides (alphabetical)
    assert pro_rata({"Xmark": 100, "OTA": 100, "ProMed": 100}, 100) == {"Xmark": 33, "OTA": 34, "ProMed": 33}


def test_remainder_before_request_before_name():
    # A = 10, R = 21: Big 15 -> 7 1/7 (rem 3/21), Mid 4 -> 1 19/21, Tiny 2 -> 20/21: two shares left,
    # to Tiny (20/21) and Mid (19/21) although Big requested most
    alloc = allocate({"Big": 15, "Mid": 4, "Tiny": 2}, 10)
    assert alloc.as_dict() == {"Big": 7, "Mid": 2, "Tiny": 1}
    assert [line.remainder for line in alloc.lines] == [Fraction(3, 21), Fraction(19, 21), Fraction(20, 21)]
    # equal remainders: the larger request first. A = 5, R = 10: 3 -> 1.5, 7 -> 3.5
    assert pro_rata({"a": 3, "b": 7}, 5) == {"a": 1, "b": 4}


@pytest.mark.parametrize(
    ("requested", "allowed", "expected"),
    [
        ({"only": 1_000}, 400, {"only": 400}),
        ({"a": 10, "b": 20}, 0, {"a": 0, "b": 0}),
        ({"a": 10, "b": 20}, 30, {"a": 10, "b": 20}),  # exactly the total: no cutback
        ({"a": 10, "b": 20}, 1_000_000, {"a": 10, "b": 20}),  # nobody gets more than asked
        ({"a": 0, "b": 20}, 5, {"a": 0, "b": 5}),
        ({}, 10, {}),
    ],
)
def test_edges(requested, allowed, expected):
    assert pro_rata(requested, allowed) == expected


def test_huge_counts_are_exact():
    big = 10**30
    # R = 2 x 10^30 + 2: a gets exactly big/2; b gets big/2 - 1 and a remainder just over 1/2; c a
    # remainder just under 1/2: the last share goes to b
    assert pro_rata({"a": big + 1, "b": big, "c": 1}, big) == {"a": big // 2, "b": big // 2, "c": 0}
    # 2^59 + 1/2 each side of the tie: floating point cannot even represent these quotients
    assert pro_rata({"a": 2**60 + 1, "b": 2**60 - 1}, 2**60) == {"a": 2**59 + 1, "b": 2**59 - 1}


def test_rule_144k_shares_are_not_counted_and_several_requests_add_up():
    on = dt.date(2005, 6, 1)
    requests = [
        PiggybackRequest("r1", "rs-2", "h-xmark", 500_000, on, rule_144k_eligible_shares=200_000),
        PiggybackRequest("r2", "rs-2", "h-xmark", 100_000, on),
        PiggybackRequest("r3", "rs-2", "h-ota", 50_000, on, rule_144k_eligible_shares=50_000),
        PiggybackRequest("r4", "rs-3", "h-ota", 70_000, on),
    ]
    counted = counted_requests(requests, "rs-2")
    assert counted == {"h-xmark": 400_000, "h-ota": 0}
    assert pro_rata(counted, 100_000) == {"h-xmark": 100_000, "h-ota": 0}


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 10**12), max_size=12), st.integers(0, 10**13))
def test_invariants(requested, allowed):
    got = pro_rata(requested, allowed)
    total = sum(requested.values())
    assert set(got) == set(requested)
    assert sum(got.values()) == min(allowed, total)
    for h, r in requested.items():
        assert 0 <= got[h] <= r
        if total > allowed:
            exact = Fraction(allowed * r, total)
            assert exact - 1 < got[h] < exact + 1  # never more than a share from the exact pro-rata figure

"""Review of the register (Registrable Securities as converted) and of majority counts (7(f), 7(o))
as of dates before and after conversions, exercises and assignments, on the sample deal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rra_desktop.domain.holdings import conversion_shares, holders_with_rights_as_of, register_as_of
from rra_desktop.domain.majority import majority_count
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal

D = dt.date
CLOSING = D(2003, 5, 7)
TOTAL = 3_967_656


@pytest.fixture(scope="module")
def deal() -> Deal:
    return load_sample_deal()


def line(deal, holder_id, on):
    return next(p for p in register_as_of(deal, on) if p.holder_id == holder_id)


@pytest.mark.parametrize(("preferred", "shares"), [(4, 17_021), (47, 200_000), (134, 570_212), (444, 1_889_361),
                                                   (1, 4_255), (10, 42_553), (49, 208_510)])
def test_conversion_shares_floor_of_preferred_times_10000_over_2_35(deal, preferred, shares):
    # 4 x 10,000 / 2.35 = 17,021.28; 47 -> exactly 200,000; 134 -> 570,212.77
    assert conversion_shares(preferred, deal.terms) == shares


def test_rounding_is_per_holder_so_the_register_is_below_the_pooled_figure(deal):
    register = register_as_of(deal, CLOSING)
    assert sum(p.conversion_shares for p in register) == 1_889_358  # three shares below 444 pooled
    assert sum(p.registrable for p in register) == TOTAL


def add_rows(deal, *rows):
    return replace(deal, positions=(*deal.positions, *rows))


def test_conversion_and_cashless_exercise_move_the_as_converted_count(deal):
    on = D(2004, 6, 1)
    rows = (
        PositionEntry("c-out", "h-xmark-fund", "PREF", PositionKind.CONVERSION, -34, on),
        PositionEntry("c-in", "h-xmark-fund", "COMMON", PositionKind.CONVERSION, 144_680, on),  # floor(34 x 4255.3)
        PositionEntry("x-out", "h-xmark-fund", "D1", PositionKind.EXERCISE_CASHLESS, -100_000, on),
        PositionEntry("x-in", "h-xmark-fund", "COMMON", PositionKind.EXERCISE_CASHLESS, 60_000, on),
    )
    after = add_rows(deal, *rows)
    before_line, after_line = line(after, "h-xmark-fund", on - dt.timedelta(days=1)), line(after, "h-xmark-fund", on)
    assert before_line.registrable == 1_140_424
    # 100 preferred -> 425,531; common 144,680 + 60,000; warrants 185,106 + 285,106
    assert (after_line.preferred, after_line.common, after_line.warrants) == (100, 204_680, 470_212)
    assert after_line.registrable == 425_531 + 204_680 + 470_212 == 1_140_424 - 1 - 40_000


def test_majority_before_and_after_a_transfer_to_an_affiliate(deal):
    """OTA transfers everything on Mar 1, 2004 to a fund the Company controls: on Feb 29 OTA is
    counted; from Mar 1 its 85,107 shares sit with an Affiliate and leave both sides (7(o))."""
    on = D(2004, 3, 1)
    rows = [PositionEntry(f"o-{c}", "h-ota", c, PositionKind.TRANSFER_OUT, -q, on) for c, q in
            (("PREF", 10), ("D1", 21_277), ("D2", 21_277))]
    rows += [PositionEntry(f"i-{c}", "h-aff", c, PositionKind.TRANSFER_IN, q, on) for c, q in
             (("PREF", 10), ("D1", 21_277), ("D2", 21_277))]
    aff = Holder("h-aff", "Spectrum Strategic Fund LP", affiliate=True)
    moved = replace(add_rows(deal, *rows), holders=(*deal.holders, aff))
    voters = ["h-xmark-fund", "h-sds-merchant-fund"]  # 1,991,487 shares
    before = majority_count(moved, D(2004, 2, 29), voters)
    after = majority_count(moved, on, voters)
    assert (before.numerator, before.denominator, before.excluded) == (1_991_487, TOTAL, ())
    assert (after.numerator, after.denominator) == (1_991_487, TOTAL - 85_107)
    assert [p.holder_id for p in after.excluded] == ["h-aff"]
    # an assignee that is an Affiliate only by reason of its holdings keeps affiliate=False: counted
    holding_only = replace(moved, holders=(*deal.holders, replace(aff, affiliate=False)))
    assert majority_count(holding_only, on, voters).denominator == TOTAL


def test_exactly_half_of_the_sample_is_not_a_majority(deal):
    # a one-holder deal split two ways, 1,983,828 each
    rows = (PositionEntry("a", "h1", "COMMON", PositionKind.ISSUANCE, TOTAL // 2, CLOSING),
            PositionEntry("b", "h2", "COMMON", PositionKind.ISSUANCE, TOTAL // 2, CLOSING))
    halves = replace(deal, holders=(Holder("h1", "One"), Holder("h2", "Two")), positions=rows)
    m = majority_count(halves, CLOSING, ["h1"])
    assert m.numerator * 2 == m.denominator and not m.achieved and "not a majority" in m.sentence
    plus_one = replace(halves, positions=(*rows, PositionEntry("c", "h1", "COMMON", PositionKind.DIVIDEND, 1, CLOSING)))
    assert majority_count(plus_one, CLOSING, ["h1"]).achieved


def test_a_ledger_row_naming_an_unrecorded_assignment_is_pending_not_a_crash(deal):
    on = D(2004, 3, 1)
    rows = (PositionEntry("t-out", "h-ota", "PREF", PositionKind.TRANSFER_OUT, -4, on, assignment_id="a-gone"),
            PositionEntry("t-in", "h-new", "PREF", PositionKind.TRANSFER_IN, 4, on, assignment_id="a-gone"))
    rights = {(r.holder_id, r.security): r for r in holders_with_rights_as_of(add_rows(deal, *rows), on)}
    assert rights["h-new", "PREF"].pending and rights["h-ota", "PREF"].quantity == 6


TERMS = load_sample_deal().terms


@given(st.integers(0, 10**9))
def test_conversion_never_overstates(preferred):
    shares = conversion_shares(preferred, TERMS)
    assert shares * 235 <= preferred * 1_000_000 < (shares + 1) * 235

"""7(f), 7(o): majority counts in Registrable Securities as converted, on the sample deal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.majority import majority_count
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal

ON = dt.date(2003, 6, 1)
TOTAL = 3_967_656  # every Holder's Registrable Securities as converted, rounded down per Holder


@pytest.fixture(scope="module")
def deal() -> Deal:
    return load_sample_deal()


def with_affiliate(deal: Deal, holder_id: str) -> Deal:
    return replace(deal, holders=tuple(replace(h, affiliate=h.id == holder_id) for h in deal.holders))


def test_xmark_and_sds_hold_a_majority(deal):
    m = majority_count(deal, ON, ["h-xmark-fund", "h-sds-merchant-fund"])
    assert (m.numerator, m.denominator) == (1_140_424 + 851_063, TOTAL)
    assert m.achieved and m.excluded == () and len(m.counted) == 9
    assert "1,991,487 of 3,967,656" in m.sentence and "a majority" in m.sentence


def test_xmark_and_sco_capital_do_not(deal):
    m = majority_count(deal, ON, {"h-xmark-fund", "h-sco-capital-partners"})
    assert m.numerator == 1_140_424 + 595_744 and not m.achieved
    assert "not a majority" in m.sentence


def test_an_affiliate_is_left_out_of_both_sides(deal):
    m = majority_count(with_affiliate(deal, "h-sco-capital-partners"), ON, ["h-xmark-fund", "h-sco-capital-partners"])
    assert m.denominator == TOTAL - 595_744 and m.numerator == 1_140_424
    assert [p.holder_id for p in m.excluded] == ["h-sco-capital-partners"]
    assert not m.achieved and "Not counted under 7(o): SCO Capital Partners LLC" in m.sentence
    assert "solely by reason of its holdings" in m.proviso


def test_the_company_holding_its_own_securities_is_not_counted(deal):
    company = Holder("company", deal.terms.company.name)
    row = PositionEntry("p-co", "company", "COMMON", PositionKind.TRANSFER_IN, 5_000_000, dt.date(2003, 5, 20))
    with_company = replace(deal, holders=(*deal.holders, company), positions=(*deal.positions, row))
    m = majority_count(with_company, ON, ["company"])
    assert m.denominator == TOTAL and m.numerator == 0 and [p.holder_id for p in m.excluded] == ["company"]


def test_exactly_half_is_not_a_majority_and_unknown_ids_are_reported(deal):
    rows = tuple(PositionEntry(f"p{i}", f"h{i}", "D1", PositionKind.ISSUANCE, 10, ON) for i in (1, 2))
    small = replace(deal, holders=(Holder("h1", "One"), Holder("h2", "Two")), positions=rows)
    m = majority_count(small, ON, ["h1", "h-nobody"])
    assert (m.numerator, m.denominator, m.achieved) == (10, 20, False)
    assert m.unknown_ids == ("h-nobody",)


def test_the_count_uses_holdings_on_the_date(deal):
    assert majority_count(deal, dt.date(2003, 5, 6), ["h-xmark-fund"]).denominator == 0

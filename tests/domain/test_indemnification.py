"""Section 5: fee payment dates, the Holder's net-proceeds cap, separate counsel (1)-(4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.indemnification import (
    SEPARATE_COUNSEL_BASES,
    cap_check,
    fee_payment_due,
    holder_cap,
    separate_counsel_at_indemnifying_party_expense,
)
from rra_desktop.domain.model import Claim, ClaimClause, Deal, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal

D = dt.date


@pytest.fixture(scope="module")
def deal() -> Deal:
    def sale(id_, holder, qty, on, proceeds=None):
        return PositionEntry(id_, holder, "COMMON", PositionKind.SALE, -qty, on, net_proceeds=proceeds)

    sales = (
        sale("s1", "h-ota", 10_000, D(2004, 2, 2), Decimal("41500.25")),
        sale("s2", "h-ota", 5_000, D(2004, 3, 2), Decimal("20000")),
        sale("s3", "h-xmark-fund", 1_000, D(2004, 3, 2)),
    )
    base = load_sample_deal()
    return replace(base, positions=base.positions + sales)


def test_fees_are_due_on_the_tenth_business_day_after_notice():
    # Friday January 10, 2025; Martin Luther King, Jr. Day (January 20) is skipped.
    due = fee_payment_due(D(2025, 1, 10), BusinessCalendar())
    assert due.due == D(2025, 1, 27) and due.clause == "5(c)"
    assert "10th Business Day" in due.explanation and "Mon Jan 27, 2025" in due.explanation
    # Thanksgiving 2003 is skipped, the Friday after it is a Business Day.
    assert fee_payment_due(D(2003, 11, 20)).due == D(2003, 12, 5)


def test_holder_cap_is_the_sum_of_net_proceeds(deal):
    cap = holder_cap(deal, "h-ota")
    assert cap.cap == Decimal("61500.25") and len(cap.sales) == 2 and cap.sales_without_proceeds == ()
    assert holder_cap(deal, "h-ota", on=D(2004, 2, 28)).cap == Decimal("41500.25")
    assert holder_cap(deal, "h-ota-nobody").cap == 0


def test_a_sale_without_proceeds_is_flagged(deal):
    cap = holder_cap(deal, "h-xmark-fund")
    assert cap.cap == 0 and len(cap.sales_without_proceeds) == 1 and "understated" in cap.explanation


def test_cap_check_against_exposure(deal):
    claim = Claim("c1", ClaimClause.HOLDER_INDEMNIFIES, "Company", "OTA LLC", "Smith v. Spectrum", holder_id="h-ota",
                  exposure=Decimal("100000"))
    over = cap_check(deal, claim)
    assert over.within_cap is False and over.excess == Decimal("38499.75") and "above the cap" in over.explanation
    under = cap_check(deal, replace(claim, exposure=Decimal("50000")))
    assert under.within_cap is True and under.excess == 0
    company = cap_check(deal, replace(claim, clause=ClaimClause.COMPANY_INDEMNIFIES, holder_id=None))
    assert company.cap is None and company.within_cap is None and "not capped" in company.explanation


def test_separate_counsel_bases():
    assert set(SEPARATE_COUNSEL_BASES) == {1, 2, 3, 4}
    assert "agreed in writing to pay" in SEPARATE_COUNSEL_BASES[1]
    assert "conflict of interest" in SEPARATE_COUNSEL_BASES[4]
    yes, reason = separate_counsel_at_indemnifying_party_expense([4, 3])
    assert yes and reason.index("(3)") < reason.index("(4)")
    no = separate_counsel_at_indemnifying_party_expense(())
    assert not no.at_indemnifying_party_expense and "own expense" in no.reason
    with pytest.raises(ValueError, match=r"^5\(c\) has separate-counsel cases \(1\) to \(4\) only, not \[5, 7\]$"):
        separate_counsel_at_indemnifying_party_expense([7, 2, 5])

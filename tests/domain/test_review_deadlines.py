"""Review of the timed obligations on the sample deal (Closing Wed May 7, 2003), every date
worked by hand on a printed 2003-2005 calendar, and of Rule 144 dates around Feb 15, 2008."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import Claim, ClaimClause, FactKind, FeeNotice, Holder, PositionEntry, PositionKind
from rra_desktop.domain.model import TimelineFact as Fact
from rra_desktop.domain.registration_facts import fold_registration_facts
from rra_desktop.domain.rule144 import RULE_144B, RULE_144K, free_to_sell, rule144_dates
from rra_desktop.sample import load_sample_deal

D = dt.date
T = dt.datetime
SAMPLE = load_sample_deal()
AS_OF = D(2003, 6, 1)


def deadlines(*facts, deal=SAMPLE, as_of=AS_OF, **changes):
    """Deadlines with ``facts`` as the Timeline shows them (a filing or effectiveness folded into
    the registration record, as the services write it)."""
    deal = fold_registration_facts(replace(deal, facts=tuple(facts), **changes))
    return {d.key: d for d in compute_deadlines(deal, as_of)}


def dates(d):
    return d.due, d.act_by, d.extended_to


def test_sample_filing_and_effectiveness_dates():
    got = deadlines()
    # May 7 + 45 = Sat Jun 21, 2003: act by Fri Jun 20 (EDGAR), GCL §25 to Mon Jun 23
    assert dates(got["filing_date"]) == (D(2003, 6, 21), D(2003, 6, 20), D(2003, 6, 23))
    # May 7 + 90 = Tue Aug 5, 2003 (24 days of May, 30 of June, 31 of July, 5 of August)
    assert dates(got["effectiveness_date"]) == (D(2003, 8, 5),) * 3
    assert dates(got["effectiveness_deadline"]) == (D(2003, 8, 5),) * 3
    # 5 Business Days before Fri Jun 20: Jun 19, 18, 17, 16, 13
    assert got["holder_review_copies:initial"].due == D(2003, 6, 13)


@pytest.mark.parametrize(
    ("notices", "due", "trigger"),
    [
        ((D(2003, 7, 28),), D(2003, 8, 4), D(2003, 7, 28)),  # Mon + 5 BD = Mon Aug 4, before Aug 5
        ((D(2003, 7, 25),), D(2003, 8, 1), D(2003, 7, 25)),  # Fri + 5 BD = Fri Aug 1
        ((D(2003, 7, 29),), D(2003, 8, 5), D(2003, 5, 7)),  # Tue + 5 BD = Tue Aug 5: a tie, Aug 5 either way
        ((D(2003, 7, 31),), D(2003, 8, 5), D(2003, 5, 7)),  # Thu + 5 BD = Thu Aug 7: Closing + 90 is earlier
        ((D(2003, 6, 27), D(2003, 7, 1)), D(2003, 7, 7), D(2003, 6, 27)),  # oral notice first: Jul 4 skipped
    ],
)
def test_effectiveness_deadline_is_the_earlier_of_no_review_plus_5_and_closing_plus_90(notices, due, trigger):
    facts = [Fact(f"nr{i}", FactKind.SEC_NO_REVIEW, d) for i, d in enumerate(notices)]
    got = deadlines(*facts)["effectiveness_deadline"]
    assert dates(got) == (due,) * 3
    assert got.trigger_date == trigger


def test_a_filing_at_6_05_pm_on_the_act_by_day_is_flagged_late_but_within_gcl_25():
    got = deadlines(Fact("f", FactKind.RS_FILED, D(2003, 6, 20), at=T(2003, 6, 20, 18, 5)))["filing_date"]
    assert got.status == DeadlineStatus.DONE and got.done_on == D(2003, 6, 23)
    assert "late" in got.explanation and "6:05 p.m." in got.explanation and "GCL §25" in got.explanation
    on_time = deadlines(Fact("f", FactKind.RS_FILED, D(2003, 6, 20), at=T(2003, 6, 20, 17, 29)))["filing_date"]
    assert on_time.done_on == D(2003, 6, 20) and "late" not in on_time.explanation.split("GCL")[-1]


@pytest.mark.parametrize(
    ("effective", "due", "act_by", "extended"),
    [
        # Oct 1, 2003 - Sep 30, 2004 is not a fiscal year: 45 days, Sun Nov 14, 2004; Thu Nov 11 is
        # Veterans Day but Fri Nov 12 is open; GCL §25 carries to Mon Nov 15
        (D(2003, 8, 5), D(2004, 11, 14), D(2004, 11, 12), D(2004, 11, 15)),
        (D(2003, 9, 30), D(2004, 11, 14), D(2004, 11, 12), D(2004, 11, 15)),
        # effective on the first day of a quarter: the first quarter AFTER it starts Jan 1, 2004;
        # calendar 2004 is the fiscal year: 90 days, Thu Mar 31, 2005
        (D(2003, 10, 1), D(2005, 3, 31), D(2005, 3, 31), D(2005, 3, 31)),
        (D(2003, 12, 15), D(2005, 3, 31), D(2005, 3, 31), D(2005, 3, 31)),
        # Apr 1, 2004 - Mar 31, 2005: 45 days = Sun May 15, 2005
        (D(2004, 1, 2), D(2005, 5, 15), D(2005, 5, 13), D(2005, 5, 16)),
    ],
)
def test_earnings_statement_3l(effective, due, act_by, extended):
    got = deadlines(Fact("e", FactKind.RS_EFFECTIVE, effective))["earnings_statement:shelf"]
    assert dates(got) == (due, act_by, extended)


def test_notice_of_effectiveness_over_independence_day():
    # declared effective Thu Jul 3, 2003: Fri Jul 4 is a holiday, so Mon Jul 7 (1), Tue Jul 8 (2)
    got = deadlines(Fact("e", FactKind.RS_EFFECTIVE, D(2003, 7, 3)))["notice_of_effectiveness:shelf"]
    assert dates(got) == (D(2003, 7, 8),) * 3


def test_piggyback_window_from_courier_receipt_with_three_dates():
    # courier sent Fri Jun 27, 2003: deemed received Mon Jun 30 (7(g)(iii)); + 20 days = Sun Jul 20
    notice = Fact("pb", FactKind.PIGGYBACK_NOTICE, D(2003, 6, 27), at=T(2003, 6, 27, 15, 0),
                  holder_id="h-ota", method="courier")
    got = deadlines(notice)["piggyback_response:pb:h-ota"]
    assert got.trigger_date == D(2003, 6, 30)
    assert dates(got) == (D(2003, 7, 20), D(2003, 7, 18), D(2003, 7, 21))


def test_objection_window_from_an_evening_fax_before_a_holiday():
    # fax 5:01 p.m. Thu Jul 3, 2003: deemed given Mon Jul 7 (7(g)(ii)); 3 Business Days: Thu Jul 10
    fact = Fact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 7, 3), at=T(2003, 7, 3, 17, 1), method="fax")
    got = deadlines(fact)["holder_objection_window:rc"]
    assert got.trigger_date == D(2003, 7, 7) and dates(got) == (D(2003, 7, 10),) * 3


def test_fee_payment_over_christmas_and_new_year_2003():
    # notice Fri Dec 19, 2003: Dec 22, 23, 24, 26 (Fed open; only federal offices closed), 29, 30, 31,
    # Jan 2, 5, 6 -> Tue Jan 6, 2004
    claim = Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "Company", "Smith v. Spectrum",
                  fee_notices=(FeeNotice(D(2003, 12, 19), Decimal("12500.00")),))
    got = deadlines(claims=(claim,))["indemnity_fee_payment:c1:1"]
    assert dates(got) == (D(2004, 1, 6),) * 3


def test_certificates_two_business_days_before_a_sale_after_mlk_day():
    # sale Tue Jan 20, 2004; Mon Jan 19 is Martin Luther King Jr. Day: Fri Jan 16 (1), Thu Jan 15 (2)
    got = deadlines(Fact("s", FactKind.PLANNED_SALE, D(2004, 1, 20), holder_id="h-ota"))
    assert dates(got["certificates_before_sale:s"]) == (D(2004, 1, 15),) * 3


def test_blackout_limit_across_the_leap_day():
    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod

    b = BlackoutPeriod("b1", D(2004, 2, 15), None, BlackoutBasis.MNPI, "merger")
    got = deadlines(blackouts=(b,))["blackout_limit:b1"]
    assert dates(got) == (D(2004, 3, 5),) * 3  # Feb 15..29 is 15 days, Mar 1..5 five more


# --- Rule 144 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("acquired", "free", "rule"),
    [
        (D(2006, 2, 14), D(2008, 2, 14), RULE_144K),  # the last day 144(k) could free anyone
        (D(2006, 2, 15), D(2008, 2, 15), RULE_144B),
        (D(2006, 8, 1), D(2008, 2, 15), RULE_144B),  # a year passed before the amendments took effect
        (D(2007, 2, 15), D(2008, 2, 15), RULE_144B),
        (D(2007, 2, 16), D(2008, 2, 16), RULE_144B),
        (D(2004, 2, 29), D(2006, 2, 28), RULE_144K),
    ],
)
def test_free_to_sell_around_the_2008_amendments(acquired, free, rule):
    assert free_to_sell(acquired)[:2] == (free, rule)


def holder_deal(*rows, affiliate=False):
    ledger = tuple(PositionEntry(f"r{i}", "h-x", *r) for i, r in enumerate(rows))
    return replace(SAMPLE, holders=(Holder("h-x", "X Fund", affiliate=affiliate),), positions=ledger)


def test_the_latest_lot_governs_and_dividends_tack():
    deal = holder_deal(
        ("PREF", PositionKind.ISSUANCE, 10, D(2003, 5, 7), D(2003, 5, 7)),
        ("D1", PositionKind.ISSUANCE, 100, D(2003, 5, 7), D(2003, 5, 7)),
        ("COMMON", PositionKind.DIVIDEND, 500, D(2007, 6, 30)),  # tacks to May 7, 2003
        ("D1", PositionKind.EXERCISE_CASH, -100, D(2006, 9, 1)),
        ("COMMON", PositionKind.EXERCISE_CASH, 100, D(2006, 9, 1)),  # new holding period
    )
    by_code = {r.security: r for r in rule144_dates(deal, "h-x")}
    assert (by_code["PREF"].date, by_code["PREF"].rule) == (D(2005, 5, 7), RULE_144K)
    assert (by_code["COMMON"].holding_from, by_code["COMMON"].date) == (D(2006, 9, 1), D(2008, 2, 15))
    end = deadlines(deal=deal, as_of=D(2008, 1, 1))["effectiveness_period_end:h-x"]
    assert end.due == D(2008, 2, 15) and end.status == DeadlineStatus.OPEN
    assert deadlines(deal=deal, as_of=D(2008, 3, 1))["effectiveness_period_end:h-x"].status == DeadlineStatus.DONE


def test_a_transferee_tacks_through_the_acquired_on_the_assignment_row_carries():
    deal = holder_deal(("COMMON", PositionKind.TRANSFER_IN, 1_000, D(2004, 9, 1), D(2003, 5, 7)))
    (only,) = rule144_dates(deal, "h-x")
    assert (only.holding_from, only.date, only.rule) == (D(2003, 5, 7), D(2005, 5, 7), RULE_144K)


def test_an_affiliate_has_no_rule_144_end_date():
    deal = holder_deal(("COMMON", PositionKind.ISSUANCE, 1_000, D(2003, 5, 7), D(2003, 5, 7)), affiliate=True)
    (only,) = rule144_dates(deal, "h-x")
    assert only.date is None and "Affiliate" in only.explanation
    assert deadlines(deal=deal, as_of=D(2010, 1, 1))["effectiveness_period_end:h-x"].due is None


def test_an_effectiveness_time_recorded_in_utc_is_read_in_eastern():
    # declared effective Wed Jul 2, 2003 at 9:00 p.m. EDT = 01:00 UTC Jul 3: 2 Business Days after Jul 2 are
    # Thu Jul 3 and (Jul 4 a holiday) Mon Jul 7
    effective = Fact("e", FactKind.RS_EFFECTIVE, D(2003, 7, 2), at=T(2003, 7, 3, 1, 0, tzinfo=dt.UTC))
    got = deadlines(effective)["notice_of_effectiveness:shelf"]
    assert got.trigger_date == D(2003, 7, 2) and got.due == D(2003, 7, 7)

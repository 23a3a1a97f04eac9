"""How recorded completions are read: a Filing Date completion at a time is dated by EDGAR's
5:30 p.m. cut-off (no other obligation's is), the earliest of several counts, one the notice log
performs is left to the log; and Conversion Shares tack to the latest purchase of Preferred, one
share included (Section 2's Effectiveness Period end, Rule 144(k))."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import Completion, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()  # Closing Wed May 7, 2003: Filing Date Sat Jun 21, act by Fri Jun 20, extended Mon Jun 23
JULY_1 = D(2003, 7, 1)


def deadline(key, *completions, deal=SAMPLE, as_of=JULY_1):
    return {d.key: d for d in compute_deadlines(replace(deal, completions=completions), as_of)}[key]


def test_a_filing_after_the_edgar_cut_off_is_filed_the_next_filing_day():
    at_five = deadline("filing_date", Completion("filing_date", D(2003, 6, 20), done_at=T(2003, 6, 20, 17, 0)))
    assert (at_five.status, at_five.done_on, at_five.late_by) == (DeadlineStatus.DONE, D(2003, 6, 20), None)
    evening = deadline("filing_date", Completion("filing_date", D(2003, 6, 23), done_at=T(2003, 6, 23, 18, 0)))
    assert (evening.done_on, evening.late_by) == (D(2003, 6, 24), 3)  # Tue Jun 24: 3 days after Sat Jun 21
    assert evening.explanation.endswith("; performed Tue Jun 24, 2003: late by 3 days")


def test_the_cut_off_is_the_filings_alone():
    # the review copies are due Mon Jun 9 (5 Business Days before Mon Jun 16); sent that evening, on time
    key = "holder_review_copies:initial"
    d = deadline(key, Completion(key, D(2003, 6, 9), done_at=T(2003, 6, 9, 18, 0)))
    assert (d.due, d.done_on, d.late_by) == (D(2003, 6, 13), D(2003, 6, 9), None)


def test_the_earliest_completion_counts_and_one_the_notice_log_performs_is_not_read_here():
    d = deadline("filing_date", Completion("notice_of_effectiveness:rs-1", D(2003, 6, 1)),
                 Completion("filing_date", D(2003, 6, 18)), Completion("filing_date", D(2003, 6, 25)))
    assert (d.status, d.done_on, d.late_by) == (DeadlineStatus.DONE, D(2003, 6, 18), None)


def test_conversion_shares_tack_to_the_latest_purchase_of_preferred_even_of_one_share():
    # 10 Preferred at the Closing and 1 more Fri Jan 2, 2004, all converted Tue Jun 1, 2004: the Common
    # tacks to Jan 2, 2004, free under 144(k) two years later, Mon Jan 2, 2006
    rows = (PositionEntry("a", "h-t", "PREF", PositionKind.ISSUANCE, 10, D(2003, 5, 7)),
            PositionEntry("b", "h-t", "PREF", PositionKind.ISSUANCE, 1, D(2004, 1, 2)),
            PositionEntry("c", "h-t", "PREF", PositionKind.CONVERSION, -11, D(2004, 6, 1)),
            PositionEntry("d", "h-t", "COMMON", PositionKind.CONVERSION, 46_808, D(2004, 6, 1)))
    deal = replace(SAMPLE, holders=(*SAMPLE.holders, Holder("h-t", "Test Fund LLC")),
                   positions=(*SAMPLE.positions, *rows))
    d = deadline("effectiveness_period_end:h-t", deal=deal, as_of=D(2004, 7, 1))
    assert d.due == D(2006, 1, 2)
    assert "Conversion Shares tack to the purchase of the Preferred on Fri Jan 2, 2004" in d.explanation


def test_a_holder_left_with_one_share_has_not_sold_all():
    # 100 Common bought at the Closing; 99 sold Mon Jan 5, 2004: one share is left, so the Effectiveness
    # Period runs to the Rule 144(k) date, Sat May 7, 2005; selling all ends it on the day of the sale
    def holder_selling(sold):
        rows = (PositionEntry("a", "h-t", "COMMON", PositionKind.ISSUANCE, 100, D(2003, 5, 7)),
                PositionEntry("s", "h-t", "COMMON", PositionKind.SALE, -sold, D(2004, 1, 5)))
        return replace(SAMPLE, holders=(*SAMPLE.holders, Holder("h-t", "Test Fund LLC")),
                       positions=(*SAMPLE.positions, *rows))
    kept = deadline("effectiveness_period_end:h-t", deal=holder_selling(99), as_of=D(2004, 2, 1))
    assert kept.due == D(2005, 5, 7)
    sold = deadline("effectiveness_period_end:h-t", deal=holder_selling(100), as_of=D(2004, 2, 1))
    assert sold.due == D(2004, 1, 5)

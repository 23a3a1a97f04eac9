"""One boundary test per row of DOMAIN.md's "Timed obligations" table: the worked due, act-by and
extended-to dates, and the status on the day before the date in force, on it and the day after;
where an act can be recorded, the act on the last permitted day (on time) and the day after (late).

Dates are worked by hand on the 2003-2005 calendars of the sample deal (Closing Wed May 7, 2003;
Federal Reserve holidays: Jul 4, Labor Day Sep 1, Columbus Day Oct 13, Veterans Day Nov 11,
Thanksgiving Nov 27, Christmas Dec 25, 2003; New Year Jan 1, 2004; Jul 4, 2004 a Sunday, observed
Mon Jul 5)."""

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import (
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    Completion,
    FactKind,
    FeeNotice,
    PiggybackRequest,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal

D = dt.date
T = dt.datetime
S = DeadlineStatus
SAMPLE = load_sample_deal()
DAY = dt.timedelta(days=1)


def deadline(deal, key, as_of):
    found = {d.key: d for d in compute_deadlines(deal, as_of)}
    assert key in found, sorted(found)
    return found[key]


def shelf(filed_at=None, effective_at=None, **more):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=filed_at,
                                 effective_at=effective_at, **more)


def assert_open_then_overdue(deal, key, in_force, after=S.OVERDUE):
    """Open the day before ``in_force`` and on it; ``after`` the day after."""
    assert deadline(deal, key, in_force - DAY).status == S.OPEN
    assert deadline(deal, key, in_force).status == S.OPEN
    assert deadline(deal, key, in_force + DAY).status == after


# --- filing_date: Closing + 45 days, on or before; EDGAR days; GCL §25 ---------------------------

def test_filing_date_dates_and_status_around_the_act_by_date():
    d = deadline(SAMPLE, "filing_date", D(2003, 6, 1))
    assert (d.due, d.act_by, d.extended_to) == (D(2003, 6, 21), D(2003, 6, 20), D(2003, 6, 23))
    assert_open_then_overdue(SAMPLE, "filing_date", D(2003, 6, 20))


@pytest.mark.parametrize(("filed", "late_by"), [
    (T(2003, 6, 20, 17, 30), None),  # the act-by day, at the 5:30 p.m. cut-off
    (T(2003, 6, 23, 12, 0), None),  # GCL §25: Monday after the Saturday due date
    (T(2003, 6, 24, 12, 0), 3),  # a day after the extension: late, counted from the due date
])
def test_filing_on_the_last_day_is_on_time_and_the_day_after_late(filed, late_by):
    deal = replace(SAMPLE, registrations=(shelf(filed),))
    d = deadline(deal, "filing_date", D(2003, 7, 1))
    assert d.status == S.DONE and d.late_by == late_by


def test_filing_after_the_edgar_cut_off_is_deemed_filed_the_next_filing_day():
    deal = replace(SAMPLE, registrations=(shelf(T(2003, 6, 23, 17, 31)),))
    d = deadline(deal, "filing_date", D(2003, 7, 1))
    assert d.done_on == D(2003, 6, 24) and d.late_by == 3


# --- effectiveness_date: Closing + 90 days --------------------------------------------------------

def test_effectiveness_date_is_closing_plus_90_and_overdue_the_day_after():
    d = deadline(SAMPLE, "effectiveness_date", D(2003, 6, 1))
    assert (d.due, d.act_by, d.extended_to) == (D(2003, 8, 5),) * 3
    assert_open_then_overdue(SAMPLE, "effectiveness_date", D(2003, 8, 5))


@pytest.mark.parametrize(("effective", "late_by"), [(T(2003, 8, 5, 16), None), (T(2003, 8, 6, 9), 1)])
def test_effectiveness_on_the_day_is_on_time_and_a_day_later_late(effective, late_by):
    deal = replace(SAMPLE, registrations=(shelf(T(2003, 6, 16, 10), effective),))
    d = deadline(deal, "effectiveness_date", D(2003, 9, 1))
    assert d.status == S.DONE and d.late_by == late_by


# --- effectiveness_deadline: earlier of (no-review + 5 Business Days) and (Closing + 90) ---------

@pytest.mark.parametrize(("no_review", "due"), [
    (D(2003, 7, 1), D(2003, 7, 9)),  # Jul 2, 3, (Jul 4 closed) 7, 8, 9
    (D(2003, 7, 29), D(2003, 8, 5)),  # Jul 30, 31, Aug 1, 4, 5: the two limbs meet
    (D(2003, 7, 30), D(2003, 8, 5)),  # Aug 6 would be later: Closing + 90 governs
])
def test_effectiveness_deadline_takes_the_earlier_limb(no_review, due):
    deal = replace(SAMPLE, facts=(TimelineFact("nr", FactKind.SEC_NO_REVIEW, no_review),),
                   registrations=(shelf(T(2003, 6, 16, 10)),))
    d = deadline(deal, "effectiveness_deadline", D(2003, 7, 1))
    assert d.due == due
    assert_open_then_overdue(deal, "effectiveness_deadline", due)


# --- holder_review_copies: 5 Business Days before an RS, 2 before an amendment/supplement ---------

def test_review_copies_five_business_days_before_the_filing_date():
    d = deadline(SAMPLE, "holder_review_copies:initial", D(2003, 6, 1))
    assert d.due == D(2003, 6, 13)  # Jun 19, 18, 17, 16, 13 before Fri Jun 20
    assert_open_then_overdue(SAMPLE, "holder_review_copies:initial", D(2003, 6, 13))


@pytest.mark.parametrize(("planned", "due"), [
    (D(2003, 9, 10), D(2003, 9, 8)),  # Wed: Tue Sep 9, Mon Sep 8
    (D(2003, 9, 3), D(2003, 8, 29)),  # Wed: Tue Sep 2, (Labor Day) Fri Aug 29
])
def test_review_copies_two_business_days_before_an_amendment(planned, due):
    deal = replace(SAMPLE, facts=(TimelineFact("am", FactKind.AMENDMENT_PLANNED, planned),),
                   registrations=(shelf(T(2003, 6, 16, 10), T(2003, 7, 15, 16)),))
    found = [d for d in compute_deadlines(deal, D(2003, 8, 1)) if d.key.startswith("holder_review_copies:am")]
    assert [d.due for d in found] == [due]


# --- holder_objection_window: 3 Business Days after receipt of the copies -------------------------

@pytest.mark.parametrize(("received", "closes"), [
    (D(2003, 6, 13), D(2003, 6, 18)),  # Fri: Mon 16, Tue 17, Wed 18
    (D(2003, 7, 3), D(2003, 7, 9)),  # Thu: (Jul 4 closed) Mon 7, Tue 8, Wed 9
])
def test_objection_window_three_business_days_after_receipt(received, closes):
    deal = replace(SAMPLE, facts=(TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, received),))
    found = [d for d in compute_deadlines(deal, received) if d.kind == "holder_objection_window"]
    assert [d.due for d in found] == [closes]
    key = found[0].key
    assert deadline(deal, key, closes).status == S.OPEN
    assert deadline(deal, key, closes + DAY).status != S.OPEN


# --- notice_of_effectiveness (7(p)): 2 Business Days after effectiveness --------------------------

EFFECTIVE = replace(SAMPLE, registrations=(shelf(T(2003, 6, 16, 10), T(2003, 8, 28, 16)),))


def test_notice_of_effectiveness_two_business_days_after_over_labor_day():
    d = deadline(EFFECTIVE, "notice_of_effectiveness:rs-1", D(2003, 8, 28))
    assert d.due == D(2003, 9, 2)  # Fri Aug 29, (Labor Day) Tue Sep 2
    assert_open_then_overdue(EFFECTIVE, "notice_of_effectiveness:rs-1", D(2003, 9, 2))


@pytest.mark.parametrize(("sent", "late_by"), [
    (D(2003, 8, 28), None),  # on the effective day itself
    (D(2003, 9, 2), None),
    (D(2003, 9, 3), 1),
])
def test_notice_of_effectiveness_sent_from_the_effective_day_is_on_time(sent, late_by):
    deal = replace(EFFECTIVE, completions=(Completion("notice_of_effectiveness:rs-1", sent),))
    d = deadline(deal, "notice_of_effectiveness:rs-1", D(2003, 9, 30))
    assert d.status == S.DONE and d.done_on == sent and d.late_by == late_by


# --- certificates_before_sale (3(i)): 2 Business Days before a Holder's planned sale -------------

def test_certificates_two_business_days_before_a_sale_over_the_observed_fourth():
    deal = replace(EFFECTIVE, facts=(TimelineFact("ps", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-ota"),))
    found = [d for d in compute_deadlines(deal, D(2004, 6, 1)) if d.kind == "certificates_before_sale"]
    assert [d.due for d in found] == [D(2004, 7, 1)]  # (Mon Jul 5 observed) Fri Jul 2, Thu Jul 1
    assert_open_then_overdue(deal, found[0].key, D(2004, 7, 1))


# --- earnings_statement (3(l)) ---------------------------------------------------------------------

@pytest.mark.parametrize(("effective", "due"), [
    (T(2003, 8, 28, 16), D(2004, 11, 14)),  # Oct 1, 2003 - Sep 30, 2004, + 45 days
    (T(2003, 10, 1, 16), D(2005, 3, 31)),  # strictly after: Jan 1 - Dec 31, 2004 (year end), + 90
    (T(2003, 9, 30, 16), D(2004, 11, 14)),  # the day before a quarter begins: that quarter
])
def test_earnings_statement_period_and_due_date(effective, due):
    deal = replace(SAMPLE, registrations=(shelf(T(2003, 6, 16, 10), effective),))
    found = [d for d in compute_deadlines(deal, D(2004, 1, 1)) if d.kind == "earnings_statement"]
    assert [d.due for d in found] == [due]


# --- blackout_limit (3(n)): the 20th day from the start -------------------------------------------

def test_blackout_limit_is_the_twentieth_day_counted_from_the_start():
    deal = replace(EFFECTIVE, blackouts=(BlackoutPeriod("b1", D(2003, 9, 2), None, BlackoutBasis.MNPI, "talks"),))
    d = deadline(deal, "blackout_limit:b1", D(2003, 9, 2))
    assert d.due == D(2003, 9, 21)
    assert_open_then_overdue(deal, "blackout_limit:b1", D(2003, 9, 21))


def test_a_blackout_ended_on_its_twentieth_day_is_within_the_limit():
    ended = BlackoutPeriod("b1", D(2003, 9, 2), D(2003, 9, 21), BlackoutBasis.MNPI, "talks")
    d = deadline(replace(EFFECTIVE, blackouts=(ended,)), "blackout_limit:b1", D(2003, 10, 1))
    assert d.status == S.DONE and d.late_by is None


# --- piggyback_response (7(d)): 20 days after receipt ---------------------------------------------

def piggyback(requested_on=None):
    deal = replace(
        SAMPLE,
        registrations=(RegistrationStatement("co-1", RegistrationKind.COMPANY_REGISTRATION,
                                             filed_at=T(2004, 4, 1, 10)),),
        facts=(TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), method="courier", holder_id="h-ota",
                            registration_id="co-1"),),
    )
    if requested_on is not None:
        deal = replace(deal, piggyback_requests=(PiggybackRequest("r1", "co-1", "h-ota", 1000, requested_on),))
    return deal


def test_piggyback_window_twenty_days_after_courier_receipt():
    found = [d for d in compute_deadlines(piggyback(), D(2004, 3, 1)) if d.kind == "piggyback_response"]
    assert [d.due for d in found] == [D(2004, 3, 22)]  # courier: given Tue Mar 2; + 20 days


@pytest.mark.parametrize(("requested", "late"), [(D(2004, 3, 1), False), (D(2004, 3, 22), False),
                                                 (D(2004, 3, 23), True)])
def test_a_request_on_the_notice_day_or_the_last_day_is_timely(requested, late):
    found = [d for d in compute_deadlines(piggyback(requested), D(2004, 4, 1)) if d.kind == "piggyback_response"]
    assert len(found) == 1
    assert (found[0].late_by is not None) == late


# --- indemnity_fee_payment (5(c)): 10 Business Days after the fee notice --------------------------

def fee_claim(**notice):
    return replace(SAMPLE, claims=(Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "company", "Smith v. Co.",
                                         fee_notices=(FeeNotice(amount=1000, **notice),)),))


def test_fee_payment_ten_business_days_over_the_holidays():
    deal = fee_claim(on=D(2003, 12, 19), received_on=D(2003, 12, 19))
    found = [d for d in compute_deadlines(deal, D(2003, 12, 19)) if d.kind == "indemnity_fee_payment"]
    # Dec 22, 23, 24, (25) 26, 29, 30, 31, (Jan 1) 2, 5, 6
    assert [d.due for d in found] == [D(2004, 1, 6)]
    assert_open_then_overdue(deal, found[0].key, D(2004, 1, 6))


def test_fee_notice_faxed_after_five_counts_from_the_next_business_day():
    deal = fee_claim(on=D(2003, 6, 13), method="fax", sent_at=T(2003, 6, 13, 17, 30))
    found = [d for d in compute_deadlines(deal, D(2003, 6, 13)) if d.kind == "indemnity_fee_payment"]
    assert [d.due for d in found] == [D(2003, 6, 30)]  # given Mon Jun 16; 17 ... 27, 30


@pytest.mark.parametrize(("paid", "late"), [(D(2004, 1, 6), False), (D(2004, 1, 7), True)])
def test_fees_paid_on_the_tenth_business_day_are_on_time(paid, late):
    deal = fee_claim(on=D(2003, 12, 19), received_on=D(2003, 12, 19), paid_on=paid)
    found = [d for d in compute_deadlines(deal, D(2004, 2, 1)) if d.kind == "indemnity_fee_payment"]
    assert found[0].status == S.DONE and (found[0].late_by is not None) == late


# --- effectiveness_period_end (2): a Holder's Rule 144(k) date, ending itself ---------------------

def holder_with(*lots):
    from rra_desktop.domain.model import Holder, PositionEntry, PositionKind

    rows = tuple(PositionEntry(f"p{n}", "h-x", "PREF", PositionKind.ISSUANCE, qty, on, on)
                 for n, (qty, on) in enumerate(lots))
    return replace(SAMPLE, holders=(Holder("h-x", "X Fund"),), positions=rows)


def test_effectiveness_period_ends_on_its_own_day_and_is_done_the_day_after():
    deal = holder_with((10, D(2003, 5, 7)))
    d = deadline(deal, "effectiveness_period_end:h-x", D(2005, 5, 6))
    assert d.due == D(2005, 5, 7)
    assert_open_then_overdue(deal, "effectiveness_period_end:h-x", D(2005, 5, 7), after=S.DONE)
    assert deadline(deal, "effectiveness_period_end:h-x", D(2005, 5, 8)).done_on == D(2005, 5, 7)


def test_the_latest_preferred_lot_governs_the_holders_period():
    deal = holder_with((10, D(2003, 5, 7)), (5, D(2003, 9, 2)), (1, D(2003, 6, 30)))
    assert deadline(deal, "effectiveness_period_end:h-x", D(2004, 1, 1)).due == D(2005, 9, 2)

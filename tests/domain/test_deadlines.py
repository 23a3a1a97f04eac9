"""Deadlines of DOMAIN.md's table, with worked dates on the sample deal (Closing May 7, 2003)."""

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
from rra_desktop.domain.obligations import ObligationKind
from rra_desktop.domain.parties import COMPANY, Role
from rra_desktop.domain.registration_facts import fold_registration_facts
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()
S = DeadlineStatus


AS_OF = D(2003, 6, 1)


def by_key(deal, as_of=AS_OF):
    return {d.key: d for d in compute_deadlines(deal, as_of)}


def with_facts(*facts, **more):
    """The sample with ``facts`` as the Timeline shows them (a filing or effectiveness becomes the
    registration record's, as the services write it)."""
    return fold_registration_facts(replace(SAMPLE, facts=tuple(facts), **more))


def shelf(filed_at=None, effective_at=None):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=filed_at, effective_at=effective_at)


def test_sample_filing_date_keeps_three_dates():
    d = by_key(SAMPLE)["filing_date"]
    assert (d.due, d.act_by, d.extended_to) == (D(2003, 6, 21), D(2003, 6, 20), D(2003, 6, 23))
    assert d.in_force == D(2003, 6, 20)
    assert d.explanation == ("Closing Date Wed May 7, 2003 + 45 calendar days = Sat Jun 21, 2003; last EDGAR filing "
                             "day on or before: Fri Jun 20, 2003; GCL §25 extension: Mon Jun 23, 2003")
    assert d.status == S.OPEN and d.party.roles == (COMPANY,) and str(d.party) == "Company" and d.clause == "1, 2, 3(a)"
    assert '"Filing Date" means the 45th day following the Closing Date.' in d.clause_text
    assert d.calendar == "EDGAR filing days" and d.trigger_date == D(2003, 5, 7)


def test_sample_effectiveness_date_and_deadline():
    ds = by_key(SAMPLE)
    e = ds["effectiveness_date"]
    assert (e.due, e.act_by, e.extended_to) == (D(2003, 8, 5),) * 3  # a Tuesday: nothing to roll
    assert e.calendar == "Federal Reserve holidays"
    assert ds["effectiveness_deadline"].due == D(2003, 8, 5)


def test_sample_review_copies_counted_back_from_filing_date():
    d = by_key(SAMPLE)["holder_review_copies:initial"]
    assert d.due == D(2003, 6, 13) and d.act_by == d.due == d.extended_to


def test_every_table_row_is_produced():
    deal = with_facts(
        TimelineFact("nr", FactKind.SEC_NO_REVIEW, D(2003, 7, 1)),
        TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 13)),
        TimelineFact("am", FactKind.AMENDMENT_PLANNED, D(2003, 9, 10)),
        TimelineFact("ps", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-ota"),
        TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), method="courier", holder_id="h-ota"),
        registrations=(shelf(dt.datetime(2003, 6, 20, 10), dt.datetime(2003, 8, 28, 16)),),
        blackouts=(BlackoutPeriod("b1", D(2003, 9, 2), None, BlackoutBasis.MNPI, "deal talks"),),
        claims=(Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "company", "Smith v. Spectrum",
                      fee_notices=(FeeNotice(D(2003, 12, 19), 1000),)),),
    )
    kinds = {d.kind for d in compute_deadlines(deal, D(2003, 6, 1))}
    assert kinds == set(ObligationKind)  # every entry of the registry


@pytest.mark.parametrize(("as_of", "status"), [(D(2003, 6, 20), S.OPEN), (D(2003, 6, 21), S.OVERDUE)])
def test_status_as_of(as_of, status):
    assert by_key(SAMPLE, as_of)["filing_date"].status == status


def test_filing_after_cutoff_on_act_by_day_is_late_but_within_gcl_25():
    d = by_key(replace(SAMPLE, registrations=(shelf(dt.datetime(2003, 6, 20, 18, 5)),)), D(2003, 7, 1))["filing_date"]
    assert d.status == S.DONE and d.done_on == D(2003, 6, 23)
    assert "6:05 p.m." in d.explanation and "late" in d.explanation and "GCL §25" in d.explanation


def test_filing_fact_on_time():
    deal = with_facts(TimelineFact("f", FactKind.RS_FILED, D(2003, 6, 18), at=dt.datetime(2003, 6, 18, 15, 0)))
    d = by_key(deal, D(2003, 7, 1))["filing_date"]
    assert d.status == S.DONE and d.done_on == D(2003, 6, 18) and "on time" in d.explanation


def test_no_review_notice_brings_the_effectiveness_deadline_forward():
    # Tue Jul 1, 2003 + 5 Business Days, skipping Independence Day: Wed Jul 9
    d = by_key(with_facts(TimelineFact("nr", FactKind.SEC_NO_REVIEW, D(2003, 7, 1))))["effectiveness_deadline"]
    assert d.due == D(2003, 7, 9) and d.trigger_date == D(2003, 7, 1)
    late = by_key(with_facts(TimelineFact("nr", FactKind.SEC_NO_REVIEW, D(2003, 8, 1))))["effectiveness_deadline"]
    assert late.due == D(2003, 8, 5) and "earlier than" in late.explanation


def test_notice_of_effectiveness_thursday_before_monday_holiday():
    # declared effective Thu Aug 28, 2003; Labor Day Mon Sep 1: 2 Business Days -> Tue Sep 2
    deal = replace(SAMPLE, registrations=(shelf(dt.datetime(2003, 6, 18, 9), dt.datetime(2003, 8, 28, 16, 30)),))
    ds = by_key(deal, D(2003, 9, 1))
    n = ds["notice_of_effectiveness:rs-1"]
    assert n.due == n.act_by == n.extended_to == D(2003, 9, 2) and n.status == S.OPEN
    assert ds["effectiveness_date"].status == S.DONE and ds["effectiveness_date"].done_on == D(2003, 8, 28)


def test_earnings_statement_periods():
    deal = replace(SAMPLE, registrations=(shelf(dt.datetime(2003, 6, 18, 9), dt.datetime(2003, 8, 5, 9)),))
    e = by_key(deal)["earnings_statement:rs-1"]
    # first fiscal quarter after Aug 5, 2003 begins Oct 1, 2003; 12 months end Thu Sep 30, 2004; + 45 days
    assert e.due == D(2004, 11, 14)  # a Sunday
    assert e.act_by == D(2004, 11, 12)  # Thu Nov 11 is Veterans Day but Fri Nov 12 is open
    assert e.extended_to == D(2004, 11, 15)
    deal = replace(SAMPLE, registrations=(shelf(dt.datetime(2003, 6, 18, 9), dt.datetime(2003, 12, 15, 9)),))
    e = by_key(deal)["earnings_statement:rs-1"]
    assert e.due == D(2005, 3, 31)  # a fiscal year (2004) ends Dec 31, 2004: 90 days


def test_objection_window_counts_from_deemed_receipt():
    # fax at 5:30 p.m. Fri Jun 13, 2003: deemed given Mon Jun 16 under 7(g)(ii); + 3 BD = Thu Jun 19
    fact = TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 13), at=dt.datetime(2003, 6, 13, 17, 30),
                        method="fax")
    d = by_key(with_facts(fact))["holder_objection_window:rc"]
    assert d.trigger_date == D(2003, 6, 16) and d.due == D(2003, 6, 19)
    assert "7(g)(ii)" in d.explanation


def test_certificates_before_sale_skip_observed_holiday():
    fact = TimelineFact("ps", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-ota")
    d = by_key(with_facts(fact))["certificates_before_sale:ps"]
    assert d.due == D(2004, 7, 1) and d.holder_id == "h-ota"  # Mon Jul 5 closed (July 4th on Sunday)


def test_piggyback_per_holder_from_receipt():
    fax = TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=dt.datetime(2004, 3, 1, 16, 30),
                       method="fax", holder_id="h-ota", registration_id="rs-co")
    d = by_key(with_facts(fax), D(2004, 3, 2))["piggyback_response:pb:h-ota"]
    assert d.trigger_date == D(2004, 3, 1) and d.due == D(2004, 3, 21)  # a Sunday
    assert (d.act_by, d.extended_to) == (D(2004, 3, 19), D(2004, 3, 22))
    done = by_key(with_facts(fax, piggyback_requests=(PiggybackRequest("r", "rs-co", "h-ota", 100, D(2004, 3, 10)),)))
    assert done["piggyback_response:pb:h-ota"].status == S.DONE
    lapsed = by_key(with_facts(fax), D(2004, 4, 1))["piggyback_response:pb:h-ota"]
    assert lapsed.status == S.OVERDUE and "lapsed" in lapsed.explanation


def test_piggyback_by_mail_waits_for_receipt_and_goes_to_every_holder():
    mail = TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=dt.datetime(2004, 3, 1, 10), method="mail")
    ds = [d for d in compute_deadlines(with_facts(mail), D(2004, 3, 2)) if d.kind == "piggyback_response"]
    assert len(ds) == len(SAMPLE.holders)
    assert all(d.status == S.NOT_YET_TRIGGERED and d.due is None for d in ds)
    received = replace(mail, received_on=D(2004, 3, 4))
    ds = [d for d in compute_deadlines(with_facts(received), D(2004, 3, 2)) if d.kind == "piggyback_response"]
    assert {d.due for d in ds} == {D(2004, 3, 24)}


def test_blackout_limit():
    b = BlackoutPeriod("b1", D(2003, 9, 2), D(2003, 9, 25), BlackoutBasis.MNPI, "deal talks")
    d = by_key(replace(SAMPLE, blackouts=(b,)), D(2003, 10, 1))["blackout_limit:b1"]
    assert d.due == d.act_by == d.extended_to == D(2003, 9, 21)  # a Sunday, not rolled: a limit
    assert d.status == S.DONE and "4 days over" in d.explanation
    running = replace(b, end=None)
    assert by_key(replace(SAMPLE, blackouts=(running,)), D(2003, 9, 22))["blackout_limit:b1"].status == S.OVERDUE
    advice = replace(b, basis=BlackoutBasis.SUSPENSION_EVENT)
    # a 3(m)(iii) suspension counts toward the 20-day cap: the same "must end by" date (Sep 21)
    suspended = by_key(replace(SAMPLE, blackouts=(advice,)), D(2003, 9, 22))["blackout_limit:b1"]
    assert suspended.in_force == D(2003, 9, 21) and suspended.title.startswith("3(m)(iii) suspension must end")


def test_indemnity_fee_payment_over_the_holidays():
    # Fri Dec 19, 2003 + 10 Business Days, skipping Christmas and New Year's Day: Tue Jan 6, 2004
    claim = Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "company", "Smith v. Spectrum",
                  fee_notices=(FeeNotice(D(2003, 12, 19), 1000), FeeNotice(D(2004, 1, 5), 500, paid_on=D(2004, 1, 9))))
    ds = by_key(replace(SAMPLE, claims=(claim,)), D(2004, 1, 8))
    first, second = ds["indemnity_fee_payment:c1:1"], ds["indemnity_fee_payment:c1:2"]
    assert first.due == D(2004, 1, 6) and first.status == S.OVERDUE and first.claim_id == "c1"
    assert str(first.party).startswith("Company") and first.party.has(Role.COMPANY)
    assert second.status == S.DONE and second.done_on == D(2004, 1, 9)


def test_completion_marks_done():
    deal = replace(SAMPLE, completions=(Completion("holder_review_copies:initial", D(2003, 6, 12)),))
    d = by_key(deal, D(2003, 7, 1))["holder_review_copies:initial"]
    assert d.status == S.DONE and d.done_on == D(2003, 6, 12)


def test_no_closing_date_means_not_yet_triggered():
    deal = replace(SAMPLE, terms=replace(SAMPLE.terms, closing_date=None))
    d = by_key(deal)["filing_date"]
    assert d.status == S.NOT_YET_TRIGGERED and d.due is None and d.in_force is None
    assert "Closing Date" in d.explanation


def test_recomputation_is_pure_and_moves_dependents():
    assert compute_deadlines(SAMPLE, D(2003, 6, 1)) == compute_deadlines(SAMPLE, D(2003, 6, 1))
    later = replace(SAMPLE, terms=replace(SAMPLE.terms, closing_date=D(2003, 5, 9)))
    ds = by_key(later)
    assert ds["filing_date"].due == D(2003, 6, 23) and ds["effectiveness_date"].due == D(2003, 8, 7)


def test_new_york_strict_calendar_is_named_and_used():
    terms = replace(SAMPLE.terms, calendar="new_york_strict", closure_days=(D(2003, 8, 14),))
    fact = TimelineFact("ps", FactKind.PLANNED_SALE, D(2004, 2, 13), holder_id="h-ota")
    d = by_key(replace(SAMPLE, terms=terms, facts=(fact,)))["certificates_before_sale:ps"]
    assert d.due == D(2004, 2, 10)  # Lincoln's Birthday (Thu Feb 12) is not a Business Day here
    assert d.calendar == "Federal Reserve + New York State legal holidays + 1 ad hoc closure"


@pytest.mark.parametrize(
    ("sent", "receipt"),
    [
        # Mon Apr 5, 2004, the day after clocks went forward: 1:30 p.m. Pacific = 4:30 p.m. Eastern -> same day
        (dt.datetime(2004, 4, 5, 13, 30), D(2004, 4, 5)),
        # 2:30 p.m. Pacific = 5:30 p.m. Eastern: after 5:00 p.m. -> next Business Day
        (dt.datetime(2004, 4, 5, 14, 30), D(2004, 4, 6)),
        # Mon Nov 1, 2004, the day after clocks went back: 1:30 p.m. Pacific is still 4:30 p.m. Eastern
        (dt.datetime(2004, 11, 1, 13, 30), D(2004, 11, 1)),
    ],
)
def test_piggyback_fax_from_california_in_dst_change_weeks(sent, receipt):
    from zoneinfo import ZoneInfo

    pacific = sent.replace(tzinfo=ZoneInfo("America/Los_Angeles"))
    fax = TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, sent.date(), at=pacific, method="fax", holder_id="h-ota")
    d = by_key(with_facts(fax), D(2004, 3, 1))["piggyback_response:pb:h-ota"]
    assert d.trigger_date == receipt and d.due == receipt + dt.timedelta(days=20)

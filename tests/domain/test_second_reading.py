"""DOMAIN.md "Second reading", worked on the sample deal (Closing Wed May 7, 2003): fiscal years,
late 7(d) requests, 3(a) copies furnished, 5(c) under 7(g), the cutback's tie, majority counts
on an assignment's effective date, late performance, 3(m)(iii) limits, same-facts gaps."""

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from rra_desktop.domain.blackouts import check_blackouts, short_gaps
from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.majority import majority_count
from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    FactKind,
    FeeNotice,
    Holder,
    Instrument,
    InstrumentKind,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.domain.notices import deemed_given
from rra_desktop.domain.obligations.registration import first_quarter_after
from rra_desktop.domain.piggyback import counted_for, registration_cutback, rule144_free_shares
from rra_desktop.sample import load_sample_deal

D = dt.date
T = dt.datetime
SAMPLE = load_sample_deal()
S = DeadlineStatus
PACIFIC = ZoneInfo("America/Los_Angeles")


def by_key(deal, as_of):
    return {d.key: d for d in compute_deadlines(deal, as_of)}


def shelf(filed_at=None, effective_at=None, shares=0):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=filed_at,
                                 effective_at=effective_at, shares_registered=shares)


# Fiscal years -------------------------------------------------------------------------------

def test_a_february_28_year_end_does_not_drift_after_a_leap_year():
    assert first_quarter_after(D(2005, 8, 5), 2, 28) == D(2005, 9, 1)  # not Sun Aug 28


def test_a_february_29_year_end_is_the_last_day_of_february():
    assert first_quarter_after(D(2005, 8, 5), 2, 29) == D(2005, 9, 1)
    assert first_quarter_after(D(2004, 2, 10), 2, 29) == D(2004, 3, 1)
    terms = replace(SAMPLE.terms, fiscal_year_end_month=2, fiscal_year_end_day=29)
    deal = replace(SAMPLE, terms=terms, registrations=(shelf(T(2003, 6, 18, 9), T(2004, 2, 10, 9)),))
    d = by_key(deal, D(2004, 3, 1))["earnings_statement:rs-1"]
    # Mar 1, 2004 - Feb 28, 2005 is a fiscal year (Feb 28 is the last day of February 2005): 90 days
    assert d.due == D(2005, 5, 29) and d.act_by == D(2005, 5, 27) and "a fiscal year" in d.explanation


def test_a_february_29_year_end_no_longer_breaks_the_docket():
    terms = replace(SAMPLE.terms, fiscal_year_end_month=2, fiscal_year_end_day=29)
    deal = replace(SAMPLE, terms=terms, registrations=(shelf(T(2003, 6, 18, 9), T(2005, 8, 5, 9)),))
    d = by_key(deal, D(2005, 8, 6))["earnings_statement:rs-1"]
    assert "begins Thu Sep 1, 2005" in d.explanation and d.due == D(2006, 10, 15)


# Effectiveness on EDGAR days ------------------------------------------------------------------

def test_the_effectiveness_act_by_date_is_a_day_the_commission_is_open():
    # Closing Sat Mar 13, 2004 + 90 days = Fri Jun 11, 2004, the national day of mourning for
    # President Reagan: banks open (a Business Day), EDGAR closed: act by Thu Jun 10
    deal = replace(SAMPLE, terms=replace(SAMPLE.terms, closing_date=D(2004, 3, 13)))
    d = by_key(deal, D(2004, 6, 1))["effectiveness_date"]
    assert d.due == D(2004, 6, 11) and d.act_by == D(2004, 6, 10) and "Commission is closed" in d.explanation


def test_the_effectiveness_act_by_date_steps_back_over_a_bank_closure_too():
    # as above, with the banks closed by order on Thu Jun 10, 2004 (a closure the deal records): the
    # Commission is open that day but it is no Business Day, so act by Wed Jun 9
    terms = replace(SAMPLE.terms, closing_date=D(2004, 3, 13), closure_days=(D(2004, 6, 10),))
    d = by_key(replace(SAMPLE, terms=terms), D(2004, 6, 1))["effectiveness_date"]
    assert (d.due, d.act_by, d.extended_to) == (D(2004, 6, 11), D(2004, 6, 9), D(2004, 6, 11))
    assert d.calendar == "Federal Reserve holidays + 1 ad hoc closure"
    assert d.explanation == ("Closing Date Sat Mar 13, 2004 + 90 calendar days = Fri Jun 11, 2004; the Commission is "
                             "closed on Fri Jun 11, 2004 (National Day of Mourning for President Ronald Reagan): act "
                             "by Wed Jun 9, 2004")


# 7(d) ------------------------------------------------------------------------------------------

REG = RegistrationStatement("rs-2", RegistrationKind.COMPANY_REGISTRATION, underwritten=True, underwriter_limit=15)
NOTICE = TimelineFact("pn", FactKind.PIGGYBACK_NOTICE, D(2003, 9, 5), at=T(2003, 9, 5, 10), method="fax",
                      registration_id="rs-2")
ALPHA = Holder("h-z-alpha", "Alpha Fund LLC")


def piggyback_deal(*requests, registrations=(REG,)):
    return replace(SAMPLE, holders=(*SAMPLE.holders, ALPHA), registrations=registrations, facts=(NOTICE,),
                   piggyback_requests=requests)


def test_a_late_request_is_late_not_done_and_left_out_of_the_cutback():
    # fax Fri Sep 5, 2003 10:00 a.m.: given that day; 20 days: Thu Sep 25. A request of Mon Oct 20 is late
    deal = piggyback_deal(PiggybackRequest("r1", "rs-2", "h-ota", 10, D(2003, 10, 20)),
                          PiggybackRequest("r2", "rs-2", "h-z-alpha", 10, D(2003, 9, 20)))
    ds = by_key(deal, D(2003, 10, 21))
    late = ds["piggyback_response:pn:h-ota"]
    assert late.status == S.OVERDUE and late.late_by == 25 and "came late by 25 days" in late.explanation
    assert ds["piggyback_response:pn:h-z-alpha"].status == S.DONE
    assert registration_cutback(deal, "rs-2").as_dict() == {"h-ota": 0, "h-z-alpha": 10}
    (ota,) = [c for c in counted_for(deal, "rs-2") if c.holder_id == "h-ota"]
    assert ota.late == 10 and ota.counted == 0 and "Thu Sep 25, 2003" in ota.why


def test_an_accepted_late_request_counts_and_is_not_a_late_finding():
    deal = piggyback_deal(PiggybackRequest("r1", "rs-2", "h-ota", 10, D(2003, 10, 20),
                                           late_accepted_on=D(2003, 10, 21)),
                          PiggybackRequest("r2", "rs-2", "h-z-alpha", 10, D(2003, 9, 20)))
    d = by_key(deal, D(2003, 10, 22))["piggyback_response:pn:h-ota"]
    assert d.status == S.DONE and d.late_by is None and "accepted" in d.explanation


def test_two_late_requests_on_one_day_one_accepted_are_covered_not_a_crash():
    # Two requests by OTA, both Mon Oct 20 (the window closed Thu Sep 25): the Company accepted one
    # of them on Oct 21. The accepted one covers the window; ordering them must not compare a date
    # with a missing acceptance date.
    deal = piggyback_deal(PiggybackRequest("r1", "rs-2", "h-ota", 10, D(2003, 10, 20)),
                          PiggybackRequest("r3", "rs-2", "h-ota", 5, D(2003, 10, 20),
                                           late_accepted_on=D(2003, 10, 21)),
                          PiggybackRequest("r2", "rs-2", "h-z-alpha", 10, D(2003, 9, 20)))
    d = by_key(deal, D(2003, 10, 22))["piggyback_response:pn:h-ota"]
    assert d.status == S.DONE and d.late_by is None and "accepted" in d.explanation


def test_cutback_ties_go_by_name_not_record_id():
    deal = piggyback_deal(PiggybackRequest("r1", "rs-2", "h-ota", 10, D(2003, 9, 20)),
                          PiggybackRequest("r2", "rs-2", "h-z-alpha", 10, D(2003, 9, 20)))
    assert registration_cutback(deal, "rs-2").as_dict() == {"h-ota": 7, "h-z-alpha": 8}


def test_no_piggyback_window_while_an_effective_shelf_covers_everything():
    covering = shelf(T(2003, 6, 18, 9), T(2003, 8, 1, 9), shares=4_967_600)
    deal = piggyback_deal(registrations=(covering, REG))
    ds = by_key(deal, D(2003, 9, 6))
    d = ds["piggyback_response:pn"]
    assert d.status == S.NOT_APPLICABLE and "registers 4,967,600 shares against 3,967,656" in d.explanation
    assert not [k for k in ds if k.startswith("piggyback_response:pn:")]
    waiver = Instrument("i-1", InstrumentKind.WAIVER, "7(f)", D(2003, 9, 5), "Holders waive the notice",
                        deadline_key="piggyback_response:pn")
    waived = by_key(replace(deal, instruments=(waiver,)), D(2003, 9, 6))["piggyback_response:pn"]
    assert waived.status == S.NOT_APPLICABLE and waived.instrument == waiver  # the record is kept beside it
    short = replace(covering, shares_registered=1_000_000)
    assert by_key(piggyback_deal(registrations=(short, REG)), D(2003, 9, 6))["piggyback_response:pn:h-ota"]


def test_rule_144_shares_come_from_the_products_own_dates():
    # OTA's 10 preferred (42,553 Conversion Shares) are free under 144(k) two years after May 7, 2003
    assert rule144_free_shares(SAMPLE, "h-ota", D(2005, 5, 6))[0] == 0
    free, rule = rule144_free_shares(SAMPLE, "h-ota", D(2005, 5, 7))
    assert free == 42_553 and rule == "Rule 144(k)"
    free, rule = rule144_free_shares(SAMPLE, "h-ota", D(2008, 3, 1))
    assert free == 42_553


# 3(a) review copies furnished ---------------------------------------------------------------------

def test_review_copies_recorded_as_received_clear_the_obligation():
    # fax Fri Jun 6, 2003 11:00 a.m., shelf filed Mon Jun 16: 5 Business Days before is Mon Jun 9
    copies = TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 6), at=T(2003, 6, 6, 11), method="fax")
    deal = replace(SAMPLE, facts=(copies,), registrations=(shelf(T(2003, 6, 16, 10)),))
    d = by_key(deal, D(2003, 6, 17))["holder_review_copies:initial"]
    assert d.due == D(2003, 6, 9) and d.status == S.DONE and d.done_on == D(2003, 6, 6) and d.late_by is None


def test_review_copies_received_late_are_done_late():
    copies = TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 11), at=T(2003, 6, 11, 11), method="fax")
    deal = replace(SAMPLE, facts=(copies,), registrations=(shelf(T(2003, 6, 16, 10)),))
    d = by_key(deal, D(2003, 6, 17))["holder_review_copies:initial"]
    assert d.status == S.DONE and d.late_by == 2


# 5(c) under 7(g) ----------------------------------------------------------------------------------

def claim(*notices):
    return Claim("c-1", ClaimClause.COMPANY_INDEMNIFIES, "OTA LLC", "Company", "Smith v. Spectrum",
                 fee_notices=notices)


def test_a_fee_notice_faxed_at_5_30_pm_on_friday_is_given_monday():
    notice = FeeNotice(D(2003, 6, 13), amount=1, method="fax", sent_at=T(2003, 6, 13, 17, 30))
    d = by_key(replace(SAMPLE, claims=(claim(notice),)), D(2003, 6, 14))["indemnity_fee_payment:c-1:1"]
    assert d.trigger_date == D(2003, 6, 16) and d.due == D(2003, 6, 30) and "7(g)(ii)" in d.explanation


def test_a_fee_notice_without_method_counts_from_its_date():
    d = by_key(replace(SAMPLE, claims=(claim(FeeNotice(D(2003, 6, 13), 1)),)), D(2003, 6, 14))
    assert d["indemnity_fee_payment:c-1:1"].due == D(2003, 6, 27)


def test_fee_notice_across_the_daylight_saving_changes():
    # Fri Oct 24, 2003 2:30 p.m. Pacific daylight time = 5:30 p.m. Eastern: given Mon Oct 27, due Mon Nov 10
    oct24 = FeeNotice(D(2003, 10, 24), 1, method="fax", sent_at=T(2003, 10, 24, 14, 30, tzinfo=PACIFIC))
    # Mon Oct 27, after the change back: 1:30 p.m. Pacific standard = 4:30 p.m. Eastern: given that day
    oct27 = FeeNotice(D(2003, 10, 27), 1, method="fax", sent_at=T(2003, 10, 27, 13, 30, tzinfo=PACIFIC))
    # Mon Apr 7, 2003, the day after spring forward: 2:30 p.m. PDT = 5:30 p.m. EDT: given Tue Apr 8
    apr7 = FeeNotice(D(2003, 4, 7), 1, method="fax", sent_at=T(2003, 4, 7, 14, 30, tzinfo=PACIFIC))
    ds = by_key(replace(SAMPLE, claims=(claim(oct24, oct27, apr7),)), D(2003, 4, 1))
    assert ds["indemnity_fee_payment:c-1:1"].trigger_date == D(2003, 10, 27)
    assert ds["indemnity_fee_payment:c-1:1"].due == D(2003, 11, 10)
    assert ds["indemnity_fee_payment:c-1:2"].trigger_date == D(2003, 10, 27)
    assert ds["indemnity_fee_payment:c-1:3"].trigger_date == D(2003, 4, 8)


# Courier "date of mailing" ------------------------------------------------------------------------

def test_courier_date_of_mailing_where_it_was_handed_over():
    # Tue Jun 10, 2003 10:30 p.m. in Irvine (PDT) is Wed 1:30 a.m. Eastern
    local = deemed_given("courier", T(2003, 6, 10, 22, 30, tzinfo=PACIFIC))
    assert local.date == D(2003, 6, 11) and "where it was handed over (UTC-07:00)" in local.rule
    eastern = deemed_given("courier", T(2003, 6, 11, 1, 30))
    assert eastern.date == D(2003, 6, 12) and "in Eastern time" in eastern.rule


# Majority on the assignment's effective date -------------------------------------------------------

NEW = Holder("h-new", "Transferee Capital LLC")
ASSIGNMENT = Assignment("a-1", "h-ota", "h-new", "PREF", 10, D(2003, 7, 1),
                        written_assignment_furnished_on=D(2003, 8, 18), transferee_notice_on=D(2003, 8, 18))
MOVES = (PositionEntry("t-out", "h-ota", "PREF", PositionKind.TRANSFER_OUT, -10, D(2003, 7, 1), assignment_id="a-1"),
         PositionEntry("t-in", "h-new", "PREF", PositionKind.TRANSFER_IN, 10, D(2003, 7, 1), D(2003, 5, 7),
                       assignment_id="a-1"))
ASSIGNED = replace(SAMPLE, holders=(*SAMPLE.holders, NEW), assignments=(ASSIGNMENT,),
                   positions=(*SAMPLE.positions, *MOVES))


def test_a_transferee_counts_only_from_the_assignments_effective_date():
    before = majority_count(ASSIGNED, D(2003, 7, 2), ["h-new", "h-ota"])
    assert {p.holder_id for p in before.consenting} == {"h-ota"}
    assert before.numerator == majority_count(SAMPLE, D(2003, 7, 2), ["h-ota"]).numerator
    after = majority_count(ASSIGNED, D(2003, 8, 18), ["h-new", "h-ota"])
    assert {p.holder_id for p in after.consenting} == {"h-new", "h-ota"}
    assert majority_count(ASSIGNED, D(2003, 8, 18), ["h-new"]).numerator == 42_553


# Late performance ----------------------------------------------------------------------------------

def test_a_filing_after_the_gcl_extension_is_late():
    # Filing Date Sat Jun 21, 2003; GCL §25 to Mon Jun 23; deemed filed Tue Jun 24: late by 3 days (from Jun 21)
    deal = replace(SAMPLE, registrations=(shelf(T(2003, 6, 24, 10)),))
    d = by_key(deal, D(2003, 6, 25))["filing_date"]
    assert d.status == S.DONE and d.late_by == 3 and "late by 3 days" in d.explanation
    within = by_key(replace(SAMPLE, registrations=(shelf(T(2003, 6, 23, 10)),)), D(2003, 6, 25))["filing_date"]
    assert within.late_by is None


def test_an_instrument_covers_late_performance():
    ext = Instrument("i-1", InstrumentKind.EXTENSION, "7(f)", D(2003, 6, 19), "Holders extend the Filing Date",
                     deadline_key="filing_date", new_date=D(2003, 6, 27))
    deal = replace(SAMPLE, registrations=(shelf(T(2003, 6, 24, 10)),), instruments=(ext,))
    assert by_key(deal, D(2003, 6, 25))["filing_date"].late_by is None


def test_check_reports_late_performance_as_its_own_finding():
    from rra_desktop.domain.findings import findings

    found = findings(replace(SAMPLE, registrations=(shelf(T(2003, 6, 24, 10)),)), D(2003, 6, 25))
    (late,) = [f for f in found if f.area == "late"]
    assert late.subject == "filing_date" and late.severity == "error" and "late by 3 days" in late.message


# 3(m)(iii) and same facts ----------------------------------------------------------------------

def period(id, start, end, facts="FDA letter", basis=BlackoutBasis.MNPI, advice=None):
    return BlackoutPeriod(id, start, end, basis, facts, advice_sent_on=advice)


def test_a_suspension_gets_the_must_end_by_date_and_the_advice_meets_it():
    s = period("s1", D(2003, 9, 2), None, basis=BlackoutBasis.SUSPENSION_EVENT)
    d = by_key(replace(SAMPLE, blackouts=(s,)), D(2003, 9, 10))["blackout_limit:s1"]
    assert d.in_force == D(2003, 9, 21) and d.status == S.OPEN
    ended = replace(s, advice_sent_on=D(2003, 9, 15))
    d = by_key(replace(SAMPLE, blackouts=(ended,)), D(2003, 9, 16))["blackout_limit:s1"]
    assert d.status == S.DONE and d.done_on == D(2003, 9, 15)


def test_same_facts_with_a_short_gap_is_a_warning_and_back_to_back_a_violation():
    first = period("b1", D(2003, 9, 1), D(2003, 9, 10))
    gap = period("b2", D(2003, 9, 20), D(2003, 9, 25))  # 9 days between
    (w,) = short_gaps([first, gap])
    assert w.severity == "warning" and "starts 9 days after" in w.message
    assert not check_blackouts([first, gap])
    adjacent = period("b2", D(2003, 9, 11), D(2003, 9, 15))
    assert not short_gaps([first, adjacent]) and check_blackouts([first, adjacent])[0].severity == "error"
    far = period("b2", D(2003, 10, 1), D(2003, 10, 5))  # 20 days between Sep 10 and Oct 1
    assert short_gaps([first, far]) and not short_gaps([first, period("b3", D(2003, 10, 2), D(2003, 10, 3))])


def test_a_suspensions_must_end_by_date_is_reminded_like_a_blackouts():
    from rra_desktop.domain.calendar import BusinessCalendar
    from rra_desktop.domain.reminders import reminders

    s = period("s1", D(2003, 9, 2), None, basis=BlackoutBasis.SUSPENSION_EVENT)
    ds = compute_deadlines(replace(SAMPLE, blackouts=(s,)), D(2003, 9, 16))
    soon = reminders(ds, D(2003, 9, 16), BusinessCalendar())  # Sun Sep 21 within 5 Business Days
    assert "blackout_limit:s1" in {d.key for d in soon.due_soon}

"""3(a) written objections on the sample deal (Closing May 7, 2003), worked on the 2003 calendar."""

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.model import FactKind, Objection, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.domain.objections import SPECIAL_COUNSEL, objection_findings, objection_status
from rra_desktop.sample import load_sample_deal

D = dt.date
T = dt.datetime
SAMPLE = load_sample_deal()
MAJORITY = ("h-xmark-fund", "h-sds-merchant-fund")  # 1,991,487 of 3,967,656
# copies faxed Fri Jun 6, 2003 at 11:00 a.m.: received that day; 3 Business Days after: Wed Jun 11
COPIES = TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 6), at=T(2003, 6, 6, 11), method="fax",
                      registration_id="rs-1")
SHELF = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 16, 10))


def deal(*objections, facts=(COPIES,), registrations=(SHELF,)):
    return replace(SAMPLE, facts=facts, registrations=registrations, objections=objections)


JUN_10 = D(2003, 6, 10)


def objection(objectors=MAJORITY, on=JUN_10, **kw):
    return Objection("o1", "the shelf Registration Statement on Form S-3", objectors, on, "rs-1", "c1", **kw)


def test_a_timely_majority_objection_binds_and_a_filing_over_it_is_an_error():
    o = objection()
    s = objection_status(deal(o), o)
    assert s.binding and s.window_end == D(2003, 6, 11) and "1,991,487 of 3,967,656" in s.explanation
    (f,) = objection_findings(deal(o), D(2003, 6, 17))
    assert f.rule == "filed_over_objection" and f.severity == "error" and "Mon Jun 16, 2003" in f.message


def test_a_withdrawn_objection_no_longer_stands():
    o = objection(withdrawn_on=D(2003, 6, 13))
    assert objection_findings(deal(o), D(2003, 6, 17)) == []


def test_a_minority_objection_does_not_bind():
    o = objection(objectors=("h-ota",))
    (f,) = objection_findings(deal(o), D(2003, 6, 17))
    assert f.rule == "objection_not_binding" and f.severity == "warning" and "not a majority" in f.message


def test_special_counsel_alone_binds_but_only_within_three_business_days():
    assert objection_status(deal(objection((SPECIAL_COUNSEL,), D(2003, 6, 11))),
                            objection((SPECIAL_COUNSEL,), D(2003, 6, 11))).binding
    late = objection((SPECIAL_COUNSEL,), D(2003, 6, 12))
    s = objection_status(deal(late), late)
    assert not s.binding and "too late" in s.explanation


def test_the_window_counts_from_the_7g_receipt_across_the_daylight_saving_change():
    # copies faxed Fri Oct 24, 2003 at 5:30 p.m. (daylight time): given Mon Oct 27; window to Thu Oct 30
    copies = replace(COPIES, on=D(2003, 10, 24), at=T(2003, 10, 24, 17, 30))
    o = objection(on=D(2003, 10, 30))
    s = objection_status(deal(o, facts=(copies,)), o)
    assert s.copies_received == D(2003, 10, 27) and s.window_end == D(2003, 10, 30) and s.binding


def test_a_filing_fewer_than_five_business_days_after_the_copies_is_an_error():
    # copies received Tue Jun 10; Jun 11, 12, 13, 16 = 4 Business Days to the filing on Mon Jun 16
    copies = replace(COPIES, on=D(2003, 6, 10), at=T(2003, 6, 10, 11))
    (f,) = objection_findings(deal(facts=(copies,)), D(2003, 6, 17))
    assert f.rule == "filed_too_soon_after_copies" and "4 Business Days" in f.message and "Tue Jun 17" in f.message
    on_time = replace(SHELF, filed_at=T(2003, 6, 17, 10))
    assert objection_findings(deal(facts=(copies,), registrations=(on_time,)), D(2003, 6, 18)) == []


def test_an_amendment_needs_two_business_days():
    amendment = RegistrationStatement("am-1", RegistrationKind.AMENDMENT, parent_id="rs-1",
                                      filed_at=T(2003, 7, 11, 10))
    copies = TimelineFact("c2", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 7, 10), at=T(2003, 7, 10, 11),
                          method="fax", registration_id="am-1")
    (f,) = objection_findings(deal(facts=(copies,), registrations=(SHELF, amendment)), D(2003, 7, 14))
    assert "1 Business Day after" in f.message and "requires 2" in f.message
    ok = replace(amendment, filed_at=T(2003, 7, 14, 10))
    assert objection_findings(deal(facts=(copies,), registrations=(SHELF, ok)), D(2003, 7, 15)) == []


def test_check_lists_the_objection_findings():
    from rra_desktop.domain.findings import findings

    found = [f for f in findings(deal(objection()), D(2003, 6, 17)) if f.area == "objections"]
    assert [f.severity for f in found] == ["error"]

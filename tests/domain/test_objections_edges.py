"""3(a) objections at their edges: a withdrawal takes effect on its day, copies are matched by
their own registration and received on or before the objection, a filing on the as-of day is
looked at, and a filing that day after copies received that same day is too soon."""

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.model import FactKind, Objection, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.domain.objections import objection_findings, objection_status
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()
MAJORITY = ("h-xmark-fund", "h-sds-merchant-fund")
COPIES = TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 6), at=T(2003, 6, 6, 11), method="fax",
                      registration_id="rs-1")
SHELF = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 16, 10))


def deal(*objections, facts=(COPIES,), registrations=(SHELF,)):
    return replace(SAMPLE, facts=facts, registrations=registrations, objections=objections)


JUN_10 = D(2003, 6, 10)


def objection(on=JUN_10, copies_fact_id=None, **kw):
    return Objection("o1", "the shelf Registration Statement on Form S-3", MAJORITY, on, "rs-1", copies_fact_id, **kw)


def test_an_objection_withdrawn_on_the_filing_day_no_longer_stands_that_day():
    o = objection(withdrawn_on=D(2003, 6, 16))
    assert objection_findings(deal(o), D(2003, 6, 17)) == []
    o = objection(withdrawn_on=D(2003, 6, 17))
    assert [f.rule for f in objection_findings(deal(o), D(2003, 6, 17))] == ["filed_over_objection"]


def test_copies_are_those_of_its_own_registration_received_by_the_objection_day():
    other = replace(COPIES, id="c0", registration_id="rs-9", on=D(2003, 6, 9), at=T(2003, 6, 9, 11))
    same_day = replace(COPIES, id="c2", on=D(2003, 6, 10), at=T(2003, 6, 10, 9))
    later = replace(COPIES, id="c3", on=D(2003, 6, 11), at=T(2003, 6, 11, 9))
    o = objection()
    s = objection_status(deal(o, facts=(COPIES, other, same_day, later)), o)
    assert s.copies_received == D(2003, 6, 10) and s.window_end == D(2003, 6, 13)
    named = objection(copies_fact_id="c1")
    assert objection_status(deal(named, facts=(COPIES, same_day)), named).copies_received == D(2003, 6, 6)
    missing = objection(copies_fact_id="c-none")
    s = objection_status(deal(missing), missing)
    assert s.copies_received is None and not s.binding and "cannot be counted" in s.explanation


def test_a_filing_on_the_as_of_day_is_checked_that_day():
    o = objection()
    assert [f.rule for f in objection_findings(deal(o), D(2003, 6, 16))] == ["filed_over_objection"]
    assert objection_findings(deal(o), D(2003, 6, 15)) == []


def test_copies_received_on_the_filing_day_make_the_filing_too_soon():
    copies = replace(COPIES, on=D(2003, 6, 16), at=T(2003, 6, 16, 9))
    (f,) = objection_findings(deal(facts=(copies,)), D(2003, 6, 17))
    assert f.rule == "filed_too_soon_after_copies"
    assert f.message.startswith("Filing of the Registration Statement or Prospectus (rs-1) on Mon Jun 16, 2003 came "
                                "0 Business Days after")


def test_a_filing_after_the_edgar_cut_off_counts_from_its_deemed_filing_date():
    # copies received Tue Jun 10, 2003; 5 Business Days after: Tue Jun 17. Filed Mon Jun 16 at 5:45 p.m.,
    # after EDGAR's 5:30 p.m. cut-off: deemed filed Tue Jun 17, not too soon
    copies = replace(COPIES, on=D(2003, 6, 10), at=T(2003, 6, 10, 11))
    evening = replace(SHELF, filed_at=T(2003, 6, 16, 17, 45))
    assert objection_findings(deal(facts=(copies,), registrations=(evening,)), D(2003, 6, 18)) == []
    afternoon = replace(SHELF, filed_at=T(2003, 6, 16, 17, 15))
    (f,) = objection_findings(deal(facts=(copies,), registrations=(afternoon,)), D(2003, 6, 18))
    assert f.message == ("Filing of the Registration Statement or Prospectus (rs-1) on Mon Jun 16, 2003 came 4 "
                         "Business Days after the Holders received the copies on Tue Jun 10, 2003; 3(a) requires 5 "
                         "(first permitted filing day Tue Jun 17, 2003).")


def test_only_the_filed_holders_registrations_are_checked_a_company_registration_is_not():
    copies = replace(COPIES, on=D(2003, 6, 10), at=T(2003, 6, 10, 11))
    company_copies = replace(copies, id="c9", registration_id="co-2")
    unfiled = RegistrationStatement("co-1", RegistrationKind.COMPANY_REGISTRATION)
    company = RegistrationStatement("co-2", RegistrationKind.COMPANY_REGISTRATION, filed_at=T(2003, 6, 11, 10))
    draft = RegistrationStatement("am-9", RegistrationKind.AMENDMENT, parent_id="rs-1")
    found = objection_findings(deal(facts=(copies, company_copies), registrations=(unfiled, company, draft, SHELF)),
                               D(2003, 6, 18))
    assert [(f.rule, f.subject) for f in found] == [("filed_too_soon_after_copies", "rs-1")]
    assert "came 4 Business Days" in found[0].message


def test_copies_received_only_after_the_filing_do_not_make_it_too_soon():
    # the shelf was filed Mon Jun 16, 2003; the only copies of it were received Fri Jun 20
    after = replace(COPIES, on=D(2003, 6, 20), at=T(2003, 6, 20, 11))
    assert objection_findings(deal(facts=(after,)), D(2003, 6, 30)) == []

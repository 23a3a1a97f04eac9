"""Sections 2 and 7(c): what the shelf registers, on the sample deal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.coverage import check_coverage
from rra_desktop.domain.model import Deal, OtherSecurities, RegistrationKind, RegistrationStatement
from rra_desktop.sample import load_sample_deal

FILED = dt.datetime(2003, 6, 20, 16, 0)
GOOD = RegistrationStatement(
    "rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-106000", filed_at=FILED, shares_registered=4_967_600,
    other_securities=(OtherSecurities("Jefferies Warrant", 5_270), OtherSecurities("LTII Warrant", 538)),
)


@pytest.fixture(scope="module")
def deal() -> Deal:
    return load_sample_deal()


def findings(deal, *statements, include_passed=False):
    return check_coverage(replace(deal, registrations=statements), include_passed=include_passed)


def test_a_shelf_within_every_limit_has_no_findings(deal):
    assert findings(deal, GOOD) == []
    passed = findings(deal, GOOD, include_passed=True)
    assert {f.check for f in passed} == {"minimum_shares", "all_registrable", "other_securities_cap", "piggyback_max"}
    assert all(f.severity == "ok" and f.ok for f in passed)


def test_one_share_short_of_the_minimum(deal):
    [f] = findings(deal, replace(GOOD, shares_registered=4_967_599))
    assert (f.severity, f.clause, f.check, f.actual, f.limit) == ("error", "2", "minimum_shares", 4_967_599, 4_967_600)
    assert not f.ok
    assert "4,967,599 shares registered" in f.message and "4,967,600" in f.message and "333-106000" in f.message


def test_one_jefferies_share_too_many_breaks_7c(deal):
    lines = (OtherSecurities("jefferies  warrant", 5_000), OtherSecurities("Jefferies Warrant", 271))
    rs = replace(GOOD, other_securities=(*lines, OtherSecurities("LTII Warrant", 538)))
    got = {f.check: f for f in findings(deal, rs)}
    assert set(got) == {"piggyback_max"} and got["piggyback_max"].actual == 5_271
    assert "5,271 shares under the Jefferies Warrant; 7(c) allows up to 5,270" in got["piggyback_max"].message


def test_an_unnamed_other_security_is_not_permitted_and_counts_to_the_cap(deal):
    # 5,270 + 538 = 5,808 named in 7(c); Section 2's cap is 10,538: 4,731 more reaches 10,539.
    one = replace(GOOD, other_securities=(*GOOD.other_securities, OtherSecurities("Founder shares", 1)))
    assert [f.check for f in findings(deal, one)] == ["not_permitted"]
    rs = replace(GOOD, other_securities=(*GOOD.other_securities, OtherSecurities("Founder shares", 4_731)))
    got = {f.check: f for f in findings(deal, rs)}
    assert set(got) == {"not_permitted", "other_securities_cap"}
    assert got["not_permitted"].clause == "7(c)" and "Founder shares" in got["not_permitted"].message
    assert got["other_securities_cap"].actual == 10_539 and got["other_securities_cap"].limit == 10_538


def test_an_amendment_without_figures_uses_its_shelf(deal):
    amendment = RegistrationStatement("rs-1a", RegistrationKind.AMENDMENT, parent_id="rs-1")
    short = replace(GOOD, shares_registered=4_000_000)
    got = findings(deal, short, amendment)
    assert [(f.registration_id, f.check) for f in got] == [("rs-1", "minimum_shares"), ("rs-1a", "minimum_shares")]
    assert "figures of 333-106000" in got[1].message


def test_covering_fewer_than_all_registrable_securities_is_a_warning(deal):
    rs = replace(GOOD, shares_registered=3_967_655)
    got = {f.check: f for f in findings(deal, rs, replace(GOOD, id="co", kind=RegistrationKind.COMPANY_REGISTRATION))}
    assert got["all_registrable"].severity == "warning" and got["all_registrable"].limit == 3_967_656
    assert all(f.registration_id == "rs-1" for f in got.values())  # a Company registration is not checked


def test_an_amendment_with_its_own_figures_is_checked_on_them(deal):
    short = replace(GOOD, shares_registered=4_000_000)
    own = RegistrationStatement("rs-1a", RegistrationKind.AMENDMENT, file_no="333-106000-A1", parent_id="rs-1",
                                filed_at=FILED, shares_registered=4_967_600)
    got = findings(deal, short, own)
    assert [(f.registration_id, f.check) for f in got] == [("rs-1", "minimum_shares")]
    passed = [f for f in findings(deal, short, own, include_passed=True) if f.registration_id == "rs-1a"]
    assert passed[0].message == ("333-106000-A1: 4,967,600 shares registered; Section 2 requires no fewer than "
                                 "4,967,600.")


def test_an_amendment_of_a_shelf_not_recorded_is_checked_on_its_own_blank_figures(deal):
    orphan = RegistrationStatement("rs-1a", RegistrationKind.AMENDMENT, parent_id="rs-gone")
    got = findings(deal, orphan)
    assert [(f.check, f.actual) for f in got] == [("minimum_shares", 0), ("all_registrable", 0)]
    assert got[0].message.startswith("rs-1a: 0 shares registered") and "figures of" not in got[0].message


def test_an_unfiled_shelf_is_measured_on_the_closing_date(deal):
    unfiled = replace(GOOD, filed_at=None, shares_registered=3_967_655)
    f = {f.check: f for f in findings(deal, unfiled)}["all_registrable"]
    assert (f.severity, f.actual, f.limit) == ("warning", 3_967_655, 3_967_656)
    assert "as converted on Wed May 7, 2003" in f.message


def test_a_deal_permitting_no_piggy_backers_says_so(deal):
    bare = replace(deal, terms=replace(deal.terms, permitted_piggybacks=()))
    [f] = findings(bare, replace(GOOD, other_securities=(OtherSecurities("LTII Warrant", 538),)))
    assert (f.check, f.severity, f.actual, f.limit) == ("not_permitted", "error", 538, 0)
    assert f.message == "333-106000: 538 shares of LTII Warrant included; 7(c) permits only none."

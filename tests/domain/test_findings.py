"""Findings: one domain list for ``check`` and the GUI. Schedule 1's totals are checked only for a
deal that records a printed schedule, against that deal's own printed totals."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from rra_desktop.domain.findings import Level, RecordRef, findings, schedule_1_totals
from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    FactKind,
    Holder,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    PrintedSchedule,
    PrintedShares,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal, new_deal

D = dt.date
SAMPLE = load_sample_deal()


def _short_by_one(deal, position_id="p-ota-d1"):
    return replace(deal, positions=tuple(replace(p, quantity=p.quantity - 1) if p.id == position_id else p
                                         for p in deal.positions))


def test_the_sample_agrees_with_its_printed_schedule_and_has_no_findings_at_closing():
    checks = schedule_1_totals(SAMPLE)
    assert [(c.column, c.actual, c.printed) for c in checks] == [
        ("PREF", 444, 444), ("D1", 944_681, 944_681), ("D2", 944_681, 944_681),
        ("purchase_price", Decimal("4440000"), Decimal("4440000"))]
    assert findings(SAMPLE, D(2003, 5, 8)) == []


def test_a_register_off_by_one_share_is_an_error_naming_the_column():
    [f] = findings(_short_by_one(SAMPLE), D(2003, 5, 8))
    assert (f.area, f.clause, f.level, f.refs) == ("schedule_1", "Schedule 1", Level.ERROR,
                                                   (RecordRef("schedule_1", "D1"),))
    assert f.message == "Schedule 1 D1: the Holders add up to 944,680, the printed total is 944,681"
    assert f.counts and f.subject == "D1"


def test_a_new_deal_records_no_printed_schedule_and_is_not_compared_with_spectrums():
    deal = new_deal()
    assert deal.terms.schedule_1_printed is None and schedule_1_totals(deal) is None
    assert findings(deal, D(2003, 5, 8)) == []
    # the sample's Holders under a deal without a printed schedule: nothing to compare either
    bare = replace(_short_by_one(SAMPLE), terms=deal.terms)
    assert findings(bare, D(2003, 5, 8)) == []


def test_a_deal_is_checked_against_its_own_printed_totals():
    own = PrintedSchedule((PrintedShares("PREF", 400),), purchase_price=None)
    deal = replace(SAMPLE, terms=replace(SAMPLE.terms, schedule_1_printed=own))
    [f] = findings(deal, D(2003, 5, 8))
    assert f.message == "Schedule 1 PREF: the Holders add up to 444, the printed total is 400"


def test_overdue_lapsed_and_blackout_findings_carry_levels_and_records():
    notice = TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2003, 5, 12), holder_id="h-ota",
                          received_on=D(2003, 5, 12))
    long = BlackoutPeriod("b1", D(2003, 5, 9), D(2003, 6, 10), BlackoutBasis.MNPI, "deal talks")
    found = findings(replace(SAMPLE, facts=(notice,), blackouts=(long,)), D(2003, 6, 24))
    by_area = {}
    for f in found:
        by_area.setdefault(f.area, []).append(f)
    # 7(d): receipt Mon May 12 + 20 days = Sun Jun 1, act by Fri May 30: closed unexercised
    [lapsed] = by_area["lapsed"]
    assert lapsed.level is Level.INFO and not lapsed.counts
    assert lapsed.refs == (RecordRef("deadline", "piggyback_response:pb:h-ota"),)
    # the Filing Date, in force Fri Jun 20, 2003, not filed by Tue Jun 24
    assert any(f.refs == (RecordRef("deadline", "filing_date"),) and f.message.startswith("Company: ")
               for f in by_area["overdue"])
    assert all(f.level is Level.ERROR for f in by_area["overdue"] + by_area["blackouts"])
    assert by_area["blackouts"][0].refs == (RecordRef("blackout", "b1"),)  # 33 days: over the 20-day limit


def test_a_breach_the_user_accepted_is_shown_with_every_override_reason():
    first = BlackoutPeriod("b1", D(2003, 5, 9), D(2003, 5, 20), BlackoutBasis.MNPI, "deal talks",
                           override_reason="board approved")
    second = BlackoutPeriod("b2", D(2003, 5, 26), D(2003, 6, 5), BlackoutBasis.MNPI, "deal talks",
                            override_reason="counsel agreed")
    [gap] = [f for f in findings(replace(SAMPLE, blackouts=(first, second)), D(2003, 6, 10)) if f.area == "blackouts"]
    assert gap.refs == (RecordRef("blackout", "b1"), RecordRef("blackout", "b2")) and gap.level is Level.WARNING
    assert gap.message.endswith(" starts 5 days after it ended; read conservatively, 3(n)'s \"consecutive 20 day "
                                "periods\" reaches a gap under 21 days. (override recorded for b1: board approved; "
                                "override recorded for b2: counsel agreed)")
    plain = replace(second, override_reason="")
    [gap] = [f for f in findings(replace(SAMPLE, blackouts=(replace(first, override_reason=""), plain)),
                                 D(2003, 6, 10)) if f.area == "blackouts"]
    assert gap.message.endswith("reaches a gap under 21 days.")


def test_late_performance_says_when_and_by_how_many_days():
    # 3(a) copies due Mon Jun 9, 2003 (5 Business Days before the filing of Mon Jun 16), received Tue Jun 10
    copies = TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 10), at=dt.datetime(2003, 6, 10, 11),
                          method="fax")
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 16, 10))
    [late] = [f for f in findings(replace(SAMPLE, facts=(copies,), registrations=(shelf,)), D(2003, 6, 17))
              if f.area == "late"]
    assert late.level is Level.ERROR and late.refs == (RecordRef("deadline", "holder_review_copies:initial"),)
    assert ": performed Tue Jun 10, 2003, late by 1 day (in force Mon Jun 9, 2003); " in late.message


def test_a_late_piggy_back_request_is_an_option_exercised_after_the_window():
    # faxed Fri Sep 5, 2003 at 10:00 a.m.; the 20 days end Thu Sep 25; OTA asked Mon Oct 20: 25 days late
    notice = TimelineFact("pn", FactKind.PIGGYBACK_NOTICE, D(2003, 9, 5), at=dt.datetime(2003, 9, 5, 10),
                          method="fax", registration_id="rs-2")
    company = RegistrationStatement("rs-2", RegistrationKind.COMPANY_REGISTRATION)
    request = PiggybackRequest("r1", "rs-2", "h-ota", 10, D(2003, 10, 20))
    deal = replace(SAMPLE, facts=(notice,), registrations=(company,), piggyback_requests=(request,))
    [late] = [f for f in findings(deal, D(2003, 10, 21)) if f.area == "late"]
    assert late.level is Level.WARNING and late.refs == (RecordRef("deadline", "piggyback_response:pn:h-ota"),)
    assert ": exercised after the window, late by 25 days (in force " in late.message


def test_schedule_1_counts_only_the_purchasers_on_it():
    # a Placement Agent with a recorded price but not on Schedule 1, and a Holder on it without one
    agent = Holder("h-agent", "Agent LLC", purchase_price=Decimal("1000"))
    listed = Holder("h-listed", "Listed LLC", on_schedule_1=True)
    rows = (PositionEntry("pa", "h-agent", "PREF", PositionKind.ISSUANCE, 5, D(2003, 5, 7)),
            PositionEntry("pl", "h-listed", "D1", PositionKind.ISSUANCE, 7, D(2003, 5, 7)))
    deal = replace(SAMPLE, holders=(*SAMPLE.holders, agent, listed), positions=(*SAMPLE.positions, *rows))
    checks = schedule_1_totals(deal)
    assert [(c.column, c.actual, c.agrees) for c in checks] == [
        ("PREF", 444, True), ("D1", 944_681, True), ("D2", 944_681, True),
        ("purchase_price", Decimal("4440000"), True)]
    assert findings(deal, D(2003, 5, 8)) == []


def test_an_assignment_not_yet_effective_is_named_by_class_heading_or_by_its_code():
    # Two assignments of Mon Mar 1, 2004 from OTA LLC with neither 7(i) condition met nor consent,
    # read on Mon Mar 8: the Series D Preferred is named by its heading; a code the deal does not
    # define ("SERIES-E") by the code itself
    deal = replace(SAMPLE, assignments=(Assignment("a-1", "h-ota", "h-new", "PREF", 2, D(2004, 3, 1)),
                                        Assignment("a-2", "h-ota", "h-new", "SERIES-E", 5, D(2004, 3, 1))))
    found = [f for f in findings(deal, D(2004, 3, 8)) if f.area == "assignments"]
    assert [(f.refs[0].id, f.message.split(":")[0]) for f in found] == [
        ("a-1", "OTA LLC to h-new, 2 Series D Preferred of Mon Mar 1, 2004"),
        ("a-2", "OTA LLC to h-new, 5 SERIES-E of Mon Mar 1, 2004")]
    assert all(f.level == Level.WARNING and f.clause == "7(i)" for f in found)

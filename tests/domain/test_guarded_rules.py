"""Rules that mutation testing found unguarded, each pinned at its edge: a blackout's first day,
the Company among the Holders counted under 7(o), a sale on the as-of day in the 5(b) cap, the
reminder horizon's last day, exactly 10,538 other shares, and coverage measured at filing."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain.blackouts import status
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.coverage import check_coverage
from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.indemnification import holder_cap
from rra_desktop.domain.majority import majority_count
from rra_desktop.domain.model import (
    BlackoutBasis,
    BlackoutPeriod,
    Holder,
    OtherSecurities,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
)
from rra_desktop.domain.reminders import reminders
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()


@pytest.mark.parametrize(("today", "expected"), [
    (D(2003, 9, 1), "upcoming"), (D(2003, 9, 2), "active"), (D(2003, 9, 10), "active"), (D(2003, 9, 11), "ended"),
])
def test_a_blackout_is_active_from_its_first_day_through_its_last(today, expected):
    period = BlackoutPeriod("b1", D(2003, 9, 2), D(2003, 9, 10), BlackoutBasis.MNPI, "talks")
    assert status(period, today) == expected


def _with_holder(holder, shares=10):
    row = PositionEntry("p-x", holder.id, "PREF", PositionKind.ISSUANCE, shares, D(2003, 5, 7), D(2003, 5, 7))
    return replace(SAMPLE, holders=(*SAMPLE.holders, holder), positions=(*SAMPLE.positions, row))


@pytest.mark.parametrize("holder", [
    Holder("company", "Treasury account"),  # the Company's own id
    Holder("h-co", "  " + SAMPLE.terms.company.name.upper() + " "),  # the Company by name, any case or spacing
    Holder("h-aff", "Parent Co.", affiliate=True),
])
def test_the_company_and_its_affiliates_are_not_counted_under_7o(holder):
    base = majority_count(SAMPLE, D(2003, 6, 1), [])
    count = majority_count(_with_holder(holder), D(2003, 6, 1), [holder.id])
    assert count.numerator == 0 and count.denominator == base.denominator
    assert [p.holder_id for p in count.excluded] == [holder.id]


def test_an_ordinary_holder_is_counted():
    count = majority_count(_with_holder(Holder("h-new", "New Fund LLC")), D(2003, 6, 1), ["h-new"])
    assert count.numerator > 0 and not count.excluded


def test_a_sale_on_the_as_of_day_is_in_the_5b_cap_and_one_after_is_not():
    sale = PositionEntry("s1", "h-ota", "COMMON", PositionKind.SALE, -100, D(2004, 3, 10), net_proceeds=Decimal(250))
    deal = replace(SAMPLE, positions=(*SAMPLE.positions, sale))
    assert holder_cap(deal, "h-ota", D(2004, 3, 10)).cap == Decimal(250)
    assert holder_cap(deal, "h-ota", D(2004, 3, 9)).cap == Decimal(0)
    assert holder_cap(deal, "h-ota").cap == Decimal(250)


@pytest.mark.parametrize(("today", "included"), [(D(2003, 6, 13), True), (D(2003, 6, 12), False)])
def test_the_reminder_horizon_includes_its_last_business_day(today, included):
    # the Filing Date is in force Fri Jun 20, 2003: five Business Days after Fri Jun 13, six after Jun 12
    found = reminders(compute_deadlines(SAMPLE, today), today, calendar_for(SAMPLE.terms), horizon=5)
    assert ("filing_date" in {d.key for d in found.due_soon}) == included


def _shelf(shares, others=()):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-1",
                                 filed_at=dt.datetime(2003, 6, 16, 10), shares_registered=shares,
                                 other_securities=tuple(others))


@pytest.mark.parametrize(("other", "flagged"), [(10_538, False), (10_539, True)])
def test_exactly_10538_other_shares_are_allowed(other, flagged):
    deal = replace(SAMPLE, registrations=(_shelf(6_000_000, [OtherSecurities("Other", other)]),))
    checks = {f.check for f in check_coverage(deal)}
    assert ("other_securities_cap" in checks) == flagged


def test_coverage_is_measured_on_the_filing_date_not_later():
    total = sum(p.registrable for p in register_as_of(SAMPLE, D(2003, 6, 16)))
    later = PositionEntry("p-late", "h-ota", "PREF", PositionKind.ISSUANCE, 100, D(2003, 9, 2), D(2003, 9, 2))
    deal = replace(SAMPLE, positions=(*SAMPLE.positions, later))
    assert "all_registrable" not in {f.check for f in check_coverage(replace(deal, registrations=(_shelf(total),)))}
    short = replace(deal, registrations=(_shelf(total - 1),))
    assert "all_registrable" in {f.check for f in check_coverage(short)}


def test_check_as_of_a_day_before_a_late_act_reports_it_overdue_not_late():
    from rra_desktop.domain.findings import findings
    from rra_desktop.domain.model import Completion

    effective = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 16, 10),
                                      effective_at=dt.datetime(2003, 8, 28, 16), shares_registered=6_000_000)
    # Exhibit A due Tue Sep 2, 2003 (two Business Days over Labor Day), sent Fri Sep 5: three days late
    deal = replace(SAMPLE, registrations=(effective,),
                   completions=(Completion("notice_of_effectiveness:rs-1", D(2003, 9, 5)),))

    def about_7p(on):
        return [(f.area, f.message) for f in findings(deal, on) if f.clause == "7(p)"]

    assert about_7p(D(2003, 9, 2)) == []  # in force that day, not done yet: nothing to report
    ((rule, message),) = about_7p(D(2003, 9, 3))
    assert rule == "overdue" and "in force Tue Sep 2, 2003" in message
    ((rule, message),) = about_7p(D(2003, 9, 5))
    assert rule == "late" and "performed Fri Sep 5, 2003, late by 3 days (in force Tue Sep 2, 2003)" in message

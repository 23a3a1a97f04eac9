"""3(n) postpones filing and effectiveness (DOMAIN.md "Second reading"), worked on the 2003
calendar: Closing Wed May 7, 2003; Filing Date Sat Jun 21 (act by Fri Jun 20); Effectiveness
Date Tue Aug 5."""

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.calendar import EdgarCalendar
from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import (
    BlackoutBasis,
    BlackoutPeriod,
    BlackoutScope,
    RegistrationKind,
    RegistrationStatement,
)
from rra_desktop.domain.postponement import last_permitted_day, postpone, scope_of
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()
S = DeadlineStatus
EDGAR = EdgarCalendar()


def blackout(start, end, scope=BlackoutScope.FILING, id="b1", facts="acquisition talks"):
    return BlackoutPeriod(id, start, end, BlackoutBasis.MNPI, facts, postpones=scope)


def by_key(deal, as_of):
    return {d.key: d for d in compute_deadlines(deal, as_of)}


def test_a_blackout_in_force_on_the_act_by_date_postpones_the_filing():
    # Jun 10 - Jun 29 (20 days, both counted) covers Fri Jun 20: first EDGAR day after Sun Jun 29 is Mon Jun 30
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 10), D(2003, 6, 29)),))
    d = by_key(deal, D(2003, 6, 23))["filing_date"]
    assert (d.due, d.act_by, d.extended_to) == (D(2003, 6, 21), D(2003, 6, 20), D(2003, 6, 23))
    assert d.in_force == D(2003, 6, 30) and d.status == S.OPEN
    assert d.postponed_by is not None and d.postponed_by.id == "b1"
    assert "Blackout Period" in d.set_by and "3(n)" in d.set_by
    assert "Mon Jun 30, 2003" in d.explanation and "contractual act-by Fri Jun 20, 2003" in d.explanation


def test_a_blackout_that_ends_early_moves_the_date_to_the_next_filing_day():
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 10), D(2003, 6, 25)),))
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 26)  # Thu after Wed Jun 25


def test_days_beyond_the_20th_postpone_nothing():
    # runs 30 days to Jul 9 (a 3(n) breach); only its first 20 days (to Sun Jun 29) postpone
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 10), D(2003, 7, 9)),))
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 30)


def test_a_blackout_that_ended_before_the_act_by_date_moves_nothing():
    # Jun 1 - Jun 19 ended the day before Fri Jun 20: a postponement, not a tolling
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 1), D(2003, 6, 19)),))
    d = by_key(deal, D(2003, 6, 23))["filing_date"]
    assert d.in_force == D(2003, 6, 20) and d.postponed_by is None and d.status == S.OVERDUE


def test_a_blackout_that_starts_after_the_act_by_date_moves_nothing():
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 21), D(2003, 6, 30)),))
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 20)


def test_a_prospectus_blackout_does_not_postpone_the_filing():
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 10), D(2003, 6, 29), BlackoutScope.PROSPECTUS),))
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 20)


def test_the_40_day_allowance_caps_the_postponement():
    # 30 days used Jan 6 - Feb 4, 2003; from Jun 10 only 10 more fit (Jun 10 - Jun 19): the
    # blackout's 11th day (Jun 20) would be the 41st in the 12 months to Jun 20; nothing is postponed
    earlier = blackout(D(2003, 1, 6), D(2003, 2, 4), BlackoutScope.PROSPECTUS, id="b0", facts="other")
    deal = replace(SAMPLE, blackouts=(earlier, blackout(D(2003, 6, 10), D(2003, 6, 29))))
    last, why = last_permitted_day(deal.blackouts[1], deal.blackouts)
    assert last == D(2003, 6, 19) and "40-day" in why
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 20)


def test_check_on_jun_23_no_longer_reports_the_filing_date_overdue():
    from rra_desktop.domain.findings import findings

    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 10), None),))
    found = findings(deal, D(2003, 6, 23))
    assert not [f for f in found if f.subject == "filing_date"]
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 30)  # running: to its 20th day


def test_effectiveness_is_postponed_to_a_business_day_the_commission_is_open():
    # Effectiveness Date Tue Aug 5, 2003; blackout Jul 20 - Aug 8 (Fri) postpones it to Mon Aug 11
    filed = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 18, 10))
    deal = replace(SAMPLE, registrations=(filed,),
                   blackouts=(blackout(D(2003, 7, 20), D(2003, 8, 8), BlackoutScope.EFFECTIVENESS),))
    ds = by_key(deal, D(2003, 8, 6))
    assert ds["effectiveness_date"].in_force == D(2003, 8, 11)
    assert ds["effectiveness_deadline"].in_force == D(2003, 8, 11)
    assert ds["filing_date"].postponed_by is None


def test_an_unrecorded_scope_is_read_from_the_shelf():
    b = blackout(D(2003, 6, 10), D(2003, 6, 29), scope=None)
    assert scope_of(b, None, None) == BlackoutScope.FILING
    assert scope_of(b, D(2003, 6, 5), None) == BlackoutScope.EFFECTIVENESS
    assert scope_of(b, D(2003, 5, 20), D(2003, 6, 1)) == BlackoutScope.PROSPECTUS
    deal = replace(SAMPLE, blackouts=(b,))
    assert by_key(deal, D(2003, 6, 23))["filing_date"].in_force == D(2003, 6, 30)


def test_a_filing_on_the_postponed_date_is_on_time_and_after_it_is_late():
    b = blackout(D(2003, 6, 10), D(2003, 6, 29))
    on_time = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 30, 16))
    d = by_key(replace(SAMPLE, blackouts=(b,), registrations=(on_time,)), D(2003, 7, 1))["filing_date"]
    assert d.status == S.DONE and d.late_by is None and "on time" in d.explanation
    late = replace(on_time, filed_at=dt.datetime(2003, 7, 2, 9))
    d = by_key(replace(SAMPLE, blackouts=(b,), registrations=(late,)), D(2003, 7, 3))["filing_date"]
    assert d.status == S.DONE and d.late_by == 2 and "late by 2 days" in d.explanation


def test_review_copies_count_back_from_the_postponed_filing_date():
    deal = replace(SAMPLE, blackouts=(blackout(D(2003, 6, 10), D(2003, 6, 29)),))
    d = by_key(deal, D(2003, 6, 23))["holder_review_copies:initial"]
    assert d.trigger_date == D(2003, 6, 30) and d.due == D(2003, 6, 23)  # 5 Business Days before Mon Jun 30


def test_two_blackouts_in_turn_postpone_twice():
    first = blackout(D(2003, 6, 10), D(2003, 6, 20))
    second = blackout(D(2003, 6, 23), D(2003, 6, 27), id="b2", facts="financing")
    p = postpone(D(2003, 6, 20), BlackoutScope.FILING, [first, second], EDGAR, None)
    assert p.date == D(2003, 6, 30) and p.blackout.id == "b2" and "then" in p.explanation


# The rule as properties: a postponed date is never earlier than the contractual one, never later
# than the first filing day after the blackout's 20th day.
days = st.dates(min_value=D(2003, 1, 1), max_value=D(2012, 12, 31))


@settings(max_examples=300, deadline=None)
@given(act_by=days, start=days, length=st.integers(min_value=1, max_value=45))
def test_postponed_date_is_bounded(act_by, start, length):
    act_by = EDGAR.previous_or_same(act_by)
    b = blackout(start, start + dt.timedelta(days=length - 1))
    p = postpone(act_by, BlackoutScope.FILING, [b], EDGAR, None)
    if p is None:
        assert not (start <= act_by <= min(b.end, start + dt.timedelta(days=19)))
        return
    assert p.date > act_by
    assert p.date <= EDGAR.next_filing_day(start + dt.timedelta(days=19))
    assert EDGAR.is_filing_day(p.date)


def test_a_blackout_after_the_shelf_is_effective_suspends_the_prospectus_and_postpones_nothing():
    # effective Tue Jul 1, 2003; a blackout from Sun Jul 20 to Fri Aug 8 (what it postpones not recorded)
    # spans the Effectiveness Date Tue Aug 5 but starts after effectiveness: a suspension, not a postponement
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=dt.datetime(2003, 6, 16, 10),
                                  effective_at=dt.datetime(2003, 7, 1, 10))
    b = blackout(D(2003, 7, 20), D(2003, 8, 8), scope=None)
    deal = replace(SAMPLE, registrations=(shelf,), blackouts=(b,))
    assert scope_of(b, D(2003, 6, 16), D(2003, 7, 1)) == BlackoutScope.PROSPECTUS
    d = {d.key: d for d in compute_deadlines(deal, D(2003, 8, 20))}["effectiveness_date"]
    assert (d.in_force, d.postponed_by, d.done_on) == (D(2003, 8, 5), None, D(2003, 7, 1))

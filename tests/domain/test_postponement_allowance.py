"""3(n)'s 40 days in any 12-month period, worked to the day: the window is the 12 months to the
day in question (both ends counted), an earlier period's open end is read as its 20th day, a
blackout starting on the filing day postpones effectiveness, and the postponed date is the first
day the Commission is open that is also a Business Day on the deal's own calendar."""

import datetime as dt

import pytest

from rra_desktop.domain.calendar import BusinessCalendar, EdgarCalendar
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, BlackoutScope
from rra_desktop.domain.postponement import last_permitted_day, postpone, scope_of

D = dt.date
EDGAR = EdgarCalendar()


def period(start, end=None, id="b", scope=None):
    return BlackoutPeriod(id, start, end, BlackoutBasis.MNPI, "acquisition talks", postpones=scope)


def test_the_allowance_runs_out_on_the_41st_day_in_twelve_months():
    # 20 days in January and 10 in March 2004: 10 are left for a blackout from Tue Jun 1, 2004
    earlier = [period(D(2004, 1, 1), D(2004, 1, 20), "o1"), period(D(2004, 3, 1), D(2004, 3, 10), "o2")]
    b = period(D(2004, 6, 1))
    assert last_permitted_day(b, [*earlier, b]) == (
        D(2004, 6, 10), "the 40-day allowance in the 12 months to Fri Jun 11, 2004 (used up after Thu Jun 10, 2004)")


def test_a_day_exactly_twelve_months_before_is_outside_the_window_and_the_day_after_inside():
    # with 20 days in March 2004, a period of Jun 1-20, 2003 overlaps the 12 months to each of the
    # days from Tue Jun 1, 2004 by one day fewer each day: 40 days are never exceeded, and the
    # blackout runs its 20 days
    march = period(D(2004, 3, 1), D(2004, 3, 20), "o2")
    b = period(D(2004, 6, 1))
    assert last_permitted_day(b, [period(D(2003, 6, 1), D(2003, 6, 20), "o1"), march, b]) == (
        D(2004, 6, 20), "its 20th day Sun Jun 20, 2004")
    # one day later (Jun 2-21, 2003): Jun 2, 2003 is in the 12 months to Tue Jun 1, 2004, so the
    # 41st day is b's first: nothing is left
    assert last_permitted_day(b, [period(D(2003, 6, 2), D(2003, 6, 21), "o1"), march, b])[0] == D(2004, 5, 31)


def test_a_period_more_than_twelve_months_before_does_not_count():
    b = period(D(2004, 6, 1))
    others = [period(D(2003, 5, 1), D(2003, 5, 20), "o1"), period(D(2004, 3, 1), D(2004, 3, 20), "o2"), b]
    assert last_permitted_day(b, others)[0] == D(2004, 6, 20)


def test_an_earlier_period_with_no_end_counts_as_its_twenty_days():
    # Jan 1 open-ended: Jan 1-20 (20 days) + Mar 1-15 (15 days): 5 days are left from Jun 1
    others = [period(D(2004, 1, 1), None, "o1"), period(D(2004, 3, 1), D(2004, 3, 15), "o2")]
    b = period(D(2004, 6, 1), D(2004, 6, 30))
    assert last_permitted_day(b, [*others, b])[0] == D(2004, 6, 5)


def test_an_own_end_before_the_twentieth_day_is_the_last_day():
    b = period(D(2004, 6, 1), D(2004, 6, 7))
    assert last_permitted_day(b, [b]) == (D(2004, 6, 7), "its end Mon Jun 7, 2004")
    assert last_permitted_day(period(D(2004, 6, 1), D(2004, 6, 20)), [])[0] == D(2004, 6, 20)


@pytest.mark.parametrize(("start", "scope"), [
    (D(2003, 6, 15), BlackoutScope.FILING),  # before the filing
    (D(2003, 6, 16), BlackoutScope.EFFECTIVENESS),  # on the filing day: the filing is made
    (D(2003, 7, 15), BlackoutScope.EFFECTIVENESS),  # on the day declared effective
    (D(2003, 7, 16), BlackoutScope.PROSPECTUS),  # after: it suspends the use of the Prospectus
])
def test_what_a_blackout_postpones_is_read_from_the_filing_and_effectiveness(start, scope):
    assert scope_of(period(start), D(2003, 6, 16), D(2003, 7, 15)) == scope
    assert scope_of(period(start), None, None) == BlackoutScope.FILING
    assert scope_of(period(start, scope=BlackoutScope.PROSPECTUS), None, None) == BlackoutScope.PROSPECTUS


def test_only_a_blackout_of_the_deadlines_own_scope_postpones_it():
    # filed Mon Jun 16, 2003, not yet effective; a blackout from Sun Jul 20 covers the
    # effectiveness act-by date Tue Aug 5: its 20th day is Fri Aug 8, so Mon Aug 11
    b = period(D(2003, 7, 20))
    moved = postpone(D(2003, 8, 5), BlackoutScope.EFFECTIVENESS, [b], EDGAR, BusinessCalendar(),
                     filed_on=D(2003, 6, 16))
    assert moved is not None and (moved.date, moved.last_permitted) == (D(2003, 8, 11), D(2003, 8, 8))
    assert postpone(D(2003, 8, 5), BlackoutScope.FILING, [b], EDGAR, None, filed_on=D(2003, 6, 16)) is None
    # declared effective Jul 15: the same blackout suspends the Prospectus and moves nothing
    assert postpone(D(2003, 8, 5), BlackoutScope.EFFECTIVENESS, [b], EDGAR, BusinessCalendar(),
                    filed_on=D(2003, 6, 16), effective_on=D(2003, 7, 15)) is None


def test_the_postponed_effectiveness_date_skips_a_day_the_deal_is_closed_but_edgar_open():
    b = period(D(2003, 7, 20))
    closed = BusinessCalendar(closure_days=(D(2003, 8, 11), D(2003, 8, 12)))  # EDGAR is open both days
    moved = postpone(D(2003, 8, 5), BlackoutScope.EFFECTIVENESS, [b], EDGAR, closed, filed_on=D(2003, 6, 16))
    assert moved is not None and moved.date == D(2003, 8, 13)
    assert "first Business Day the Commission is open after it: Wed Aug 13, 2003" in moved.explanation


def test_the_allowance_running_out_on_the_twentieth_day_itself_ends_the_blackout_the_day_before():
    # 11 days in January and 10 in March 2004 leave 19 for a blackout from Tue Jun 1, 2004: its 20th
    # day, Sun Jun 20, would be the 41st in the 12 months to it
    earlier = [period(D(2004, 1, 1), D(2004, 1, 11), "o1"), period(D(2004, 3, 1), D(2004, 3, 10), "o2")]
    b = period(D(2004, 6, 1))
    assert last_permitted_day(b, [*earlier, b]) == (
        D(2004, 6, 19), "the 40-day allowance in the 12 months to Sun Jun 20, 2004 (used up after Sat Jun 19, 2004)")


def test_a_postponement_keeps_the_contractual_date_it_moved():
    # a filing blackout Tue Jun 10 - Fri Jun 20, 2003 in force on the act-by date Fri Jun 20: first EDGAR day after
    b = period(D(2003, 6, 10), D(2003, 6, 20), "b1", BlackoutScope.FILING)
    p = postpone(D(2003, 6, 20), BlackoutScope.FILING, [b], EDGAR, None)
    assert (p.date, p.contractual, p.last_permitted, p.blackout) == (D(2003, 6, 23), D(2003, 6, 20), D(2003, 6, 20), b)

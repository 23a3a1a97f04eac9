"""Review of the 3(n) ledger: rolling windows, leap years, same-facts adjacency, open-ended
suspensions and the days-remaining figures, each worked by hand."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.blackouts import check_blackouts, days_remaining, window_end
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod

D = dt.date
LEDGER = [(D(2004, 1, 6), D(2004, 1, 25), "X"), (D(2004, 7, 1), D(2004, 7, 15), "Y")]  # 20 + 15 days


def rules(found):
    return sorted(v.rule for v in found)


def test_days_remaining_on_a_day_counts_the_worst_window_containing_it():
    today = days_remaining(LEDGER, D(2004, 8, 1))
    assert (today.used, today.remaining) == (35, 5)
    start, end = today.window
    assert start <= D(2004, 1, 6) and end >= D(2004, 8, 1) and end == window_end(start)
    # a year on, January 2004 has left every window containing the day; on Jul 1, 2005 the windows
    # containing it open Jul 2, 2004 at the earliest, so Jul 1, 2004 has left too
    assert (days_remaining(LEDGER, D(2005, 1, 26)).used, days_remaining(LEDGER, D(2005, 7, 1)).used) == (15, 14)
    assert days_remaining(LEDGER, D(2005, 7, 16)).used == 0


def test_a_proposal_within_twelve_months_of_both_periods_is_refused_by_five_days():
    w = days_remaining(LEDGER, D(2004, 8, 1), proposed=(D(2004, 12, 1), D(2004, 12, 10), "Z"))
    assert (w.used, w.used_with_proposed, w.remaining_after) == (35, 45, -5)
    assert not w.allowed and rules(w.violations) == ["aggregate_days_in_12_months"]


def test_a_proposal_once_january_has_rolled_out_of_the_window_is_allowed():
    # Jan 26, 2005: the window opening Jan 26, 2004 no longer reaches period X (ended Jan 25, 2004)
    w = days_remaining(LEDGER, D(2004, 8, 1), proposed=(D(2005, 1, 26), D(2005, 2, 4), "Z"))
    assert (w.used, w.used_with_proposed, w.remaining_after) == (15, 25, 15) and w.allowed
    # one day earlier, Jan 25, 2005 still shares the window opening Jan 26, 2004 only with Y
    assert days_remaining(LEDGER, D(2004, 8, 1), proposed=(D(2005, 1, 25), D(2005, 2, 3), "Z")).allowed


def test_forty_days_across_the_leap_day_fit_and_forty_one_do_not():
    # Feb 10 - Feb 29, 2004 is 20 days (leap year); Feb 1 - Feb 20, 2005 is 20 days: the window
    # opening Feb 10, 2004 ends Feb 9, 2005 and so holds 20 + 9 = 29; the one opening Feb 21, 2004
    # (ends Feb 20, 2005) holds 9 + 20 = 29 too; no window holds all 40.
    ledger = [(D(2004, 2, 10), D(2004, 2, 29), "a"), (D(2005, 2, 1), D(2005, 2, 20), "b")]
    assert check_blackouts(ledger) == []
    # moving the second period 11 days earlier puts all 40 in the window opening Feb 10, 2004
    tight = [(D(2004, 2, 10), D(2004, 2, 29), "a"), (D(2005, 1, 21), D(2005, 2, 9), "b")]
    assert check_blackouts(tight) == []
    over = [*tight, (D(2004, 6, 1), D(2004, 6, 1), "c")]
    [v] = check_blackouts(over)
    assert v.rule == "aggregate_days_in_12_months" and v.days == 41 and v.window == (D(2004, 2, 10), D(2005, 2, 9))


def test_same_facts_the_day_after_a_leap_day_and_a_common_february():
    leap = [(D(2004, 2, 10), D(2004, 2, 29), "merger"), (D(2004, 3, 1), D(2004, 3, 5), "Merger ")]
    assert rules(check_blackouts(leap)) == ["consecutive_periods_same_facts"]
    common = [(D(2005, 2, 9), D(2005, 2, 28), "merger"), (D(2005, 3, 1), D(2005, 3, 5), "merger")]
    assert rules(check_blackouts(common)) == ["consecutive_periods_same_facts"]
    gap = [(D(2005, 2, 9), D(2005, 2, 28), "merger"), (D(2005, 3, 2), D(2005, 3, 5), "merger")]
    assert check_blackouts(gap) == []
    other_facts = [(D(2005, 2, 9), D(2005, 2, 28), "merger"), (D(2005, 3, 1), D(2005, 3, 5), "financing")]
    assert check_blackouts(other_facts) == []


def test_an_open_suspension_is_counted_through_the_day_asked_about():
    open_one = BlackoutPeriod("s-1", D(2004, 9, 1), None, BlackoutBasis.SUSPENSION_EVENT, "stop order")
    w = days_remaining([*LEDGER, open_one], D(2004, 9, 5))
    assert (w.used, w.remaining) == (40, 0)  # 20 + 15 + Sep 1-5
    later = days_remaining([*LEDGER, open_one], D(2004, 9, 10))
    assert (later.used, later.remaining) == (45, 0)
    advised = BlackoutPeriod("s-1", D(2004, 9, 1), None, BlackoutBasis.SUSPENSION_EVENT, "stop order",
                             advice_sent_on=D(2004, 9, 3))
    assert days_remaining([*LEDGER, advised], D(2004, 9, 10)).used == 38


def test_periods_given_as_records_and_as_tuples_agree():
    records = [BlackoutPeriod(f"b-{i}", s, e, BlackoutBasis.MNPI, f) for i, (s, e, f) in enumerate(LEDGER)]
    proposal = (D(2004, 12, 1), D(2004, 12, 10), "Z")
    assert days_remaining(records, D(2004, 8, 1), proposal).remaining_after == -5


def window_counts(ledger, proposal):
    """Day by day: the blackout days of ledger + proposal in every 12-month window touching the
    proposal (window from D to the day before D + 12 months)."""
    days = set()
    for s, e, _ in [*ledger, proposal]:
        days.update(s + dt.timedelta(days=i) for i in range((e - s).days + 1))
    start, end = proposal[0], proposal[1]
    best = 0
    d = start - dt.timedelta(days=366)
    while d <= end:
        last = window_end(d)
        if last >= start:
            best = max(best, sum(1 for x in days if d <= x <= last))
        d += dt.timedelta(days=1)
    return best


periods = st.builds(
    lambda s, n, f: (D(2004, 1, 1) + dt.timedelta(days=s), D(2004, 1, 1) + dt.timedelta(days=s + n), f),
    st.integers(0, 800), st.integers(0, 22), st.sampled_from("abc"),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(periods, max_size=4), periods)
def test_days_remaining_for_a_proposal_agrees_with_a_day_by_day_count(ledger, proposal):
    w = days_remaining(ledger, proposal[0], proposed=proposal)
    worst = window_counts(ledger, proposal)
    assert w.used_with_proposed == worst and w.remaining_after == 40 - worst
    assert ("aggregate_days_in_12_months" in rules(w.violations)) == (worst > 40)
    if not check_blackouts(ledger):
        # a clean ledger: whatever the proposal adds is the proposal's doing
        assert bool(check_blackouts([*ledger, proposal])) == (not w.allowed)

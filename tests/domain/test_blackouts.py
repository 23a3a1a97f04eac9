"""3(n): the Blackout Period ledger checks, worked examples and a brute-force oracle."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.blackouts import (
    Period,
    as_periods,
    check_blackouts,
    days_remaining,
    status,
    window_end,
    year_later,
)
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod

D = dt.date


def rules(violations):
    return sorted(v.rule for v in violations)


def test_exactly_20_days_is_allowed_21_is_not():
    assert check_blackouts([(D(2025, 1, 1), D(2025, 1, 20), "a")]) == []
    [v] = check_blackouts([(D(2025, 1, 1), D(2025, 1, 21), "a")])
    assert v.rule == "max_consecutive_days" and v.days == 21
    assert "21 consecutive days" in v.message and "Wed Jan 1, 2025" in v.message


def test_exactly_40_days_in_12_months_is_allowed_41_is_not():
    ledger = [(D(2025, 1, 1), D(2025, 1, 20), "a"), (D(2025, 6, 1), D(2025, 6, 20), "b")]
    assert check_blackouts(ledger) == []
    [v] = check_blackouts([*ledger, (D(2025, 12, 31), D(2025, 12, 31), "c")])
    assert v.rule == "aggregate_days_in_12_months" and v.days == 41
    assert v.window == (D(2025, 1, 1), D(2025, 12, 31))
    assert len(v.periods) == 3 and "41 blackout days" in v.message
    # One day later the first period has left the window: 40 again.
    assert check_blackouts([*ledger, (D(2026, 1, 1), D(2026, 1, 1), "c")]) == []


def test_a_pattern_within_every_calendar_year_can_break_a_rolling_window():
    ledger = [
        (D(2004, 6, 1), D(2004, 6, 20), "acquisition"),
        (D(2004, 12, 12), D(2004, 12, 31), "financing"),
        (D(2005, 1, 10), D(2005, 1, 29), "litigation"),
        (D(2005, 7, 1), D(2005, 7, 20), "merger"),
    ]
    for year in (2004, 2005):
        assert sum((e - s).days + 1 for s, e, _ in ledger if s.year == year) == 40
    first, second = check_blackouts(ledger)
    assert first.rule == second.rule == "aggregate_days_in_12_months"
    # June + December 2004 + January 2005; then December 2004 + January + July 2005.
    assert (first.days, first.window) == (60, (D(2004, 1, 30), D(2005, 1, 29)))
    assert first.window_starts == (D(2004, 1, 11), D(2004, 6, 20))
    assert (second.days, second.window) == (60, (D(2004, 7, 21), D(2005, 7, 20)))
    assert [p.start for p in second.periods] == [D(2004, 12, 12), D(2005, 1, 10), D(2005, 7, 1)]


def test_same_facts_back_to_back_is_refused_a_gap_day_is_not():
    first = (D(2025, 3, 1), D(2025, 3, 20), "Merger talks")
    [v] = check_blackouts([first, (D(2025, 3, 21), D(2025, 3, 25), " merger TALKS ")])
    assert v.rule == "consecutive_periods_same_facts" and len(v.periods) == 2
    assert "starts the day after it ends" in v.message
    assert check_blackouts([first, (D(2025, 3, 22), D(2025, 3, 25), "Merger talks")]) == []  # one-day gap
    assert check_blackouts([first, (D(2025, 3, 23), D(2025, 3, 25), "Merger talks")]) == []  # two-day gap
    assert check_blackouts([first, (D(2025, 3, 21), D(2025, 3, 25), "Other facts")]) == []


def test_overlapping_periods_count_each_day_once():
    ledger = [(D(2025, 1, 1), D(2025, 1, 20), "a"), (D(2025, 1, 11), D(2025, 1, 30), "b")]
    assert days_remaining(ledger, D(2025, 1, 15)).used == 30


def test_window_from_february_29_follows_relativedelta():
    assert window_end(D(2024, 2, 29)) == D(2025, 2, 27)
    assert window_end(D(2024, 2, 28)) == D(2025, 2, 27)
    assert window_end(D(2024, 3, 1)) == D(2025, 2, 28)
    d = D(2003, 1, 1)
    while d < D(2009, 1, 1):
        assert year_later(d) == d + relativedelta(months=12)
        d += dt.timedelta(days=1)


def test_open_suspension_needs_as_of_and_ends_on_advice():
    open_one = BlackoutPeriod("b-1", D(2025, 5, 1), None, BlackoutBasis.SUSPENSION_EVENT, "stop order")
    with pytest.raises(ValueError, match="as_of"):
        check_blackouts([open_one])
    [v] = check_blackouts([open_one], as_of=D(2025, 5, 25))
    assert v.rule == "max_consecutive_days" and v.days == 25 and v.periods[0].id == "b-1"
    advised = BlackoutPeriod(
        "b-1", D(2025, 5, 1), None, BlackoutBasis.SUSPENSION_EVENT, "x", advice_sent_on=D(2025, 5, 10)
    )
    assert check_blackouts([advised]) == []
    assert status(advised, D(2025, 5, 10)) == "active" and status(advised, D(2025, 5, 11)) == "ended"
    assert status(open_one, D(2026, 1, 1)) == "active" and status(open_one, D(2025, 4, 30)) == "upcoming"


def test_bad_period_is_refused():
    with pytest.raises(ValueError, match="ends before it starts"):
        check_blackouts([(D(2025, 1, 2), D(2025, 1, 1), "a")])


def test_days_remaining_today_and_for_a_proposal():
    ledger = [Period(D(2025, 1, 1), D(2025, 1, 15), "a", "b-1"), Period(D(2025, 9, 1), D(2025, 9, 10), "b", "b-2")]
    today = days_remaining(ledger, D(2025, 6, 1))
    assert (today.used, today.remaining) == (25, 15) and today.proposed is None
    assert "25 of 40" in today.explanation
    ok = days_remaining(ledger, D(2025, 6, 1), proposed=(D(2025, 6, 1), D(2025, 6, 15), "c"))
    assert ok.allowed and ok.used_with_proposed == 40 and ok.remaining_after == 0
    too_many = days_remaining(ledger, D(2025, 6, 1), proposed=(D(2025, 6, 1), D(2025, 6, 16), "c"))
    assert not too_many.allowed and too_many.remaining_after == -1
    assert rules(too_many.violations) == ["aggregate_days_in_12_months"]
    same = days_remaining(ledger, D(2025, 6, 1), proposed=(D(2025, 9, 11), D(2025, 9, 12), "b"))
    assert rules(same.violations) == ["consecutive_periods_same_facts"]
    long = days_remaining([], D(2025, 6, 1), proposed=(D(2025, 6, 1), D(2025, 6, 21), "c"))
    assert rules(long.violations) == ["max_consecutive_days"] and long.remaining_after == 19


def brute_force(ledger):
    """Day by day: which periods are too long, which same-facts pairs touch, which window
    start days hold more than 40 blackout days."""
    days = set()
    for s, e, _ in ledger:
        days.update(s + dt.timedelta(days=i) for i in range((e - s).days + 1))
    too_long = {i for i, (s, e, _) in enumerate(ledger) if (e - s).days + 1 > 20}
    pairs = set()
    for i, (s1, e1, f1) in enumerate(ledger):
        for j, (s2, e2, f2) in enumerate(ledger):
            if i < j and f1 == f2:
                (a, b) = sorted([(s1, e1, i), (s2, e2, j)])[:2]
                if b[0] <= a[1] + dt.timedelta(days=1):
                    pairs.add((i, j))
    bad = set()
    if days:
        d = min(days) - dt.timedelta(days=400)
        while d <= max(days):
            end = d + relativedelta(months=12) - dt.timedelta(days=1)
            if sum(1 for x in days if d <= x <= end) > 40:
                bad.add(d)
            d += dt.timedelta(days=1)
    return too_long, pairs, bad


period_st = st.tuples(
    st.dates(min_value=D(2003, 5, 1), max_value=D(2005, 12, 31)),
    st.integers(min_value=0, max_value=25),
    st.sampled_from(["a", "b", "c"]),
).map(lambda t: (t[0], t[0] + dt.timedelta(days=t[1]), t[2]))


@settings(max_examples=60, deadline=None)
@given(st.lists(period_st, max_size=7))
def test_check_blackouts_agrees_with_a_day_by_day_oracle(ledger):
    too_long, pairs, bad = brute_force(ledger)
    found = check_blackouts(ledger)
    index = lambda p: int(p.id[1:]) - 1  # noqa: E731 - tuple entries are named "#<position>"
    assert {index(v.periods[0]) for v in found if v.rule == "max_consecutive_days"} == too_long
    assert {
        tuple(sorted(map(index, v.periods))) for v in found if v.rule == "consecutive_periods_same_facts"
    } == pairs
    starts = set()
    for v in found:
        if v.rule == "aggregate_days_in_12_months":
            a, b = v.window_starts
            starts.update(a + dt.timedelta(days=i) for i in range((b - a).days + 1))
            assert v.days > 40
    assert starts == bad


def test_a_ledger_of_hundreds_of_periods_breaks_only_the_40_day_limit():
    """Five-day periods every 15 days: about 25 days in any 30, so each rolling 12 months holds
    well over 40 days and nothing else is broken. Its speed: benchmarks/bench_domain.py."""
    ledger = [(D(2003, 1, 1) + dt.timedelta(days=15 * i), D(2003, 1, 1) + dt.timedelta(days=15 * i + 4), f"f{i % 7}")
              for i in range(500)]
    found = check_blackouts(ledger)
    use = days_remaining(ledger, D(2010, 1, 1), proposed=(D(2010, 1, 2), D(2010, 1, 10), "new"))
    assert found and all(v.rule == "aggregate_days_in_12_months" for v in found)
    # the worst window 2009-01-14 .. 2010-01-13 holds 25 periods of 5 days; the proposal's 9 days
    # overlap the period of Jan 9-13 on two of them, so it adds 7
    assert use.window == (D(2009, 1, 14), D(2010, 1, 13)) and use.used == 125 and use.remaining == 0
    assert use.used_with_proposed == 132 and use.remaining_after == -92


def test_a_proposal_is_named_after_the_ledger_and_must_have_its_last_day_recorded():
    ledger = [Period(D(2025, 1, 1), D(2025, 1, 15), "a", "b-1"), Period(D(2025, 9, 1), D(2025, 9, 10), "b", "b-2")]
    typed = days_remaining(ledger, D(2025, 6, 1), proposed=(D(2025, 6, 1), D(2025, 6, 15), "c"))
    assert typed.proposed == Period(D(2025, 6, 1), D(2025, 6, 15), "c", "#3")  # the third entry
    unnamed = days_remaining(ledger, D(2025, 6, 1), proposed=Period(D(2025, 6, 1), D(2025, 6, 15), "c"))
    assert unnamed.proposed.id == "proposed"
    recorded = BlackoutPeriod("b-9", D(2025, 6, 1), D(2025, 6, 15), BlackoutBasis.MNPI, "c")
    assert days_remaining(ledger, D(2025, 6, 1), proposed=recorded).proposed.id == "b-9"
    with pytest.raises(ValueError, match=r"^Blackout period Sun Jun 1, 2025 – open \(until Advice; counted through "
                                         r"Mon Jun 9, 2025\) is open-ended: pass as_of to count it$"):
        days_remaining(ledger, D(2025, 6, 1), proposed=Period(D(2025, 6, 1), None, "c", counted_through=D(2025, 6, 9)))


def test_a_blackout_more_than_a_year_away_uses_none_of_todays_windows():
    # The ledger's only blackout is Mon Mar 7 - Fri Mar 18, 2005 (12 days). No 12-month window
    # containing Mon Jun 2, 2003 reaches March 2005 (the latest ends Tue Jun 1, 2004), so none of
    # its days count: 0 used, 40 remain. A 12-day proposal Jun 2 - Fri Jun 13, 2003 would use 12
    # of its worst window, the first that holds all of it (Fri Jun 14, 2002 - Fri Jun 13, 2003): 28 remain.
    ledger = [Period(D(2005, 3, 7), D(2005, 3, 18), "a", "b-1")]
    today = days_remaining(ledger, D(2003, 6, 2))
    assert (today.used, today.remaining) == (0, 40)
    assert today.explanation == ("0 of 40 blackout days used in the 12 months Mon Jun 3, 2002 – Mon Jun 2, 2003; "
                                 "40 remain (3(n)).")
    proposal = days_remaining(ledger, D(2003, 6, 2), proposed=(D(2003, 6, 2), D(2003, 6, 13), "b"))
    assert proposal.window == (D(2002, 6, 14), D(2003, 6, 13))
    assert (proposal.used, proposal.used_with_proposed, proposal.remaining_after) == (0, 12, 28)


def test_a_period_from_the_same_facts_that_shares_a_day_with_the_earlier_one_overlaps_it():
    # Tue Sep 2 - Fri Sep 12, 2003 (11 days) and Fri Sep 12 - Fri Sep 19 (8 days), both for the
    # same pending acquisition (case and spacing aside): they share Sep 12, so the later one
    # overlaps the earlier, not "starts the day after it ends"; 11 + 8 = 19 days named
    found = check_blackouts([(D(2003, 9, 2), D(2003, 9, 12), "pending acquisition of Acme"),
                             (D(2003, 9, 12), D(2003, 9, 19), "Pending  ACQUISITION of Acme")])
    assert [(v.rule, v.days) for v in found] == [("consecutive_periods_same_facts", 19)]
    assert found[0].message == (
        "Blackout Fri Sep 12, 2003 – Fri Sep 19, 2003 arises from the same facts (“Pending  ACQUISITION of Acme”) "
        "as Tue Sep 2, 2003 – Fri Sep 12, 2003 and overlaps it; 3(n) forbids consecutive periods from the same facts.")


def test_a_blackout_exactly_a_year_after_today_counts_in_the_window_that_opens_today():
    # On Mon Jun 2, 2003 the 12-month window opening that day runs to Tue Jun 1, 2004 and holds
    # the first day of the Jun 1 - Jun 10, 2004 blackout; every window opening earlier ends by
    # May 31, 2004 and holds none of it: 1 day used, 39 remain
    use = days_remaining([Period(D(2004, 6, 1), D(2004, 6, 10), "a", "b-1")], D(2003, 6, 2))
    assert (use.window, use.used, use.remaining) == ((D(2003, 6, 2), D(2004, 6, 1)), 1, 39)


def test_the_worst_window_names_a_one_day_blackout_on_its_first_day():
    # Mon Jan 20, 2003 (1 day), Mar 3-22 (20), Jul 7-26 (20) and Jan 10-19, 2004 (10), each from
    # its own facts. The worst 12-month window opens Jan 20, 2003 and ends Mon Jan 19, 2004:
    # 1 + 20 + 20 + 10 = 51 days; it is named with all four periods, the one-day blackout on its
    # first day included. The windows over 40 open from Sat Jul 27, 2002 (to Jul 26, 2003:
    # 1 + 20 + 20 = 41) through Wed Mar 12, 2003 (to Mar 11, 2004: 11 + 20 + 10 = 41).
    ledger = [Period(D(2003, 1, 20), D(2003, 1, 20), "a", "b-1"), Period(D(2003, 3, 3), D(2003, 3, 22), "b", "b-2"),
              Period(D(2003, 7, 7), D(2003, 7, 26), "c", "b-3"), Period(D(2004, 1, 10), D(2004, 1, 19), "d", "b-4")]
    (v,) = check_blackouts(ledger)
    assert (v.rule, v.days, v.window) == ("aggregate_days_in_12_months", 51, (D(2003, 1, 20), D(2004, 1, 19)))
    assert v.window_starts == (D(2002, 7, 27), D(2003, 3, 12))
    assert [p.id for p in v.periods] == ["b-1", "b-2", "b-3", "b-4"]


def test_only_a_suspension_ends_on_its_advice():
    # An Advice recorded on Fri Sep 5, 2003 ends a 3(m)(iii) suspension that day (Sep 2-5: 4 days);
    # a 3(n)(i) blackout runs to its own last day, Fri Sep 19 (18 days), whatever Advice is recorded
    mnpi = BlackoutPeriod("b-1", D(2003, 9, 2), D(2003, 9, 19), BlackoutBasis.MNPI, "pending acquisition",
                          advice_sent_on=D(2003, 9, 5))
    suspension = BlackoutPeriod("b-2", D(2003, 9, 2), None, BlackoutBasis.SUSPENSION_EVENT, "stop order",
                                advice_sent_on=D(2003, 9, 5))
    assert [(p.last_day, p.days) for p in as_periods([mnpi, suspension])] == [
        (D(2003, 9, 19), 18), (D(2003, 9, 5), 4)]
    assert status(mnpi, D(2003, 9, 8)) == "active" and status(suspension, D(2003, 9, 8)) == "ended"

"""The precomputed day table agrees with the day-by-day rule it speeds up: counting with the
table (1990-2100) and walking day by day (outside it) give the same Business Day for every date
and count, on every calendar, and the table itself spans exactly its years."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    BusinessCalendar,
    EdgarCalendar,
    _DayTable,
    closed_days,
)
from rra_desktop.domain.model import CalendarName

ONE = dt.timedelta(days=1)
DAYS = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 1))
CALENDARS = st.sampled_from([BusinessCalendar(), BusinessCalendar(CalendarName.NEW_YORK_STRICT),
                             BusinessCalendar(closure_days=(dt.date(2012, 10, 30),)), EdgarCalendar()])


def walk(cal, d, n):
    """The nth open day after (n > 0) or before (n < 0) ``d``, one day at a time."""
    step = ONE if n > 0 else -ONE
    left = abs(n)
    while left:
        d += step
        if cal.closed_reason(d) is None:
            left -= 1
    return d


def counted(cal, start, end):
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    total, d = 0, lo
    while d < hi:
        d += ONE
        total += cal.closed_reason(d) is None
    return sign * total


def test_a_fresh_table_spans_its_years_and_marks_weekends_and_holidays():
    closed = closed_days(CalendarName.FEDERAL_RESERVE, (), FIRST_YEAR, LAST_YEAR)
    table = _DayTable(closed)
    first, last = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
    assert table.base == first.toordinal()
    assert len(table.is_open) == len(table.rank) == (last - first).days + 1
    assert table.closed == {d.toordinal(): why for d, why in closed.items()}
    for d in (first, dt.date(2003, 7, 4), dt.date(2003, 7, 5), dt.date(2003, 7, 7), last):
        i = d.toordinal() - table.base
        assert table.is_open[i] == (d.weekday() < 5 and d not in closed)
        assert table.rank[i] == sum(table.is_open[: i + 1])
    assert table.days[0] == dt.date(1990, 1, 2).toordinal()  # Jan 1, 1990: New Year's Day
    assert table.days[-1] == dt.date(2100, 12, 31).toordinal()  # a Friday
    assert len(table.days) == sum(table.is_open)


@settings(deadline=None)
@given(CALENDARS, DAYS, st.integers(-40, 40))
def test_counting_with_the_table_matches_walking_day_by_day(cal, d, n):
    got = cal._add(d, n)
    assert got == walk(cal, d, n)
    if n > 0:  # "the nth open day after d": exactly n open days in (d, got]
        assert cal._count_between(d, got) == n


@settings(deadline=None)
@given(CALENDARS, DAYS, st.integers(-500, 500))
def test_days_between_match_the_walk(cal, a, days):
    b = a + dt.timedelta(days=days)
    assert cal._count_between(a, b) == counted(cal, a, b)


@given(CALENDARS, DAYS)
def test_previous_and_next_or_same(cal, d):
    open_ = cal.closed_reason(d) is None
    assert cal._previous_or_same(d) == (d if open_ else walk(cal, d, -1))
    assert cal._next_or_same(d) == (d if open_ else walk(cal, d, 1))


def test_outside_the_table_the_walk_is_used_and_agrees_at_its_edges():
    cal = BusinessCalendar()
    assert cal.add_business_days(dt.date(1989, 12, 29), 1) == dt.date(1990, 1, 2)  # over New Year's Day 1990
    assert cal.add_business_days(dt.date(2100, 12, 31), 1) == dt.date(2101, 1, 3)  # Jan 1, 2101 a Saturday...
    assert cal.business_days_between(dt.date(1989, 12, 29), dt.date(1990, 1, 3)) == 2
    assert cal.business_days_between(dt.date(2101, 1, 3), dt.date(2100, 12, 31)) == -1
    assert cal.is_business_day(dt.date(1989, 12, 25)) is False and cal.is_business_day(dt.date(2101, 1, 4))


def test_the_day_table_is_built_by_the_first_count_not_by_making_or_naming_the_calendar(monkeypatch):
    import rra_desktop.domain.calendar as calendar_module

    built = []
    real = calendar_module._DayTable.__init__

    def counted(self, closed):
        built.append(1)
        real(self, closed)

    monkeypatch.setattr(calendar_module._DayTable, "__init__", counted)
    calendar_module._business_table.cache_clear()
    calendar_module._edgar_table.cache_clear()
    cal, edgar = BusinessCalendar("federal_reserve", (dt.date(2003, 8, 14),)), calendar_module.EdgarCalendar()
    assert cal.display_name == "Federal Reserve holidays + 1 ad hoc closure" and built == []
    assert cal.add_business_days(dt.date(2003, 8, 13), 1) == dt.date(2003, 8, 15)  # over the closure
    assert cal.business_days_between(dt.date(2003, 8, 13), dt.date(2003, 8, 18)) == 2 and built == [1]
    assert edgar.next_filing_day(dt.date(2003, 8, 13)) == dt.date(2003, 8, 14) and built == [1, 1]
    calendar_module._business_table.cache_clear()
    calendar_module._edgar_table.cache_clear()


def test_counting_wholly_outside_the_table_walks_both_ways():
    cal = BusinessCalendar()
    # Wed Nov 22, 1989 (not counted) to Mon Nov 27: Thanksgiving Thu Nov 23 closed, Fri 24 open, the
    # weekend, Mon 27 open: 2; the other way round -2; no days between: 0
    assert cal.business_days_between(dt.date(1989, 11, 22), dt.date(1989, 11, 27)) == 2
    assert cal.business_days_between(dt.date(1989, 11, 27), dt.date(1989, 11, 22)) == -2
    assert cal.business_days_between(dt.date(1989, 11, 23), dt.date(1989, 11, 23)) == 0
    assert cal.business_days_between(dt.date(1989, 11, 23), dt.date(1989, 11, 24)) == 1
    for start in (dt.date(1985, 7, 3), dt.date(2101, 6, 30), dt.date(2150, 12, 24)):
        for n in (1, 5, 23):
            assert cal.business_days_between(start, cal.add_business_days(start, n)) == n
            assert cal.business_days_between(cal.add_business_days(start, n), start) == -n


def test_the_first_days_after_the_table_are_counted_as_the_days_inside_it():
    # Sat Jan 1, 2101 is the first day after the table (which ends Fri Dec 31, 2100): a Saturday
    # and New Year's Day, not a Business Day; the Business Day before it is Fri Dec 31, 2100
    cal = BusinessCalendar()
    assert cal.is_business_day(dt.date(2101, 1, 1)) is False
    assert cal.add_business_days(dt.date(2101, 1, 1), -1) == dt.date(2100, 12, 31)
    # (Thu Dec 30, 2100, Sat Jan 1, 2101]: Fri Dec 31 only, 1; counted the other way round, -1
    assert cal.business_days_between(dt.date(2100, 12, 30), dt.date(2101, 1, 1)) == 1
    assert cal.business_days_between(dt.date(2101, 1, 1), dt.date(2100, 12, 30)) == -1


def test_counting_back_outside_the_table_steps_one_day_at_a_time():
    # Wed Jan 5, 2101: one Business Day back is Tue Jan 4, two back Mon Jan 3 (New Year's Day fell
    # on the Saturday and the Federal Reserve leaves Fri Dec 31 open), three back Fri Dec 31, 2100
    cal = BusinessCalendar()
    assert [cal.add_business_days(dt.date(2101, 1, 5), -n) for n in (1, 2, 3)] == [
        dt.date(2101, 1, 4), dt.date(2101, 1, 3), dt.date(2100, 12, 31)]

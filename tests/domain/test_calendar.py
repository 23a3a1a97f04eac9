"""Business Day, EDGAR and GCL §25 calendars, with worked dates."""

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.calendar import (
    FEDERAL_CLOSURES,
    BusinessCalendar,
    CalendarName,
    EdgarCalendar,
    calendar_for,
    ny_gcl_extended,
    ny_public_holiday,
)
from rra_desktop.sample import load_sample_deal

D = dt.date
FED = BusinessCalendar()
NY = BusinessCalendar(CalendarName.NEW_YORK_STRICT)
EDGAR = EdgarCalendar()


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (D(2004, 7, 4), False),  # Sunday
        (D(2004, 7, 5), False),  # Independence Day on a Sunday closes the Monday
        (D(2009, 7, 3), True),  # Independence Day on a Saturday: the Friday stays open
        (D(2009, 7, 6), True),
        (D(2021, 6, 18), True),  # Juneteenth 2021 (Saturday; Fed not yet closing for it)
        (D(2022, 6, 20), False),  # Juneteenth 2022 on a Sunday closes Monday
        (D(2023, 6, 19), False),
        (D(2003, 4, 18), True),  # Good Friday is a Business Day
        (D(2004, 2, 12), True),  # Lincoln's Birthday: open on the Federal Reserve calendar
        (D(2004, 11, 2), True),  # Election Day: open on the Federal Reserve calendar
        (D(2004, 6, 11), True),  # Reagan day of mourning: banks open
        (D(2010, 12, 31), True),  # New Year's Day 2011 on a Saturday: Dec 31 open
        (D(2011, 12, 26), False),  # Christmas on Sunday closes Monday
        (D(2003, 11, 11), False),
        (D(2003, 11, 27), False),
        (D(2003, 6, 21), False),  # Saturday
    ],
)
def test_federal_reserve_calendar(day, open_):
    assert FED.is_business_day(day) is open_


def test_new_york_strict_adds_state_holidays():
    assert not NY.is_business_day(D(2004, 2, 12))  # Lincoln's Birthday, a Thursday
    assert NY.closed_reason(D(2004, 2, 12)) == "Lincoln's Birthday"
    assert not NY.is_business_day(D(2004, 11, 2))  # general Election Day
    assert NY.is_business_day(D(2021, 6, 18))  # state Juneteenth 2021 fell on a Saturday: no shift
    assert not NY.is_business_day(D(2006, 2, 13))  # Lincoln's Birthday 2006 on a Sunday -> Monday
    assert NY.is_business_day(D(2003, 4, 18))  # Good Friday still open
    assert NY.add_business_days(D(2004, 2, 11), 1) == D(2004, 2, 13)
    assert FED.add_business_days(D(2004, 2, 11), 1) == D(2004, 2, 12)


def test_ad_hoc_closure_and_display_name():
    cal = BusinessCalendar(closure_days=(D(2003, 8, 15),))  # e.g. the 2003 blackout
    assert not cal.is_business_day(D(2003, 8, 15))
    assert cal.closed_reason(D(2003, 8, 15)) == "ad hoc closure"
    assert cal.display_name == "Federal Reserve holidays + 1 ad hoc closure"
    assert FED.display_name == "Federal Reserve holidays"
    assert BusinessCalendar(closure_days=[D(2003, 8, 15), D(2003, 8, 14)]).display_name.endswith("2 ad hoc closures")
    assert cal.add_business_days(D(2003, 8, 14), 1) == D(2003, 8, 18)
    assert cal == BusinessCalendar(CalendarName.FEDERAL_RESERVE, [D(2003, 8, 15)])


def test_calendar_for_sample_terms():
    cal = calendar_for(load_sample_deal().terms)
    assert cal == FED and cal.name == CalendarName.FEDERAL_RESERVE


def test_add_business_days_worked():
    assert FED.add_business_days(D(2003, 6, 20), 0) == D(2003, 6, 20)
    assert FED.add_business_days(D(2003, 6, 21), 0) == D(2003, 6, 21)  # n == 0 returns d as given
    assert FED.add_business_days(D(2003, 6, 20), -5) == D(2003, 6, 13)
    assert FED.add_business_days(D(2003, 6, 21), 1) == D(2003, 6, 23)
    assert FED.add_business_days(D(2003, 6, 21), -1) == D(2003, 6, 20)
    # Thursday effectiveness before a Monday holiday (Labor Day 2003): 2 BD -> Tuesday
    assert FED.add_business_days(D(2003, 8, 28), 2) == D(2003, 9, 2)
    assert FED.next_business_day(D(2004, 7, 2)) == D(2004, 7, 6)
    assert FED.previous_or_same(D(2004, 7, 5)) == D(2004, 7, 2)
    assert FED.previous_or_same(D(2004, 7, 6)) == D(2004, 7, 6)
    assert FED.next_or_same(D(2004, 7, 3)) == D(2004, 7, 6)
    assert FED.business_days_between(D(2003, 6, 13), D(2003, 6, 20)) == 5


def test_outside_precomputed_span_walks_day_by_day():
    assert FED.add_business_days(D(2100, 12, 30), 3) == D(2101, 1, 4)  # Jan 1 2101 holiday, then weekend
    assert not FED.is_business_day(D(1985, 12, 25))
    assert FED.add_business_days(D(1990, 1, 2), -1) == D(1989, 12, 29)


def test_agrees_with_holidays_library_where_the_library_is_right():
    """The library's US calendar moves Saturday holidays to Friday and has Juneteenth from 2021:
    apart from those two differences (which the Fed schedule does not follow) it must agree."""
    lib = holidays.US(years=range(1990, 2101))
    mine = {d for y in range(1990, 2101) for d in _closed_weekdays(FED, y)}
    theirs = set()
    for d, name in lib.items():
        if d.weekday() >= 5 or "Inauguration" in name:
            continue
        is_sat_shift = "(observed)" in name and d.weekday() == 4
        if is_sat_shift or (d.year == 2021 and "Juneteenth" in name):
            continue
        theirs.add(d)
    assert mine == theirs


def test_matches_the_federal_reserve_calendar_of_the_holidays_library():
    """holidays >= 0.109 has the Federal Reserve's own schedule (XFED): the table here must close
    exactly its weekdays 1999-2100 (the library is a test tool; the app ships the table)."""
    if "XFED" not in getattr(holidays, "list_supported_financial", lambda: {})():
        pytest.skip(f"holidays {holidays.__version__} has no XFED calendar (0.109 has)")
    xfed = holidays.financial_holidays("XFED", years=range(1999, 2101))
    theirs = {d for d in xfed if d.weekday() < 5}
    mine = {d for y in range(1999, 2101) for d in _closed_weekdays(FED, y)}
    assert mine == theirs
    assert D(2022, 6, 20) in mine and D(2021, 6, 18) not in mine  # Juneteenth from 2022; no Saturday shift
    assert D(2021, 12, 24) not in mine and D(2022, 12, 26) in mine


def _closed_weekdays(cal, year):
    d = D(year, 1, 1)
    while d.year == year:
        if d.weekday() < 5 and not cal.is_business_day(d):
            yield d
        d += dt.timedelta(days=1)


def test_edgar_filing_days():
    assert not EDGAR.is_filing_day(D(2009, 7, 3))  # federal offices observe Saturday's holiday on Friday
    assert not EDGAR.is_filing_day(D(2021, 6, 18))  # Juneteenth 2021 observed
    for day, _name in FEDERAL_CLOSURES:
        assert not EDGAR.is_filing_day(day)
    assert not EDGAR.is_filing_day(D(2007, 1, 2))  # Ford
    assert not EDGAR.is_filing_day(D(2018, 12, 5))  # G.H.W. Bush
    assert EDGAR.is_filing_day(D(2003, 4, 18))  # Good Friday
    assert EDGAR.previous_or_same(D(2003, 6, 21)) == D(2003, 6, 20)
    assert EdgarCalendar(closure_days=(D(2012, 10, 29),)).is_filing_day(D(2012, 10, 29)) is False


@pytest.mark.parametrize(
    ("at", "deemed"),
    [
        (dt.datetime(2003, 6, 20, 17, 29), D(2003, 6, 20)),
        (dt.datetime(2003, 6, 20, 17, 30), D(2003, 6, 20)),
        (dt.datetime(2003, 6, 20, 17, 31), D(2003, 6, 23)),
        (dt.datetime(2003, 6, 20, 21, 59), D(2003, 6, 23)),
        (dt.datetime(2003, 6, 21, 10, 0), D(2003, 6, 23)),  # Saturday
        (dt.datetime(2004, 6, 11, 10, 0), D(2004, 6, 14)),  # Reagan day of mourning
        (dt.datetime(2003, 7, 3, 18, 0), D(2003, 7, 7)),  # after cut-off before July 4th
    ],
)
def test_edgar_cutoff(at, deemed):
    assert EDGAR.deemed_filing_date(at).date == deemed


def test_edgar_cutoff_across_dst_and_time_zones():
    from zoneinfo import ZoneInfo

    pacific = ZoneInfo("America/Los_Angeles")
    # 2:45 p.m. Pacific on the Monday after the spring DST change = 5:45 p.m. Eastern: late
    assert EDGAR.deemed_filing_date(dt.datetime(2004, 4, 5, 14, 45, tzinfo=pacific)).date == D(2004, 4, 6)
    # 2:25 p.m. Pacific the Monday after the autumn change = 5:25 p.m. Eastern: same day
    assert EDGAR.deemed_filing_date(dt.datetime(2004, 11, 1, 14, 25, tzinfo=pacific)).date == D(2004, 11, 1)
    utc = dt.UTC
    # 21:35 UTC in July (EDT, UTC-4) = 5:35 p.m. Eastern; in January (EST, UTC-5) = 4:35 p.m.
    assert EDGAR.deemed_filing_date(dt.datetime(2003, 7, 1, 21, 35, tzinfo=utc)).date == D(2003, 7, 2)
    assert EDGAR.deemed_filing_date(dt.datetime(2004, 1, 6, 21, 35, tzinfo=utc)).date == D(2004, 1, 6)


def test_filed_after_cutoff_on_filing_date_is_late():
    check = EDGAR.is_late(dt.datetime(2003, 6, 20, 18, 5), D(2003, 6, 20))
    assert check.late and check.deemed_filed_on == D(2003, 6, 23)
    assert "6:05 p.m." in check.message and "late" in check.message
    ok = EDGAR.is_late(dt.datetime(2003, 6, 20, 16, 0), D(2003, 6, 20))
    assert not ok.late and "on time" in ok.message


def test_gcl_25_extension():
    assert ny_gcl_extended(D(2003, 6, 21)) == D(2003, 6, 23)  # Saturday -> Monday
    assert ny_gcl_extended(D(2004, 2, 12)) == D(2004, 2, 13)  # Lincoln's Birthday
    assert ny_gcl_extended(D(2003, 11, 4)) == D(2003, 11, 5)  # general Election Day 2003
    assert ny_gcl_extended(D(2003, 6, 20)) == D(2003, 6, 20)  # already a performable day
    assert ny_gcl_extended(D(2004, 2, 14)) == D(2004, 2, 17)  # Sat, Sun, Washington's Birthday
    assert ny_public_holiday(D(2004, 2, 16)) == "Washington's Birthday"
    assert ny_public_holiday(D(2003, 4, 18)) is None  # Good Friday is not a §24 holiday


# --- properties ---------------------------------------------------------------------------------

days = st.dates(min_value=D(1991, 1, 1), max_value=D(2099, 12, 31))
calendars = st.sampled_from([FED, NY, BusinessCalendar(closure_days=(D(2003, 6, 23), D(2012, 10, 29)))])


def _oracle_add(cal, d, n):
    step = dt.timedelta(days=1 if n > 0 else -1)
    left = abs(n)
    while left:
        d += step
        if cal.closed_reason(d) is None:
            left -= 1
    return d


@settings(max_examples=300, deadline=None)
@given(calendars, days, st.integers(1, 40))
def test_add_then_subtract_returns_a_business_day(cal, d, n):
    d = cal.next_or_same(d)
    assert cal.add_business_days(cal.add_business_days(d, n), -n) == d


@settings(max_examples=300, deadline=None)
@given(calendars, days, st.integers(-40, 40).filter(bool))
def test_add_matches_day_by_day_oracle(cal, d, n):
    got = cal.add_business_days(d, n)
    assert got == _oracle_add(cal, d, n)
    assert cal.is_business_day(got)
    lo, hi = (d, got) if n > 0 else (got, d)
    count = sum(cal.is_business_day(lo + dt.timedelta(days=k)) for k in range(1, (hi - lo).days + 1))
    # n > 0: exactly n Business Days in (d, result]; n < 0: |n| in [result, d) = (result-1, d-1]
    if n > 0:
        assert count == n
    else:
        assert count - cal.is_business_day(d) + 1 == -n


def test_the_calendar_is_named_without_building_its_day_table():
    from rra_desktop.domain.calendar import BusinessCalendar, CalendarName, calendar_display_name

    for name in CalendarName:
        for closures in ((), (dt.date(2003, 9, 2),), (dt.date(2003, 9, 2), dt.date(2003, 9, 2), dt.date(2004, 1, 5))):
            assert calendar_display_name(name, closures) == BusinessCalendar(name, closures).display_name
    assert calendar_display_name("new_york_strict", (dt.date(2003, 9, 2),)) == (
        "Federal Reserve + New York State legal holidays + 1 ad hoc closure")


def test_calendars_are_equal_only_with_the_same_name_and_closures():
    assert BusinessCalendar() == FED and hash(BusinessCalendar()) == hash(FED)
    assert FED != NY and BusinessCalendar("new_york_strict") == NY
    assert BusinessCalendar(CalendarName.FEDERAL_RESERVE, [D(2003, 8, 15)]) != FED
    assert FED != "federal_reserve" and FED != CalendarName.FEDERAL_RESERVE

"""Review of the calendars (Section 1 "Business Day", EDGAR, GCL §25) with dates checked by hand
against a printed calendar and the Federal Reserve / OPM holiday schedules."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rra_desktop.domain.calendar import (
    BusinessCalendar,
    CalendarName,
    EdgarCalendar,
    ny_gcl_extended,
    ny_public_holiday,
)

D = dt.date
FED = BusinessCalendar()
NY = BusinessCalendar(CalendarName.NEW_YORK_STRICT)
EDGAR = EdgarCalendar()


@pytest.mark.parametrize(
    ("day", "business_day", "why"),
    [
        (D(2003, 4, 18), True, None),  # Good Friday 2003: the Fed is open
        (D(2024, 3, 29), True, None),  # Good Friday 2024
        (D(2021, 6, 18), True, None),  # Juneteenth 2021 fell on a Saturday; Fed Banks first closed in 2022
        (D(2022, 6, 20), False, "Juneteenth National Independence Day (observed)"),  # Sun Jun 19, 2022
        (D(2023, 6, 19), False, "Juneteenth National Independence Day"),
        (D(2021, 12, 24), True, None),  # Christmas on Sat Dec 25, 2021: Friday stays open
        (D(2021, 12, 31), True, None),  # New Year's Day on Sat Jan 1, 2022: Friday stays open
        (D(2022, 12, 26), False, "Christmas Day (observed)"),  # Christmas on Sunday closes the Monday
        (D(2017, 1, 2), False, "New Year's Day (observed)"),
        (D(2003, 10, 13), False, "Columbus Day"),  # banks closed; NYSE open
        (D(2003, 11, 11), False, "Veterans Day"),
        (D(2023, 11, 10), True, None),  # Veterans Day on Sat Nov 11, 2023: Fed open Friday
        (D(2003, 2, 12), True, None),  # Lincoln's Birthday: not a Fed holiday
        (D(2003, 11, 4), True, None),  # General Election Day: not a Fed holiday
        (D(2004, 6, 11), True, None),  # Reagan day of mourning: federal offices shut, Fed Banks open
        (D(2025, 1, 9), True, None),  # Carter day of mourning
        (D(2003, 6, 21), False, "Saturday"),
        (D(2003, 6, 22), False, "Sunday"),
    ],
)
def test_federal_reserve_business_days(day, business_day, why):
    assert FED.is_business_day(day) is business_day
    assert FED.closed_reason(day) == why


def test_juneteenth_is_a_fed_holiday_only_from_2022():
    closed = {y for y in range(2003, 2031) for d in (18, 19, 20)
              if "Juneteenth" in (FED.closed_reason(D(y, 6, d)) or "")}
    # 2021 and 2027: Sat Jun 19, so no Fed closure at all (Friday open); 2022: Sunday, so Monday Jun 20 closed
    assert closed == {2022, 2023, 2024, 2025, 2026, 2028, 2029, 2030}
    assert FED.is_business_day(D(2027, 6, 18)) and not FED.is_business_day(D(2022, 6, 20))


def test_the_library_new_york_list_agrees_with_the_strict_calendar_on_weekdays():
    """holidays' US/NY list has Lincoln's Birthday and Election Day too; on weekdays (2003-2030) every
    one of its days except Susan B. Anthony Day (a commemoration, not a §24 holiday) closes the
    strict calendar."""
    lib = holidays.US(subdiv="NY", years=range(2003, 2031), observed=False)
    for day, name in lib.items():
        if day.weekday() < 5 and "Susan B" not in name and "Juneteenth" not in name:
            assert not NY.is_business_day(day), (day, name)


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (D(2003, 2, 12), "Lincoln's Birthday"),
        (D(2006, 2, 13), "Lincoln's Birthday (observed)"),  # Sun Feb 12, 2006: §24 makes Monday a holiday
        (D(2003, 11, 4), "General Election Day"),  # Tuesday after the first Monday of November 2003
        (D(2008, 11, 4), "General Election Day"),
        (D(2021, 11, 2), "General Election Day"),
    ],
)
def test_new_york_strict_adds_state_holidays_named(day, why):
    assert FED.is_business_day(day) and not NY.is_business_day(day)
    assert NY.closed_reason(day) == why and ny_public_holiday(day) == why


def test_days_of_mourning_close_edgar_by_name_but_not_the_business_day_calendar():
    for day, who in [(D(2004, 6, 11), "Reagan"), (D(2007, 1, 2), "Ford"), (D(2018, 12, 5), "Bush"),
                     (D(2025, 1, 9), "Carter")]:
        assert not EDGAR.is_filing_day(day) and who in EDGAR.closed_reason(day)
        assert FED.is_business_day(day) and NY.is_business_day(day)
        assert not BusinessCalendar(closure_days=(day,)).is_business_day(day)  # a deal may add it


def test_edgar_observes_saturday_holidays_on_friday_and_juneteenth_2021():
    # OPM: Sat Jun 19, 2021 observed Fri Jun 18; the SEC closed EDGAR that day
    assert not EDGAR.is_filing_day(D(2021, 6, 18))
    assert not EDGAR.is_filing_day(D(2021, 12, 24)) and not EDGAR.is_filing_day(D(2021, 12, 31))
    assert EDGAR.is_filing_day(D(2003, 4, 18))  # Good Friday
    assert EDGAR.next_filing_day(D(2021, 6, 17)) == D(2021, 6, 21)


def test_edgar_closed_under_executive_order_14371():
    assert not EDGAR.is_filing_day(D(2025, 12, 24))
    assert not EDGAR.is_filing_day(D(2025, 12, 26))
    assert EDGAR.deemed_filing_date(dt.datetime(2025, 12, 23, 18, 0)).date == D(2025, 12, 29)


@pytest.mark.parametrize(
    ("at", "deemed", "late"),
    [
        (dt.datetime(2003, 6, 20, 17, 29), D(2003, 6, 20), False),
        (dt.datetime(2003, 6, 20, 17, 30), D(2003, 6, 20), False),  # "on or before 5:30 p.m."
        (dt.datetime(2003, 6, 20, 18, 5), D(2003, 6, 23), True),  # 6:05 p.m. on the act-by day
        (dt.datetime(2003, 6, 21, 10, 0), D(2003, 6, 23), True),  # a Saturday
        (dt.datetime(2003, 6, 20, 21, 25, tzinfo=dt.UTC), D(2003, 6, 20), False),  # 5:25 p.m. EDT
        (dt.datetime(2003, 6, 20, 22, 5, tzinfo=dt.UTC), D(2003, 6, 23), True),  # 6:05 p.m. EDT
        (dt.datetime(2003, 6, 20, 14, 35, tzinfo=dt.timezone(dt.timedelta(hours=-7))), D(2003, 6, 23), True),
    ],
)
def test_edgar_cutoff_on_the_samples_act_by_day(at, deemed, late):
    """The sample's Filing Date is Sat Jun 21, 2003, act-by Fri Jun 20 (EDGAR); 2:35 p.m. Pacific
    daylight time is 5:35 p.m. Eastern, after the cut-off."""
    check = EDGAR.is_late(at, D(2003, 6, 20))
    assert (check.deemed_filed_on, check.late) == (deemed, late)
    if late:
        assert "late" in check.message


def test_gcl_25_and_act_by_for_the_sample_filing_and_effectiveness_dates():
    filing = D(2003, 5, 7) + dt.timedelta(days=45)
    effectiveness = D(2003, 5, 7) + dt.timedelta(days=90)
    assert filing == D(2003, 6, 21) and filing.weekday() == 5
    assert EDGAR.previous_or_same(filing) == D(2003, 6, 20) and ny_gcl_extended(filing) == D(2003, 6, 23)
    assert effectiveness == D(2003, 8, 5) and ny_gcl_extended(effectiveness) == effectiveness


@pytest.mark.parametrize(
    ("due", "extended"),
    [
        (D(2004, 2, 14), D(2004, 2, 17)),  # Sat; Mon Feb 16, 2004 Washington's Birthday
        (D(2006, 2, 11), D(2006, 2, 14)),  # Sat; Sun Feb 12 Lincoln's Birthday -> Mon Feb 13 holiday
        (D(2003, 11, 1), D(2003, 11, 3)),  # Sat; Mon open; Tue Nov 4 is Election Day but not reached
        (D(2003, 11, 4), D(2003, 11, 5)),  # due on Election Day itself
        (D(2003, 10, 11), D(2003, 10, 14)),  # Sat; Mon Columbus Day
        (D(2021, 6, 19), D(2021, 6, 21)),  # Sat, Juneteenth (NY holiday from 2021)
        (D(2003, 4, 18), D(2003, 4, 18)),  # Good Friday is not a §24 holiday
    ],
)
def test_gcl_25_extension_uses_the_section_24_list(due, extended):
    assert ny_gcl_extended(due) == extended


@given(st.dates(D(1995, 1, 1), D(2095, 12, 31)), st.integers(1, 40))
def test_counting_forward_lands_on_a_business_day_after_exactly_n_of_them(d, n):
    end = FED.add_business_days(d, n)
    assert FED.is_business_day(end) and end > d
    assert FED.business_days_between(d, end) == n
    back = FED.add_business_days(end, -n)
    assert back == (d if FED.is_business_day(d) else FED.previous_or_same(d))


@given(st.dates(D(1995, 1, 1), D(2095, 12, 31)))
def test_strict_calendar_is_never_more_open_than_the_fed_and_gcl_never_earlier(d):
    if NY.is_business_day(d):
        assert FED.is_business_day(d)
    ext = ny_gcl_extended(d)
    assert ext >= d and ext.weekday() < 5 and ny_public_holiday(ext) is None

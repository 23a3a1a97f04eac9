"""The working a deadline shows: a count with its noun in number, the holiday a calendar-day date
falls on named before the act-by day, and EDGAR's own ad hoc closures named as such."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.calendar import BusinessCalendar, EdgarCalendar
from rra_desktop.domain.counting import calendar_days_after, units

D = dt.date


def test_a_count_takes_its_noun_in_number():
    assert [units(n, "Business Day") for n in (1, -1, 2, -2, 0)] == [
        "1 Business Day", "-1 Business Day", "2 Business Days", "-2 Business Days", "0 Business Days"]
    assert units(1_000, "calendar day") == "1,000 calendar days"


def test_a_date_on_a_weekday_holiday_names_the_holiday_before_the_act_by_day():
    # Wed Jun 4, 2003 + 30 days = Fri Jul 4, 2003, Independence Day: act by Thu Jul 3; GCL §25 to Mon Jul 7
    on_banks = calendar_days_after(D(2003, 6, 4), 30, BusinessCalendar(), "Notice")
    assert (on_banks.due, on_banks.act_by, on_banks.extended_to) == (D(2003, 7, 4), D(2003, 7, 3), D(2003, 7, 7))
    assert on_banks.explanation == ("Notice Wed Jun 4, 2003 + 30 calendar days = Fri Jul 4, 2003 (Independence Day); "
                                    "last Business Day on or before: Thu Jul 3, 2003; GCL §25 extension: Mon Jul 7, "
                                    "2003")
    on_edgar = calendar_days_after(D(2003, 6, 4), 30, EdgarCalendar(), "Notice")
    assert "(Independence Day); last EDGAR filing day on or before: Thu Jul 3, 2003" in on_edgar.explanation
    # a Saturday is not named: Sat Jun 21, 2003 (Closing + 45 days)
    weekend = calendar_days_after(D(2003, 5, 7), 45, EdgarCalendar(), "Closing Date")
    assert weekend.explanation == ("Closing Date Wed May 7, 2003 + 45 calendar days = Sat Jun 21, 2003; last EDGAR "
                                   "filing day on or before: Fri Jun 20, 2003; GCL §25 extension: Mon Jun 23, 2003")


def test_an_ad_hoc_edgar_closure_is_named_and_kept_to_its_day():
    edgar = EdgarCalendar((D(2003, 8, 15),))
    assert edgar.closed_reason(D(2003, 8, 15)) == "ad hoc federal closure" and not edgar.is_filing_day(D(2003, 8, 15))
    assert edgar.closed_reason(D(2004, 8, 16)) is None and edgar.closed_reason(D(2003, 8, 14)) is None


def test_the_federal_holidays_of_a_span_are_its_own_years_to_both_ends():
    from rra_desktop.domain.calendar import federal_observed

    days = federal_observed(2003, 2003)
    assert (len(days), min(days), max(days)) == (10, D(2003, 1, 1), D(2003, 12, 25))
    edgar = EdgarCalendar()  # its day table runs 1990-2100: the first and the last year's holidays are in it
    assert edgar.closed_reason(D(1990, 1, 1)) == "New Year's Day"
    assert edgar.closed_reason(D(2100, 12, 24)) == "Christmas Day (observed)"  # Dec 25, 2100 is a Saturday
    # Juneteenth from 2021: Sat Jun 19, 2021 observed by the Commission on Fri Jun 18
    assert edgar.closed_reason(D(2021, 6, 18)) == "Juneteenth National Independence Day (observed)"

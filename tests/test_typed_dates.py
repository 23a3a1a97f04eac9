"""Typed dates: every form a paralegal writes, and a message that says what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from rra_desktop.typed_dates import DateProblem, eastern_now, parse_date, parse_datetime, parse_time

AUG_15 = dt.date(2003, 8, 15)


@pytest.mark.parametrize("text", ["8/15/2003", "08/15/2003", "8/15/03", "8-15-2003", "Aug 15, 2003",
                                  "August 15 2003", "aug. 15, 2003", "15 Aug 2003", "15 August, 2003",
                                  "2003-08-15", "Fri Aug 15, 2003", "Friday, August 15, 2003", "  8 / 15 / 2003 "])
def test_every_form_reads_august_15_2003(text):
    assert parse_date(text) == AUG_15


@pytest.mark.parametrize(("text", "expected"), [
    ("1/2/69", dt.date(1969, 1, 2)), ("1/2/68", dt.date(2068, 1, 2)),
    ("2/29/2004", dt.date(2004, 2, 29)), ("Sept 2, 2003", dt.date(2003, 9, 2))])
def test_two_digit_years_and_leap_days(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("", "Enter a date"),
    ("6/31/2003", "June 2003 has 30 days, not 31"),
    ("2/29/2003", "February 2003 has 28 days"),
    ("15/8/2003", "There is no month 15"),
    ("Aug 15", "Add the year"),
    ("8/15", "Add the year"),
    ("Mon Aug 15, 2003", "was a Friday, not a Monday"),
    ("Agu 15, 2003", "“agu” is not a month"),
    ("tomorrow", "Type a date such as"),
    ("8/15/2003 junk", "“junk” after the date"),
])
def test_a_wrong_date_says_what_is_wrong(text, message):
    with pytest.raises(DateProblem, match=message):
        parse_date(text)


@pytest.mark.parametrize(("text", "expected"), [("4:30 PM", dt.time(16, 30)), ("4:30 p.m.", dt.time(16, 30)),
                                                ("16:30", dt.time(16, 30)), ("12:00 am", dt.time(0, 0)),
                                                ("12 pm", dt.time(12, 0)), ("5:30:00 PM", dt.time(17, 30))])
def test_times(text, expected):
    assert parse_time(text) == expected


def test_date_times_and_their_refusals():
    assert parse_datetime("8/15/2003 4:30 PM") == dt.datetime(2003, 8, 15, 16, 30)
    assert parse_datetime("Fri Aug 15, 2003 5:30 p.m.") == dt.datetime(2003, 8, 15, 17, 30)
    assert parse_datetime("Aug 15, 2003 at 09:05") == dt.datetime(2003, 8, 15, 9, 5)
    with pytest.raises(DateProblem, match="Add the time"):
        parse_datetime("8/15/2003")
    with pytest.raises(DateProblem, match="13 PM is not a time"):
        parse_datetime("8/15/2003 13:00 pm")
    with pytest.raises(DateProblem, match="25:00 is not a time"):
        parse_datetime("8/15/2003 25:00")


def test_eastern_now_is_new_york_wall_time_whatever_the_machine_zone():
    # 21:30 UTC on Aug 15, 2003 is 5:30 p.m. EDT; 21:30 UTC on Jan 15 is 4:30 p.m. EST
    assert eastern_now(dt.datetime(2003, 8, 15, 21, 30, 12, tzinfo=dt.UTC)) == dt.datetime(2003, 8, 15, 17, 30)
    assert eastern_now(dt.datetime(2003, 1, 15, 21, 30, tzinfo=dt.UTC)) == dt.datetime(2003, 1, 15, 16, 30)

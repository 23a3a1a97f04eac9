"""7(g): worked examples for the date a notice is deemed given."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.notices import deemed_given

D = dt.date
T = dt.datetime
UTC = dt.UTC
PACIFIC = ZoneInfo("America/Los_Angeles")
LONDON = ZoneInfo("Europe/London")


def test_fax_at_4_59_pm_on_a_business_day_is_given_that_day():
    r = deemed_given("fax", T(2025, 3, 7, 16, 59))  # Friday
    assert r.date == D(2025, 3, 7)
    assert r.rule.startswith("7(g)(i):") and r.clause == "7(g)(i)"


def test_fax_at_5_01_pm_on_friday_is_given_monday():
    r = deemed_given("fax", T(2025, 3, 7, 17, 1))
    assert r.date == D(2025, 3, 10)
    assert r.clause == "7(g)(ii)"


def test_friday_evening_fax_before_a_monday_holiday_is_given_tuesday():
    # Martin Luther King, Jr. Day: Monday, January 20, 2025.
    assert deemed_given("fax", T(2025, 1, 17, 18, 0)).date == D(2025, 1, 21)


def test_fax_on_the_eve_of_independence_day_2003():
    # Thursday, July 3, 2003 at 6 p.m.; Friday July 4 is a holiday -> Monday July 7.
    assert deemed_given("fax", T(2003, 7, 3, 18, 0)).date == D(2003, 7, 7)


def test_fax_at_exactly_5_pm_awaits_receipt():
    r = deemed_given("fax", T(2025, 3, 7, 17, 0, 0))
    assert r.date is None and r.awaiting_receipt
    assert "exactly 5:00 p.m." in r.rule and "only on recorded actual receipt" in r.rule


def test_fax_thirty_seconds_after_5_pm_is_later_than_5_pm():
    assert deemed_given("fax", T(2025, 3, 7, 17, 0, 30)).date == D(2025, 3, 10)


def test_fax_at_11_59_pm_or_later_awaits_receipt():
    assert deemed_given("fax", T(2025, 3, 7, 23, 59)).date is None
    assert deemed_given("fax", T(2025, 3, 7, 23, 58, 59)).date == D(2025, 3, 10)


def test_fax_before_5_pm_on_a_weekend_or_holiday_awaits_receipt():
    assert deemed_given("fax", T(2025, 3, 8, 10, 0)).date is None  # Saturday
    assert deemed_given("fax", T(2025, 1, 20, 10, 0)).date is None  # MLK Day
    # ... but (ii) applies "on any date": a Saturday evening fax is given Monday.
    assert deemed_given("fax", T(2025, 3, 8, 18, 0)).date == D(2025, 3, 10)


def test_fax_sent_2_30_pm_from_california_is_5_30_pm_eastern():
    sent = T(2025, 6, 10, 14, 30, tzinfo=PACIFIC)  # Tuesday, PDT
    r = deemed_given("fax", sent)
    assert r.sent_eastern.hour == 17 and r.sent_eastern.minute == 30
    assert r.date == D(2025, 6, 11) and r.clause == "7(g)(ii)"
    # 1:30 p.m. Pacific is 4:30 p.m. Eastern: same day.
    assert deemed_given("fax", T(2025, 6, 10, 13, 30, tzinfo=PACIFIC)).date == D(2025, 6, 10)


def test_march_daylight_saving_week():
    # 21:30 UTC is 4:30 p.m. EST on Friday March 7, 2025, 5:30 p.m. EDT on Monday March 10.
    assert deemed_given("fax", T(2025, 3, 7, 21, 30, tzinfo=UTC)).date == D(2025, 3, 7)
    assert deemed_given("fax", T(2025, 3, 10, 21, 30, tzinfo=UTC)).date == D(2025, 3, 11)
    # London is still on GMT that Monday; 9:30 p.m. there is 5:30 p.m. in New York.
    assert deemed_given("fax", T(2025, 3, 10, 21, 30, tzinfo=LONDON)).date == D(2025, 3, 11)


def test_november_daylight_saving_week():
    # 21:30 UTC is 5:30 p.m. EDT on Friday October 31, 2025, 4:30 p.m. EST on Monday November 3.
    assert deemed_given("fax", T(2025, 10, 31, 21, 30, tzinfo=UTC)).date == D(2025, 11, 3)
    assert deemed_given("fax", T(2025, 11, 3, 21, 30, tzinfo=UTC)).date == D(2025, 11, 3)


def test_courier_sent_friday_is_given_monday():
    r = deemed_given("courier", T(2025, 3, 7, 9, 0))
    assert r.date == D(2025, 3, 10) and r.clause == "7(g)(iii)"
    assert deemed_given("courier", T(2025, 8, 29, 9, 0)).date == D(2025, 9, 2)  # Labor Day
    assert deemed_given("courier", T(2025, 3, 8, 9, 0)).date == D(2025, 3, 10)  # sent on a Saturday


def test_receipt_earlier_than_the_rule_date_wins():
    r = deemed_given("courier", T(2025, 1, 17, 9, 0), received_on=D(2025, 1, 17))
    assert r.date == D(2025, 1, 17) and r.clause == "7(g)(iv)"
    assert "actual receipt" in r.rule
    # Receipt later than the rule date does not delay the notice.
    assert deemed_given("courier", T(2025, 1, 17, 9, 0), received_on=D(2025, 1, 23)).date == D(2025, 1, 21)


@pytest.mark.parametrize("method", ["mail", "email", "personal"])
def test_methods_outside_i_to_iii_need_recorded_receipt(method):
    pending = deemed_given(method, T(2025, 3, 7, 10, 0))
    assert pending.date is None and "no receipt is recorded yet" in pending.rule
    received = deemed_given(method, T(2025, 3, 7, 10, 0), received_on=D(2025, 3, 8))
    assert received.date == D(2025, 3, 8) and received.clause == "7(g)(iv)"


def test_bad_inputs_are_refused():
    with pytest.raises(ValueError):
        deemed_given("pigeon", T(2025, 3, 7, 10, 0))
    with pytest.raises(ValueError):
        deemed_given("fax", T(2025, 3, 7, 10, 0), received_on=D(2025, 3, 5))  # two days before: refused


def test_closure_days_of_the_calendar_are_honoured():
    cal = BusinessCalendar(closure_days=(D(2025, 3, 10),))
    assert deemed_given("fax", T(2025, 3, 7, 18, 0), calendar=cal).date == D(2025, 3, 11)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["fax", "courier"]),
    st.datetimes(min_value=T(2003, 1, 1), max_value=T(2030, 12, 31)),
    st.integers(min_value=0, max_value=10),
)
def test_rule_dates_are_business_days_never_before_sending_nor_after_receipt(method, sent, lag):
    cal = BusinessCalendar()
    received = sent.date() + dt.timedelta(days=lag)
    r = deemed_given(method, sent, received_on=received, calendar=cal)
    assert r.date is not None and sent.date() <= r.date <= received
    plain = deemed_given(method, sent, calendar=cal)
    if plain.date is not None:
        assert cal.is_business_day(plain.date)
        assert r.date == min(plain.date, received)


PENDING = " — deemed given only on recorded actual receipt; no receipt is recorded yet"


@pytest.mark.parametrize(("method", "sent", "why"), [
    ("fax", dt.datetime(2003, 6, 21, 10), "fax sent before 5:00 p.m. Eastern on Sat Jun 21, 2003, not a Business Day"),
    ("fax", dt.datetime(2003, 6, 20, 17, 0), "fax sent at exactly 5:00 p.m. Eastern, neither before nor after it"),
    ("fax", dt.datetime(2003, 6, 20, 23, 59), "fax sent at or after 11:59 p.m. Eastern"),
    ("personal", dt.datetime(2003, 6, 20, 10), "personal delivery is actual receipt on delivery"),
    ("mail", dt.datetime(2003, 6, 20, 10), "first class mail is not one of the 7(g)(i)-(iii) methods"),
    ("email", dt.datetime(2003, 6, 20, 10), "e-mail is not one of the 7(g)(i)-(iii) methods"),
])
def test_why_no_rule_of_i_to_iii_dates_a_notice_is_said_word_for_word(method, sent, why):
    deemed = deemed_given(method, sent)
    assert (deemed.date, deemed.clause, deemed.rule) == (None, "7(g)(iv)", f"7(g)(iv): {why}{PENDING}")


@pytest.mark.parametrize(("sent", "date", "clause"), [
    (dt.datetime(2003, 6, 20, 16, 59, 59), dt.date(2003, 6, 20), "7(g)(i)"),  # Fri Jun 20, 2003
    (dt.datetime(2003, 6, 20, 17, 0, 1), dt.date(2003, 6, 23), "7(g)(ii)"),  # the next Business Day: Mon Jun 23
    (dt.datetime(2003, 6, 20, 23, 58, 59), dt.date(2003, 6, 23), "7(g)(ii)"),
])
def test_a_fax_either_side_of_the_cut_offs(sent, date, clause):
    deemed = deemed_given("fax", sent)
    assert (deemed.date, deemed.clause) == (date, clause)

"""Review of 7(g) deemed-given dates: every rule, the daylight-saving weeks of 2003 and 2007 (the
year the US moved its change dates while Europe did not), faxes from California and London."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.notices import deemed_given

D = dt.date
T = dt.datetime
LA = ZoneInfo("America/Los_Angeles")
LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("method", "sent", "given_on", "clause"),
    [
        # 2003: US daylight time Sun Apr 6 - Sun Oct 26. Fri Apr 4: PST vs EST, 3 hours.
        ("fax", T(2003, 4, 4, 13, 59, tzinfo=LA), D(2003, 4, 4), "7(g)(i)"),  # 4:59 p.m. EST
        ("fax", T(2003, 4, 4, 14, 1, tzinfo=LA), D(2003, 4, 7), "7(g)(ii)"),  # 5:01 p.m. Fri -> Mon
        ("fax", T(2003, 4, 7, 14, 1, tzinfo=LA), D(2003, 4, 8), "7(g)(ii)"),  # Monday after the change
        # London: UK summer time ended Sun Oct 26, 2003 too, so 5 hours either side of it
        ("fax", T(2003, 10, 24, 21, 59, tzinfo=LONDON), D(2003, 10, 24), "7(g)(i)"),
        ("fax", T(2003, 10, 27, 21, 59, tzinfo=LONDON), D(2003, 10, 27), "7(g)(i)"),
        # 2007: US daylight time from Sun Mar 11, UK from Sun Mar 25: London is only 4 hours ahead
        ("fax", T(2007, 3, 13, 21, 30, tzinfo=LONDON), D(2007, 3, 14), "7(g)(ii)"),  # 5:30 p.m. EDT
        ("fax", T(2007, 3, 27, 21, 30, tzinfo=LONDON), D(2007, 3, 27), "7(g)(i)"),  # 4:30 p.m. EDT
        # US daylight time ended Sun Nov 4, 2007, UK Oct 28: 4 hours again in between
        ("fax", T(2007, 10, 30, 21, 30, tzinfo=LONDON), D(2007, 10, 31), "7(g)(ii)"),
        ("fax", T(2007, 11, 6, 21, 30, tzinfo=LONDON), D(2007, 11, 6), "7(g)(i)"),  # 4:30 p.m. EST
        # Saturday holidays are not moved by the Fed: Fri Dec 24, 2021 is a Business Day
        ("fax", T(2021, 12, 24, 16, 59), D(2021, 12, 24), "7(g)(i)"),
        ("courier", T(2021, 12, 24, 10, 0), D(2021, 12, 27), "7(g)(iii)"),
        ("fax", T(2021, 12, 31, 17, 1), D(2022, 1, 3), "7(g)(ii)"),
        # a fax after 5:00 p.m. on a Saturday: (ii) applies "on any date"
        ("fax", T(2003, 6, 21, 18, 0), D(2003, 6, 23), "7(g)(ii)"),
        ("fax", T(2003, 6, 20, 23, 58, 59), D(2003, 6, 23), "7(g)(ii)"),
        # courier handed over late on Jul 3, 2003 (Thu); Fri Jul 4 is a holiday
        ("courier", T(2003, 7, 4, 3, 30, tzinfo=dt.UTC), D(2003, 7, 7), "7(g)(iii)"),  # 11:30 p.m. EDT Jul 3
        ("courier", T(2003, 6, 21, 9, 0), D(2003, 6, 23), "7(g)(iii)"),  # sent on a Saturday
        # Columbus Day and Veterans Day close the banks
        ("courier", T(2003, 10, 10, 9, 0), D(2003, 10, 14), "7(g)(iii)"),
        ("fax", T(2003, 11, 10, 17, 30), D(2003, 11, 12), "7(g)(ii)"),
    ],
)
def test_deemed_given_worked(method, sent, given_on, clause):
    result = deemed_given(method, sent)
    assert (result.date, result.clause) == (given_on, clause)
    assert result.rule.startswith(clause)


@pytest.mark.parametrize(
    "sent",
    [
        T(2003, 6, 20, 17, 0),  # exactly 5:00 p.m.: neither before nor after
        T(2003, 6, 20, 21, 0, tzinfo=dt.UTC),  # 5:00 p.m. EDT given in UTC
        T(2003, 6, 20, 23, 59),  # 11:59 p.m. is not "earlier than 11:59 p.m."
        T(2003, 6, 21, 10, 0),  # before 5:00 p.m. on a Saturday
        T(2003, 7, 4, 10, 0),  # before 5:00 p.m. on Independence Day
    ],
)
def test_fax_outside_rules_i_and_ii_waits_for_receipt(sent):
    pending = deemed_given("fax", sent)
    assert pending.date is None and pending.awaiting_receipt and "no receipt is recorded" in pending.rule
    received = deemed_given("fax", sent, received_on=D(2003, 7, 8))
    assert received.date == D(2003, 7, 8) and received.clause == "7(g)(iv)"


def test_actual_receipt_earlier_than_the_courier_rule_wins_and_later_does_not():
    sent = T(2003, 7, 3, 9, 0)
    assert deemed_given("courier", sent, received_on=D(2003, 7, 3)).date == D(2003, 7, 3)
    late = deemed_given("courier", sent, received_on=D(2003, 7, 9))
    assert late.date == D(2003, 7, 7) and late.clause == "7(g)(iii)"


def test_an_ad_hoc_closure_moves_the_rule_date():
    cal = BusinessCalendar(closure_days=(D(2004, 6, 11),))  # a deal treating the Reagan day as a closure
    assert deemed_given("fax", T(2004, 6, 10, 17, 30), calendar=cal).date == D(2004, 6, 14)
    assert deemed_given("fax", T(2004, 6, 10, 17, 30)).date == D(2004, 6, 11)


@given(st.datetimes(T(2003, 1, 1), T(2030, 12, 31)), st.sampled_from(["fax", "courier"]))
def test_rule_dates_are_business_days_on_or_after_sending(sent, method):
    cal = BusinessCalendar()
    result = deemed_given(method, sent)
    if result.date is None:
        assert method == "fax"
        t = sent.time()
        assert t == dt.time(17) or t >= dt.time(23, 59) or (t < dt.time(17) and not cal.is_business_day(sent.date()))
        return
    assert cal.is_business_day(result.date) and result.date >= sent.date()
    if method == "courier" or sent.time() > dt.time(17):
        assert result.date == cal.next_business_day(sent.date())
    else:
        assert result.date == sent.date()


def test_a_receipt_dated_the_evening_before_in_california_is_accepted():
    """A fax sent 12:30 a.m. Eastern on Wed Jul 9, 2003 reaches Irvine at 9:30 p.m. Pacific on
    Tue Jul 8; the Company's logged receipt date (Jul 8) is actual receipt under 7(g)(iv)."""
    import datetime as _dt

    from rra_desktop.domain.notices import deemed_given as _deemed_given

    result = _deemed_given("fax", _dt.datetime(2003, 7, 9, 0, 30), received_on=_dt.date(2003, 7, 8))
    assert result.date == _dt.date(2003, 7, 8)
    assert "(iv)" in result.rule or "receipt" in result.rule


def test_a_receipt_two_days_before_sending_is_refused():
    import datetime as _dt

    import pytest as _pytest

    from rra_desktop.domain.notices import deemed_given as _deemed_given

    with _pytest.raises(ValueError, match="before the notice was sent"):
        _deemed_given("fax", _dt.datetime(2003, 7, 9, 10, 0), received_on=_dt.date(2003, 7, 7))

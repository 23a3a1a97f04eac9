"""7(g)(iii) by courier where the sender recorded the place's own time: the date of mailing is the
date where the package was handed over, and the working names that place's UTC offset exactly
(west and east of Greenwich, a half-hour zone, and Greenwich itself)."""

import datetime as dt

import pytest

from rra_desktop.domain.notices import deemed_given

D, T = dt.date, dt.datetime


def zone(hours, minutes=0):
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


@pytest.mark.parametrize(("sent", "mailed", "offset", "given"), [
    # Fri Mar 7, 2025 at 10 p.m. in Irvine is already Saturday in New York: mailed Friday, given Monday
    (T(2025, 3, 7, 22, 0, tzinfo=zone(-8)), "Fri Mar 7, 2025", "UTC-08:00", D(2025, 3, 10)),
    # Mon Mar 10, 2025 at 9 a.m. in Mumbai is still Sunday night in New York: mailed Monday, given Tuesday
    (T(2025, 3, 10, 9, 0, tzinfo=zone(5, 30)), "Mon Mar 10, 2025", "UTC+05:30", D(2025, 3, 11)),
    (T(2025, 3, 10, 9, 0, tzinfo=zone(-3, -30)), "Mon Mar 10, 2025", "UTC-03:30", D(2025, 3, 11)),
    (T(2025, 3, 10, 1, 0, tzinfo=dt.UTC), "Mon Mar 10, 2025", "UTC+00:00", D(2025, 3, 11)),
])
def test_a_courier_is_mailed_on_the_date_where_it_was_handed_over(sent, mailed, offset, given):
    r = deemed_given("courier", sent)
    assert r.date == given
    assert f"date of mailing {mailed} where it was handed over ({offset})" in r.rule


def test_a_courier_without_a_zone_is_mailed_on_the_eastern_date():
    r = deemed_given("courier", T(2025, 3, 7, 22, 0))
    assert r.date == D(2025, 3, 10)
    assert "date of mailing Fri Mar 7, 2025 in Eastern time (no place's time zone recorded)" in r.rule

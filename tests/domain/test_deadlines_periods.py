"""3(n): a Blackout Period's 20-day limit is done only once the period has ended by the date asked
about. The demo period Mon Aug 4 – Mon Aug 18, 2003 (limit Sat Aug 23, 2003) seen on Jul 16
(upcoming), Aug 10 (active), Aug 18 (its last day) and Aug 20 (over)."""

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.deadlines import DeadlineStatus as S
from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
from rra_desktop.sample import load_sample_deal

D = dt.date
PLANNED = BlackoutPeriod("b-1", D(2003, 8, 4), D(2003, 8, 18), BlackoutBasis.MNPI, "licensing talks")


def limit(period, as_of):
    deal = replace(load_sample_deal(), blackouts=(period,))
    return next(d for d in compute_deadlines(deal, as_of) if d.key == "blackout_limit:b-1")


@pytest.mark.parametrize(("as_of", "status", "done_on", "words"), [
    (D(2003, 7, 16), S.OPEN, None, "upcoming: starts Mon Aug 4, 2003, planned to end Mon Aug 18, 2003"),
    (D(2003, 8, 10), S.OPEN, None, "active, planned to end Mon Aug 18, 2003: within the limit"),
    (D(2003, 8, 18), S.DONE, D(2003, 8, 18), "ended Mon Aug 18, 2003: within the limit"),
    (D(2003, 8, 20), S.DONE, D(2003, 8, 18), "ended Mon Aug 18, 2003: within the limit"),
])
def test_status_is_as_of_the_date(as_of, status, done_on, words):
    d = limit(PLANNED, as_of)
    assert d.due == D(2003, 8, 23)
    assert (d.status, d.done_on) == (status, done_on)
    assert words in d.explanation
    assert "ended" not in d.explanation or as_of >= D(2003, 8, 18)


def test_a_planned_overlong_period_is_overdue_once_past_the_limit_not_done():
    long = replace(PLANNED, end=D(2003, 8, 30))
    assert limit(long, D(2003, 8, 20)).status == S.OPEN
    late = limit(long, D(2003, 8, 25))
    assert late.status == S.OVERDUE and "planned to end Sat Aug 30, 2003: 7 days over" in late.explanation
    assert limit(long, D(2003, 9, 1)).status == S.DONE


def test_an_open_ended_future_period_is_upcoming():
    d = limit(replace(PLANNED, end=None), D(2003, 7, 16))
    assert d.status == S.OPEN and "upcoming: starts Mon Aug 4, 2003" in d.explanation

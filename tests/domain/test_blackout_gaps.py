"""3(n)'s conservative reading of "consecutive 20 day periods" at its edges: a period from the
same facts (in any case or spacing) one day after an earlier one ended is a warning naming one
day; the same dates from other facts are not."""

import datetime as dt

from rra_desktop.domain.blackouts import short_gaps
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod

D = dt.date


def period(id, start, end, facts="acquisition talks"):
    return BlackoutPeriod(id, start, end, BlackoutBasis.MNPI, facts)


def test_one_day_between_two_periods_of_the_same_facts_is_a_warning_in_the_singular():
    first = period("b1", D(2003, 9, 1), D(2003, 9, 10))
    (w,) = short_gaps([first, period("b2", D(2003, 9, 12), D(2003, 9, 15), "  Acquisition   TALKS ")])
    assert w.rule == "same_facts_short_gap" and w.severity == "warning"
    assert "starts 1 day after it ended; read conservatively" in w.message
    (two,) = short_gaps([first, period("b2", D(2003, 9, 13), D(2003, 9, 15))])
    assert "starts 2 days after it ended" in two.message


def test_the_same_dates_from_other_facts_are_no_warning():
    first = period("b1", D(2003, 9, 1), D(2003, 9, 10))
    assert short_gaps([first, period("b2", D(2003, 9, 12), D(2003, 9, 15), "a financing")]) == []
    assert short_gaps([first, period("b2", D(2003, 9, 12), D(2003, 9, 15), "acquisition")]) == []

"""What the filing and effectiveness rows say of the act recorded: on time on the act-by day,
within GCL §25 on the extended-to day itself, on time on a 3(n) postponed date and after it the
day after; and which trigger a post-effective amendment names."""

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import (
    BlackoutBasis,
    BlackoutPeriod,
    RegistrationKind,
    RegistrationStatement,
)
from rra_desktop.domain.obligations.registration import first_quarter_after
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()  # Closing Wed May 7, 2003: Filing Date Sat Jun 21 (act by Fri Jun 20, Mon Jun 23)


def _effectiveness(effective_at, *blackouts, closing=SAMPLE.terms.closing_date):
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 16, 10),
                                  effective_at=effective_at)
    deal = replace(SAMPLE, terms=replace(SAMPLE.terms, closing_date=closing), blackouts=blackouts,
                   registrations=(shelf,))
    return {d.key: d for d in compute_deadlines(deal, D(2003, 12, 1))}["effectiveness_date"]


MONDAY_CLOSING = D(2003, 5, 19)  # + 90 days = Sun Aug 17, 2003: act by Fri Aug 15, extended to Mon Aug 18


@pytest.mark.parametrize(("effective", "note"), [
    (T(2003, 8, 15, 16), "declared effective Fri Aug 15, 2003: on time"),
    (T(2003, 8, 18, 16), "declared effective Mon Aug 18, 2003: after the act-by date but within the GCL §25 extension"),
    (T(2003, 8, 19, 16), "declared effective Tue Aug 19, 2003: after the GCL §25 extension"),
])
def test_effectiveness_says_whether_it_came_in_time(effective, note):
    d = _effectiveness(effective, closing=MONDAY_CLOSING)
    assert (d.due, d.act_by, d.extended_to) == (D(2003, 8, 17), D(2003, 8, 15), D(2003, 8, 18))
    assert note in d.explanation


def test_effectiveness_after_a_3n_postponement_is_on_time_on_the_postponed_date_and_not_the_day_after():
    # filed Jun 16, in force from Sun Jul 20, 2003 (it postpones effectiveness): its 20th day is Fri Aug 8,
    # so the act-by date Tue Aug 5 moves to the next Business Day the Commission is open, Mon Aug 11
    b = BlackoutPeriod("b1", D(2003, 7, 20), None, BlackoutBasis.MNPI, "a pending acquisition")
    on_time = _effectiveness(T(2003, 8, 11, 16), b)
    assert on_time.in_force == D(2003, 8, 11) and "declared effective Mon Aug 11, 2003: on time" in on_time.explanation
    late = _effectiveness(T(2003, 8, 12, 16), b)
    assert "declared effective Tue Aug 12, 2003: after the postponed date" in late.explanation and late.late_by == 1


def test_a_post_effective_amendment_names_itself_as_the_trigger():
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 16, 10),
                                  effective_at=T(2003, 7, 15, 16))
    amendment = RegistrationStatement("rs-2", RegistrationKind.AMENDMENT, parent_id="rs-1",
                                      filed_at=T(2003, 9, 2, 10), effective_at=T(2003, 9, 10, 16))
    found = {d.key: d for d in compute_deadlines(replace(SAMPLE, registrations=(shelf, amendment)), D(2003, 9, 1))}
    assert found["notice_of_effectiveness:rs-1"].explanation.startswith(
        "Declared effective Tue Jul 15, 2003 + 2 Business Days = Thu Jul 17, 2003")
    assert found["notice_of_effectiveness:rs-2"].explanation.startswith(
        "Post-effective amendment declared effective Wed Sep 10, 2003 + 2 Business Days = Fri Sep 12, 2003")


@pytest.mark.parametrize(("effective", "fye", "first"), [
    (D(2003, 7, 15), (12, 31), D(2003, 10, 1)),
    (D(2003, 12, 31), (12, 31), D(2004, 1, 1)),  # the year's last day: the next year's first quarter
    (D(2004, 1, 1), (12, 31), D(2004, 4, 1)),  # a quarter's first day is not "after" it
    (D(2004, 2, 10), (6, 30), D(2004, 4, 1)),  # a June year end: quarters Jul, Oct, Jan, Apr
])
def test_the_first_fiscal_quarter_after_effectiveness(effective, fye, first):
    assert first_quarter_after(effective, *fye) == first

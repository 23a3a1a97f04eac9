"""7(i): when an assignment of registration rights is effective, and what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.assignments import (
    AUTOMATIC,
    CONSENT,
    MISSING_CONSENT,
    MISSING_TRANSFEREE_NOTICE,
    MISSING_WRITTEN_ASSIGNMENT,
    assignment_status,
)
from rra_desktop.domain.model import Assignment

D = dt.date
BARE = Assignment("a-1", "h-ota", "h-new", "D1", 1_000, D(2004, 3, 1))


def test_nothing_furnished_lists_both_conditions_and_the_consent_route():
    s = assignment_status(BARE)
    assert not s.effective and s.route is None and s.effective_on is None
    assert s.missing == (MISSING_WRITTEN_ASSIGNMENT, MISSING_TRANSFEREE_NOTICE, MISSING_CONSENT)
    assert "Not effective" in s.explanation


def test_one_condition_is_not_enough():
    s = assignment_status(replace(BARE, written_assignment_furnished_on=D(2004, 3, 2)))
    assert not s.effective and s.missing == (MISSING_TRANSFEREE_NOTICE, MISSING_CONSENT)


def test_automatic_when_both_conditions_are_met_from_the_later_of_them():
    a = replace(BARE, written_assignment_furnished_on=D(2004, 3, 2), transferee_notice_on=D(2004, 3, 9))
    s = assignment_status(a)
    assert s.effective and s.route == AUTOMATIC and s.effective_on == D(2004, 3, 9) and s.missing == ()
    assert "Tue Mar 2, 2004" in s.explanation and "Tue Mar 9, 2004" in s.explanation
    # As of a date before the notice arrived it was not yet effective.
    early = assignment_status(a, D(2004, 3, 8))
    assert not early.effective and early.missing == (MISSING_TRANSFEREE_NOTICE, MISSING_CONSENT)


def test_conditions_met_before_the_assignment_take_effect_on_its_date():
    a = replace(BARE, written_assignment_furnished_on=D(2004, 2, 20), transferee_notice_on=D(2004, 2, 21))
    assert assignment_status(a).effective_on == D(2004, 3, 1)
    early = assignment_status(a, D(2004, 2, 25))
    assert not early.effective
    assert early.missing == ("7(i): the assignment itself is dated Mon Mar 1, 2004, after Wed Feb 25, 2004",
                             MISSING_CONSENT)


def test_prior_written_consent_of_the_company():
    s = assignment_status(replace(BARE, company_consent_on=D(2004, 2, 25)))
    assert s.effective and s.route == CONSENT and s.effective_on == D(2004, 3, 1)
    late = assignment_status(replace(BARE, company_consent_on=D(2004, 3, 15)))
    assert late.effective_on == D(2004, 3, 15) and "ratification" in late.explanation


def test_the_earlier_route_wins():
    a = replace(BARE, written_assignment_furnished_on=D(2004, 3, 2), transferee_notice_on=D(2004, 3, 20),
                company_consent_on=D(2004, 2, 1))
    s = assignment_status(a)
    assert (s.route, s.effective_on) == (CONSENT, D(2004, 3, 1))

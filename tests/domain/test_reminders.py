"""Reminders with a fixed "today": overdue, due within N Business Days, by party."""

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import FactKind, TimelineFact
from rra_desktop.domain.reminders import party_groups, reminders
from rra_desktop.sample import load_sample_deal

D = dt.date
CAL = BusinessCalendar()
SAMPLE = load_sample_deal()


def keys(items):
    return [d.key for d in items]


def test_horizon_in_business_days():
    today = D(2003, 6, 16)  # Monday; 5 Business Days later: Mon Jun 23
    found = reminders(compute_deadlines(SAMPLE, today), today, CAL)
    assert found.horizon_end == D(2003, 6, 23)
    assert keys(found.overdue) == ["holder_review_copies:initial"]  # due Fri Jun 13
    assert keys(found.due_soon) == ["filing_date"]  # in force Fri Jun 20
    assert found.count == 2 and "1 overdue" in found.summary


def test_horizon_is_configurable_and_today_counts():
    today = D(2003, 6, 20)
    found = reminders(compute_deadlines(SAMPLE, today), today, CAL, horizon=1)
    assert "filing_date" in keys(found.due_soon)  # due today is not yet overdue
    assert "effectiveness_date" not in keys(found.due_soon)


@pytest.mark.parametrize(("parties", "expected"), [
    (["Company"], ["certificates_before_sale:ps", "filing_date"]),  # the Company cooperates under 3(i)
    (["Holders"], ["certificates_before_sale:ps"]),
    (["counsel"], []),
    (None, ["certificates_before_sale:ps", "filing_date"]),
])
def test_party_filter(parties, expected):
    sale = TimelineFact("ps", FactKind.PLANNED_SALE, D(2003, 6, 20), holder_id="h-ota")
    today = D(2003, 6, 17)
    ds = compute_deadlines(replace(SAMPLE, facts=(sale,)), today)
    found = reminders(ds, today, CAL, parties=parties)
    assert keys(found.due_soon) == expected  # certificates due Wed Jun 18, filing Fri Jun 20


def test_lapsed_option_windows_are_not_overdue_work():
    fax = TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=dt.datetime(2004, 3, 1, 10), method="fax",
                       holder_id="h-ota")
    today = D(2004, 5, 3)
    found = reminders(compute_deadlines(replace(SAMPLE, facts=(fax,)), today), today, CAL)
    assert not any(d.kind == "piggyback_response" for d in found.overdue)


def test_party_groups_and_unknown_party():
    ds = {d.kind: d for d in compute_deadlines(SAMPLE, D(2003, 6, 1))}
    assert party_groups(ds["filing_date"]) == {"Company"}
    with pytest.raises(ValueError, match="Unknown party"):
        reminders([], D(2003, 6, 1), CAL, parties=["Underwriter"])


def test_stale_status_is_judged_against_today():
    ds = compute_deadlines(SAMPLE, D(2003, 6, 1))  # computed earlier: all open
    found = reminders(ds, D(2003, 6, 24), CAL)
    assert "filing_date" in keys(found.overdue)


def test_the_horizons_last_day_is_due_soon_the_next_is_not():
    """Mon Jun 30, 2003 + 5 Business Days (Fri Jul 4 a holiday) = Tue Jul 8: due soon through Jul 8."""
    from rra_desktop.domain.reminders import due_soon, horizon_end

    today = D(2003, 6, 30)
    assert horizon_end(today, CAL) == D(2003, 7, 8)
    assert due_soon(D(2003, 7, 8), today, CAL) and due_soon(today, today, CAL)
    assert not due_soon(D(2003, 7, 9), today, CAL) and not due_soon(D(2003, 6, 27), today, CAL)
    assert not due_soon(None, today, CAL)

"""7(p) and 3(c)(C) performed by the notice log: the first notice logged as sent, of a letter that
performs the obligation, on or after the effectiveness it reports (its Eastern date), is the act;
a completion an earlier version recorded still counts when it is the earlier (or the same) day.

Shelf declared effective Thu Aug 28, 2003 at 4:00 p.m.: the 7(p) Exhibit A is due within 2 Business
Days, Tue Sep 2 (Labor Day Mon Sep 1); the 3(c)(C) notice is docketed the next Business Day, Fri Aug 29."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import (
    Completion,
    NoticeDirection,
    NoticeRecord,
    RegistrationKind,
    RegistrationStatement,
)
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SHELF = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 16, 10),
                              effective_at=T(2003, 8, 28, 16))
EFFECTIVE = replace(load_sample_deal(), registrations=(SHELF,))
EXHIBIT_A = "notice_of_effectiveness:rs-1"
HOLDERS_NOTICE = "holder_effectiveness_notice:rs-1"
BASE = "Declared effective Thu Aug 28, 2003 + 2 Business Days = Tue Sep 2, 2003"


def notice(kind, sent_at, direction=NoticeDirection.SENT, nid="n1"):
    return NoticeRecord(nid, direction, kind, "U.S. Stock Transfer Corporation", "fax", sent_at)


def deadlines(*notices, completions=()):
    deal = replace(EFFECTIVE, notices=notices, completions=completions)
    return {d.key: d for d in compute_deadlines(deal, D(2003, 9, 30))}


def test_an_exhibit_a_logged_as_sent_performs_7p_and_says_so():
    d = deadlines(notice("notice_of_effectiveness", T(2003, 8, 29, 10)))[EXHIBIT_A]
    assert (d.status, d.done_on, d.late_by) == (DeadlineStatus.DONE, D(2003, 8, 29), None)
    assert d.explanation == f"{BASE}; notice logged as sent Fri Aug 29, 2003"


def test_the_first_of_several_sent_counts_and_the_effective_day_itself_counts():
    ds = deadlines(notice("notice_of_effectiveness", T(2003, 9, 3, 9), nid="n2"),
                   notice("notice_of_effectiveness", T(2003, 8, 28, 16, 30), nid="n1"))
    assert ds[EXHIBIT_A].done_on == D(2003, 8, 28) and ds[EXHIBIT_A].late_by is None
    late = deadlines(notice("notice_of_effectiveness", T(2003, 9, 3, 9)))[EXHIBIT_A]
    assert (late.done_on, late.late_by) == (D(2003, 9, 3), 1)


def test_a_notice_sent_before_the_effectiveness_it_would_report_does_not_perform_it():
    d = deadlines(notice("notice_of_effectiveness", T(2003, 8, 27, 15)))[EXHIBIT_A]
    assert d.status == DeadlineStatus.OVERDUE and d.done_on is None and d.explanation == BASE


def test_the_eastern_date_of_the_sending_decides():
    # 9:30 p.m. Pacific on Wed Aug 27 is 12:30 a.m. Eastern on Thu Aug 28, the effective day
    pacific = T(2003, 8, 27, 21, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert deadlines(notice("notice_of_effectiveness", pacific))[EXHIBIT_A].done_on == D(2003, 8, 28)


def test_only_a_sent_letter_of_a_kind_that_performs_it_counts():
    ds = deadlines(notice("blackout", T(2003, 8, 29, 10), nid="n1"),
                   notice("notice_of_effectiveness", T(2003, 8, 29, 10), NoticeDirection.RECEIVED, nid="n2"))
    assert ds[EXHIBIT_A].done_on is None and ds[HOLDERS_NOTICE].done_on is None
    # the Holders' 3(c)(C) notice performs 3(c)(C), not 7(p)
    ds = deadlines(notice("effectiveness", T(2003, 8, 29, 11)))
    assert ds[HOLDERS_NOTICE].done_on == D(2003, 8, 29) and ds[EXHIBIT_A].done_on is None
    assert ds[HOLDERS_NOTICE].explanation.endswith("; notice logged as sent Fri Aug 29, 2003")


def test_an_earlier_or_same_day_completion_counts_without_the_note():
    same = deadlines(notice("notice_of_effectiveness", T(2003, 8, 29, 10)),
                     completions=(Completion(EXHIBIT_A, D(2003, 8, 29)),))[EXHIBIT_A]
    assert same.done_on == D(2003, 8, 29) and same.explanation == BASE
    earlier = deadlines(notice("notice_of_effectiveness", T(2003, 9, 3, 10)),
                        completions=(Completion(EXHIBIT_A, D(2003, 9, 2)),))[EXHIBIT_A]
    assert (earlier.done_on, earlier.late_by, earlier.explanation) == (D(2003, 9, 2), None, BASE)
    later = deadlines(notice("notice_of_effectiveness", T(2003, 8, 29, 10)),
                      completions=(Completion(EXHIBIT_A, D(2003, 9, 5)),))[EXHIBIT_A]
    assert later.done_on == D(2003, 8, 29) and later.explanation == f"{BASE}; notice logged as sent Fri Aug 29, 2003"
    only = deadlines(completions=(Completion(EXHIBIT_A, D(2003, 9, 2)),))[EXHIBIT_A]
    assert (only.done_on, only.explanation) == (D(2003, 9, 2), BASE)

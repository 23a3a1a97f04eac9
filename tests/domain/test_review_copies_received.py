"""3(a) review copies: the receipt that performs the copies' deadline is the latest recorded on or
before the filing, of copies naming the registration filed (or no registration), each dated by 7(g).

Shelf filed Mon Jun 16, 2003 at 10:00 a.m.: copies due 5 Business Days before, Mon Jun 9, 2003."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import FactKind, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SHELF = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 16, 10))
KEY = "holder_review_copies:initial"
RULE_I = "7(g)(i): fax sent before 5:00 p.m. Eastern on a Business Day — deemed given that day"


def copies(fid, sent_at, registration_id="rs-1", method="fax"):
    return TimelineFact(fid, FactKind.REVIEW_COPIES_RECEIVED, sent_at.date(), at=sent_at, method=method,
                        registration_id=registration_id)


def review(*facts):
    deal = replace(load_sample_deal(), facts=facts, registrations=(SHELF,))
    return {d.key: d for d in compute_deadlines(deal, D(2003, 6, 30))}[KEY]


def test_the_latest_receipt_on_or_before_the_filing_of_these_copies_counts():
    d = review(copies("c-other", T(2003, 6, 12, 11), registration_id="rs-9"),  # another registration's copies
               copies("c-mailed", T(2003, 6, 11, 9), method="mail"),  # no receipt recorded: no date
               copies("c-1", T(2003, 6, 6, 11)),
               copies("c-2", T(2003, 6, 10, 11), registration_id=None),  # naming no registration: these
               copies("c-after", T(2003, 6, 17, 11)))  # after the filing: not copies before it
    assert (d.status, d.done_on, d.late_by) == (DeadlineStatus.DONE, D(2003, 6, 10), 1)
    assert f"; copies received Tue Jun 10, 2003 ({RULE_I}); performed Tue Jun 10, 2003: late by 1 day" in d.explanation


def test_copies_received_on_the_filing_day_count_late():
    d = review(copies("c-1", T(2003, 6, 16, 9)))
    assert (d.done_on, d.late_by) == (D(2003, 6, 16), 7)  # 7 days after Mon Jun 9


def test_of_two_receipts_on_one_day_the_first_by_date_sent_gives_the_rule():
    # a courier sent Mon Jun 9 is deemed given Tue Jun 10 (7(g)(iii)), as is a fax that Tuesday (7(g)(i)):
    # the facts are read in the order of their dates, so the courier's rule is the one shown
    for order in ((0, 1), (1, 0)):
        both = (copies("c-fax", T(2003, 6, 10, 11)), copies("c-courier", T(2003, 6, 9, 15), method="courier"))
        d = review(*(both[i] for i in order))
        assert d.done_on == D(2003, 6, 10) and "7(g)(iii): nationally recognized overnight courier" in d.explanation
        assert RULE_I not in d.explanation


def test_no_copies_of_this_registration_leave_it_overdue():
    d = review(copies("c-other", T(2003, 6, 6, 11), registration_id="rs-9"))
    assert d.status == DeadlineStatus.OVERDUE and d.done_on is None and "copies received" not in d.explanation


def test_copies_of_another_registration_recorded_first_do_not_hide_these():
    d = review(copies("c-other", T(2003, 6, 2, 11), registration_id="rs-9"), copies("c-1", T(2003, 6, 6, 11)))
    assert (d.done_on, d.late_by) == (D(2003, 6, 6), None)

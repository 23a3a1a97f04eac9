"""Marking done an obligation a notice performs logs that notice: 7(p) Exhibit A and the 3(c)(C)
notice have one record, the notice log, whether the letter was made by the product or the act is
marked done; a completion recorded by an earlier version still counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import Completion, NoticeDirection, NoticeRecord
from rra_desktop.services import timeline
from rra_desktop.services.base import Refused
from rra_desktop.store import DealStore
from tests.reports.conftest import letter_deal

EXHIBIT_A, HOLDERS_NOTICE = "notice_of_effectiveness:rs-1", "holder_effectiveness_notice:rs-1"
MON, TUE = dt.date(2003, 6, 23), dt.date(2003, 6, 24)  # the shelf: effective Fri Jun 20, 2003, 4:30 p.m.


@pytest.fixture
def store(tmp_path):
    s = DealStore.create(tmp_path / "d.rradeal", letter_deal())
    yield s
    s.close()


def _deadline(deal, key):
    return next(d for d in compute_deadlines(deal, dt.date(2003, 7, 1)) if d.key == key)


def test_marking_7p_done_logs_the_exhibit_a_notice_and_no_completion(store):
    timeline.mark_done(store, EXHIBIT_A, MON, "fax confirmation 4411", done_at=dt.datetime(2003, 6, 23, 15),
                       method="fax")
    deal = store.deal()
    assert deal.completions == ()
    (n,) = deal.notices
    assert (n.direction, n.kind, n.method, n.sent_at) == (NoticeDirection.SENT, "notice_of_effectiveness", "fax",
                                                         dt.datetime(2003, 6, 23, 15))
    assert n.recipient == deal.terms.transfer_agent.name and n.deemed_given_on == MON  # before 5 p.m.: that day
    assert "fax confirmation 4411" in n.annotations[0]
    d = _deadline(deal, EXHIBIT_A)
    assert (str(d.status), d.done_on, d.late_by) == ("done", MON, None)  # due Tue Jun 24 (+2 Business Days)
    assert "notice logged as sent Mon Jun 23, 2003" in d.explanation


def test_marking_3cC_done_logs_the_notice_to_the_holders(store):
    timeline.mark_done(store, HOLDERS_NOTICE, TUE, "", done_at=dt.datetime(2003, 6, 24, 10), method="courier")
    (n,) = store.deal().notices
    assert (n.kind, n.recipient) == ("effectiveness", "the Holders (3(c)(C))")
    d = _deadline(store.deal(), HOLDERS_NOTICE)
    assert d.done_on == TUE and d.late_by == 1  # docketed for Mon Jun 23, the next Business Day
    assert _deadline(store.deal(), EXHIBIT_A).done_on is None  # a 3(c)(C) notice is not Exhibit A


@pytest.mark.parametrize(("at", "method", "field", "says"), [
    (None, "fax", "done_at", "date and time"),
    (dt.datetime(2003, 6, 23, 9), "", "method", "how the 7(p) notice was sent"),
    (dt.datetime(2003, 6, 23, 9), "pigeon", "method", "not a 7(g) delivery method"),
])
def test_a_notice_without_its_time_or_method_is_refused(store, at, method, field, says):
    with pytest.raises(Refused, match=re.escape(says)) as refused:
        timeline.mark_done(store, EXHIBIT_A, MON, "x", done_at=at, method=method)
    assert refused.value.field == field and store.deal().notices == () and store.deal().completions == ()


def test_a_notice_before_the_effectiveness_it_reports_is_refused(store):
    with pytest.raises(Refused, match="cannot report the effectiveness of Fri Jun 20, 2003"):
        timeline.mark_done(store, EXHIBIT_A, dt.date(2003, 6, 19), "x", done_at=dt.datetime(2003, 6, 19, 9),
                           method="fax")
    with pytest.raises(Refused, match="No registration statement 'rs-9'"):
        timeline.mark_done(store, "notice_of_effectiveness:rs-9", MON, "x", done_at=dt.datetime(2003, 6, 23, 9),
                           method="fax")
    assert store.deal().notices == ()


def test_a_notice_sent_on_the_effective_day_performs_it():
    deal = dataclasses.replace(letter_deal(), notices=(NoticeRecord(
        "n-1", NoticeDirection.SENT, "notice_of_effectiveness", "U.S. Stock Transfer", "fax",
        dt.datetime(2003, 6, 20, 17, 30)),))
    assert _deadline(deal, EXHIBIT_A).done_on == dt.date(2003, 6, 20)
    before = dataclasses.replace(deal, notices=(dataclasses.replace(deal.notices[0],
                                                                    sent_at=dt.datetime(2003, 6, 19, 17)),))
    assert _deadline(before, EXHIBIT_A).done_on is None


def test_a_completion_an_earlier_version_recorded_still_counts_with_the_log_in_one_reading():
    recorded = dataclasses.replace(letter_deal(), completions=(Completion(EXHIBIT_A, TUE, "noe.pdf"),))
    d = _deadline(recorded, EXHIBIT_A)
    assert d.done_on == TUE and "notice logged" not in d.explanation
    logged = dataclasses.replace(recorded, notices=(NoticeRecord(
        "n-1", NoticeDirection.SENT, "notice_of_effectiveness", "U.S. Stock Transfer", "fax",
        dt.datetime(2003, 6, 23, 9)),))
    assert _deadline(logged, EXHIBIT_A).done_on == MON  # the earlier of the two records


def test_other_obligations_are_still_marked_done_by_a_completion(store):
    timeline.mark_done(store, "filing_date", dt.date(2003, 6, 11), "EDGAR receipt")
    assert [c.deadline_key for c in store.deal().completions] == ["filing_date"] and store.deal().notices == ()

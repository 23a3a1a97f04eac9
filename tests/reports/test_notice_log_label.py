"""The undo stack and the audit trail name a logged batch of notices with its day as the screens
write it."""

from __future__ import annotations

import datetime as dt

from reports.notice_log import batch_label
from rra_desktop.domain.model import NoticeDirection, NoticeRecord


def _sent(i: int) -> NoticeRecord:
    return NoticeRecord(f"n{i}", NoticeDirection.SENT, "blackout", f"Holder {i}", "fax",
                        dt.datetime(2004, 2, 6, 16, 30))


def test_one_notice_is_named_with_its_recipient_and_day():
    assert batch_label([_sent(1)]) == "Log blackout notice sent Fri Feb 6, 2004, Holder 1"


def test_a_batch_is_named_with_its_count_and_day():
    assert batch_label([_sent(1), _sent(2), _sent(3)]) == "Log 3 blackout notices sent Fri Feb 6, 2004"


def test_a_kind_that_is_itself_a_notice_is_not_named_twice():
    from dataclasses import replace

    one = replace(_sent(1), kind="notice_of_effectiveness")
    assert batch_label([one]) == "Log notice of effectiveness sent Fri Feb 6, 2004, Holder 1"
    assert batch_label([one, replace(one, id="n2")]) == "Log 2 notices of effectiveness sent Fri Feb 6, 2004"
    assert batch_label([replace(one, kind="filing_notice")] * 2) == "Log 2 filing notices sent Fri Feb 6, 2004"

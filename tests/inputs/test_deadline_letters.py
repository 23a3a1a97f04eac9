"""``notice_files.letter_of``: the logged letter a deadline rests on (the agenda's Open letter)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

from rra_desktop.domain.model import Completion, NoticeDirection, NoticeRecord
from rra_desktop.domain.obligations import ObligationKind
from rra_desktop.notice_files import letter_of
from tests.reports.conftest import letter_deal


def _notice(id_, kind, recipient, at, file_name, direction=NoticeDirection.SENT):
    return NoticeRecord(id_, direction, kind, recipient, "courier", at, file_name=file_name, sha256="ab" * 32)


def _deadline(kind, key="k", done_on=None, holder_id=None, trigger_date=None):
    return SimpleNamespace(kind=kind, key=key, done_on=done_on, holder_id=holder_id, trigger_date=trigger_date)


def test_the_letter_that_performed_a_7p_deadline_is_the_first_sent_on_the_day_it_was_done():
    early = _notice("n-1", "notice_of_effectiveness", "U.S. Stock Transfer", dt.datetime(2003, 6, 23, 9), "a.pdf")
    later = _notice("n-2", "notice_of_effectiveness", "U.S. Stock Transfer", dt.datetime(2003, 6, 23, 15), "b.pdf")
    other_day = _notice("n-3", "notice_of_effectiveness", "U.S. Stock Transfer", dt.datetime(2003, 6, 24, 9), "c.pdf")
    deal = dataclasses.replace(letter_deal(), notices=(later, other_day, early))
    done = _deadline(ObligationKind.NOTICE_OF_EFFECTIVENESS, done_on=dt.date(2003, 6, 23))
    assert letter_of(deal, done) == early
    assert letter_of(deal, _deadline(ObligationKind.NOTICE_OF_EFFECTIVENESS, done_on=dt.date(2003, 6, 25))) is None
    assert letter_of(deal, _deadline(ObligationKind.NOTICE_OF_EFFECTIVENESS)) is None  # not done: no letter
    # a letter received, or of another kind, performs nothing
    received = _notice("n-4", "notice_of_effectiveness", "X", dt.datetime(2003, 6, 23, 9), "d.pdf",
                       NoticeDirection.RECEIVED)
    deal = dataclasses.replace(deal, notices=(received, _notice("n-5", "blackout", "X", dt.datetime(2003, 6, 23, 9),
                                                                "e.pdf")))
    assert letter_of(deal, done) is None


def test_the_completion_naming_a_logged_file_wins():
    named = _notice("n-9", "blackout", "Smith", dt.datetime(2003, 7, 1, 9), "Filing receipt.pdf")
    performing = _notice("n-1", "notice_of_effectiveness", "U.S. Stock Transfer", dt.datetime(2003, 6, 23, 9), "a.pdf")
    deal = dataclasses.replace(letter_deal(), notices=(performing, named),
                               completions=(Completion("k", dt.date(2003, 6, 23), "Filing receipt.pdf"),))
    assert letter_of(deal, _deadline(ObligationKind.NOTICE_OF_EFFECTIVENESS, done_on=dt.date(2003, 6, 23))) == named


def test_a_3a_objection_window_rests_on_the_review_copies_letter_to_its_holder():
    deal = letter_deal()
    holder, other = deal.holders[0], deal.holders[1]
    copies = _notice("n-1", "review_copies", holder.name, dt.datetime(2003, 6, 2, 10), "copies.pdf")
    too_late = _notice("n-2", "review_copies", holder.name, dt.datetime(2003, 6, 9, 10), "again.pdf")
    to_other = _notice("n-3", "review_copies", other.name, dt.datetime(2003, 6, 3, 10), "other.pdf")
    deal = dataclasses.replace(deal, notices=(copies, too_late, to_other))
    window = _deadline(ObligationKind.HOLDER_OBJECTION_WINDOW, holder_id=holder.id, trigger_date=dt.date(2003, 6, 4))
    assert letter_of(deal, window) == copies  # sent before the receipt the window counts from
    assert letter_of(deal, _deadline(ObligationKind.HOLDER_OBJECTION_WINDOW, holder_id=holder.id,
                                     trigger_date=dt.date(2003, 6, 1))) is None

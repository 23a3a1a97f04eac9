"""A post-effective amendment declared effective starts the 3(c)(C) notice to the Holders and,
on the conservative reading, a 7(p) Exhibit A: both docketed, both letters made for it."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from reports.catalog import build_letters
from reports.letters import NoticeRequest
from reports.pdf_letter import letter_pdf_bytes
from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import NoticeDirection, NoticeRecord, RegistrationKind, RegistrationStatement
from tests.reports.conftest import letter_deal, pdf_text

# Post-effective amendment No. 1 filed Mon Mar 8, 2004, declared effective Wed Mar 17, 2004 at 4:00 p.m.
PA = RegistrationStatement("pa-1", RegistrationKind.AMENDMENT, form="S-3", parent_id="rs-1",
                           filed_at=dt.datetime(2004, 3, 8, 10), effective_at=dt.datetime(2004, 3, 17, 16))


def amended():
    d = letter_deal()
    return dc.replace(d, registrations=(*d.registrations, PA))


def by_key(deal, on):
    return {d.key: d for d in compute_deadlines(deal, on)}


def test_both_notices_are_docketed_for_the_amendment():
    ds = by_key(amended(), dt.date(2004, 3, 18))
    holders = ds["holder_effectiveness_notice:pa-1"]
    assert holders.clause == "3(c)(C)" and holders.due == dt.date(2004, 3, 18)  # next Business Day
    assert "as promptly as reasonably practicable" in holders.explanation
    exhibit = ds["notice_of_effectiveness:pa-1"]
    assert exhibit.due == dt.date(2004, 3, 19) and "Post-effective amendment declared effective" in exhibit.explanation
    assert "holder_effectiveness_notice:rs-1" in ds  # the shelf's own 3(c)(C) notice


def test_a_logged_3cc_letter_performs_the_notice():
    sent = NoticeRecord("n-1", NoticeDirection.SENT, "effectiveness", "OTA LLC", "fax", dt.datetime(2004, 3, 18, 10))
    ds = by_key(dc.replace(amended(), notices=(sent,)), dt.date(2004, 3, 19))
    assert ds["holder_effectiveness_notice:pa-1"].status == DeadlineStatus.DONE


def test_both_letters_are_made_for_the_amendment_with_the_shelfs_file_no():
    deal = amended()
    at = dt.datetime(2004, 3, 18, 10)
    holders = build_letters(deal, NoticeRequest("effectiveness", at, "fax", registration_id="pa-1"))
    assert holders and "March 17, 2004" in pdf_text(letter_pdf_bytes(holders[0]))
    [exhibit] = build_letters(deal, NoticeRequest("notice-of-effectiveness", at, "courier", registration_id="pa-1"))
    text = pdf_text(letter_pdf_bytes(exhibit))
    assert "333-105797" in text and "March 17, 2004" in text

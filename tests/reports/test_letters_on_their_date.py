"""Letters speak as of their sending date (DOMAIN.md "Second reading"): a Holder's transferee
receives letters only from the day its 7(i) assignment takes effect; before that the transferor
does, with the transferor's share figures."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from reports.catalog import build_letters
from reports.letters import NoticeRequest
from rra_desktop.domain.model import Assignment, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal
from tests.reports.conftest import letter_deal

NEW = Holder("h-new", "Transferee Capital LLC", ("1 Transferee Plaza", "New York, NY 10004"), fax="212-555-0100")


def assigned_deal():
    """OTA assigns its 10 preferred to a transferee on Jul 1, 2003; the 7(i) conditions are met
    only on Aug 18, 2003, so the assignment takes effect that day."""
    d = letter_deal()
    a = Assignment("a-ota", "h-ota", "h-new", "PREF", 10, dt.date(2003, 7, 1),
                   written_assignment_furnished_on=dt.date(2003, 8, 18), transferee_notice_on=dt.date(2003, 8, 18))
    moves = (PositionEntry("t-out", "h-ota", "PREF", PositionKind.TRANSFER_OUT, -10, dt.date(2003, 7, 1),
                           assignment_id="a-ota"),
             PositionEntry("t-in", "h-new", "PREF", PositionKind.TRANSFER_IN, 10, dt.date(2003, 7, 1),
                           dt.date(2003, 5, 7), assignment_id="a-ota"))
    return dc.replace(d, holders=(*d.holders, NEW), assignments=(a,), positions=(*d.positions, *moves))


def recipients(deal, sent_at):
    return [letter.recipient for letter in build_letters(deal, NoticeRequest("effectiveness", sent_at, "fax"))]


def test_a_letter_dated_before_the_assignment_took_effect_goes_to_the_transferor():
    deal = assigned_deal()
    ota = next(h.name for h in deal.holders if h.id == "h-ota")
    july = recipients(deal, dt.datetime(2003, 7, 2, 10))
    assert ota in july and NEW.name not in july
    august = recipients(deal, dt.datetime(2003, 8, 19, 10))
    assert NEW.name in august and ota in august  # OTA keeps its warrants


def test_the_sample_without_assignments_is_unchanged():
    deal = load_sample_deal()
    assert len(recipients(dc.replace(letter_deal(), assignments=()), dt.datetime(2003, 7, 2, 10))) == len(deal.holders)

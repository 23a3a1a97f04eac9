"""Marking done an obligation a notice performs: the notice is logged, not a ``Completion``.

7(p) ("within two (2) Business Days after ... [the] Registration Statement ... is ordered
effective ... the Company shall deliver ... to the transfer agent ... confirmation ... in the form
attached hereto as Exhibit A") and 3(c)(C) (notify the Holders when it "has become effective") are
performed by a notice; the rules engine reads the notice log for them
(``obligations.registration.notice_performed_on``). So "Mark done" records the fact the
obligation reads: the notice sent, at the time and by the 7(g) method the user gives, to the
letter's recipient (the transfer agent of the deal's terms; the Holders), with the supporting
document kept as an annotation (the log's file name and SHA-256 are for a letter the product
made). A logged notice is evidence: it is never edited, and reopening the obligation means
superseding it in the notice log.

Refused, with nothing written: no time or no method (7(g) counts from both), a method 7(g) does
not know, a deadline key naming no registration, one not recorded as declared effective, or a
notice sent before the effectiveness it reports (it could not perform the obligation).
"""

from __future__ import annotations

import datetime as dt
import uuid

from rra_desktop.domain.calendar import eastern_wall_time
from rra_desktop.domain.letter_kinds import LetterSpec, Recipients
from rra_desktop.domain.model import NoticeDirection, NoticeRecord
from rra_desktop.domain.notices import METHODS
from rra_desktop.domain.registration_facts import effective_on
from rra_desktop.services.base import Refused, day, obligation_title
from rra_desktop.store.transaction import Change

HOLDERS = "the Holders (3(c)(C))"


def recipient(deal, letter: LetterSpec) -> str:
    """Who the notice went to: the deal's transfer agent for Exhibit A, else the Holders."""
    if letter.recipients is Recipients.TRANSFER_AGENT:
        agent = deal.terms.transfer_agent
        return agent.name if agent is not None and agent.name.strip() else "the transfer agent"
    return HOLDERS


def notice_done(store, deadline_key: str, letter: LetterSpec, sent_at: dt.datetime | None, method: str,
                document: str = "") -> Change:
    """Log the notice that performs the obligation ``deadline_key`` (see the module docstring)."""
    from rra_desktop.services.notices import log_notice

    if sent_at is None:
        raise Refused(f"Give the date and time the {letter.clause} notice was sent (7(g) counts from them).",
                      field="done_at")
    method = (method or "").strip().lower()
    if not method:
        raise Refused(f"Give how the {letter.clause} notice was sent ({', '.join(METHODS)}).", field="method")
    if method not in METHODS:
        raise Refused(f"{method!r} is not a 7(g) delivery method; use one of {', '.join(METHODS)}.", field="method")
    deal = store.deal()
    registration_id = deadline_key.partition(":")[2]
    rs = next((r for r in deal.registrations if r.id == registration_id), None)
    if rs is None:
        raise Refused(f"No registration statement {registration_id!r} for {obligation_title(deadline_key)}.",
                      field="deadline_key")
    effective = effective_on(rs)
    if effective is None:
        raise Refused(f"{rs.file_no or rs.id} is not recorded as declared effective: there is no "
                      f"{letter.clause} notice to give yet.", field="deadline_key")
    sent_on = eastern_wall_time(sent_at).date()
    if sent_on < effective:
        raise Refused(f"A notice sent on {day(sent_on)} cannot report the effectiveness of "
                      f"{day(effective)}.", field="done_at")
    note = f"Logged by Mark done for {obligation_title(deadline_key)}"
    annotations = (f"{note}; supporting document: {document.strip()}" if document.strip() else note,)
    record = NoticeRecord(f"n-{uuid.uuid4().hex[:12]}", NoticeDirection.SENT, letter.log_kind,
                          recipient(deal, letter), method, sent_at, annotations=annotations)
    return log_notice(store, record)

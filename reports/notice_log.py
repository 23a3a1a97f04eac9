"""Record each letter made in the deal's notice log, through the services layer (7(g)).

A sent notice is evidence: the log keeps the recipient, the kind, the method, the time sent,
the date it is deemed given (``rra_desktop.domain.notices.deemed_given``; None where only
recorded receipt can fix it), the file name and the file's SHA-256. A letter that performs an
obligation (Exhibit A for 7(p), the 3(c)(C) notice) performs it by being logged: the deadline
builder reads the log, and no separate ``Completion`` is written, so the act is recorded once.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from reports.catalog import LetterKind
from reports.letters import NoticeRequest
from reports.notice_dates import letter_fact_id
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.letter_kinds import LETTERS, LedgerStep, letter, notice_words
from rra_desktop.domain.model import Deal, FactKind, NoticeDirection, NoticeRecord, TimelineFact
from rra_desktop.domain.notices import deemed_given

if TYPE_CHECKING:
    from rra_desktop.store.transaction import Change

# letters that start a Holder's window become the timeline fact the engine counts from
WINDOW_FACTS: dict[str, FactKind] = {s.kind: s.follow_up_fact for s in LETTERS.values() if s.follow_up_fact}


def notice_record(deal: Deal, request: NoticeRequest, kind: LetterKind, recipient: str, file_name: str,
                  sha256: str) -> NoticeRecord:
    given = deemed_given(request.method, request.sent_at, calendar=calendar_for(deal.terms))
    return NoticeRecord(id=f"n-{uuid.uuid4().hex[:12]}", direction=NoticeDirection.SENT, kind=kind.log_kind,
                        recipient=recipient, method=request.method, sent_at=request.sent_at,
                        deemed_given_on=given.date, file_name=file_name, sha256=sha256)


def window_facts(request: NoticeRequest, extras: list[dict]) -> list[TimelineFact]:
    kind = WINDOW_FACTS.get(request.kind)
    if kind is None:
        return []
    return [TimelineFact(id=letter_fact_id(kind, e["holder_id"], request.sent_at), kind=kind,
                         on=request.sent_at.date(), at=request.sent_at, holder_id=e["holder_id"],
                         registration_id=e.get("registration_id") or request.registration_id, method=request.method,
                         document=e.get("file_name", "")) for e in extras if e.get("holder_id")]


def follow_ups(request: NoticeRequest, extras: list[dict]) -> list[tuple]:
    """What the letters set in motion, as ``(service_fn, args, kwargs)``: the blackout ledger's
    notice/Advice dates first (the steps the ledger refuses most often, e.g. an Advice dated
    before its period starts), then the 3(a)/7(d) window facts."""
    from rra_desktop.services import blackouts, timeline

    steps: list[tuple] = []
    step = getattr(letter(request.kind), "ledger_step", None)
    follow = {LedgerStep.BLACKOUT_NOTICE: blackouts.record_blackout_notice,
              LedgerStep.ADVICE: blackouts.record_advice}.get(step)
    if follow is not None:
        on = request.sent_at.date()  # the ledger judges the period as of the day the notice went out
        steps += [(follow, (b, on), {"today": on}) for b in sorted({e["blackout_id"] for e in extras
                                                                     if e.get("blackout_id")})]
    steps += [(timeline.record_fact, (f,), {}) for f in window_facts(request, extras)]
    return steps


def batch_label(records: list[NoticeRecord]) -> str:
    """How the undo stack and the audit trail name a batch: "Log 3 blackout notices sent Fri Feb 6, 2004"."""
    first = records[0]
    if len(records) == 1:
        return f"Log {notice_words(first.kind)} sent {fmt(first.sent_at.date())}, {first.recipient}"
    return f"Log {len(records)} {notice_words(first.kind, len(records))} sent {fmt(first.sent_at.date())}"


def record(store, request: NoticeRequest, records: list[NoticeRecord], extras: list[dict]) -> Change:
    """Log ``records`` and what the letters set in motion (``follow_ups``) as one action: one
    transaction, one audit entry, one ``Change`` (the GUI runs it through ``context.perform``,
    the command line with its store). Returns that Change.

    All or nothing (7(g): a notice logged as sent is evidence and can never be removed): when
    any step is refused, nothing is committed and the refusal propagates; the caller then
    deletes the files it wrote."""
    from rra_desktop.services import notices
    from rra_desktop.services.unit_of_work import unit_of_work

    with unit_of_work(store, batch_label(records)) as uow:
        for fn, args, kwargs in follow_ups(request, extras):
            fn(uow, *args, **kwargs)
        for r in records:
            notices.log_notice(uow, r)
    return uow.change

"""Timeline facts (DOMAIN.md "Timed obligations"): the dated events deadlines count from, and
obligations marked done (``Completion``).

An obligation a notice performs (7(p) Exhibit A to the transfer agent, the 3(c)(C) notice to the
Holders) is recorded once, as the notice: marking it done logs that notice as sent (its time and
7(g) method asked, the supporting document kept as an annotation) in the notice log the rules
engine reads, the same record a logged letter makes; no ``Completion`` is written for it.

A registration statement filed (``RS_FILED``) or declared effective (``RS_EFFECTIVE``) is not
stored as a fact: the registration record holds it, and recording, editing or removing such a
fact here writes that record (creating the Section 2 shelf if the deal has none), in one action.
The rule in full: ``services.registration_dates``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import Completion, TimelineFact
from rra_desktop.domain.registration_facts import timeline
from rra_desktop.services.base import (
    Refused,
    clock,
    day,
    find,
    holder_exists,
    obligation_title,
    unused_id,
    write,
    write_records,
)
from rra_desktop.services.registration_dates import records_for_fact
from rra_desktop.store.transaction import Change


def _label(verb: str, fact: TimelineFact) -> str:
    return f"{verb} {fact.kind.value.replace('_', ' ')} {day(fact.on)}"


def check_fact(fact: TimelineFact) -> TimelineFact:
    """The fact's own fields: its time on its date, not received before it happened."""
    if fact.at is not None and fact.at.date() != fact.on:
        raise Refused("The date and the time of the fact disagree.", field="at")
    if fact.received_on is not None and fact.received_on < fact.on:
        raise Refused("The fact cannot be received before it happened.", field="received_on")
    return fact


def _checked(store, fact: TimelineFact) -> TimelineFact:
    deal = store.deal()
    check_fact(fact)
    holder_exists(deal, fact.holder_id)
    if fact.registration_id is not None:
        find(deal.registrations, "id", fact.registration_id, "registration statement", "registration_id")
    if fact.claim_id is not None:
        find(deal.claims, "id", fact.claim_id, "claim", "claim_id")
    return fact


def _write(store, before: TimelineFact | None, after: TimelineFact | None, verb: str) -> Change:
    deal = store.deal()
    if after is not None:
        _checked(store, after)
    pairs = records_for_fact(deal, before, after)
    shelf_added = any(b is None and not isinstance(a, TimelineFact) for b, a in pairs)
    fact = after or before
    assert fact is not None  # a write records, edits or removes a fact
    label = _label(verb, fact) + (" (Section 2 shelf recorded)" if shelf_added else "")
    return write_records(store, label, pairs)


def record_fact(store, fact: TimelineFact) -> Change:
    """Record a timeline fact (a filing, effectiveness, a notice, a planned sale, ...); a filing
    or effectiveness dates its registration statement instead (``registration_dates``)."""
    unused_id(timeline(store.deal()), fact.id, "timeline fact")
    return _write(store, None, fact, "Record")


def edit_fact(store, fact: TimelineFact) -> Change:
    before = find(timeline(store.deal()), "id", fact.id, "timeline fact")
    return _write(store, before, fact, "Edit")


def remove_fact(store, fact_id: str) -> Change:
    before = find(timeline(store.deal()), "id", fact_id, "timeline fact")
    return _write(store, before, None, "Remove")


def set_closing_date(store, on: dt.date) -> Change:
    """The Closing Date (Section 1): the trigger of the Section 2 filing deadlines."""
    terms = store.deal().terms
    if on < terms.agreement_date:
        raise Refused("The Closing cannot precede the agreement's date.", field="closing_date")
    with write(store, f"Set Closing Date {day(on)}") as tx:
        tx.update(dataclasses.replace(terms, closing_date=on))
    return tx.change


def mark_done(store, deadline_key: str, done_on: dt.date, document: str = "", *,
              done_at: dt.datetime | None = None, require_document: bool = False, method: str = "") -> Change:
    """Mark an obligation done (the rules engine's deadline key) on the day it was performed,
    with the time where the clause turns on it (``done_at``, Eastern wall time: a filing's 5:30
    p.m. cut-off) and the supporting document; marking it again replaces them. The caller passes
    the date: there is no default, and the GUI offers the deadline's own date, never today.
    For an obligation a notice performs the notice is logged instead (``notice_done``): the
    time sent and the delivery ``method`` are then required."""
    if not (deadline_key or "").strip():
        raise Refused("Choose the obligation to mark done.", field="deadline_key")
    if not isinstance(done_on, dt.date):
        raise Refused("Give the date the obligation was performed.", field="done_on")
    if done_at is not None and done_at.date() != done_on:
        raise Refused(f"The time ({day(done_at.date())} {clock(done_at)}) is not on the date done "
                      f"({day(done_on)}).", field="done_at")
    document = (document or "").strip()
    if require_document and not document:
        raise Refused("Name the document that shows it done (an EDGAR receipt, a fax confirmation, ...).",
                      field="document")
    from rra_desktop.domain.letter_kinds import letter_completing
    from rra_desktop.domain.obligations.registry import kind_of_key

    letter = letter_completing(kind_of_key(deadline_key))
    if letter is not None:
        from rra_desktop.services.notice_done import notice_done

        return notice_done(store, deadline_key, letter, done_at, method, document)
    at = f" at {clock(done_at)}" if done_at is not None else ""
    with write(store, f"Mark done: {obligation_title(deadline_key)}, on {day(done_on)}{at}") as tx:
        tx.put(Completion(deadline_key, done_on, document, done_at))
    return tx.change


def unmark_done(store, deadline_key: str) -> Change:
    find(store.deal().completions, "deadline_key", deadline_key, "completed obligation", "deadline_key")
    with write(store, f"Reopen obligation: {obligation_title(deadline_key)}") as tx:
        tx.remove(Completion, deadline_key)
    return tx.change

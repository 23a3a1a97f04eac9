"""Timeline facts (DOMAIN.md "Timed obligations"): the dated events deadlines count from, and
obligations marked done (``Completion``).

A registration statement filed (``RS_FILED``) or declared effective (``RS_EFFECTIVE``) is one
story with the registration record: recording, editing or removing such a fact writes the
record's ``filed_at`` / ``effective_at`` in the same action (creating the Section 2 shelf if the
deal has none), so one undo restores both. The rule in full: ``services.registration_dates``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import Completion, TimelineFact
from rra_desktop.services.base import Linked, Refused, find, holder_exists, write
from rra_desktop.services.registration_dates import registrations_in_step
from rra_desktop.store.transaction import Change


def _label(verb: str, fact: TimelineFact) -> str:
    return f"{verb} {fact.kind.value.replace('_', ' ')} {fact.on.isoformat()}"


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


def _fact_label(verb: str, fact: TimelineFact, pairs) -> str:
    shelf_added = any(before is None for before, _ in pairs)
    return _label(verb, fact) + (" (Section 2 shelf recorded)" if shelf_added else "")


FACTS = Linked("facts", "timeline fact", _checked, registrations_in_step, _fact_label)


def record_fact(store, fact: TimelineFact) -> Change:
    """Record a timeline fact (a filing, effectiveness, a notice, a planned sale, ...); a filing
    or effectiveness also dates its registration statement (``registration_dates``)."""
    return FACTS.add(store, fact, "Record")


def edit_fact(store, fact: TimelineFact) -> Change:
    return FACTS.edit(store, fact)


def remove_fact(store, fact_id: str) -> Change:
    return FACTS.remove(store, fact_id)


def set_closing_date(store, on: dt.date) -> Change:
    """The Closing Date (Section 1): the trigger of the Section 2 filing deadlines."""
    terms = store.deal().terms
    if on < terms.agreement_date:
        raise Refused("The Closing cannot precede the agreement's date.", field="closing_date")
    with write(store, f"Set Closing Date {on.isoformat()}") as tx:
        tx.update(dataclasses.replace(terms, closing_date=on))
    return tx.change


def mark_done(store, deadline_key: str, done_on: dt.date, document: str = "") -> Change:
    """Mark an obligation done (the rules engine's deadline key); marking it again replaces
    the date."""
    if not (deadline_key or "").strip():
        raise Refused("Choose the obligation to mark done.", field="deadline_key")
    with write(store, f"Mark done {deadline_key} on {done_on.isoformat()}") as tx:
        tx.put(Completion(deadline_key, done_on, document))
    return tx.change


def unmark_done(store, deadline_key: str) -> Change:
    find(store.deal().completions, "deadline_key", deadline_key, "completed obligation", "deadline_key")
    with write(store, f"Reopen obligation {deadline_key}") as tx:
        tx.remove(Completion, deadline_key)
    return tx.change

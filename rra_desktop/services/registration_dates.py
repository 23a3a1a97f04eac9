"""One story for when a registration statement was filed and declared effective.

The deal records these two events in two places: the registration statement's ``filed_at`` and
``effective_at`` (the Registrations tab) and the ``RS_FILED`` / ``RS_EFFECTIVE`` timeline facts
(the Timeline tab, each with the document it came from). The deadlines read both (the record
wins, ``domain.obligations.base``). The services keep the two in step, inside the transaction of
the user's action, so both tabs and the deadlines tell the same story and one undo restores both:

* Recording or editing an RS_FILED / RS_EFFECTIVE fact sets ``filed_at`` / ``effective_at`` of
  the registration the fact names (``fact.registration_id``) or, when it names none, of the
  Section 2 shelf (the first ``section_2_shelf`` record). A deal with no shelf gets one: id
  "shelf" (the id the deadlines already give it, so their keys do not change), Form S-3.
* Such a fact carries its time (``at``, Eastern): the record keeps a date and time, which the
  EDGAR 5:30 p.m. cut-off and Exhibit A's "declared effective at" need.
* One fact per event: a second RS_FILED (or RS_EFFECTIVE) fact for the same registration is
  refused; the paralegal edits the one recorded.
* Removing such a fact, or editing it into another kind or registration, clears the date it had
  set (only if the record still holds that date).
* Adding or editing a registration moves its mirror fact when ``filed_at`` / ``effective_at``
  changes (or records one, noted "from the Registrations tab"); clearing the date removes the
  fact. Removing a registration removes its mirror facts with it.
"""

from __future__ import annotations

import dataclasses
import uuid

from rra_desktop.domain.calendar import eastern_wall_time
from rra_desktop.domain.model import FactKind, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.services.base import Refused

FIELDS = {FactKind.RS_FILED: "filed_at", FactKind.RS_EFFECTIVE: "effective_at"}
EVENTS = {FactKind.RS_FILED: "filing", FactKind.RS_EFFECTIVE: "effectiveness"}
SHELF_ID = "shelf"
FROM_REGISTRATIONS = "from the Registrations tab"

Pair = tuple[object | None, object | None]  # (record before, record after): None = absent


def _shelf_id(registrations) -> str | None:
    return next((r.id for r in registrations if r.kind == RegistrationKind.SECTION_2_SHELF), None)


def _target(fact: TimelineFact, shelf_id: str | None) -> str:
    """The registration a filing/effectiveness fact speaks of (the shelf when it names none)."""
    return fact.registration_id or shelf_id or SHELF_ID


def check_order(rs: RegistrationStatement) -> None:
    """A registration statement is not effective before it is filed (times compared in Eastern)."""
    if rs.filed_at and rs.effective_at and eastern_wall_time(rs.effective_at) < eastern_wall_time(rs.filed_at):
        raise Refused("A registration statement cannot be effective before it is filed.", field="effective_at")


def registrations_in_step(deal, before: TimelineFact | None, after: TimelineFact | None) -> list[Pair]:
    """The registration records to write with the fact change ``before`` -> ``after`` (refused
    when the fact has no time or repeats an event already recorded)."""
    shelf_id = _shelf_id(deal.registrations)
    stored = {r.id: r for r in deal.registrations}
    changed: dict[str, RegistrationStatement] = {}
    if before is not None and before.kind in FIELDS:
        rs = stored.get(_target(before, shelf_id))
        field = FIELDS[before.kind]
        if rs is not None and getattr(rs, field) == before.at:
            changed[rs.id] = dataclasses.replace(rs, **{field: None})
    if after is not None and after.kind in FIELDS:
        if after.at is None:
            raise Refused(f"Give the time of the {EVENTS[after.kind]} (Eastern): the registration statement "
                          "keeps its date and time.", field="at")
        rid = _target(after, shelf_id)
        if any(f.kind == after.kind and f.id != after.id and _target(f, shelf_id) == rid for f in deal.facts):
            raise Refused(f"The {EVENTS[after.kind]} of this registration statement is already on the timeline; "
                          "edit that fact instead.", field="kind")
        rs = changed.get(rid) or stored.get(rid) or RegistrationStatement(rid, RegistrationKind.SECTION_2_SHELF)
        changed[rid] = dataclasses.replace(rs, **{FIELDS[after.kind]: after.at})
    for rs in changed.values():
        check_order(rs)
    return [(stored.get(rid), rs) for rid, rs in changed.items()]


def facts_in_step(deal, before: RegistrationStatement | None, after: RegistrationStatement | None) -> list[Pair]:
    """The timeline facts to write with the registration change ``before`` -> ``after``."""
    rs = after or before
    remaining = [r for r in deal.registrations if r.id != rs.id] + ([after] if after else [])
    shelf_id = _shelf_id(remaining if after else deal.registrations)
    out: list[Pair] = []
    for kind, field in FIELDS.items():
        old = getattr(before, field) if before else None
        new = getattr(after, field) if after else None
        if old == new and after is not None:
            continue
        mirrors = [f for f in deal.facts if f.kind == kind and _target(f, shelf_id) == rs.id]
        if new is None:
            out += [(f, None) for f in mirrors]
        elif mirrors:
            out.append((mirrors[0], dataclasses.replace(mirrors[0], on=new.date(), at=new)))
        else:
            out.append((None, TimelineFact(f"f-{uuid.uuid4().hex[:8]}", kind, new.date(), at=new,
                                           registration_id=rs.id, note=FROM_REGISTRATIONS)))
    return out

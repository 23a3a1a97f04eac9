"""Recording when a registration statement was filed and declared effective, from either tab.

The registration record is the one record of both events (``domain.registration_facts``): its
``filed_at`` / ``effective_at`` and the documents they came from. The Timeline shows them as
RS_FILED / RS_EFFECTIVE facts derived from the record, and recording, editing or removing such a
fact there writes the record instead:

* An RS_FILED / RS_EFFECTIVE fact dates the registration it names (``fact.registration_id``) or,
  when it names none, the Section 2 shelf (the first ``section_2_shelf`` record). A deal with no
  shelf gets one: id "shelf", Form S-3 (the label says so).
* Such a fact carries its time (``at``, Eastern): the record keeps a date and time, which the
  EDGAR 5:30 p.m. cut-off and Exhibit A's "declared effective at" need.
* One date per event: recording a second filing (or effectiveness) of the same registration is
  refused; the paralegal edits the one recorded.
* Removing such a fact clears the date (and its document) on the record; editing it into another
  registration moves the date.
"""

from __future__ import annotations

import dataclasses
import uuid

from rra_desktop.domain.calendar import eastern_wall_time
from rra_desktop.domain.model import Deal, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.domain.registration_facts import FIELDS, target_id, with_fact
from rra_desktop.services.base import Refused

EVENTS = {kind: name for kind, name in zip(FIELDS, ("filing", "effectiveness"), strict=True)}

Record = TimelineFact | RegistrationStatement
Pair = tuple[Record | None, Record | None]  # (record before, record after): None = absent


def check_order(rs: RegistrationStatement) -> None:
    """A registration statement is not effective before it is filed (times compared in Eastern)."""
    if rs.filed_at and rs.effective_at and eastern_wall_time(rs.effective_at) < eastern_wall_time(rs.filed_at):
        raise Refused("A registration statement cannot be effective before it is filed.", field="effective_at")


def records_for_fact(deal: Deal, before: TimelineFact | None, after: TimelineFact | None) -> list[Pair]:
    """The records to write when the Timeline's fact ``before`` becomes ``after`` (None: absent):
    a stored fact as it is, a filing or effectiveness as its registration record. Refused when
    such a fact has no time or repeats an event already recorded."""
    old, new = (f if f is not None and f.kind not in FIELDS else None for f in (before, after))
    if after is not None and before is not None and before.kind in FIELDS and new is not None:
        new = dataclasses.replace(after, id=f"f-{uuid.uuid4().hex[:8]}")  # a new record
    pairs: list[Pair] = [(old, new)] if (old, new) != (None, None) else []
    regs = {r.id: r for r in deal.registrations}
    changed: dict[str, RegistrationStatement] = {}
    if before is not None and before.kind in FIELDS:
        rid = target_id(deal, before)
        if rid in regs:
            changed[rid] = with_fact(regs[rid], None, before.kind)
    if after is not None and after.kind in FIELDS:
        if after.at is None:
            raise Refused(f"Give the time of the {EVENTS[after.kind]} (Eastern): the registration statement "
                          "keeps its date and time.", field="at")
        rid = target_id(deal, after)
        rs = changed.get(rid) or regs.get(rid) or RegistrationStatement(rid, RegistrationKind.SECTION_2_SHELF)
        if getattr(rs, FIELDS[after.kind][0]) is not None:
            raise Refused(f"The {EVENTS[after.kind]} of this registration statement is already recorded; "
                          "edit it instead.", field="kind")
        changed[rid] = with_fact(rs, after, after.kind)
    for rs in changed.values():
        check_order(rs)
    return pairs + [(regs.get(rid), rs) for rid, rs in changed.items()]


def apply_pairs(deal: Deal, pairs: list[Pair]) -> Deal:
    """``deal`` with ``pairs`` of facts and registrations written (what the service would store)."""
    out = deal
    for before, after in pairs:
        record = after if after is not None else before
        name = "facts" if isinstance(record, TimelineFact) else "registrations"
        held: tuple[Record, ...] = getattr(out, name)
        records = [r for r in held if before is None or r.id != before.id]
        if after is not None:
            at = next((i for i, r in enumerate(held) if before is not None and r.id == before.id), len(records))
            records.insert(at, after)
        if name == "facts":
            out = dataclasses.replace(out, facts=tuple(r for r in records if isinstance(r, TimelineFact)))
        else:
            out = dataclasses.replace(out, registrations=tuple(r for r in records
                                                               if isinstance(r, RegistrationStatement)))
    return out

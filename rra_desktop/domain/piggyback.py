"""Section 7(d) on the deal's facts: when it applies, which requests count, and the cutback.

* 7(d) applies only "when there is not an effective Registration Statement covering all of the
  Registrable Securities": ``shelf_covering_all`` says why a notice opens no window (a Section 2
  shelf declared effective on or before the notice, registering at least every Registrable
  Security on the register that day).
* A request counts only if made within the 20 days after receipt (GCL §25 extension included),
  or if the Company's acceptance of the late request is recorded (``late_accepted_on``).
* Shares the Holder could sell under Rule 144 on the request date are not counted: the product's
  own Rule 144 dates (``rule144``: 144(k) to February 15, 2008, 144(b)(1)(i) after), as converted.
  A number typed on the request counts only where it is larger (counsel's own view, recorded).
* The cutback is one function for the record and the screen: ``registration_cutback`` keys the
  allocation by Holder id and breaks ties by the larger request, then the Holder's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.cutback import Allocation, allocate
from rra_desktop.domain.holdings import conversion_shares, register_as_of
from rra_desktop.domain.model import Deal, PiggybackRequest, RegistrationKind, SecurityKind
from rra_desktop.domain.registration_facts import effective_on


def shelf_covering_all(deal: Deal, on: dt.date) -> str:
    """Why 7(d) does not apply on ``on`` ("" when it does): the effective shelf covering all."""
    total = None
    for rs in deal.registrations:
        if rs.kind != RegistrationKind.SECTION_2_SHELF:
            continue
        effective = effective_on(rs)
        if effective is None or effective > on or not rs.shares_registered:
            continue
        if total is None:
            total = sum(p.registrable for p in register_as_of(deal, on, rights=True))
        if rs.shares_registered >= total:
            return (f"7(d) applies only when no effective Registration Statement covers all of the Registrable "
                    f"Securities; on {fmt(on)} the shelf {rs.file_no or rs.id}, effective {fmt(effective)}, registers "
                    f"{rs.shares_registered:,} shares against {total:,} Registrable Securities: no piggy-back window")
    return ""


def rule144_free_shares(deal: Deal, holder_id: str, on: dt.date) -> tuple[int, str]:
    """Registrable Securities (as converted) ``holder_id`` could sell under Rule 144 on ``on``."""
    from rra_desktop.domain.rule144 import rule144_dates

    kinds = {s.code: s.kind for s in deal.securities}
    free, rules = 0, set()
    for d in rule144_dates(deal, holder_id):
        if d.date is None or d.date > on:  # rule144_dates lists only securities held (quantity > 0)
            continue
        kind = kinds.get(d.security)
        free += conversion_shares(d.quantity, deal.terms) if kind == SecurityKind.PREFERRED else d.quantity
        rules.add(d.rule)
    return free, ", ".join(sorted(rules))


def window_end(deal: Deal, request: PiggybackRequest) -> dt.date | None:
    """The last day a request in answer to the registration's notice is timely (GCL §25
    extension of the 20 days after receipt), None when no notice to the Holder is recorded."""
    from rra_desktop.domain.obligations.base import Facts  # the builders import this module
    from rra_desktop.domain.obligations.holders import piggyback_response

    ends = [d.counted.extended_to for d in piggyback_response(Facts.of(deal))
            if d.holder_id == request.holder_id and d.registration_id == request.registration_id
            and d.counted is not None]
    return max(ends) if ends else None


@dataclass(frozen=True)
class CountedRequest:
    """One Holder's requests for a registration, as the cutback counts them."""

    holder_id: str
    name: str
    first_on: dt.date
    requested: int  # every request recorded
    late: int  # made after the window and not accepted: not counted
    rule144: int  # could be sold under Rule 144 on the request date: not counted
    counted: int
    why: str


def counted_for(deal: Deal, registration_id: str) -> list[CountedRequest]:
    """Each Holder's requests for ``registration_id``: requested, left out and counted."""
    names = {h.id: h.name for h in deal.holders}
    by_holder: dict[str, list[PiggybackRequest]] = {}
    for r in deal.piggyback_requests:
        if r.registration_id == registration_id:
            by_holder.setdefault(r.holder_id, []).append(r)
    out = []
    for hid, requests in by_holder.items():
        late = counted = rule144 = 0
        notes = []
        for r in requests:
            end = window_end(deal, r)
            if end is not None and r.requested_on > end and r.late_accepted_on is None:
                late += r.shares
                notes.append(f"request of {fmt(r.requested_on)} came after the window closed {fmt(end)}")
                continue
            free, rule = rule144_free_shares(deal, hid, r.requested_on)
            excluded = min(r.shares, max(free, r.rule_144k_eligible_shares))
            if excluded:
                notes.append(f"{excluded:,} shares saleable under {rule or 'Rule 144 (as recorded)'} on "
                             f"{fmt(r.requested_on)}")
            rule144 += excluded
            counted += r.shares - excluded
        out.append(CountedRequest(hid, names.get(hid, hid), min(r.requested_on for r in requests),
                                  sum(r.shares for r in requests), late, rule144, counted, "; ".join(notes)))
    return out


def registration_cutback(deal: Deal, registration_id: str, allowed: int | None = None) -> Allocation:
    """The 7(d) cutback for ``registration_id`` keyed by Holder id (ties: larger request, then
    name). ``allowed`` defaults to the registration's underwriter limit (no limit: no cutback)."""
    requests = {c.holder_id: c.counted for c in counted_for(deal, registration_id)}
    if allowed is None:
        rs = next((r for r in deal.registrations if r.id == registration_id), None)
        limit = rs.underwriter_limit if rs is not None else None
        allowed = limit if limit is not None else sum(requests.values())
    names = {h.id: h.name for h in deal.holders}
    return allocate(requests, allowed, names=names)

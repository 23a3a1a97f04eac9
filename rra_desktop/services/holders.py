"""Holders (Section 1): add, edit and remove a Holder and its notice address (7(g))."""

from __future__ import annotations

from rra_desktop.domain.entries import holder_name_problem
from rra_desktop.domain.model import Holder
from rra_desktop.services.base import Refused, find, text, unused_id, write
from rra_desktop.store.transaction import Change


def check_holder(holder: Holder) -> Holder:
    """The Holder's own fields (a name, a non-negative order and price, an e-mail address)."""
    text(holder.name, "name", "Holder's name")
    if holder.schedule_order < 0:
        raise Refused("The Schedule 1 order cannot be negative.", field="schedule_order")
    if holder.purchase_price is not None and holder.purchase_price < 0:
        raise Refused("The purchase price cannot be negative.", field="purchase_price")
    if holder.email and "@" not in holder.email:
        raise Refused(f"{holder.email!r} is not an e-mail address.", field="email")
    return holder


def _checked(holder: Holder, holders=()) -> Holder:
    """``check_holder``, and the name told apart from every other Holder's as a reader sees it
    (``entries.holder_name_problem``: not a homoglyph, not another Holder's name retyped)."""
    check_holder(holder)
    problem = holder_name_problem(holder.name, holders, holder.id)
    if problem:
        raise Refused(problem + ".", field="name")
    return holder


def add_holder(store, holder: Holder) -> Change:
    """Add a Holder (a Purchaser, a Placement Agent Warrant holder or a 7(i) assignee)."""
    holders = store.deal().holders
    unused_id(holders, holder.id, "Holder")
    with write(store, f"Add Holder {_checked(holder, holders).name}") as tx:
        tx.add(holder)
    return tx.change


def update_holder(store, holder: Holder) -> Change:
    """Edit a Holder's details. The notice address is the one first designated (Schedule 1, a
    transferee's 7(i) notice): a later 7(g) change is recorded with its date
    (``services.addresses``), so that letters sent before it keep the old address."""
    holders = store.deal().holders
    current = find(holders, "id", holder.id, "Holder")
    # a name kept as it is was told apart from the others when it was given: an edit of the address
    # or the notes does not compare it with every other Holder's again (10,000 names on a large deal)
    others = holders if holder.name != current.name else ()
    with write(store, f"Edit Holder {_checked(holder, others).name}") as tx:
        tx.update(holder)
    return tx.change


edit_holder = update_holder


def _count(n: int, word: str) -> str:
    return f"{n:,} {word if n == 1 else word + 's'}"


def removal_refusal(deal, holder_id: str) -> str:
    """Why the Holder cannot be removed ("" when it can): what the deal still records for it.
    Asked before "Remove" asks for confirmation, so that only what will be done is confirmed."""
    holder = find(deal.holders, "id", holder_id, "Holder")
    uses = [
        ("ledger row", sum(p.holder_id == holder_id for p in deal.positions)),
        ("assignment", sum(holder_id in (a.transferor_id, a.transferee_id) for a in deal.assignments)),
    ] + [
        (what, sum(getattr(r, "holder_id", None) == holder_id for r in records))
        for what, records in (("claim", deal.claims), ("timeline fact", deal.facts),
                              ("piggy-back request", deal.piggyback_requests),
                              ("selling-stockholder record", deal.selling_info),
                              ("notice-address change", deal.address_changes))
    ]
    found = [_count(n, what) for what, n in uses if n]
    if not found:
        return ""
    return f"{holder.name} cannot be removed: the deal still records {', '.join(found)} for it."


def remove_holder(store, holder_id: str) -> Change:
    """Remove a Holder entered by mistake. Refused while anything in the deal refers to it
    (ledger rows, assignments, claims, facts, requests): those are the record of its rights."""
    deal = store.deal()
    holder = find(deal.holders, "id", holder_id, "Holder")
    refusal = removal_refusal(deal, holder_id)
    if refusal:
        raise Refused(refusal, field="id")
    with write(store, f"Remove Holder {holder.name}") as tx:
        tx.remove(Holder, holder_id)
    return tx.change


def find_holder(deal, name_or_id: str, refused: type[Exception] = Refused) -> Holder:
    """A Holder by id, by exact name, or by the start of its name when exactly one name starts so
    ("OTA" for "OTA LLC"; case and surrounding spaces ignored). Several candidates are refused
    with their names listed: a letter never goes to a Holder picked by guess. ``refused`` is the
    error the caller reports (the command line's, a letter's)."""
    wanted = name_or_id.strip().casefold()
    for h in deal.holders:
        if h.id == name_or_id or h.name.strip().casefold() == wanted:
            return h
    candidates = [h for h in deal.holders if wanted and h.name.strip().casefold().startswith(wanted)]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = "; ".join(h.name for h in candidates)
        raise refused(f"{len(candidates)} Holders' names start with {name_or_id!r}: {names}. "
                      "Give more of the name")
    raise refused(f"No Holder named {name_or_id!r} in this deal")

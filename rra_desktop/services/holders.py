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
    """Edit a Holder's details; the notice address is the one 7(g) says to use from now on."""
    holders = store.deal().holders
    find(holders, "id", holder.id, "Holder")
    with write(store, f"Edit Holder {_checked(holder, holders).name}") as tx:
        tx.update(holder)
    return tx.change


edit_holder = update_holder


def remove_holder(store, holder_id: str) -> Change:
    """Remove a Holder entered by mistake. Refused while anything in the deal refers to it
    (ledger rows, assignments, claims, facts, requests): those are the record of its rights."""
    deal = store.deal()
    holder = find(deal.holders, "id", holder_id, "Holder")
    uses = [
        (f"{n} ledger row(s)", n) for n in [sum(p.holder_id == holder_id for p in deal.positions)]
    ] + [
        (f"{n} assignment(s)", n)
        for n in [sum(holder_id in (a.transferor_id, a.transferee_id) for a in deal.assignments)]
    ] + [
        (f"{n} {what}", n)
        for what, records in (("claim(s)", deal.claims), ("timeline fact(s)", deal.facts),
                              ("piggy-back request(s)", deal.piggyback_requests),
                              ("selling-stockholder record(s)", deal.selling_info))
        for n in [sum(getattr(r, "holder_id", None) == holder_id for r in records)]
    ]
    found = [label for label, n in uses if n]
    if found:
        raise Refused(f"{holder.name} cannot be removed: the deal still records {', '.join(found)} for it.",
                      field="id")
    with write(store, f"Remove Holder {holder.name}") as tx:
        tx.remove(Holder, holder_id)
    return tx.change

"""Assignments of registration rights (7(h), 7(i)).

Recording an assignment creates or updates the transferee as a Holder (with its notice
address), writes the transfer_out/transfer_in ledger rows that move the securities (the
transferee tacks to the transferor's latest acquisition: the lot is not identified), and keeps
the 7(i) conditions and documents. A closed assignment changes only by reopening it, with a
reason the audit trail keeps.
"""

from __future__ import annotations

import dataclasses

from rra_desktop.domain.holdings import positions_as_of
from rra_desktop.domain.model import Assignment, Holder, PositionEntry, PositionKind
from rra_desktop.services.base import Refused, day, find, holder_exists, set_closed, text, unused_id, whole, write
from rra_desktop.services.ledger import latest_acquisition
from rra_desktop.store.transaction import Change


def ledger_rows(deal, a: Assignment) -> tuple[PositionEntry, PositionEntry]:
    """The pair of ledger rows an assignment writes. The transferee's row carries the
    transferor's LATEST acquisition date in that security, for Rule 144 tacking: the lot
    transferred is not identified, so the conservative date is taken (``ledger.latest_acquisition``)."""
    acquired = latest_acquisition(deal, a.transferor_id, a.security, a.on)
    out = PositionEntry(f"{a.id}-out", a.transferor_id, a.security, PositionKind.TRANSFER_OUT, -a.quantity, a.on,
                        document="; ".join(a.documents), assignment_id=a.id)
    into = PositionEntry(f"{a.id}-in", a.transferee_id, a.security, PositionKind.TRANSFER_IN, a.quantity, a.on,
                         acquired_on=acquired, document="; ".join(a.documents), assignment_id=a.id)
    return out, into


def _checked(deal, a: Assignment, transferee: Holder | None) -> None:
    holder_exists(deal, a.transferor_id, "transferor_id")
    if transferee is None:
        holder_exists(deal, a.transferee_id, "transferee_id")
    elif transferee.id != a.transferee_id:
        raise Refused("The transferee given is not the one the assignment names.", field="transferee_id")
    else:
        text(transferee.name, "name", "transferee's name")
    if a.transferor_id == a.transferee_id:
        raise Refused("A Holder cannot assign to itself.", field="transferee_id")
    find(deal.securities, "code", a.security, "security", "security")
    whole(a.quantity, "quantity", "number of securities assigned", 1)
    other_rows = [p for p in deal.positions if p.assignment_id != a.id]
    held = positions_as_of(dataclasses.replace(deal, positions=tuple(other_rows)), a.on).get(a.transferor_id, {})
    if held.get(a.security, 0) < a.quantity:
        raise Refused(f"On {day(a.on)} the transferor held {held.get(a.security, 0):,} {a.security}, fewer than "
                      f"the {a.quantity:,} assigned.", field="quantity")


def record_assignment(store, assignment: Assignment, transferee: Holder | None = None) -> Change:
    """7(i): record an assignment; ``transferee`` (when given) is added or updated as a Holder."""
    deal = store.deal()
    unused_id(deal.assignments, assignment.id, "assignment")
    assignment = dataclasses.replace(assignment, closed=False)
    _checked(deal, assignment, transferee)
    name = transferee.name if transferee else deal.holder(assignment.transferee_id).name
    label = f"Record assignment {deal.holder(assignment.transferor_id).name} → {name} ({assignment.quantity:,} " \
            f"{assignment.security})"
    with write(store, label) as tx:
        if transferee is not None:
            tx.put(transferee)
        tx.add(assignment)
        for row in ledger_rows(deal, assignment):
            tx.put(row)
    return tx.change


def update_assignment(store, assignment: Assignment) -> Change:
    """Record conditions met, documents received or a correction; the ledger rows follow."""
    deal = store.deal()
    stored = find(deal.assignments, "id", assignment.id, "assignment")
    if stored.closed:
        raise Refused("This assignment is closed: reopen it (with a reason) to change it.", field="closed")
    if assignment.closed:
        raise Refused("Close the assignment with its own action (it records the reason).", field="closed")
    _checked(deal, assignment, None)
    with write(store, f"Edit assignment {_names(deal, assignment)}") as tx:
        tx.update(assignment)
        for row in ledger_rows(deal, assignment):
            tx.put(row)
    return tx.change


edit_assignment = update_assignment


def _names(deal, a: Assignment) -> str:
    return f"{deal.holder(a.transferor_id).name} → {deal.holder(a.transferee_id).name}"


def close_assignment(store, assignment_id: str, reason: str) -> Change:
    return set_closed(store, "assignments", assignment_id, reason, True, "assignment", _names)


def reopen_assignment(store, assignment_id: str, reason: str) -> Change:
    """Reopen a closed assignment; the reason is required and kept by the audit trail."""
    return set_closed(store, "assignments", assignment_id, reason, False, "assignment", _names)

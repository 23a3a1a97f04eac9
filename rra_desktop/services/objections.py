"""3(a) written objections: record one (by whom, received when, to which document), withdraw it.

Whether it binds is the rules' (``domain.objections``); the service only checks that what it
names exists: the objectors (Holders of the deal, or Special Counsel), the registration and the
review copies it answers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import FactKind, Objection
from rra_desktop.domain.objections import SPECIAL_COUNSEL
from rra_desktop.services.base import Refused, add_record, day, edit_record, find, ordered, remove_record, text
from rra_desktop.store.transaction import Change


def _checked(store, o: Objection) -> Objection:
    deal = store.deal()
    text(o.document, "document", "document objected to")
    if not o.objectors:
        raise Refused("Name who objects: Holders, or Special Counsel.", field="objectors")
    known = {h.id for h in deal.holders} | {SPECIAL_COUNSEL}
    unknown = [i for i in o.objectors if i not in known]
    if unknown:
        raise Refused(f"No Holder with id {', '.join(unknown)} in this deal.", field="objectors")
    if o.registration_id is not None:
        find(deal.registrations, "id", o.registration_id, "registration statement", "registration_id")
    if o.copies_fact_id is not None:
        fact = find(deal.facts, "id", o.copies_fact_id, "review copies' receipt", "copies_fact_id")
        if fact.kind != FactKind.REVIEW_COPIES_RECEIVED:
            raise Refused("The objection answers the Holders' receipt of review copies: choose that fact.",
                          field="copies_fact_id")
        if o.received_on < fact.on:
            raise Refused("The objection cannot be received before the copies it objects to.", field="received_on")
    ordered(o.received_on, o.withdrawn_on, "withdrawn_on", "An objection cannot be withdrawn before it was received.")
    return dataclasses.replace(o, document=o.document.strip(), objectors=tuple(dict.fromkeys(o.objectors)))


def record_objection(store, objection: Objection) -> Change:
    """Record a written objection under 3(a)."""
    o = _checked(store, objection)
    return add_record(store, o, "objections", "objection",
                      f"Record 3(a) objection to {o.document} received {day(o.received_on)}")


def edit_objection(store, objection: Objection) -> Change:
    o = _checked(store, objection)
    return edit_record(store, o, "objections", "objection", f"Edit 3(a) objection to {o.document}")


def withdraw_objection(store, objection_id: str, on: dt.date) -> Change:
    """The objection is withdrawn on ``on``: from that day the document may be filed."""
    o = find(store.deal().objections, "id", objection_id, "objection")
    if o.withdrawn_on is not None:
        raise Refused(f"This objection was already withdrawn on {fmt(o.withdrawn_on)}.", field="withdrawn_on")
    o = _checked(store, dataclasses.replace(o, withdrawn_on=on))
    return edit_record(store, o, "objections", "objection", f"Withdraw 3(a) objection to {o.document} on {fmt(on)}")


def remove_objection(store, objection_id: str) -> Change:
    o = find(store.deal().objections, "id", objection_id, "objection")
    return remove_record(store, "objections", objection_id, "objection", f"Remove 3(a) objection to {o.document}")

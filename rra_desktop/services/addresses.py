"""7(g) changes of notice address: record one (whose, the new address, how and when the notice
of it was given), withdraw it, remove one entered by mistake. Each is one audited action the
GUI's undo stack holds.

When a change takes effect is the rules' (``domain.addresses.takes_effect``); the service checks
that what it names exists (the Holder, the transfer agent), that it designates an address or a
fax number, that its 7(g) method and receipt are ones a notice can have, and that the day it
names and the day it is withdrawn do not come before the notice was sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from rra_desktop.domain.addresses import party_name, takes_effect
from rra_desktop.domain.calendar import calendar_for
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import AddressChange, AddressOf
from rra_desktop.domain.notices import METHODS
from rra_desktop.services.base import Refused, add_record, edit_record, find, holder_exists, remove_record
from rra_desktop.store.transaction import Change

_FAX = re.compile(r"^[0-9()+\-./ ]*$")


def check_change(deal, change: AddressChange) -> AddressChange:
    """The change as it may be stored (text stripped, blank address lines dropped), or refused
    naming the field at fault."""
    if change.of == AddressOf.HOLDER:
        if not change.holder_id:
            raise Refused("Choose the Holder whose address changes.", field="holder_id")
        holder_exists(deal, change.holder_id)
    elif change.holder_id is not None:
        raise Refused("Only a Holder's address change names a Holder.", field="holder_id")
    elif change.of == AddressOf.TRANSFER_AGENT and deal.terms.transfer_agent is None:
        raise Refused("The deal records no transfer agent: enter it in Deal settings first.", field="of")
    lines = tuple(x.strip() for x in change.address_lines if x.strip())
    if not lines and not change.fax.strip():
        raise Refused("Enter the new address (or at least a facsimile number).", field="address_lines")
    if not _FAX.match(change.fax):
        raise Refused(f"{change.fax.strip()!r} is not a facsimile number (digits, spaces and ( ) + - . / only).",
                      field="fax")
    if change.method not in METHODS:
        raise Refused(f"Choose how the notice of the change was given: {', '.join(METHODS)}.", field="method")
    sent = change.sent_at.date()
    if change.received_on is not None and change.received_on < sent - dt.timedelta(days=1):
        raise Refused(f"The notice cannot be received ({fmt(change.received_on)}) before it was sent "
                      f"({fmt(sent)}).", field="received_on")
    if change.effective_from is not None and change.effective_from < sent:
        raise Refused(f"A change cannot take effect ({fmt(change.effective_from)}) before its notice was sent "
                      f"({fmt(sent)}): leave the day blank to use the day it is deemed given.", field="effective_from")
    if change.withdrawn_on is not None and change.withdrawn_on < sent:
        raise Refused("A change cannot be withdrawn before its notice was sent.", field="withdrawn_on")
    return dataclasses.replace(change, address_lines=lines, attention=change.attention.strip(),
                               fax=change.fax.strip(), document=change.document.strip())


def _label(verb: str, deal, c: AddressChange) -> str:
    effect = takes_effect(c, calendar_for(deal.terms)).date
    when = f"in force {fmt(effect)}" if effect else "awaiting receipt"
    return f"{verb} 7(g) address change of {party_name(deal, c.of, c.holder_id)}, {when}"


def record_address_change(store, change: AddressChange) -> Change:
    """Record a notice designating another address (7(g))."""
    deal = store.deal()
    c = check_change(deal, change)
    return add_record(store, c, "address_changes", "address change", _label("Record", deal, c))


def edit_address_change(store, change: AddressChange) -> Change:
    """Correct a recorded change (its receipt recorded later, a typing mistake)."""
    deal = store.deal()
    c = check_change(deal, change)
    return edit_record(store, c, "address_changes", "address change", _label("Edit", deal, c))


def withdraw_address_change(store, change_id: str, on: dt.date) -> Change:
    """The change stops applying on ``on`` (a notice withdrawing it took effect that day): the
    address in force before it (or a later change) applies again from that day."""
    c = find(store.deal().address_changes, "id", change_id, "address change")
    if c.withdrawn_on is not None:
        raise Refused(f"This change was already withdrawn on {fmt(c.withdrawn_on)}.", field="withdrawn_on")
    return edit_address_change(store, dataclasses.replace(c, withdrawn_on=on))


def remove_address_change(store, change_id: str) -> Change:
    """Remove a change recorded by mistake (it never applied); the audit trail keeps it."""
    deal = store.deal()
    c = find(deal.address_changes, "id", change_id, "address change")
    return remove_record(store, "address_changes", change_id, "address change",
                         f"Remove 7(g) address change of {party_name(deal, c.of, c.holder_id)}")

"""7(g): the notice address of a Holder or party in force on a date.

7(g) sends notices to each Holder "at its address set forth under its name on Schedule 1", to the
Company at the address the agreement prints, "or to such other address or addresses or facsimile
number or numbers as any such party may most recently have designated in writing to the other
parties hereto by such notice". How the product reads it:

* A change of address is itself a notice under 7(g), so it takes effect on the day that notice is
  deemed given (``notices.deemed_given``: a fax before 5:00 p.m. Eastern on a Business Day that
  day, a courier the next Business Day, recorded actual receipt when earlier). One sent by mail or
  e-mail, or a fax at exactly 5:00 p.m., is not in force until its receipt is recorded: until then
  the product says so and letters keep the address in force before it.
* A notice that names a later day ("effective August 1") takes effect on that day; a day it names
  earlier than its deemed-given day does not reach back (nobody could have used an address before
  being told of it).
* The address a Holder's record (or the deal's terms) carries is the one first designated:
  Schedule 1, the agreement's own text, or a transferee's notice under 7(i). It is in force from
  the beginning until the first change takes effect.
* "Most recently designated": among the changes in force on a day, the one that took effect last
  wins; two taking effect the same day are ordered by when they were sent, then as recorded.
* A change designates the whole of the address (lines, Attention and fax): whatever the notice
  does not change is copied from the address in force when it is recorded.
* A withdrawn change stops applying on its ``withdrawn_on`` day; the address it replaced (or a
  later change) is in force again from that day.
* Counsel and the transfer agent are not parties to the agreement, but the Company designates
  where its copies and the Exhibit A go and the Holders where theirs go: their changes are kept
  and dated the same way.

A letter's recipients, copies and addresses are those in force on its sending date:
``addressed_as_of(deal, on)`` gives the deal as addressed that day, which is what the letters
read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from rra_desktop.domain.calendar import BusinessCalendar, calendar_for
from rra_desktop.domain.counting import fmt
from rra_desktop.domain.model import AddressChange, AddressOf, Deal, Holder, Party
from rra_desktop.domain.notices import deemed_given

R = TypeVar("R", Holder, Party)

# the deal's terms field holding each party's address
TERMS_FIELD = {AddressOf.COMPANY: "company", AddressOf.COMPANY_COUNSEL: "company_counsel",
               AddressOf.HOLDERS_COUNSEL: "holders_counsel", AddressOf.TRANSFER_AGENT: "transfer_agent"}
PARTY_LABELS = {AddressOf.HOLDER: "Holder", AddressOf.COMPANY: "the Company",
                AddressOf.COMPANY_COUNSEL: "Company counsel", AddressOf.HOLDERS_COUNSEL: "Holders' counsel",
                AddressOf.TRANSFER_AGENT: "the transfer agent"}


@dataclass(frozen=True)
class Address:
    """A notice address: the lines, the Attention line and the fax number 7(g) speaks of, and the
    change that designated it (None: the address first designated)."""

    lines: tuple[str, ...]
    attention: str = ""
    fax: str = ""
    change: AddressChange | None = None


@dataclass(frozen=True)
class Effect:
    """When a change takes effect (None while it waits for a recorded receipt) and why."""

    date: dt.date | None
    given_on: dt.date | None  # the 7(g) deemed-given day of the notice of change
    explanation: str


def takes_effect(change: AddressChange, cal: BusinessCalendar | None = None) -> Effect:
    """The day ``change`` takes effect: its 7(g) deemed-given day, or the later day it names."""
    given = deemed_given(change.method, change.sent_at, change.received_on, cal)
    if given.date is None:
        return Effect(None, None, f"Not in force yet: {given.rule}.")
    if change.effective_from is not None and change.effective_from > given.date:
        return Effect(change.effective_from, given.date,
                      f"Deemed given {fmt(given.date)} ({given.rule}); "
                      f"in force from the later day the notice names.")
    return Effect(given.date, given.date, f"In force from the day the notice is deemed given: {given.rule}.")


def changes_of(deal: Deal, of: AddressOf, holder_id: str | None = None) -> list[AddressChange]:
    """The recorded changes of one party's address, in the order recorded."""
    return [c for c in deal.address_changes if c.of == of and (of != AddressOf.HOLDER or c.holder_id == holder_id)]


def first_designated(deal: Deal, of: AddressOf, holder_id: str | None = None) -> Address:
    """The address the Holder's record or the deal's terms carry: in force from the beginning."""
    record = _record(deal, of, holder_id)
    if record is None:
        return Address(())
    return Address(tuple(record.address_lines), record.attention, record.fax)


def address_in_force(deal: Deal, of: AddressOf, on: dt.date, holder_id: str | None = None,
                     cal: BusinessCalendar | None = None) -> Address:
    """The notice address of a Holder (``holder_id``) or party in force on ``on``."""
    cal = cal if cal is not None else calendar_for(deal.terms)
    best, best_key = None, None
    for seq, change in enumerate(changes_of(deal, of, holder_id)):
        effect = takes_effect(change, cal).date
        if effect is None or effect > on or (change.withdrawn_on is not None and change.withdrawn_on <= on):
            continue
        key = (effect, change.sent_at.replace(tzinfo=None), seq)
        if best_key is None or key > best_key:
            best, best_key = change, key
    if best is None:
        return first_designated(deal, of, holder_id)
    return Address(best.address_lines, best.attention, best.fax, best)


def addressed_as_of(deal: Deal, on: dt.date) -> Deal:
    """``deal`` with every Holder and party carrying the address in force on ``on`` (the deal
    itself when no change is recorded): what a letter sent that day reads."""
    if not deal.address_changes:
        return deal
    cal = calendar_for(deal.terms)
    holder_ids = {c.holder_id for c in deal.address_changes if c.of == AddressOf.HOLDER}
    holders = tuple(_readdressed(h, address_in_force(deal, AddressOf.HOLDER, on, h.id, cal))
                    if h.id in holder_ids else h for h in deal.holders)
    parties = {}
    for of, name in TERMS_FIELD.items():
        party = getattr(deal.terms, name)
        if party is not None and changes_of(deal, of):
            parties[name] = _readdressed(party, address_in_force(deal, of, on, cal=cal))
    terms = dataclasses.replace(deal.terms, **parties) if parties else deal.terms
    return dataclasses.replace(deal, holders=holders, terms=terms)


def party_name(deal: Deal, of: AddressOf, holder_id: str | None = None) -> str:
    """Whose address it is, as a screen or a letter names it."""
    record = _record(deal, of, holder_id)
    if record is not None and record.name:
        return record.name if of == AddressOf.HOLDER else f"{record.name} ({PARTY_LABELS[of]})"
    return (holder_id or "") if of == AddressOf.HOLDER else PARTY_LABELS[of]


def _record(deal: Deal, of: AddressOf, holder_id: str | None) -> Holder | Party | None:
    if of == AddressOf.HOLDER:
        return next((h for h in deal.holders if h.id == holder_id), None)
    party: Party | None = getattr(deal.terms, TERMS_FIELD[of])
    return party


def _readdressed(record: R, address: Address) -> R:
    if (tuple(record.address_lines), record.attention, record.fax) == (address.lines, address.attention, address.fax):
        return record
    return dataclasses.replace(record, address_lines=address.lines, attention=address.attention, fax=address.fax)


def one_line(address: Address) -> str:
    """An address on one line, as a register's cell or a message writes it."""
    parts = [", ".join(address.lines)]
    if address.attention:
        parts.append(f"Attention: {address.attention}")
    if address.fax:
        parts.append(f"Fax: {address.fax}")
    return "; ".join(p for p in parts if p)


@dataclass(frozen=True)
class ChangeEntry:
    """One line of the register of changes: the change, whose it is, when it takes effect, and
    its state on the register's day (in force, replaced by a later one, not yet in force,
    awaiting receipt, withdrawn)."""

    change: AddressChange
    whose: str
    effect: Effect
    state: str

    @property
    def id(self) -> str:
        return self.change.id


@dataclass(frozen=True)
class InForce:
    """Whose address, and the address in force on the day asked."""

    of: AddressOf
    holder_id: str | None
    whose: str
    address: Address

    @property
    def id(self) -> str:
        return self.holder_id or self.of.value


def register(deal: Deal, on: dt.date) -> list[ChangeEntry]:
    """Every recorded change, in the order recorded, with its state on ``on``."""
    cal = calendar_for(deal.terms)
    out = []
    for c in deal.address_changes:
        effect = takes_effect(c, cal)
        current = address_in_force(deal, c.of, on, c.holder_id, cal).change
        if c.withdrawn_on is not None and c.withdrawn_on <= on:
            state = "withdrawn"
        elif effect.date is None:
            state = "awaiting receipt"
        elif effect.date > on:
            state = "not yet in force"
        else:
            state = "in force" if current is not None and current.id == c.id else "replaced"
        out.append(ChangeEntry(c, party_name(deal, c.of, c.holder_id), effect, state))
    return out


def address_book(deal: Deal, on: dt.date) -> list[InForce]:
    """Every Holder's and party's address in force on ``on``: the Holders in register order,
    then the Company, its counsel, Holders' counsel and the transfer agent (where recorded)."""
    cal = calendar_for(deal.terms)
    who: list[tuple[AddressOf, str | None]] = [(AddressOf.HOLDER, h.id) for h in deal.holders]
    who += [(of, None) for of, name in TERMS_FIELD.items() if getattr(deal.terms, name) is not None]
    return [InForce(of, hid, party_name(deal, of, hid), address_in_force(deal, of, on, hid, cal)) for of, hid in who]

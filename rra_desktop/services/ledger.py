"""The position ledger: issuance, conversion, warrant exercise (cash or cashless), dividend
shares, sales with net proceeds (the 5(b)/5(d) cap) and transfers out and in.

Each action writes signed rows (+ in, - out). Rows that continue an earlier holding carry its
acquisition date for Rule 144 tacking: conversion, cashless exercise and dividend shares tack;
a cash exercise starts a new holding period (Rule 144(d)(3)(x)). A transferee under 7(h)/7(i)
tacks to its transferor's holding period (144(d)(3)).

Which lot: the ledger does not identify the lot a conversion, exercise or transfer takes from, so
where the Holder acquired the security on several dates the LATEST acquisition is carried (the
conservative reading, and the one ``rra_desktop.domain.rule144`` applies: "the latest acquisition
governs"). A paralegal who can identify an earlier lot corrects the row's ``acquired_on``.

Which classes: the deal's own (``security_classes``). A conversion takes its Preferred out of the
deal's class in the Preferred role (or the one named) and a conversion, an exercise or a
dividend issues the deal's class in the Common Stock role; a deal without such a class is told
so and nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from rra_desktop.domain.holdings import positions_as_of
from rra_desktop.domain.model import PositionEntry, PositionKind, SecurityKind
from rra_desktop.domain.security_classes import ROLE_NAMES, class_in_role
from rra_desktop.services.base import Refused, day, find, holder_exists, remove_record, whole, write
from rra_desktop.store.transaction import Change


def _role_code(deal, kind: SecurityKind, named: str | None = None, field: str = "security") -> str:
    """The code of the deal's class playing ``kind``: ``named`` when it plays it, else the deal's
    first such class; refused when the deal has none or ``named`` plays another role."""
    if named is not None:
        cls = next((s for s in deal.securities if s.code == named), None)
        if cls is None:
            raise Refused(f"The deal has no security class {named!r}.", field=field)
        if (kind == SecurityKind.WARRANT and cls.kind.is_warrant) or cls.kind == kind:
            return cls.code
        raise Refused(f"{cls.heading} ({cls.code}) is not a class of {ROLE_NAMES[kind]}.", field=field)
    cls = class_in_role(deal.securities, kind)
    if cls is None:
        raise Refused(f"The deal has no security class of {ROLE_NAMES[kind]}.", field=field)
    return cls.code


def _new_id() -> str:
    return f"p-{uuid.uuid4().hex[:12]}"


def latest_acquisition(deal, holder_id: str, security: str, on: dt.date) -> dt.date | None:
    """The date a Holder's securities taken out on ``on`` are treated as acquired (Rule 144
    tacking): the latest acquisition of that security by then, its lots being unidentified."""
    dates = [p.acquired_on or p.on for p in deal.positions
             if p.holder_id == holder_id and p.security == security and p.quantity > 0 and p.on <= on]
    return max(dates, default=None)


# kinds whose rows only bring securities in (+) or only take them out (-); a conversion or an
# exercise writes one row of each sign
_SIGN = {PositionKind.ISSUANCE: 1, PositionKind.DIVIDEND: 1, PositionKind.TRANSFER_IN: 1,
         PositionKind.SALE: -1, PositionKind.TRANSFER_OUT: -1}


def _article(kind: PositionKind) -> str:
    return "An" if kind.value[0] in "aeiou" else "A"


def check_entry(entry: PositionEntry) -> PositionEntry:
    """The row's own fields: a quantity of at least one, with the sign its kind gives it (an
    issuance, a dividend or a transfer in brings securities in; a sale or a transfer out takes
    them out)."""
    whole(abs(entry.quantity), "quantity", "quantity", 1)
    sign = _SIGN.get(entry.kind)
    if sign is not None and (entry.quantity > 0) != (sign > 0):
        what = f"{_article(entry.kind)} {entry.kind.value.replace('_', ' ')} of {entry.quantity:,}"
        way = "brings securities in (+)" if sign > 0 else "takes securities out (-)"
        raise Refused(f"{what} has the wrong sign: it {way}.", field="quantity")
    return entry


def _write(store, label: str, rows: list[PositionEntry]) -> Change:
    deal = store.deal()
    for row in rows:
        holder_exists(deal, row.holder_id)
        find(deal.securities, "code", row.security, "security", "security")
        check_entry(row)
    outgoing = [r for r in rows if r.quantity < 0]
    for row in outgoing:
        held = positions_as_of(deal, row.on).get(row.holder_id, {}).get(row.security, 0)
        if held < -row.quantity:
            raise Refused(f"On {day(row.on)} {deal.holder(row.holder_id).name} held {held:,} {row.security}, "
                          f"fewer than the {-row.quantity:,} this takes out.", field="quantity")
    with write(store, label) as tx:
        for row in rows:
            tx.add(row)
    return tx.change


def record_issuance(store, holder_id: str, security: str, quantity: int, on: dt.date, document: str = "") -> Change:
    row = PositionEntry(_new_id(), holder_id, security, PositionKind.ISSUANCE, quantity, on, on, document=document)
    return _write(store, f"Issue {quantity:,} {security} on {day(on)}", [row])


def record_conversion(store, holder_id: str, preferred: int, common: int, on: dt.date, document: str = "",
                      security: str | None = None) -> Change:
    """Preferred out and Conversion Shares in, the same day (the shares tack to the preferred).
    ``security`` names the Preferred class when the deal has more than one."""
    deal = store.deal()
    pref, shares = _role_code(deal, SecurityKind.PREFERRED, security), _role_code(deal, SecurityKind.COMMON)
    acquired = latest_acquisition(deal, holder_id, pref, on)
    rows = [PositionEntry(_new_id(), holder_id, pref, PositionKind.CONVERSION, -preferred, on, document=document),
            PositionEntry(_new_id(), holder_id, shares, PositionKind.CONVERSION, common, on, acquired or on,
                          document=document)]
    return _write(store, f"Convert {preferred:,} preferred into {common:,} shares on {day(on)}", rows)


def record_exercise(store, holder_id: str, warrant: str, warrants: int, shares: int, on: dt.date,
                    cashless: bool = False, document: str = "") -> Change:
    """Warrants out and Warrant Shares in; ``shares`` is fewer than ``warrants`` when cashless."""
    kind = PositionKind.EXERCISE_CASHLESS if cashless else PositionKind.EXERCISE_CASH
    deal = store.deal()
    warrant = _role_code(deal, SecurityKind.WARRANT, warrant)
    common = _role_code(deal, SecurityKind.COMMON)
    acquired = latest_acquisition(deal, holder_id, warrant, on) if cashless else on
    rows = [PositionEntry(_new_id(), holder_id, warrant, kind, -warrants, on, document=document),
            PositionEntry(_new_id(), holder_id, common, kind, shares, on, acquired or on, document=document)]
    how = "cashless" if cashless else "for cash"
    return _write(store, f"Exercise {warrants:,} {warrant} {how} on {day(on)}", rows)


def record_dividend(store, holder_id: str, shares: int, on: dt.date, document: str = "",
                    security: str | None = None) -> Change:
    """Dividend Shares paid on the preferred (they tack to it; ``security`` names the Preferred
    class when the deal has more than one)."""
    deal = store.deal()
    pref, common = _role_code(deal, SecurityKind.PREFERRED, security), _role_code(deal, SecurityKind.COMMON)
    acquired = latest_acquisition(deal, holder_id, pref, on)
    row = PositionEntry(_new_id(), holder_id, common, PositionKind.DIVIDEND, shares, on, acquired or on,
                        document=document)
    return _write(store, f"Dividend {shares:,} shares on {day(on)}", [row])


def record_sale(store, holder_id: str, security: str, quantity: int, on: dt.date, net_proceeds: Decimal | None,
                document: str = "") -> Change:
    """A sale; its net proceeds cap the Holder's liability under 5(b) and 5(d)."""
    if net_proceeds is not None and net_proceeds < 0:
        raise Refused("Net proceeds cannot be negative.", field="net_proceeds")
    row = PositionEntry(_new_id(), holder_id, security, PositionKind.SALE, -quantity, on,
                        net_proceeds=net_proceeds, document=document)
    return _write(store, f"Sale of {quantity:,} {security} on {day(on)}", [row])


def record_transfer(store, from_id: str, to_id: str, security: str, quantity: int, on: dt.date,
                    document: str = "", assignment_id: str | None = None) -> Change:
    """A transfer between Holders (transfer_out and transfer_in); rights pass only under 7(i)."""
    if from_id == to_id:
        raise Refused("A Holder cannot transfer to itself.", field="holder_id")
    acquired = latest_acquisition(store.deal(), from_id, security, on)
    rows = [PositionEntry(_new_id(), from_id, security, PositionKind.TRANSFER_OUT, -quantity, on, document=document,
                          assignment_id=assignment_id),
            PositionEntry(_new_id(), to_id, security, PositionKind.TRANSFER_IN, quantity, on, acquired,
                          document=document, assignment_id=assignment_id)]
    return _write(store, f"Transfer {quantity:,} {security} on {day(on)}", rows)


def edit_position_entry(store, entry: PositionEntry) -> Change:
    """Correct one ledger row (the sign must stay the same: + in, - out)."""
    stored = find(store.deal().positions, "id", entry.id, "ledger row")
    if (entry.quantity > 0) != (stored.quantity > 0) or entry.quantity == 0:
        raise Refused("Keep the sign of the quantity (+ in, - out) and do not make it zero.", field="quantity")
    holder_exists(store.deal(), entry.holder_id)
    check_entry(entry)
    with write(store, f"Correct ledger row {day(entry.on)} {entry.security}") as tx:
        tx.update(dataclasses.replace(entry))
    return tx.change


def remove_position_entry(store, entry_id: str) -> Change:
    row = find(store.deal().positions, "id", entry_id, "ledger row")
    if row.assignment_id is not None:
        raise Refused("This row belongs to an assignment; change the assignment instead.", field="assignment_id")
    return remove_record(store, "positions", entry_id, "ledger row",
                         f"Remove ledger row {day(row.on)} {row.quantity:+,} {row.security}")

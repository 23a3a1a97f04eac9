"""Who holds what on a date: the register of Holders and their Registrable Securities.

"Registrable Securities" (Section 1) are the Conversion Shares, Dividend Shares and Warrant
Shares. The register counts them as converted and exercised: a Holder's Series D Preferred
converts into floor(preferred x stated value / conversion price) Conversion Shares, rounded
down per Holder (DOMAIN.md: $10,000 / $2.35), each warrant into one Warrant Share, and Common
Stock already issued (Conversion, Dividend or Warrant Shares) counts share for share. All of it
is integer arithmetic on the exact Decimal terms, so 444 preferred never drifts by a share.

The position ledger (``deal.positions``) is signed: a Holder's holding of a security on a date is
the sum of its rows dated on or before that date. The register lists only Holders whose holding
is not nil on that date. Each line keeps the Holder's holding of each of the deal's classes
(``by_security``, keyed by the deal's own codes) and the totals by role (``security_classes``): a
security code the deal does not define is kept in ``by_security`` but not counted as registrable.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from rra_desktop.domain.assignments import assignment_status
from rra_desktop.domain.model import AgreementTerms, Deal, PositionKind
from rra_desktop.domain.security_classes import WARRANT_KINDS, SecurityKind, kinds_of
from rra_desktop.domain.slots import positional_constructor


@dataclass(frozen=True, slots=True)  # slots: a register of 10,000 Holders is built on every open
class HolderPosition:
    """One Holder's line of the register on a date."""

    holder_id: str
    name: str
    preferred: int  # every class in the Preferred role
    warrants: int  # every class in a Warrant role (Placement Agent Warrants included): one Warrant Share each
    common: int  # COMMON-kind codes: Conversion, Dividend and Warrant Shares already issued
    conversion_shares: int  # floor(preferred x stated value / conversion price)
    registrable: int  # conversion_shares + warrants + common
    percent: Decimal  # of all Registrable Securities on the register, 4 places
    affiliate: bool
    by_security: tuple[tuple[str, int], ...]  # every code held, as in the ledger

    def held(self, code: str) -> int:
        """The Holder's holding of the deal's class ``code`` (0 when it holds none)."""
        return next((q for c, q in self.by_security if c == code), 0)


_position = positional_constructor(HolderPosition)  # every field given, in field order


def positions_as_of(deal: Deal, on: dt.date) -> dict[str, dict[str, int]]:
    """Each Holder's holding of each security code on ``on`` (ledger rows dated on or before
    it), nil holdings left out; Holders in the order their first holding that is not nil first
    appears in the ledger, each one's codes in the order they first appear.

    The sums are kept per Holder (one dict each, not a key per Holder and code: 100,000 ledger
    rows are summed on every open). That order is the order the Holders first appear unless a
    Holder's first code nets to nil; only then are they put in the order above again."""
    totals: dict[str, dict[str, int]] = {}
    for row in deal.positions:
        if row.on <= on:
            held = totals.get(row.holder_id)
            if held is None:
                totals[row.holder_id] = {row.security: row.quantity}
            else:
                held[row.security] = held.get(row.security, 0) + row.quantity
    if any(not next(iter(held.values())) for held in totals.values()):
        return _in_ledger_order(deal, on, totals)
    return {holder_id: ({code: q for code, q in held.items() if q} if 0 in held.values() else held)
            for holder_id, held in totals.items()}


def _in_ledger_order(deal: Deal, on: dt.date, totals: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """``positions_as_of`` when some Holder's first code nets to nil: each Holder placed where
    its first code that does not first appears."""
    first = dict.fromkeys((row.holder_id, row.security) for row in deal.positions if row.on <= on)
    held: dict[str, dict[str, int]] = {}
    for holder_id, code in first:  # in the order each first appears
        quantity = totals[holder_id][code]
        if quantity:
            held.setdefault(holder_id, {})[code] = quantity
    return held


def conversion_ratio(terms: AgreementTerms) -> Fraction:
    """Conversion Shares per share of Series D Preferred: stated value / conversion price, exact."""
    return Fraction(terms.preferred_stated_value) / Fraction(terms.conversion_price)


def conversion_shares(preferred: int, terms: AgreementTerms, ratio: Fraction | None = None) -> int:
    """Conversion Shares for ``preferred`` shares of Series D Preferred, rounded down (Section 1,
    "Registrable Securities"; stated value and conversion price from the deal's terms)."""
    ratio = ratio if ratio is not None else conversion_ratio(terms)
    return preferred * ratio.numerator // ratio.denominator


def registrable_as_converted(preferred: int, warrant_shares: int, common: int, terms: AgreementTerms) -> int:
    """Registrable Securities as converted and exercised: Conversion Shares (rounded down) plus
    Warrant Shares plus Common Stock already issued (Section 1)."""
    return conversion_shares(preferred, terms) + warrant_shares + common


def register_as_of(deal: Deal, on: dt.date, *, rights: bool = False) -> list[HolderPosition]:
    """The register of Holders on ``on`` with each Holder's Registrable Securities as converted
    and its percentage of the total (Section 1; the base for 7(f)/7(o) counts), in Schedule 1
    order and then by name.

    ``rights=True`` gives the register of registration rights (7(i)): ledger rows that carry out an
    assignment not yet effective on ``on`` are left out, so the transferor still counts and the
    transferee does not until the assignment takes effect. Majority counts and letters to the
    Holders use it; the Holders screen shows the ledger as it stands.

    Every Holder's line is worked out in one pass over its holdings (``role_totals`` and
    ``conversion_shares`` written out, the same integer arithmetic) and each percentage once per
    distinct amount: the register of a deal of 10,000 Holders is read on every open."""
    kinds = kinds_of(deal.securities)
    if rights and deal.assignments:
        pending = {a.id for a in deal.assignments if not assignment_status(a, on).effective}
        deal = replace(deal, positions=tuple(p for p in deal.positions if p.assignment_id not in pending))
    ratio = conversion_ratio(deal.terms)
    numerator, denominator = ratio.numerator, ratio.denominator
    preferred_kind, common_kind, warrant_kinds = SecurityKind.PREFERRED, SecurityKind.COMMON, WARRANT_KINDS
    counted: list[tuple[str, dict[str, int], int, int, int, int, int]] = []
    total = 0
    for holder_id, held in positions_as_of(deal, on).items():
        preferred = warrants = common = 0
        for code, quantity in held.items():
            kind = kinds.get(code)
            if kind is preferred_kind:
                preferred += quantity
            elif kind in warrant_kinds:
                warrants += quantity
            elif kind is common_kind:
                common += quantity
        conversion = preferred * numerator // denominator
        registrable = conversion + warrants + common
        total += registrable
        counted.append((holder_id, held, preferred, warrants, common, conversion, registrable))
    holders = {h.id: h for h in deal.holders}
    percents: dict[int, Decimal] = {}
    register: list[HolderPosition] = []
    keys: list[tuple[int, str]] = []
    last = 10**9  # after every Holder on Schedule 1
    for holder_id, held, preferred, warrants, common, conversion, registrable in counted:
        holder = holders.get(holder_id)
        share = percents.get(registrable)
        if share is None:
            share = percents[registrable] = percent(registrable, total)
        if holder is None:
            name, affiliate, key = holder_id, False, (last, holder_id.casefold())
        else:
            name, affiliate = holder.name, holder.affiliate
            key = (holder.schedule_order or last, holder.name.casefold())
        register.append(_position(holder_id, name, preferred, warrants, common, conversion, registrable, share,
                                  affiliate, tuple(sorted(held.items()))))
        keys.append(key)
    return [register[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]  # stable, as list.sort


def percent(part: int, whole: int) -> Decimal:
    """``part`` as a percentage of ``whole``, to four places (0 when ``whole`` is nil)."""
    if not whole:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class RightsHolding:
    """Registration rights a person held on a date in respect of one security (7(h), 7(i))."""

    holder_id: str
    security: str
    quantity: int
    basis: str  # "original Holder" or the assignment(s) it came by
    assignment_ids: tuple[str, ...] = ()
    pending: bool = False  # held under an assignment not yet effective: no rights yet


def holders_with_rights_as_of(deal: Deal, on: dt.date) -> list[RightsHolding]:
    """Who held which registration rights on ``on`` (7(h), 7(i)): the securities each person held,
    with securities received under an assignment counted as carrying rights only from the date the
    assignment became effective (until then they are listed as ``pending``). An assignment with no
    ledger rows of its own moves the securities from its date."""
    status = {a.id: assignment_status(a, on) for a in deal.assignments}
    linked = {row.assignment_id for row in deal.positions if row.assignment_id}
    rows: dict[tuple[str, str, bool], list[Any]] = defaultdict(lambda: [0, set()])
    for row in deal.positions:
        if row.on > on:
            continue
        incoming = row.assignment_id is not None and row.kind == PositionKind.TRANSFER_IN
        # a row naming an assignment the deal does not record has no 7(i) condition met: pending
        pending = incoming and not (row.assignment_id in status and status[row.assignment_id].effective)
        key = (row.holder_id, row.security, pending)
        rows[key][0] += row.quantity
        if incoming:
            rows[key][1].add(row.assignment_id)
    for a in deal.assignments:
        if a.id in linked or a.on > on:
            continue
        pending = not status[a.id].effective
        rows[a.transferor_id, a.security, False][0] -= a.quantity
        rows[a.transferee_id, a.security, pending][0] += a.quantity
        rows[a.transferee_id, a.security, pending][1].add(a.id)
    result = []
    for (holder_id, code, pending), (quantity, via) in sorted(rows.items()):
        if quantity:
            basis = f"assignment {', '.join(sorted(via))}" if via else "original Holder"
            if pending:
                basis += " (not yet effective under 7(i))"
            result.append(RightsHolding(holder_id, code, quantity, basis, tuple(sorted(via)), pending))
    return result

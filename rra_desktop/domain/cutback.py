"""The piggy-back cutback under Section 7(d).

When the managing underwriter limits the Holders to A shares and they asked for R > A, 7(d)
reduces them "pro-rata among such Holders (based upon the number of Registrable Securities
requested to be included)". The agreement does not say how to round; the product's documented
choice (DOMAIN.md) is: each Holder gets floor(A x request / R), then the shares left over are
handed out one at a time by the largest fractional remainder (ties: the larger request, then the
name). Nobody gets more than requested, the total is exactly A (or R when R <= A), and the
arithmetic is integer arithmetic with remainders, so there is no floating-point error.

Requests for Registrable Securities eligible for sale under Rule 144(k) are not counted: 7(d)
does not require the Company to register them. The proviso that the Holders' reduction may not
be a greater fraction than other selling holders' is not computed here: the allocation shows
the fraction kept so a person can compare it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from rra_desktop.domain.model import PiggybackRequest

ROUNDING_RULE = (
    "7(d) pro-rata: each Holder gets floor(A × request / R); the shares left over go one at a time to the "
    "largest fractional remainders (ties: larger request, then name). This rounding is the product's choice; "
    "the agreement says only \"pro-rata\"."
)


@dataclass(frozen=True)
class AllocationLine:
    """One Holder's line: ``remainder`` is the fractional part of A × request / R."""

    holder: str
    requested: int
    floor_share: int
    remainder: Fraction
    extra: int
    final: int


@dataclass(frozen=True)
class Allocation:
    """The whole cutback: the lines, the allowance A, the total requested R, and the rule."""

    lines: tuple[AllocationLine, ...]
    allowed: int
    requested_total: int
    rule: str

    @property
    def cut(self) -> bool:
        return self.requested_total > self.allowed

    @property
    def total(self) -> int:
        return sum(line.final for line in self.lines)

    def as_dict(self) -> dict[str, int]:
        return {line.holder: line.final for line in self.lines}


def allocate(requests: Mapping[str, int], allowed: int, names: Mapping[str, str] | None = None) -> Allocation:
    """Section 7(d): the pro-rata cutback of ``requests`` (Holder -> shares requested and counted)
    to the underwriter's allowance ``allowed``, line by line with the rounding shown. Keyed by
    Holder id, pass ``names`` so that ties go by the Holder's name (case ignored), not its id."""
    if allowed < 0:
        raise ValueError(f"The underwriter's allowance cannot be negative ({allowed})")
    for holder, shares in requests.items():
        if shares < 0:
            raise ValueError(f"{holder} requested a negative number of shares ({shares})")
    total = sum(requests.values())
    if total <= allowed:
        lines = tuple(AllocationLine(h, r, r, Fraction(0), 0, r) for h, r in requests.items())
        rule = f"7(d): the {total:,} shares requested fit within the {allowed:,} allowed; no cutback."
        return Allocation(lines, allowed, total, rule)
    split = {h: divmod(allowed * r, total) for h, r in requests.items()}
    left = allowed - sum(q for q, _ in split.values())
    by_name = {h: (names.get(h, h).casefold() if names else "", h) for h in requests}
    order = sorted(requests, key=lambda h: (-split[h][1], -requests[h], by_name[h]))
    extra = dict.fromkeys(order[:left], 1)
    cut: list[AllocationLine] = []
    for h, r in requests.items():
        floor_share, remainder = split[h]
        plus = extra.get(h, 0)
        cut.append(AllocationLine(h, r, floor_share, Fraction(remainder, total), plus, floor_share + plus))
    noun = "share" if left == 1 else "shares"
    rule = f"{ROUNDING_RULE} Here A = {allowed:,} and R = {total:,}; {left:,} {noun} went by remainder."
    return Allocation(tuple(cut), allowed, total, rule)


def pro_rata(requested: dict[str, int], allowed: int) -> dict[str, int]:
    """Section 7(d): shares each Holder may include after the pro-rata cutback to ``allowed``."""
    return allocate(requested, allowed).as_dict()


def counted_requests(requests: Iterable[PiggybackRequest], registration_id: str | None = None) -> dict[str, int]:
    """Section 7(d): each Holder's requested shares less those eligible under Rule 144(k), which
    are not counted (several requests by one Holder are added together)."""
    counted: dict[str, int] = {}
    for r in requests:
        if registration_id is None or r.registration_id == registration_id:
            counted[r.holder_id] = counted.get(r.holder_id, 0) + max(0, r.shares - r.rule_144k_eligible_shares)
    return counted

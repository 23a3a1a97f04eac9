"""The deal's classes of security and the role each plays: the one source every layer reads.

A deal lists its own classes (``Deal.securities``): the code its ledger rows name, the full name,
a short ``label`` for headings, and a ``kind``, the role the agreement gives it. Section 1 knows
four roles: a convertible Preferred (Conversion Shares), the Purchasers' Warrants, the Placement
Agent Warrants (Warrants too: "Warrants" and "Warrant Shares" include them) and Common Stock
already issued. No rule names a deal's codes: the register, Rule 144, the ledger's conversions and
exercises, the Schedule 1 import and every export read the roles here, so a deal whose classes are
called "SerA" and "WTS" works as the 2003 sample's "PREF" and "D1" do.

The Placement Agent Warrants are told apart only where the agreement does: they are not
Purchasers' securities, so Schedule 1 ("Total (Excluding Placement Agent Warrants)") does not
print them; in every count of Registrable Securities and in Rule 144 they are Warrants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class SecurityKind(StrEnum):
    """The role a class of security plays in the agreement."""

    PREFERRED = "preferred"  # converts into Conversion Shares (stated value / conversion price)
    WARRANT = "warrant"  # a Purchaser's Warrant: exercisable into Warrant Shares, one for one
    PLACEMENT_AGENT_WARRANT = "placement_agent_warrant"  # a Warrant (Section 1), off Schedule 1's totals
    COMMON = "common"  # Conversion, Dividend or Warrant Shares already issued

    @property
    def is_warrant(self) -> bool:
        """A Warrant in the agreement's sense: one Warrant Share each, no Rule 144 date until
        exercised."""
        return self in WARRANT_KINDS


WARRANT_KINDS = frozenset({SecurityKind.WARRANT, SecurityKind.PLACEMENT_AGENT_WARRANT})
ROLE_NAMES = {SecurityKind.PREFERRED: "Preferred", SecurityKind.WARRANT: "Warrants",
              SecurityKind.PLACEMENT_AGENT_WARRANT: "Placement Agent Warrants", SecurityKind.COMMON: "Common Stock"}


@dataclass(frozen=True)
class SecurityClass:
    """A class of security a Holder can hold; ``code`` is what ledger rows name, ``kind`` its role
    and ``label`` the short heading the register, the exports and the screens show (the code when
    empty)."""

    code: str  # the deal's own, e.g. "PREF", "D1", "D2", "PAW", "COMMON" in the 2003 sample
    name: str  # e.g. "Series D 8% Cumulative Convertible Voting Preferred Stock"
    kind: SecurityKind
    label: str = ""  # e.g. "D-1 Warrants"

    @property
    def heading(self) -> str:
        return self.label or self.code


def kinds_of(securities: Iterable[SecurityClass]) -> dict[str, SecurityKind]:
    """Each code's role (a code the deal does not define has none)."""
    return {s.code: s.kind for s in securities}


def classes_in_role(securities: Iterable[SecurityClass], *kinds: SecurityKind) -> tuple[SecurityClass, ...]:
    """The deal's classes playing any of ``kinds``, in the deal's order."""
    return tuple(s for s in securities if s.kind in kinds)


def class_in_role(securities: Iterable[SecurityClass], kind: SecurityKind) -> SecurityClass | None:
    """The deal's first class playing ``kind`` (where an action needs one: the Common Stock a
    conversion or an exercise issues), or None when it has none."""
    return next((s for s in securities if s.kind == kind), None)


def role_totals(held: dict[str, int], kinds: dict[str, SecurityKind]) -> tuple[int, int, int]:
    """Preferred, Warrants (the Placement Agent Warrants included) and Common Stock held, from a
    Holder's holding per code (codes the deal does not define count in none)."""
    preferred = warrants = common = 0
    for code, quantity in held.items():
        kind = kinds.get(code)
        if kind is SecurityKind.PREFERRED:
            preferred += quantity
        elif kind in WARRANT_KINDS:
            warrants += quantity
        elif kind is SecurityKind.COMMON:
            common += quantity
    return preferred, warrants, common

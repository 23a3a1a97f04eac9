"""Who owes an obligation or receives a letter, as typed roles rather than display text.

A ``Role`` is one of the agreement's parties: the Company, a Holder (by id, or every Holder when
none is named), counsel (Company counsel or the Holders' Special Counsel) and the transfer agent.
``Parties`` is the set of roles a deadline names together with the line shown to the user
("Holder — Otago Partners; Company cooperates"). Every decision (whose reminder it is, which
watch list it belongs to) reads ``Parties.roles``; ``Parties.text`` is only ever displayed, so a
Holder named "Pacific Company LLC" is a Holder, not the Company.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    COMPANY = "company"
    HOLDER = "holder"  # with a holder id: that Holder; without: each Holder / the Holders
    COUNSEL = "counsel"  # Company counsel or the Holders' Special Counsel
    TRANSFER_AGENT = "transfer_agent"


@dataclass(frozen=True, slots=True)
class PartyRole:
    """One party: a role, and for a Holder its id (None: each Holder, or the Holders together)."""

    role: Role
    holder_id: str | None = None


COMPANY = PartyRole(Role.COMPANY)
HOLDERS = PartyRole(Role.HOLDER)
COUNSEL = PartyRole(Role.COUNSEL)
TRANSFER_AGENT = PartyRole(Role.TRANSFER_AGENT)


def holder(holder_id: str | None) -> PartyRole:
    return PartyRole(Role.HOLDER, holder_id)


@dataclass(frozen=True, slots=True)
class Parties:
    """The parties a deadline names (``roles``, the first one leading) and how it reads (``text``)."""

    roles: tuple[PartyRole, ...]
    text: str

    def __str__(self) -> str:
        return self.text

    def has(self, role: Role) -> bool:
        return any(p.role is role for p in self.roles)

    @property
    def holder_ids(self) -> tuple[str, ...]:
        return tuple(p.holder_id for p in self.roles if p.role is Role.HOLDER and p.holder_id)


def parties(text: str, *roles: PartyRole) -> Parties:
    return Parties(tuple(roles), text)


# The watch lists of the reminders (Preferences, ``reminders --party``), and the roles each covers.
WATCH_GROUPS: dict[str, Role] = {"Company": Role.COMPANY, "Holders": Role.HOLDER, "counsel": Role.COUNSEL}


def watch_groups(who: Parties) -> frozenset[str]:
    """The watch lists the parties belong to. Choice: a deadline naming only a party nobody
    watches (the transfer agent) is the Company's to see to, as the Company instructs the agent."""
    groups = {g for g, role in WATCH_GROUPS.items() if who.has(role)}
    return frozenset(groups or {"Company"})

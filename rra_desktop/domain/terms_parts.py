"""Parts of the agreement's terms (``model.AgreementTerms``) that are records of their own: the
securities 2 and 7(c) allow in the shelf beside the Registrable Securities, and Schedule 1's
printed totals. ``model`` re-exports them; they are part of the data every layer shares."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PermittedPiggyback:
    """A security other than Registrable Securities that 2 and 7(c) allow in the shelf."""

    name: str
    max_shares: int


@dataclass(frozen=True)
class PrintedShares:
    security: str  # SecurityClass.code, e.g. "PREF"
    shares: int


@dataclass(frozen=True)
class PrintedSchedule:
    """Schedule 1's column totals as the signed agreement prints them (the Purchasers' rows): the
    register is checked against these. A deal without a printed schedule records none."""

    shares: tuple[PrintedShares, ...] = ()
    purchase_price: Decimal | None = None


__all__ = ["PermittedPiggyback", "PrintedSchedule", "PrintedShares"]

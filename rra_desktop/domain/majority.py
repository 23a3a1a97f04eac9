"""Counting "Holders of a majority of the Registrable Securities" (7(f), 7(o); also 3(a), 3(e), 7(b)).

The count is in Registrable Securities as converted and exercised (``holdings.register_as_of``)
on the date the consent or waiver is given. Under 7(o), Registrable Securities held by the
Company or its Affiliates are left out of both numerator and denominator, "other than any
Holder ... deemed to be an Affiliate solely by reason of its holdings of such Registrable
Securities". The deal records that proviso through ``Holder.affiliate``: set it only for a
Holder that is an Affiliate for some other reason (control by contract, common control, ...);
a Holder that is an Affiliate only because of the size of its holding keeps ``affiliate`` False
and is counted. The Company is recognised as a Holder whose id is "company" or whose name is the
Company's name.

Every holder of Registrable Securities on the date is counted, an assignee included even while
its 7(i) assignment of rights is incomplete: Section 1 defines "Holders" as the holders "from
time to time of Registrable Securities", without reference to how the rights were assigned.

A majority is more than half: ``numerator * 2 > denominator`` (exactly half is not a majority).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.holdings import HolderPosition, percent, register_as_of
from rra_desktop.domain.model import Deal

PROVISO_7O = (
    "7(o): Registrable Securities held by the Company or its Affiliates are not counted, other than a Holder "
    "deemed an Affiliate solely by reason of its holdings of Registrable Securities."
)


@dataclass(frozen=True)
class MajorityCount:
    """A consent count on a date: who is counted, who consented, who is excluded under 7(o)."""

    on: dt.date
    numerator: int  # Registrable Securities of counted Holders who consented
    denominator: int  # Registrable Securities of every counted Holder
    counted: tuple[HolderPosition, ...]
    consenting: tuple[HolderPosition, ...]
    excluded: tuple[HolderPosition, ...]  # the Company and its Affiliates (7(o))
    unknown_ids: tuple[str, ...]  # consenting ids who held no Registrable Securities on ``on``
    proviso: str = PROVISO_7O

    @property
    def achieved(self) -> bool:
        return self.numerator * 2 > self.denominator

    @property
    def sentence(self) -> str:
        share = percent(self.numerator, self.denominator)
        verdict = "a majority" if self.achieved else "not a majority"
        text = (
            f"On {fmt(self.on)}, Holders of {self.numerator:,} of {self.denominator:,} Registrable Securities "
            f"(as converted; {share}%) consented: {verdict} (more than half is needed)."
        )
        if self.excluded:
            names = ", ".join(p.name for p in self.excluded)
            text += f" Not counted under 7(o): {names} ({sum(p.registrable for p in self.excluded):,} shares)."
        return text


def is_company_or_affiliate(position: HolderPosition, deal: Deal) -> bool:
    """7(o): the Company itself, or a Holder recorded as an Affiliate of the Company."""
    company = deal.terms.company.name.strip().casefold()
    return position.affiliate or position.holder_id == "company" or position.name.strip().casefold() == company


def majority_count(deal: Deal, on: dt.date, consenting_ids: Iterable[str]) -> MajorityCount:
    """Sections 7(f) and 7(o): whether the Holders in ``consenting_ids`` held a majority of the
    Registrable Securities (as converted) on ``on``, the Company and its Affiliates excluded. A
    transferee counts, and its transferor stops counting, only from the day the assignment takes
    effect under 7(i) (``register_as_of(..., rights=True)``)."""
    consenting_ids = set(consenting_ids)
    counted: list[Any] = []
    excluded: list[Any] = []
    for position in register_as_of(deal, on, rights=True):
        (excluded if is_company_or_affiliate(position, deal) else counted).append(position)
    consenting = [p for p in counted if p.holder_id in consenting_ids]
    held = {p.holder_id for p in counted} | {p.holder_id for p in excluded}
    return MajorityCount(
        on=on,
        numerator=sum(p.registrable for p in consenting),
        denominator=sum(p.registrable for p in counted),
        counted=tuple(counted),
        consenting=tuple(consenting),
        excluded=tuple(excluded),
        unknown_ids=tuple(sorted(consenting_ids - held)),
    )


COMPANY = "company"  # the Company's id when it signs a consent, waiver or extension


def company_and_each_holder(given_by: Iterable[str], count: MajorityCount) -> bool:
    """7(f), first sentence: signed by the Company and by each Holder on the register as of the
    count's date (Affiliates included: "each Holder" means each)."""
    signed = set(given_by)
    on_register = {p.holder_id for p in count.counted + count.excluded} - {COMPANY}
    return COMPANY in signed and bool(on_register) and on_register <= signed


def signed_enough(given_by: Iterable[str], count: MajorityCount) -> bool:
    """7(f): Holders of a majority of the Registrable Securities as of the instrument's date
    (``count``), or the Company and each Holder."""
    given_by = tuple(given_by)
    return count.achieved or company_and_each_holder(given_by, count)

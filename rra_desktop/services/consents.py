"""The register of consents, waivers and agreed extensions (7(f), 3(a), 3(e), 7(b)), as recorded.

Each instrument comes with the majority count the instruments service wrote into the audit
trail when it was recorded (or last edited): the Registrable Securities of the Holders who gave
it against all those counted on its date, 7(o) exclusions applied. That is the count "as
recorded": evidence of what the user relied on. Choice: the register also recounts the same
Holders on the same date from the register as it stands, and says so when the two differ (a
ledger row dated before the instrument was corrected since); the recorded figure is never
silently replaced by the recount. An instrument whose trail entry holds no count (one that came
in with a whole deal file) shows the recount and says that it is one.

A majority is more than half (``domain.majority``): the threshold shown is the least whole number
of shares above half of the total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rra_desktop.domain.majority import COMPANY, MajorityCount, company_and_each_holder, majority_count
from rra_desktop.domain.model import Deal, Instrument

_COUNT = re.compile(r"Holders of ([\d,]+) of ([\d,]+) Registrable Securities")


@dataclass(frozen=True)
class RecordedCount:
    """What the audit trail holds for an instrument: the count sentence, the override reason,
    when and by whom it was recorded."""

    consenting: int
    total: int
    sentence: str
    override: str
    at: str  # UTC, ISO-8601, as the trail keeps it
    user: str


@dataclass(frozen=True)
class ConsentEntry:
    """One row of the register."""

    instrument: Instrument
    signatories: tuple[str, ...]  # names, the Company first when it signed
    recount: MajorityCount  # the same Holders on the same date, from the register as it stands
    recorded: RecordedCount | None  # None: the trail holds no count for it

    @property
    def consenting(self) -> int:
        return self.recorded.consenting if self.recorded else self.recount.numerator

    @property
    def total(self) -> int:
        return self.recorded.total if self.recorded else self.recount.denominator

    @property
    def needed(self) -> int:
        """The least number of shares that is more than half of the total."""
        return self.total // 2 + 1

    @property
    def majority(self) -> bool:
        return self.consenting * 2 > self.total

    @property
    def company_and_each_holder(self) -> bool:
        return company_and_each_holder(self.instrument.given_by, self.recount)

    @property
    def override(self) -> str:
        return self.recorded.override if self.recorded else ""

    @property
    def basis(self) -> str:
        """How the instrument meets 7(f): "majority", "the Company and each Holder", "override"."""
        if self.majority:
            return "Holders of a majority"
        if self.company_and_each_holder:
            return "the Company and each Holder"
        return "override" if self.override else "not a majority"

    @property
    def recount_differs(self) -> bool:
        return self.recorded is not None and (self.recorded.consenting, self.recorded.total) != (
            self.recount.numerator, self.recount.denominator)


def recorded_counts(store) -> dict[str, RecordedCount]:
    """The count each instrument's newest trail entry holds, by instrument id."""
    found: dict[str, RecordedCount] = {}
    for entry in store.audit_entries("instruments"):
        if entry.after is None:
            found.pop(entry.row_id, None)
            continue
        reason = entry.reason or ""
        match = _COUNT.search(reason)
        if match is None:
            continue
        sentence, _, override = reason.partition(" Override: ")
        found[entry.row_id] = RecordedCount(int(match[1].replace(",", "")), int(match[2].replace(",", "")),
                                            sentence.strip(), override.strip(), entry.at, entry.user)
    return found


def signatory_names(deal: Deal, given_by) -> tuple[str, ...]:
    names = {h.id: h.name for h in deal.holders}
    company = deal.terms.company.name or "the Company"
    ordered = sorted(given_by, key=lambda g: g != COMPANY)
    return tuple(f"{company} (the Company)" if g == COMPANY else names.get(g, g) for g in ordered)


def consent_register(store) -> list[ConsentEntry]:
    """Every instrument of the deal, oldest first, with its count as recorded and recounted."""
    deal = store.deal()
    if not deal.instruments:
        return []
    recorded = recorded_counts(store)
    rows = []
    for i in sorted(deal.instruments, key=lambda i: (i.on, i.id)):
        holders = [g for g in i.given_by if g != COMPANY]
        rows.append(ConsentEntry(i, signatory_names(deal, i.given_by), majority_count(deal, i.on, holders),
                                 recorded.get(i.id)))
    return rows

"""3(a) written objections: whether one binds, and the filings it (or the copies' timing) makes
findings of.

3(a): "The Company shall not file the Registration Statement or any such Prospectus or any
amendments or supplements thereto to which the Holders of a majority of the Registrable
Securities or any Special Counsel shall reasonably object in writing within three (3) Business
Days after their receipt thereof", the copies having been furnished "not less than five (5)
Business Days prior to the filing ... and not less than two (2) Business Days prior to the filing
of any amendment or supplement".

The product's reading (DOMAIN.md, "Second reading"):

* An objection names who objects (Holder ids, and/or ``SPECIAL_COUNSEL``), when the Company
  received it and the document. It answers the review copies recorded as received
  (``copies_fact_id``; else the latest copies of the same registration received on or before the
  objection). Receipt of the copies is the 7(g) deemed-given date, as for every notice.
* It binds only if received within 3 Business Days after that receipt, and if Special Counsel
  objects or the objecting Holders hold a majority of the Registrable Securities on the day it was
  received (7(o) exclusions; a transferee counted from its 7(i) effective date). Whether the
  objection is "reasonable" is a judgement the product does not make; it says so.
* It stands until withdrawn (``withdrawn_on``). A filing of the objected registration (its
  deemed EDGAR filing date) on or after the objection's receipt while it stands is an error.
* A filing fewer than 5 Business Days (2 for an amendment or supplement) after the Holders
  received copies of it is an error, whatever the objections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.holdings import percent
from rra_desktop.domain.majority import majority_count
from rra_desktop.domain.model import Deal, FactKind, Objection, RegistrationKind, TimelineFact

if TYPE_CHECKING:
    from rra_desktop.domain.obligations.base import Facts

SPECIAL_COUNSEL = "special_counsel"
OBJECTION_DAYS = 3
COPIES_DAYS = {True: 2, False: 5}  # amendment or supplement: 2 Business Days; otherwise 5


@dataclass(frozen=True)
class ObjectionStatus:
    objection: Objection
    copies_received: dt.date | None
    window_end: dt.date | None
    timely: bool
    by_special_counsel: bool
    majority: bool
    binding: bool
    explanation: str

    def stands_on(self, day: dt.date) -> bool:
        o = self.objection
        return self.binding and o.received_on <= day and (o.withdrawn_on is None or day < o.withdrawn_on)


@dataclass(frozen=True)
class ObjectionFinding:
    rule: str  # objection_not_binding | filed_over_objection | filed_too_soon_after_copies
    severity: str  # error | warning
    subject: str
    message: str
    clause: str = "3(a)"


def _facts(deal: Deal) -> Facts:
    from rra_desktop.domain.obligations.base import Facts  # the engine's 7(g) receipt reading

    return Facts.of(deal)


def _copies_for(o: Objection, facts: Facts) -> TimelineFact | None:
    copies = facts.of_kind(FactKind.REVIEW_COPIES_RECEIVED)
    if o.copies_fact_id:
        return next((f for f in copies if f.id == o.copies_fact_id), None)
    fitting = [f for f in copies if f.registration_id in (None, o.registration_id) and f.on <= o.received_on]
    return fitting[-1] if fitting else None


def objection_status(deal: Deal, o: Objection, facts: Facts | None = None) -> ObjectionStatus:
    """Whether ``o`` binds the Company under 3(a), and why."""
    facts = facts or _facts(deal)
    copies = _copies_for(o, facts)
    received, rule = facts.receipt(copies) if copies is not None else (None, "")
    window_end = facts.cal.add_business_days(received, OBJECTION_DAYS) if received else None
    timely = window_end is not None and o.received_on <= window_end
    counsel = SPECIAL_COUNSEL in o.objectors
    count = majority_count(deal, o.received_on, [i for i in o.objectors if i != SPECIAL_COUNSEL])
    binding = timely and (counsel or count.achieved)
    if received is None:
        when = "no receipt of review copies is recorded, so the 3 Business Days cannot be counted"
    else:
        when = (f"copies received {fmt(received)} ({rule}); 3 Business Days after: {fmt(window_end)}; objection "
                f"received {fmt(o.received_on)}: {'in time' if timely else 'too late'}")
    verdict_m = "a majority" if count.achieved else "not a majority"
    who = "by Special Counsel" if counsel else (
        f"the objecting Holders held {count.numerator:,} of {count.denominator:,} Registrable Securities "
        f"({percent(count.numerator, count.denominator)}%) on {fmt(o.received_on)}: {verdict_m} (7(o) exclusions "
        "applied)")
    verdict = "binds the Company" if binding else "does not bind the Company"
    text = (f"Objection to {o.document} {verdict}: {when}; {who}. Whether it is reasonable is for counsel, not "
            "the product.")
    return ObjectionStatus(o, received, window_end, timely, counsel, count.achieved, binding, text)


def _filings(deal: Deal, facts: Facts) -> list[tuple[str, dt.date, bool]]:
    """Each registration filed: (id, deemed EDGAR filing date, an amendment or supplement)."""
    kinds = {r.id: r.kind for r in deal.registrations}
    out = []
    for reg in facts.registrations:
        if reg.filed_on is None or reg.kind == RegistrationKind.COMPANY_REGISTRATION:
            continue
        on = facts.edgar.deemed_filing_date(reg.filed_at).date if reg.filed_at else reg.filed_on
        out.append((reg.id, on, kinds.get(reg.id) == RegistrationKind.AMENDMENT))
    return out


def objection_findings(deal: Deal, as_of: dt.date) -> list[ObjectionFinding]:
    """Every 3(a) finding on ``as_of``: objections that do not bind (warnings), filings over a
    standing objection and filings too soon after the copies were received (errors)."""
    facts = _facts(deal)
    out: list[ObjectionFinding] = []
    filings = [f for f in _filings(deal, facts) if f[1] <= as_of]
    for o in deal.objections:
        if o.received_on > as_of:
            continue
        s = objection_status(deal, o, facts)
        if not s.binding:
            out.append(ObjectionFinding("objection_not_binding", "warning", o.id, s.explanation))
            continue
        for rid, on, _ in filings:
            if (o.registration_id in (None, rid)) and s.stands_on(on):
                out.append(ObjectionFinding(
                    "filed_over_objection", "error", o.id,
                    f"{o.document} was filed {fmt(on)} while the objection received {fmt(o.received_on)} stood "
                    f"(3(a): the Company shall not file it). {s.explanation}"))
    copies = facts.of_kind(FactKind.REVIEW_COPIES_RECEIVED)
    for rid, on, amendment in filings:
        mine = [f for f in copies if f.registration_id == rid]
        receipts = [r for r in (facts.receipt(f)[0] for f in mine) if r is not None and r <= on]
        if not receipts:
            continue
        received = max(receipts)
        days = COPIES_DAYS[amendment]
        earliest = facts.cal.add_business_days(received, days)
        if on < earliest:
            counted = facts.cal.business_days_between(received, on)
            what = "an amendment or supplement" if amendment else "the Registration Statement or Prospectus"
            out.append(ObjectionFinding(
                "filed_too_soon_after_copies", "error", rid,
                f"Filing of {what} ({rid}) on {fmt(on)} came {counted} Business Day{'s' if counted != 1 else ''} "
                f"after the Holders received the copies on {fmt(received)}; 3(a) requires {days} "
                f"(first permitted filing day {fmt(earliest)})."))
    return out

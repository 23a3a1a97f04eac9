"""When a registration statement was filed and declared effective: one record, the registration's.

``RegistrationStatement.filed_at`` / ``effective_at`` (Eastern wall time; the EDGAR 5:30 p.m.
cut-off and Exhibit A's "declared effective at" need the time) with ``filed_document`` /
``effective_document`` (the EDGAR receipt, the order of effectiveness) are the only record of
these two events. The Timeline shows them as ``RS_FILED`` / ``RS_EFFECTIVE`` facts, derived here
from the registrations (``registration_facts``); no such fact is stored in a deal. A deal file or
exchange file written before this rule had both; ``fold_registration_facts`` turns its facts into
the registration record (the record wins where both give a time; a fact naming no registration
speaks of the Section 2 shelf, recorded as "shelf" when the deal has none).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.calendar import eastern_wall_time
from rra_desktop.domain.model import Deal, FactKind, RegistrationKind, RegistrationStatement, TimelineFact

# the registration fields each derived fact kind stands for: (time, document)
FIELDS = {FactKind.RS_FILED: ("filed_at", "filed_document"),
          FactKind.RS_EFFECTIVE: ("effective_at", "effective_document")}
SUFFIX = {FactKind.RS_FILED: "filed", FactKind.RS_EFFECTIVE: "effective"}
SHELF_ID = "shelf"


def filed_on(rs: RegistrationStatement) -> dt.date | None:
    """The day ``rs`` was filed: the Eastern date of ``filed_at`` (the EDGAR deemed filing date,
    which a filing after 5:30 p.m. moves on, is the Filing Date check's, ``calendar.EdgarCalendar``)."""
    return eastern_wall_time(rs.filed_at).date() if rs.filed_at is not None else None


def effective_on(rs: RegistrationStatement) -> dt.date | None:
    """The day ``rs`` was declared effective: the Eastern date of ``effective_at``; None while it
    is not recorded as effective. Every rule and letter that asks "when was this statement
    effective" reads this."""
    return eastern_wall_time(rs.effective_at).date() if rs.effective_at is not None else None


def fact_id(registration_id: str, kind: FactKind) -> str:
    """The id of a derived fact: "rs-1:filed", "rs-1:effective"."""
    return f"{registration_id}:{SUFFIX[kind]}"


def facts_of(rs: RegistrationStatement) -> tuple[TimelineFact, ...]:
    """The filing and effectiveness of ``rs`` as Timeline facts (none for a date not recorded)."""
    out = []
    for kind in FIELDS:
        at, document = _event(rs, kind)
        if at is not None:
            out.append(TimelineFact(fact_id(rs.id, kind), kind, eastern_wall_time(at).date(), at=at,
                                    registration_id=rs.id, document=document))
    return tuple(out)


def registration_facts(deal: Deal) -> tuple[TimelineFact, ...]:
    """Every registration's filing and effectiveness, as facts, in the deal's order."""
    return tuple(f for rs in deal.registrations for f in facts_of(rs))


def timeline(deal: Deal) -> tuple[TimelineFact, ...]:
    """What the Timeline lists: the recorded facts and the registrations' dates."""
    return (*deal.facts, *registration_facts(deal))


def target_id(deal: Deal, fact: TimelineFact) -> str:
    """The registration a filing or effectiveness fact speaks of: the one it names, else the
    Section 2 shelf (the first recorded), else "shelf"."""
    shelf = next((r.id for r in deal.registrations if r.kind == RegistrationKind.SECTION_2_SHELF), SHELF_ID)
    return fact.registration_id or shelf


def with_fact(rs: RegistrationStatement, fact: TimelineFact | None, kind: FactKind) -> RegistrationStatement:
    """``rs`` with its ``kind`` event set from ``fact`` (None: cleared). A fact without a time
    is taken at midnight Eastern of its day (before the EDGAR cut-off: filed that day)."""
    at = None if fact is None else fact.at or dt.datetime.combine(fact.on, dt.time())
    document = "" if fact is None else fact.document
    if kind == FactKind.RS_FILED:
        return dataclasses.replace(rs, filed_at=at, filed_document=document)
    return dataclasses.replace(rs, effective_at=at, effective_document=document)


def _event(rs: RegistrationStatement, kind: FactKind) -> tuple[dt.datetime | None, str]:
    if kind == FactKind.RS_FILED:
        return rs.filed_at, rs.filed_document
    return rs.effective_at, rs.effective_document


def fold_registration_facts(deal: Deal) -> Deal:
    """``deal`` with its stored RS_FILED / RS_EFFECTIVE facts moved into the registration records
    (older files); a deal without such facts is returned as it is."""
    stored = [f for f in deal.facts if f.kind in FIELDS]
    if not stored:
        return deal
    regs = {r.id: r for r in deal.registrations}
    order = list(regs)
    for fact in sorted(stored, key=lambda f: (f.on, f.id)):
        rid = target_id(deal, fact)
        rs = regs.get(rid) or RegistrationStatement(rid, RegistrationKind.SECTION_2_SHELF)
        if rid not in order:
            order.append(rid)
        at, document = _event(rs, fact.kind)
        if at is None:  # the record wins; the first fact of each event counts
            rs = with_fact(rs, fact, fact.kind)
        elif not document:
            rs = with_fact(rs, dataclasses.replace(fact, at=at), fact.kind)
        regs[rid] = rs
    return dataclasses.replace(deal, facts=tuple(f for f in deal.facts if f.kind not in FIELDS),
                               registrations=tuple(regs[r] for r in order))

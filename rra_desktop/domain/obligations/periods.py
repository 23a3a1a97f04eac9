"""Blackout Periods (3(n)) and indemnity fee payments (5(c))."""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain.counting import business_days_after, fixed_date, fmt
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, Claim, ClaimClause, FactKind
from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.registry import OBLIGATIONS, builds
from rra_desktop.domain.obligations.registry import ObligationKind as K
from rra_desktop.domain.parties import COMPANY, Parties, holder


@builds(K.BLACKOUT_LIMIT)
def blackout_limit(facts: Facts) -> list[Draft]:
    """3(n): a Blackout Period may not exceed 20 consecutive days: start + 19 days is its last
    day. The date is a limit on a suspension, not an act to perform, so it is not rolled to a
    Business Day and GCL §25 does not lengthen it. 3(m)(iii) suspensions end on the Advice and
    have no 20-day limit, so they have no such deadline."""
    spec, out = OBLIGATIONS[K.BLACKOUT_LIMIT], []
    for b in facts.deal.blackouts:
        if b.basis == BlackoutBasis.SUSPENSION_EVENT:
            continue
        last = b.start + dt.timedelta(days=19)
        counted = fixed_date(last, f"Blackout starts {fmt(b.start)} + 19 days = {fmt(last)}, the 20th "
                             "consecutive day (both ends counted); a limit, not rolled", facts.cal.display_name)
        ended = b.end is not None and b.end <= facts.as_of
        out.append(Draft(key=spec.key_for(b.id), kind=spec.kind, clause=spec.clause,
                         title=f"Blackout Period ({b.basis.value}) must end", party=spec.party,
                         trigger="Blackout Period starts", trigger_date=b.start, counted=counted,
                         satisfied_on=b.end if ended else None, note=_blackout_note(b, last, facts.as_of)))
    return out


def _blackout_note(b: BlackoutPeriod, last: dt.date, as_of: dt.date) -> str:
    """Where the period stands on ``as_of``: a recorded end is a fact only once that day has come;
    before then it is the planned end (an upcoming or active period is still open)."""
    if b.end is None:
        return "" if b.start <= as_of else f"upcoming: starts {fmt(b.start)}"
    over = (b.end - last).days
    verdict = f"{over} days over the 20-day limit" if over > 0 else "within the limit"
    if b.end <= as_of:
        return f"ended {fmt(b.end)}: {verdict}"
    stage = f"upcoming: starts {fmt(b.start)}, " if b.start > as_of else "active, "
    return f"{stage}planned to end {fmt(b.end)}: {verdict}"


def _payer(claim: Claim, company_name: str) -> Parties:
    """The Indemnifying Party: the Company under 5(a); under 5(b) the Holder the claim concerns;
    under 5(d) whoever the claim names as contributing (the Company when it names the Company)."""
    if claim.clause == ClaimClause.COMPANY_INDEMNIFIES:
        return Parties((COMPANY,), "Company (Indemnifying Party)")
    named = claim.indemnifying_party.strip()
    company = claim.clause == ClaimClause.CONTRIBUTION and named.lower() in {"company", "the company",
                                                                              company_name.lower()}
    return Parties((COMPANY,) if company else (holder(claim.holder_id),), f"{named or 'Holder'} (Indemnifying Party)")


@builds(K.INDEMNITY_FEE_PAYMENT)
def indemnity_fee_payment(facts: Facts) -> list[Draft]:
    """5(c): the Indemnified Party's fees and expenses are paid within 10 Business Days of written
    notice of them to the Indemnifying Party: one deadline per fee notice (on the claim, or a
    recorded fee-notice fact naming the claim)."""
    spec, out, company = OBLIGATIONS[K.INDEMNITY_FEE_PAYMENT], [], facts.deal.terms.company.name
    claims = {c.id: c for c in facts.deal.claims}
    for claim in facts.deal.claims:
        for n, notice in enumerate(claim.fee_notices, start=1):
            counted = business_days_after(notice.on, 10, facts.cal, "Written fee notice")
            paid = f"paid {fmt(notice.paid_on)}" if notice.paid_on else ""
            out.append(Draft(key=spec.key_for(claim.id, n), kind=spec.kind,
                             clause=spec.clause, title=f"Pay fees under fee notice {n} ({claim.proceeding})",
                             party=_payer(claim, company),
                             trigger="written notice of fees", trigger_date=notice.on, counted=counted,
                             claim_id=claim.id, holder_id=claim.holder_id, satisfied_on=notice.paid_on, note=paid))
    for f in facts.of_kind(FactKind.FEE_NOTICE):
        claim = claims.get(f.claim_id or "")
        if claim is not None and any(n.on == f.on for n in claim.fee_notices):
            continue  # the same notice recorded on the claim
        counted = business_days_after(f.on, 10, facts.cal, "Written fee notice")
        out.append(Draft(key=spec.key_for(f.id), kind=spec.kind, clause=spec.clause,
                         title="Pay fees under a written fee notice",
                         party=_payer(claim, company) if claim else spec.party,
                         trigger="written notice of fees", trigger_date=f.on, counted=counted,
                         claim_id=f.claim_id))
    return out

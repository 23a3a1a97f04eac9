"""Blackout Periods (3(n)) and indemnity fee payments (5(c))."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.counting import Counted, business_days_after, fixed_date, fmt, units
from rra_desktop.domain.indemnification import FEE_PAYMENT_BUSINESS_DAYS, fee_notice_given
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, Claim, ClaimClause, FactKind, FeeNotice
from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.registry import OBLIGATIONS, builds
from rra_desktop.domain.obligations.registry import ObligationKind as K
from rra_desktop.domain.parties import COMPANY, Parties, holder


@builds(K.BLACKOUT_LIMIT)
def blackout_limit(facts: Facts) -> list[Draft]:
    """3(n): a Blackout Period may not exceed 20 consecutive days: start + 19 days is its last
    day. The date is a limit on a suspension, not an act to perform, so it is not rolled to a
    Business Day and GCL §25 does not lengthen it. A 3(m)(iii) suspension ends on the Advice; it
    counts toward the 20-day cap (the product's conservative reading), so it gets the same "must
    end by" date, met by the Advice (or a recorded end)."""
    spec, out = OBLIGATIONS[K.BLACKOUT_LIMIT], []
    for b in facts.deal.blackouts:
        if b.basis == BlackoutBasis.SUSPENSION_EVENT and b.advice_sent_on is not None:
            b = replace(b, end=b.advice_sent_on if b.end is None else min(b.end, b.advice_sent_on))
        last = b.start + dt.timedelta(days=19)
        counted = fixed_date(last, f"Blackout starts {fmt(b.start)} + 19 days = {fmt(last)}, the 20th "
                             "consecutive day (both ends counted); a limit, not rolled", facts.cal.display_name)
        ended = b.end is not None and b.end <= facts.as_of
        out.append(Draft(key=spec.key_for(b.id), kind=spec.kind, clause=spec.clause,
                         title=_limit_title(b), party=spec.party,
                         trigger="Blackout Period starts", trigger_date=b.start, counted=counted,
                         satisfied_on=b.end if ended else None, note=_blackout_note(b, last, facts.as_of)))
    return out


def _limit_title(b: BlackoutPeriod) -> str:
    if b.basis == BlackoutBasis.SUSPENSION_EVENT:
        return "3(m)(iii) suspension must end (Advice; counted toward the 3(n) 20-day cap)"
    return f"Blackout Period ({b.basis.value}) must end"


def _blackout_note(b: BlackoutPeriod, last: dt.date, as_of: dt.date) -> str:
    """Where the period stands on ``as_of``: a recorded end is a fact only once that day has come;
    before then it is the planned end (an upcoming or active period is still open)."""
    if b.end is None:
        return "" if b.start <= as_of else f"upcoming: starts {fmt(b.start)}"
    over = (b.end - last).days
    verdict = f"{units(over, 'day')} over the 20-day limit" if over > 0 else "within the limit"
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


def _fee_given(facts: Facts, notice: FeeNotice) -> tuple[dt.date | None, str]:
    """When a fee notice is deemed given under 7(g) (``indemnification.fee_notice_given``)."""
    return fee_notice_given(notice, facts.cal)


def _fee_counted(given: dt.date | None, rule: str, facts: Facts) -> Counted | None:
    if given is None:
        return None
    c = business_days_after(given, FEE_PAYMENT_BUSINESS_DAYS, facts.cal, "Written fee notice deemed given")
    return Counted(c.due, c.act_by, c.extended_to, f"{c.explanation} ({rule})", c.calendar)


@builds(K.INDEMNITY_FEE_PAYMENT)
def indemnity_fee_payment(facts: Facts) -> list[Draft]:
    """5(c): the Indemnified Party's fees and expenses are paid within 10 Business Days of written
    notice of them to the Indemnifying Party: one deadline per fee notice (on the claim, or a
    recorded fee-notice fact naming the claim). The 10 days count from the day the notice is
    deemed given under 7(g) (its method and time), like every other notice."""
    spec, out, company = OBLIGATIONS[K.INDEMNITY_FEE_PAYMENT], [], facts.deal.terms.company.name
    claims = {c.id: c for c in facts.deal.claims}
    for claim in facts.deal.claims:
        for n, notice in enumerate(claim.fee_notices, start=1):
            given, rule = _fee_given(facts, notice)
            counted = _fee_counted(given, rule, facts)
            paid = f"paid {fmt(notice.paid_on)}" if notice.paid_on else ""
            out.append(Draft(key=spec.key_for(claim.id, n), kind=spec.kind,
                             clause=spec.clause, title=f"Pay fees under fee notice {n} ({claim.proceeding})",
                             party=_payer(claim, company),
                             trigger="written notice of fees", trigger_date=given, counted=counted,
                             explanation=rule, claim_id=claim.id, holder_id=claim.holder_id,
                             satisfied_on=notice.paid_on, note=paid))
    for f in facts.of_kind(FactKind.FEE_NOTICE):
        fee_claim = claims.get(f.claim_id or "")
        if fee_claim is not None and any(n.on == f.on for n in fee_claim.fee_notices):
            continue  # the same notice recorded on the claim
        given, rule = facts.receipt(f)
        out.append(Draft(key=spec.key_for(f.id), kind=spec.kind, clause=spec.clause,
                         title="Pay fees under a written fee notice",
                         party=_payer(fee_claim, company) if fee_claim else spec.party,
                         trigger="written notice of fees", trigger_date=given,
                         counted=_fee_counted(given, rule, facts), explanation=rule, claim_id=f.claim_id))
    return out

"""Obligations whose trigger has not occurred yet: one placeholder per kind, so the docket shows
what is still to come (a notice of effectiveness, an earnings statement, a piggy-back window...)
and not only what has already started.

Choice: one row per obligation kind, not per Holder or per registration — the trigger is what is
missing, and until it happens nobody knows which Holder or filing it will concern. The key is
``<kind>:pending``; ``due`` is None and the trigger says what would start it. For the 3(a) review
copies the initial shelf's copies always have a row of their own, so the placeholder stands for
the copies of a future amendment or supplement. Kinds whose builders already emit a
not-yet-triggered row of their own (the Filing and Effectiveness Dates, the Effectiveness Period
end per Holder) need none here.
"""

from __future__ import annotations

from rra_desktop.domain.model import FactKind
from rra_desktop.domain.obligations.base import COMPANY, HOLDERS, Draft, Facts

PENDING_SUFFIX = ":pending"

# kind -> (clause, title, party, what would start it)
PENDING = {
    "holder_review_copies": (
        "3(a)", "Furnish copies to the Holders and Special Counsel for review (amendment or supplement)", COMPANY,
        "when an amendment or supplement to the Registration Statement or Prospectus is planned "
        "(copies 2 Business Days before it is filed)"),
    "holder_objection_window": (
        "3(a)", "Holders' window to object to the filing", f"{HOLDERS} or Special Counsel",
        "when the Holders receive the review copies (3 Business Days after receipt)"),
    "notice_of_effectiveness": (
        "7(p)", "Notice of effectiveness to the transfer agent (Exhibit A), copies to Holders", COMPANY,
        "when the Registration Statement is declared effective (2 Business Days after)"),
    "certificates_before_sale": (
        "3(i)", "Certificate request before a planned sale (Company to cooperate)", f"Holder; {COMPANY} cooperates",
        "when a Holder plans a sale under the Registration Statement (2 Business Days before it)"),
    "earnings_statement": (
        "3(l)", "Earnings statement (Section 11(a), Rule 158) made generally available", COMPANY,
        "when the Registration Statement is declared effective (45 days after the 12 months from the first "
        "fiscal quarter after it; 90 days where those months are a fiscal year)"),
    "blackout_limit": (
        "3(n)", "Blackout Period must end", COMPANY,
        "when the Company starts a Blackout Period (it may last no more than 20 consecutive days)"),
    "piggyback_response": (
        "7(d)", "Piggy-back request (Holder's option)", HOLDERS,
        "when a Holder receives notice of a Company registration (20 days after receipt)"),
    "indemnity_fee_payment": (
        "5(c)", "Pay an Indemnified Party's fees", "Indemnifying Party",
        "when an Indemnified Party gives written notice of its fees (10 Business Days after it)"),
}


def _started(kind: str, facts: Facts, kinds_seen: set[str]) -> bool:
    if kind == "holder_review_copies":  # the initial shelf's copies always have a row
        return bool(facts.of_kind(FactKind.AMENDMENT_PLANNED))
    return kind in kinds_seen


def pending(facts: Facts, kinds_seen: set[str]) -> list[Draft]:
    """One not-yet-triggered placeholder for each kind of ``PENDING`` no recorded fact has started
    (``kinds_seen``: the kinds the builders returned deadlines for)."""
    return [Draft(key=kind + PENDING_SUFFIX, kind=kind, clause=clause, title=title, party=party, trigger=trigger,
                  trigger_date=None, counted=None, explanation=f"nothing recorded starts it yet; it arises {trigger}")
            for kind, (clause, title, party, trigger) in PENDING.items() if not _started(kind, facts, kinds_seen)]

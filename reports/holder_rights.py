"""Letters about a Holder's rights: the 7(d) piggy-back notice, the Section 6 Rule 144
certification, the 5(a) notice of a Proceeding and the 7(i) acknowledgement of an assignment.

Choices where the agreement is silent:
* The piggy-back notice states each Holder's own response date: the engine's date in force for
  20 days after that Holder's 7(g) receipt of this very letter (the last Business Day on or
  before the 20th day where it falls on a weekend or holiday — the careful reading).
* The Rule 144 certification is the Company's (Section 6: "a duly authorized officer"): it goes
  out on the Company's own letterhead with a blank officer signature block, not counsel's.
* A Proceeding notice names the Proceeding as recorded on the claim (``--claim``) or as given
  (``--document``); nothing else about the claim is disclosed.
* The assignment acknowledgement goes to the transferee, copying the transferor; it is refused
  until the assignment is effective under 7(i) (the paralegal sees what is missing).
"""

from __future__ import annotations

from reports.document import Letter, Signature
from reports.exhibit_a import registration_for
from reports.letters import (
    Context,
    NoticeRefused,
    common_values,
    compose,
    copy_block,
    holder_copies,
    long_date,
    template_for,
    weekday_date,
)
from reports.notice_dates import window_deadlines
from reports.recipients import select_holders, to_each_holder
from rra_desktop.domain.assignments import assignment_status
from rra_desktop.domain.letter_kinds import LETTERS
from rra_desktop.domain.letter_kinds import LetterKind as L
from rra_desktop.domain.model import RegistrationKind


def piggyback(ctx: Context) -> list[Letter]:
    """7(d): the Company's determination to register; each Holder's 20-day response date."""
    reg = registration_for(ctx, (RegistrationKind.COMPANY_REGISTRATION,))
    ctx.recipients = select_holders(ctx)
    windows = window_deadlines(ctx, LETTERS[L.PIGGYBACK], ctx.recipients, reg.id)
    shared = {"form": reg.form, "underwritten": "yes" if reg.underwritten else ""}

    def per_holder(h):
        d = windows.get(h.id)
        date = d.in_force if d is not None else None
        return {"response_date": weekday_date(date) if date else "", "response_pending": "" if date else "yes"}

    return to_each_holder(ctx, L.PIGGYBACK, shared, per_holder, extra=lambda h: {
        "registration_id": reg.id, "deadline": windows[h.id].in_force if h.id in windows else None})


def rule144_certification(ctx: Context) -> list[Letter]:
    """Section 6: the officer's certification, on request of a Holder, as to compliance."""
    company = ctx.deal.terms.company
    letterhead = (company.name, *company.address_lines)
    signature = Signature(closing="", entity=company.name.upper(), signer_name="Name:", signer_title="Title:")
    holders = select_holders(ctx) if ctx.request.holder_ids else []
    if not holders:
        raise NoticeRefused("A Rule 144 certification answers one Holder's request: name the Holder (--holder)")
    template = template_for(ctx, L.RULE144_CERTIFICATION)
    requested = ctx.request.on or ctx.sent_on
    out = []
    for h in holders:
        values = {**common_values(ctx), "holder": h.name, "request_date": long_date(requested)}
        # the Company signs it, so the copy goes only to Holders' counsel (7(g)), not to itself
        out.append(compose(ctx, template, values, to=h, cc=holder_copies(ctx)[:1], signature=signature,
                           letterhead=letterhead, salutation=""))
    return out


def proceeding(ctx: Context) -> list[Letter]:
    """5(a): "The Company shall notify the Holders promptly of the institution, threat or
    assertion of any Proceeding of which the Company is aware"."""
    claims = ctx.deal.claims
    claim = next((c for c in claims if c.id == ctx.request.claim_id), None) if ctx.request.claim_id else (
        claims[-1] if claims and not ctx.request.document else None)
    if ctx.request.claim_id and claim is None:
        raise NoticeRefused(f"No claim with id {ctx.request.claim_id!r} in this deal")
    text = ctx.request.document or (claim.proceeding if claim else "")
    if not text.strip():
        raise NoticeRefused("Name the Proceeding: record a claim or describe it (--document)")
    return to_each_holder(ctx, L.PROCEEDING, {"proceeding": text.strip(),
                                              "aware_date": long_date(ctx.request.on or ctx.sent_on)})


def assignment_acknowledgement(ctx: Context) -> list[Letter]:
    """7(i): acknowledge to the transferee that registration rights were assigned to it."""
    found = [a for a in ctx.deal.assignments if a.id == ctx.request.assignment_id] if ctx.request.assignment_id \
        else list(ctx.deal.assignments[-1:])
    if not found:
        raise NoticeRefused("No assignment is recorded (or none with that id): record it in the register first")
    a = found[0]
    status = assignment_status(a)
    if not status.effective:
        raise NoticeRefused(f"Assignment {a.id} is not effective under 7(i): missing " + "; ".join(status.missing))
    transferee, transferor = ctx.deal.holder(a.transferee_id), ctx.deal.holder(a.transferor_id)
    security = next((s.name for s in ctx.deal.securities if s.code == a.security), a.security)
    values = {**common_values(ctx), "holder": transferee.name, "transferor": transferor.name,
              "quantity": f"{a.quantity:,}", "security": security, "assignment_date": long_date(a.on),
              "effective_date": long_date(status.effective_on), "automatic": "yes" if status.route and
              status.route.startswith("automatic") else "", "consent": "" if status.route and
              status.route.startswith("automatic") else "yes",
              "furnished_date": long_date(a.written_assignment_furnished_on) if a.written_assignment_furnished_on
              else "", "notice_date": long_date(a.transferee_notice_on) if a.transferee_notice_on else "",
              "consent_date": long_date(a.company_consent_on) if a.company_consent_on else ""}
    cc = holder_copies(ctx, copy_block(transferor))
    template = template_for(ctx, L.ASSIGNMENT_ACKNOWLEDGEMENT)
    return [compose(ctx, template, values, to=transferee, cc=cc, extra={"assignment_id": a.id})]


__all__ = ["assignment_acknowledgement", "piggyback", "proceeding", "rule144_certification"]

"""Indemnification claims (Section 5): open, edit, fee notices and payments (5(c)),
settlement consents, close and reopen. A closed claim changes only by reopening it, with a
reason the audit trail keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from rra_desktop.domain.indemnification import SEPARATE_COUNSEL_BASES
from rra_desktop.domain.model import Claim, FeeNotice
from rra_desktop.services.base import Refused, add_record, find, holder_exists, set_closed, text, write
from rra_desktop.store.transaction import Change


def _checked(store, claim: Claim) -> Claim:
    holder_exists(store.deal(), claim.holder_id)
    return check_claim(claim)


def check_claim(claim: Claim) -> Claim:
    """The claim's own fields: its parties named, 5(c) bases known, fees above zero and paid
    after notice."""
    text(claim.proceeding, "proceeding", "proceeding (the claim or action)")
    text(claim.indemnified_party, "indemnified_party", "Indemnified Party")
    text(claim.indemnifying_party, "indemnifying_party", "Indemnifying Party")
    bad = [b for b in claim.separate_counsel_bases if b not in SEPARATE_COUNSEL_BASES]
    if bad:
        raise Refused(f"5(c) has no separate-counsel case ({bad[0]}).", field="separate_counsel_bases")
    for fee in claim.fee_notices:
        if fee.amount is None or fee.amount <= 0:
            raise Refused("A fee notice needs an amount above zero.", field="fee_notices")
        if fee.paid_on is not None and fee.paid_on < fee.on:
            raise Refused("A fee cannot be paid before it was noticed.", field="fee_notices")
    return claim


def _open_claim(store, claim_id: str) -> Claim:
    claim = find(store.deal().claims, "id", claim_id, "claim")
    if claim.closed:
        raise Refused(f"The claim “{claim.proceeding}” is closed: reopen it (with a reason) to change it.",
                      field="closed")
    return claim


def open_claim(store, claim: Claim) -> Change:
    """Open a claim under 5(a), 5(b) or 5(d)."""
    claim = _checked(store, dataclasses.replace(claim, closed=False))
    return add_record(store, claim, "claims", "claim", f"Open claim {claim.proceeding}")


def edit_claim(store, claim: Claim) -> Change:
    """Change an open claim (closing and reopening have their own actions)."""
    stored = _open_claim(store, claim.id)
    if claim.closed != stored.closed:
        raise Refused("Close or reopen the claim with its own action (it records the reason).", field="closed")
    claim = _checked(store, claim)
    with write(store, f"Edit claim {claim.proceeding}") as tx:
        tx.update(claim)
    return tx.change


def record_fee_notice(store, claim_id: str, on: dt.date, amount: Decimal, method: str = "",
                      sent_at: dt.datetime | None = None, received_on: dt.date | None = None) -> Change:
    """5(c): written notice of fees to the Indemnifying Party (paid within 10 Business Days of the
    day it is deemed given under 7(g): its method and time, or recorded receipt)."""
    from rra_desktop.domain.notices import METHODS

    claim = _open_claim(store, claim_id)
    method = (method or "").strip().lower()
    if method and method not in METHODS:
        raise Refused(f"Unknown delivery method {method!r}; choose one of {', '.join(METHODS)}.", field="method")
    if sent_at is not None and sent_at.date() != on:
        raise Refused("The time sent is not on the notice's date.", field="sent_at")
    if received_on is not None and received_on < on - dt.timedelta(days=1):
        raise Refused("The notice cannot be received before it was sent.", field="received_on")
    fee = FeeNotice(on, amount, method=method, sent_at=sent_at, received_on=received_on)
    return edit_claim(store, dataclasses.replace(claim, fee_notices=(*claim.fee_notices, fee)))


def record_fee_payment(store, claim_id: str, index: int, paid_on: dt.date, paid_amount: Decimal) -> Change:
    claim = _open_claim(store, claim_id)
    if not 0 <= index < len(claim.fee_notices):
        raise Refused("There is no such fee notice on this claim.", field="fee_notices")
    fees = list(claim.fee_notices)
    fees[index] = dataclasses.replace(fees[index], paid_on=paid_on, paid_amount=paid_amount)
    return edit_claim(store, dataclasses.replace(claim, fee_notices=tuple(fees)))


def record_settlement_consent(store, claim_id: str, consent: str) -> Change:
    """5(c): a consent to a settlement (who gave it and the document)."""
    claim = _open_claim(store, claim_id)
    consent = text(consent, "settlement_consents", "settlement consent")
    return edit_claim(store, dataclasses.replace(claim, settlement_consents=(*claim.settlement_consents, consent)))


def close_claim(store, claim_id: str, reason: str) -> Change:
    return set_closed(store, "claims", claim_id, reason, True, "claim", lambda _deal, c: c.proceeding)


def reopen_claim(store, claim_id: str, reason: str) -> Change:
    """Reopen a closed claim; the reason is required and kept by the audit trail."""
    return set_closed(store, "claims", claim_id, reason, False, "claim", lambda _deal, c: c.proceeding)

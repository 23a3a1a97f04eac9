"""Consents, waivers and agreed extensions (3(a), 3(e), 7(b), 7(f)): the only things that move
a deadline. A Holder consent is recorded with the majority count as of its date
(7(f), Company and Affiliates excluded under 7(o)); the audit trail keeps that count.

Who must sign (7(f)): a waiver or consent to depart from the agreement needs the Company and
each of the Holders, or, for a matter relating only to Holders' rights, Holders of a majority
of the Registrable Securities. Every deadline the product tracks is an obligation owed to the
Holders (filing, effectiveness, notices, ...) or a Holder right, so the Company can never move
or waive one alone: an instrument is accepted when the Holders who gave it hold a majority as
of its date (7(o) exclusions applied), or when the Company and every Holder on the register
gave it. Anything else is refused with the count unless the user records an override reason,
which the audit trail keeps beside the count. The product applies this to every clause it
accepts (3(a), 3(e), 7(b) likewise speak of Holders of a majority).

The instrument must name the document it came from: a date moved "on the record"
needs the record.
"""

from __future__ import annotations

from rra_desktop.domain.majority import COMPANY, majority_count, signed_enough
from rra_desktop.domain.model import Instrument, InstrumentKind
from rra_desktop.services.base import Refused, add_record, day, edit_record, find, remove_record, text
from rra_desktop.store.transaction import Change

CLAUSES = ("3(a)", "3(e)", "7(b)", "7(f)")


def _checked(store, instrument: Instrument, override_reason: str) -> tuple[Instrument, str]:
    """Validate; returns the instrument and the audit reason (the majority count)."""
    deal = store.deal()
    text(instrument.description, "description", "description of the consent, waiver or extension")
    text(instrument.document, "document",
         "document the instrument came from (the signed consent, letter or e-mail)")
    if instrument.clause not in CLAUSES:
        raise Refused(f"Choose the clause the instrument is given under ({', '.join(CLAUSES)}).", field="clause")
    if not instrument.given_by:
        raise Refused("Record who gave it (the Company and/or the consenting Holders).", field="given_by")
    holder_ids = [g for g in instrument.given_by if g != COMPANY]
    known = {h.id for h in deal.holders}
    unknown = [g for g in holder_ids if g not in known]
    if unknown:
        raise Refused(f"There is no Holder {unknown[0]!r} in this deal.", field="given_by")
    if instrument.kind == InstrumentKind.EXTENSION and instrument.new_date is None:
        raise Refused("An extension needs the new date it sets.", field="new_date")
    if instrument.new_date is not None and not instrument.deadline_key:
        raise Refused("Choose the deadline the new date applies to.", field="deadline_key")
    count = majority_count(deal, instrument.on, holder_ids)
    override = override_reason.strip()
    reason = count.sentence + (f" Override: {override}" if override else "")
    if not signed_enough(instrument.given_by, count) and not override:
        message = (f"{instrument.clause} needs Holders of a majority of the Registrable Securities "
                   f"({count.numerator:,}/{count.denominator:,} gave it), or the Company and each Holder: "
                   f"{count.sentence} Record an override reason to keep it anyway.")
        raise Refused(message, field="given_by", problems=(count.sentence,))
    return instrument, reason


def _label(verb: str, i: Instrument) -> str:
    return f"{verb} {i.kind.value} under {i.clause} of {day(i.on)}"


def record_instrument(store, instrument: Instrument, override_reason: str = "") -> Change:
    """Record a consent, waiver or extension with who gave it and the document."""
    instrument, reason = _checked(store, instrument, override_reason)
    return add_record(store, instrument, "instruments", "instrument", _label("Record", instrument), reason)


def edit_instrument(store, instrument: Instrument, override_reason: str = "") -> Change:
    instrument, reason = _checked(store, instrument, override_reason)
    return edit_record(store, instrument, "instruments", "instrument", _label("Edit", instrument), reason)


def remove_instrument(store, instrument_id: str) -> Change:
    i = find(store.deal().instruments, "id", instrument_id, "instrument")
    return remove_record(store, "instruments", instrument_id, "instrument", _label("Remove", i))

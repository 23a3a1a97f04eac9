"""Notices to the Holders under Section 3: review copies (3(a)), the 3(c) notifications, the
3(n) blackout notice and the 3(m)(iii) Advice. One letter per Holder (``recipients``).

Choices where the agreement is silent:
* The date of the event a notice reports is ``--on`` when given, else the latest recorded fact
  of that kind; with neither the notice is refused rather than dated by guess.
* A blackout notice says "suspend" when the Registration Statement was effective before the
  blackout began, else "postpone" its filing or effectiveness. It states when the period began
  (sent before its first day, in the future tense: "will begin") and the 3(n) limits (with the
  20th day from the engine's ``blackout_limit``), never the confidential reason nor the label of
  the facts it arises from.
* A 3(a) or 3(c)(A) notice names the document to be filed as ``--document`` says, else as the
  planned-filing fact it is about records it, else from that fact's kind ("the Registration
  Statement", "an amendment or supplement"); with no such fact, 3(a) says "the Registration
  Statement" and 3(c)(A) "an amendment or supplement". The 3(a) letter and an Advice sent with
  documents end with an Enclosure line naming them.
* 3(m)(iii) applies to events (ii)-(iv) of 3(c): only those notices carry the instruction to
  discontinue dispositions until the Advice; an event (i) notice does not.
"""

from __future__ import annotations

import datetime as dt

from reports.document import Letter
from reports.exhibit_a import effectiveness, effectiveness_values
from reports.letters import Context, NoticeRefused, enclosure_name, long_date, weekday_date
from reports.notice_dates import deemed, window_deadlines
from reports.recipients import select_holders, to_each_holder
from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.letter_kinds import LETTERS
from rra_desktop.domain.letter_kinds import LetterKind as L
from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, FactKind, TimelineFact
from rra_desktop.domain.obligations import OBLIGATIONS, ObligationKind
from rra_desktop.domain.registration_facts import effective_on

EVENTS = ("i", "ii", "iii", "iv")
EVENT_II = {"stop-order": "stop_order", "proceedings": "proceedings"}  # --event naming what happened under (ii)
REVIEW_EVENTS = ("no-review", "review", "comments")
METHOD_WORDS = {"mail": "first class mail", "personal": "hand delivery", "fax": "facsimile", "courier": "courier"}


# what a missing fact is, in a paralegal's words (a refusal never names an internal kind)
FACT_WORDS = {
    frozenset({FactKind.RS_PLANNED, FactKind.AMENDMENT_PLANNED}):
        "planned filing of a registration statement, amendment or supplement",
    frozenset({FactKind.SEC_NO_REVIEW}): "notice that the Commission will not review the Registration Statement",
    frozenset({FactKind.COMMISSION_COMMENTS}): "written comment of the Commission on the Registration Statement",
    frozenset({FactKind.STOP_ORDER}): "stop order of the Commission (or Proceedings for one)",
}


def fact_words(kinds) -> str:
    return FACT_WORDS.get(frozenset(kinds)) or " or ".join(k.value.replace("_", " ") for k in kinds)


def event_date(ctx: Context, *kinds: FactKind) -> dt.date:
    """``--on``, else the latest recorded fact of ``kinds``."""
    if ctx.request.on is not None:
        return ctx.request.on
    dates = [f.on for f in ctx.deal.facts if f.kind in kinds]
    if not dates:
        raise NoticeRefused(f"No {fact_words(kinds)} is recorded on the Timeline: record it there, or give the "
                            "date of the event (--on)")
    return max(dates)


# a planned filing's document as a letter names it when the fact records none
PLANNED_DOCUMENT = {FactKind.RS_PLANNED: "the Registration Statement",
                    FactKind.AMENDMENT_PLANNED: "an amendment or supplement"}


def planned_fact(ctx: Context) -> TimelineFact | None:
    """The planned filing a 3(a) or 3(c)(A) notice is about: the latest one recorded (on the
    ``--on`` date when given; for the chosen registration when one is named)."""
    wanted = ctx.request.registration_id
    facts = [f for f in ctx.deal.facts if f.kind in PLANNED_DOCUMENT
             and (ctx.request.on is None or f.on == ctx.request.on)
             and (wanted is None or f.registration_id in (None, wanted))]
    return max(reversed(facts), key=lambda f: f.on, default=None)  # on a tie, the last recorded


def planned_document(ctx: Context, default: str) -> str:
    """``--document``, else the document recorded on the planned-filing fact, else its kind's words."""
    if ctx.request.document:
        return ctx.request.document
    fact = planned_fact(ctx)
    if fact is None:
        return default
    return fact.document.strip() or PLANNED_DOCUMENT[fact.kind]


def review_copies(ctx: Context) -> list[Letter]:
    """3(a): documents for review; objections within 3 Business Days after receipt (engine date)."""
    filing = event_date(ctx, FactKind.RS_PLANNED, FactKind.AMENDMENT_PLANNED)
    ctx.recipients = select_holders(ctx)
    windows = window_deadlines(ctx, LETTERS[L.REVIEW_COPIES], ctx.recipients,
                               ctx.request.registration_id)
    given = deemed(ctx)
    document = planned_document(ctx, PLANNED_DOCUMENT[FactKind.RS_PLANNED])
    shared = {"document": document, "enclosure": enclosure_name(document), "proposed_filing": long_date(filing),
              "method_words": METHOD_WORDS[ctx.request.method],
              "deemed_date": long_date(given.date) if given.date else ""}

    def per_holder(h):
        d = windows.get(h.id)
        date = d.in_force if d is not None else None
        return {"objection_deadline": weekday_date(date) if date else "", "objection_pending": "" if date else "yes"}

    return to_each_holder(ctx, L.REVIEW_COPIES, shared, per_holder,
                          extra=lambda h: {"deadline": windows[h.id].in_force if h.id in windows else None})


def filing_notice(ctx: Context) -> list[Letter]:
    """3(c)(A): a Prospectus, supplement or post-effective amendment is proposed to be filed."""
    filing = event_date(ctx, FactKind.AMENDMENT_PLANNED, FactKind.RS_PLANNED)
    document = planned_document(ctx, PLANNED_DOCUMENT[FactKind.AMENDMENT_PLANNED])
    return to_each_holder(ctx, L.FILING_NOTICE, {"document": document, "proposed_filing": long_date(filing)})


def sec_review(ctx: Context) -> list[Letter]:
    """3(c)(B): whether the Commission will review, or that it has commented in writing."""
    event = ctx.request.event
    if event is None:
        latest = max((f for f in ctx.deal.facts if f.kind in (FactKind.SEC_NO_REVIEW, FactKind.COMMISSION_COMMENTS)),
                     key=lambda f: f.on, default=None)
        event = {FactKind.SEC_NO_REVIEW: "no-review", FactKind.COMMISSION_COMMENTS: "comments"}.get(
            latest.kind if latest else None, "")
    if event not in REVIEW_EVENTS:
        raise NoticeRefused(f"Say which Commission notice to report (--event {' | '.join(REVIEW_EVENTS)})")
    on = event_date(ctx, FactKind.SEC_NO_REVIEW if event == "no-review" else FactKind.COMMISSION_COMMENTS)
    flags = {e.replace("-", "_"): "yes" if e == event else "" for e in REVIEW_EVENTS}
    return to_each_holder(ctx, L.SEC_REVIEW, {**flags, "event_date": long_date(on)})


def effectiveness_notice(ctx: Context) -> list[Letter]:
    """3(c)(C): the Registration Statement has become effective."""
    return to_each_holder(ctx, L.EFFECTIVENESS, effectiveness_values(effectiveness(ctx)))


def what_happened_ii(ctx: Context) -> str:
    """3(c)(ii) names two events; the letter states the one that happened: "stop_order" or
    "proceedings", from ``--event stop-order|proceedings``, else from the words of ``--document``
    or of the latest recorded stop-order fact ("proceeding" in them means Proceedings), else a
    recorded stop-order fact is a stop order. Unknown: refused (never both alternatives)."""
    if ctx.request.event in EVENT_II:
        return EVENT_II[ctx.request.event]
    facts = sorted((f for f in ctx.deal.facts if f.kind == FactKind.STOP_ORDER), key=lambda f: f.on)
    words = " ".join([ctx.request.document or ""] + [f"{f.document} {f.note}" for f in facts[-1:]]).casefold()
    if "proceeding" in words:
        return "proceedings"
    if facts or "stop order" in words:
        return "stop_order"
    raise NoticeRefused("Say what the Commission did under Section 3(c)(ii): issued a stop order (--event stop-order) "
                        "or initiated Proceedings for one (--event proceedings)")


def suspension_event(ctx: Context) -> list[Letter]:
    """3(c)(i)-(iv); for (ii)-(iv) the 3(m)(iii) instruction to discontinue dispositions."""
    event = ctx.request.event or ("ii" if any(f.kind == FactKind.STOP_ORDER for f in ctx.deal.facts) else None)
    event = "ii" if event in EVENT_II else event
    if event not in EVENTS:
        raise NoticeRefused("Say which Section 3(c) event to report (--event i | ii | iii | iv, or stop-order | "
                            "proceedings for (ii))")
    on = event_date(ctx, FactKind.STOP_ORDER) if event == "ii" else (ctx.request.on or ctx.sent_on)
    flags = {f"event_{e}": "yes" if e == event else "" for e in EVENTS}
    happened = what_happened_ii(ctx) if event == "ii" else ""
    flags |= {f"ii_{k}": "yes" if k == happened else "" for k in EVENT_II.values()}
    return to_each_holder(ctx, L.SUSPENSION_EVENT, {**flags, "event_date": long_date(on),
                                                    "discontinue": "" if event == "i" else "yes",
                                                    "detail": ctx.request.document or ""})


def chosen_blackout(ctx: Context) -> BlackoutPeriod:
    blackouts = ctx.deal.blackouts
    if ctx.request.blackout_id:
        found = [b for b in blackouts if b.id == ctx.request.blackout_id]
        if not found:
            raise NoticeRefused(f"No Blackout Period with id {ctx.request.blackout_id!r} in this deal")
        return found[0]
    if not blackouts:
        raise NoticeRefused("No Blackout Period is recorded: record it in the blackout ledger first")
    return max(blackouts, key=lambda b: b.start)


def _effective_before(ctx: Context, day: dt.date) -> bool:
    return any(d is not None and d <= day for d in map(effective_on, ctx.deal.registrations))


def blackout(ctx: Context) -> list[Letter]:
    """3(n): the Blackout Period began on ..., will not exceed the agreement's limits. The values
    handed to the template hold no confidential reason and no facts label, so none can print."""
    b = chosen_blackout(ctx)
    limit = None
    if b.basis != BlackoutBasis.SUSPENSION_EVENT:
        key = OBLIGATIONS[ObligationKind.BLACKOUT_LIMIT].key_for(b.id)
        limit = next((d.in_force for d in compute_deadlines(ctx.deal, ctx.sent_on) if d.key == key), None)
    suspension = _effective_before(ctx, b.start)
    kind, tense = ("suspension" if suspension else "postponement"), ("begun" if b.start <= ctx.sent_on else "upcoming")
    shared = {"start_date": long_date(b.start), "suspension": "yes" if suspension else "",
              "postponement": "" if suspension else "yes", "limit_date": long_date(limit) if limit else "",
              "until_advice": "" if limit else "yes",
              **{f"{k}_{t}": "yes" if (k, t) == (kind, tense) else "" for k in ("suspension", "postponement")
                 for t in ("begun", "upcoming")}}
    return to_each_holder(ctx, L.BLACKOUT, shared, extra=lambda h: {"blackout_id": b.id})


def advice(ctx: Context) -> list[Letter]:
    """3(m)(iii): the Advice that use of the Prospectus may be resumed."""
    b = chosen_blackout(ctx) if (ctx.deal.blackouts or ctx.request.blackout_id) else None
    shared = {"start_date": long_date(b.start) if b else "", "notice_date": long_date(b.notice_sent_on)
              if b and b.notice_sent_on else "", "resume_date": long_date(ctx.request.on or ctx.sent_on),
              "document": ctx.request.document or "", "enclosure": enclosure_name(ctx.request.document or "")}
    return to_each_holder(ctx, L.ADVICE, shared, extra=lambda h: {"blackout_id": b.id if b else None})

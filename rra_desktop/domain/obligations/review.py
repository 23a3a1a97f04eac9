"""3(a): review copies to the Holders before each filing, and their objection window."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rra_desktop.domain.counting import business_days_after, business_days_before, fmt
from rra_desktop.domain.model import FactKind
from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.registration import filing_date
from rra_desktop.domain.obligations.registry import OBLIGATIONS, builds
from rra_desktop.domain.obligations.registry import ObligationKind as K

REVIEW = OBLIGATIONS[K.HOLDER_REVIEW_COPIES]
REVIEW_TITLE = REVIEW.title


def _furnished(facts: Facts, target: dt.date, registration_id: str | None) -> tuple[dt.date | None, str]:
    """The Holders' receipt of review copies recorded for this filing: the latest receipt on or
    before the filing (``target``) of copies naming the registration (or none), with its rule."""
    best: tuple[dt.date, str] | None = None
    for f in facts.of_kind(FactKind.REVIEW_COPIES_RECEIVED):
        if registration_id is not None and f.registration_id not in (None, registration_id):
            continue
        received, rule = facts.receipt(f)
        if received is not None and received <= target and (best is None or received > best[0]):
            best = (received, rule)
    return best or (None, "")


def _review(key: str, title: str, target_label: str, target: dt.date, days: int, facts: Facts,
            registration_id: str | None) -> Draft:
    counted = business_days_before(target, days, facts.cal, target_label)
    received, rule = _furnished(facts, target, registration_id)
    note = f"copies received {fmt(received)} ({rule})" if received else ""
    return Draft(key=key, kind=REVIEW.kind, clause=REVIEW.clause, title=title, party=REVIEW.party,
                 trigger=target_label, trigger_date=target, counted=counted, satisfied_on=received, note=note,
                 registration_id=registration_id)


@builds(K.HOLDER_REVIEW_COPIES)
def holder_review_copies(facts: Facts) -> list[Draft]:
    """3(a): copies to the Holders and Special Counsel not less than 5 Business Days before
    filing a Registration Statement or Prospectus, 2 before an amendment or supplement.

    Each planned filing recorded gives one deadline. Where no planned filing of the shelf is
    recorded, the initial shelf's copies are counted back from its filing (when recorded) or
    from the Filing Date's act-by day, so the first deadline of the deal is never missing."""
    out = [_review(REVIEW.key_for(f.id), REVIEW_TITLE, "planned filing", f.on, 5, facts,
                   registration_id=f.registration_id)
           for f in facts.of_kind(FactKind.RS_PLANNED)]
    out += [_review(REVIEW.key_for(f.id), f"{REVIEW_TITLE} (amendment or supplement)",
                    "planned amendment/supplement", f.on, 2, facts, registration_id=f.registration_id)
            for f in facts.of_kind(FactKind.AMENDMENT_PLANNED)]
    if facts.of_kind(FactKind.RS_PLANNED):
        return out
    shelf = facts.shelf
    key, title = REVIEW.key_for("initial"), f"{REVIEW_TITLE} (initial shelf)"
    if shelf is not None and shelf.filed_on is not None:
        target = facts.edgar.deemed_filing_date(shelf.filed_at).date if shelf.filed_at else shelf.filed_on
        out.append(_review(key, title, "shelf filed", target, 5, facts, registration_id=shelf.id))
        return out
    filing = filing_date(facts)[0]
    if filing.counted is None:
        out.append(Draft(key=key, kind=REVIEW.kind, clause=REVIEW.clause, title=title, party=REVIEW.party,
                         trigger="planned filing", trigger_date=None, counted=None,
                         explanation="no planned filing and no Closing Date recorded"))
    else:
        target = filing.postponed.date if filing.postponed else filing.counted.act_by
        draft = _review(key, title, "Filing Date in force" if filing.postponed else "Filing Date act-by day", target,
                        5, facts, registration_id=shelf.id if shelf else None)
        out.append(draft)
    return out


@builds(K.HOLDER_OBJECTION_WINDOW)
def holder_objection_window(facts: Facts) -> list[Draft]:
    """3(a): the Holders of a majority or Special Counsel may object in writing within 3 Business
    Days after their receipt of the copies; receipt is the 7(g) deemed-given date (recorded actual
    receipt where earlier). A Holder's option, not a duty: once the window closes it lapses."""
    spec, out = OBLIGATIONS[K.HOLDER_OBJECTION_WINDOW], []
    for f in facts.of_kind(FactKind.REVIEW_COPIES_RECEIVED):
        received, rule = facts.receipt(f)
        base: dict[str, Any] = dict(key=spec.key_for(f.id), kind=spec.kind, clause=spec.clause, title=spec.title,
                                    party=spec.party,
                                    trigger="Holders' receipt of the review copies", holder_id=f.holder_id,
                                    registration_id=f.registration_id)
        if received is None:
            out.append(Draft(**base, trigger_date=None, counted=None, explanation=rule))
            continue
        counted = business_days_after(received, 3, facts.cal, "Receipt")
        out.append(Draft(**base, trigger_date=received, counted=counted,
                         note=f"receipt {fmt(received)}: {rule}"))
    return out

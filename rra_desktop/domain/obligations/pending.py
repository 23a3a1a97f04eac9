"""Obligations whose trigger has not occurred yet: one placeholder per kind, so the docket shows
what is still to come (a notice of effectiveness, an earnings statement, a piggy-back window...)
and not only what has already started.

Choice: one row per obligation kind, not per Holder or per registration — the trigger is what is
missing, and until it happens nobody knows which Holder or filing it will concern. The key is
``<kind>:pending``; ``due`` is None and the trigger says what would start it. The kinds, their
titles and triggers are the registry's (``ObligationSpec.pending``). For the 3(a) review copies
the initial shelf's copies always have a row of their own, so the placeholder stands for the
copies of a future amendment or supplement (``pending_started_by``). Kinds whose builders already
emit a not-yet-triggered row of their own (the Filing and Effectiveness Dates, the Effectiveness
Period end per Holder) have no ``pending`` text and need no placeholder.
"""

from __future__ import annotations

from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.registry import OBLIGATIONS, PENDING_SUFFIX, ObligationKind, ObligationSpec

__all__ = ["PENDING_SUFFIX", "pending"]


def _started(spec: ObligationSpec, facts: Facts, kinds_seen: set[ObligationKind]) -> bool:
    if spec.pending_started_by is not None:
        return bool(facts.of_kind(spec.pending_started_by))
    return spec.kind in kinds_seen


def pending(facts: Facts, kinds_seen: set[ObligationKind]) -> list[Draft]:
    """One not-yet-triggered placeholder for each kind with a ``pending`` trigger that no recorded
    fact has started (``kinds_seen``: the kinds the builders returned deadlines for)."""
    return [Draft(key=s.kind + PENDING_SUFFIX, kind=s.kind, clause=s.clause, title=s.pending_title or s.title,
                  party=s.party, trigger=s.pending, trigger_date=None, counted=None,
                  explanation=f"nothing recorded starts it yet; it arises {s.pending}")
            for s in OBLIGATIONS.values() if s.pending and not _started(s, facts, kinds_seen)]

"""The dates a letter states, taken from the rules engine, never counted in a template.

A letter that starts a Holder's window (3(a) objections, 7(d) piggy-back requests) is itself the
trigger: the engine counts from the Holder's receipt of it, which 7(g) fixes from the method and
time of sending. So the deal is extended with the notice as the engine will see it once logged
(one fact per recipient), ``compute_deadlines`` runs once for the whole batch, and each letter
states its Holder's ``Deadline.in_force``. Where 7(g) fixes no date (mail, hand delivery) the
deadline is not yet triggered and the letter says so in words instead of guessing a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from reports.letters import Context
from rra_desktop.domain.deadlines import Deadline, compute_deadlines
from rra_desktop.domain.letter_kinds import LetterSpec
from rra_desktop.domain.model import FactKind, Holder, TimelineFact
from rra_desktop.domain.notices import DeemedGiven, deemed_given


def letter_fact_id(kind: FactKind, holder_id: str, sent_at: dt.datetime) -> str:
    """The id of the timeline fact a letter becomes once logged (the engine counts from it)."""
    return f"letter:{kind.value}:{holder_id}:{sent_at.isoformat()}"


def window_deadlines(ctx: Context, letter: LetterSpec, holders: Iterable[Holder],
                     registration_id: str | None = None) -> dict[str, Deadline]:
    """Each Holder's deadline counted from its receipt of this letter: the window the letter
    ``opens`` (the 3(a) objection window, the 7(d) piggy-back request), its receipt recorded as
    the letter's ``follow_up_fact``; keyed by Holder id."""
    kind, deadline_kind = letter.follow_up_fact, letter.opens
    if kind is None or deadline_kind is None:
        raise ValueError(f"the {letter.kind} letter opens no Holder's window")
    holders = list(holders)
    facts = {letter_fact_id(kind, h.id, ctx.request.sent_at): h.id for h in holders}
    added = tuple(TimelineFact(id=fid, kind=kind, on=ctx.sent_on, at=ctx.request.sent_at, holder_id=hid,
                               registration_id=registration_id, method=ctx.request.method)
                  for fid, hid in facts.items())
    what_if = dataclasses.replace(ctx.deal, facts=(*ctx.deal.facts, *added))
    out: dict[str, Deadline] = {}
    for d in compute_deadlines(what_if, ctx.sent_on):
        if d.kind != deadline_kind:
            continue
        fid = next((f for f in facts if d.key.startswith(f"{deadline_kind}:{f}")), None)
        if fid is not None and (d.holder_id in (None, facts[fid])):
            out[facts[fid]] = d
    return out


def deemed(ctx: Context) -> DeemedGiven:
    """7(g): when this letter is deemed given, by the method and time of sending."""
    return deemed_given(ctx.request.method, ctx.request.sent_at, calendar=ctx.cal)

"""A plain reference for the deadline engine's fast paths (``test_engine_reference``).

``compute_deadlines`` finishes each draft as its builder yields it, builds its ``Deadline``s
through the slot descriptors, sorts twice on plain keys, reads a Holder's ledger once for the end
of its Effectiveness Period and looks up wording that recurs. This module does the same work the
simple way — every draft collected first, the dataclass's own constructor, one sort on (date,
key), the Holder's sale and Rule 144 date from separate passes, every text written out afresh —
so a fast path that drifts from the rules shows as a difference between the two.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.domain import deadlines as engine
from rra_desktop.domain.counting import Counted, calendar_days_after, fixed_date, fmt
from rra_desktop.domain.deadlines import Deadline, DeadlineStatus
from rra_desktop.domain.model import Deal, FactKind, PositionEntry, PositionKind, SecurityKind
from rra_desktop.domain.obligations import OBLIGATIONS, OPTION_WINDOWS, Draft, Facts
from rra_desktop.domain.obligations.pending import pending
from rra_desktop.domain.obligations.registry import ObligationKind as K
from rra_desktop.domain.obligations.registry import kind_of_key
from rra_desktop.domain.parties import Parties, holder
from rra_desktop.domain.piggyback import shelf_covering_all
from rra_desktop.domain.rule144 import AFFILIATE, _read, _tacked, _warrant_text, _why, free_to_sell, security_kinds


def _party(facts: Facts, hid: str | None) -> Parties:
    return Parties((holder(hid),), f"Holder — {facts.holder_names.get(hid or '', hid or 'each Holder')}")


def piggyback_response(facts: Facts) -> list[Draft]:
    requested: dict[tuple[str | None, str], list[tuple[dt.date, dt.date | None]]] = {}
    for r in facts.deal.piggyback_requests:
        requested.setdefault((r.registration_id, r.holder_id), []).append((r.requested_on, r.late_accepted_on))
    spec, out = OBLIGATIONS[K.PIGGYBACK_RESPONSE], []
    for f in facts.of_kind(FactKind.PIGGYBACK_NOTICE):
        covering = shelf_covering_all(facts.deal, f.on)
        if covering:
            out.append(Draft(key=spec.key_for(f.id), kind=spec.kind, clause=spec.clause, title=spec.title,
                             party=spec.party, trigger="Holder's receipt of the piggy-back notice", trigger_date=f.on,
                             counted=None, explanation=covering, registration_id=f.registration_id,
                             not_applicable=True))
            continue
        received, rule = facts.receipt(f)
        counted = calendar_days_after(received, 20, facts.cal, "Receipt") if received else None
        if counted is not None:
            counted = Counted(counted.due, counted.act_by, counted.extended_to,
                              f"{counted.explanation} (receipt: {rule})", counted.calendar)
        for hid in [f.holder_id] if f.holder_id else list(facts.holder_names):
            made = sorted((m for m in requested.get((f.registration_id, hid), ()) if m[0] >= f.on), key=lambda m: m[0])
            timely = [d for d, _ in made if counted is None or d <= counted.extended_to]
            accepted = [(d, a) for d, a in made if a is not None and d not in timely]
            late = [d for d, a in made if d not in timely and a is None]
            first, note, late_request = (timely[0] if timely else None), "", None
            if first is not None:
                note = f"request recorded {fmt(first)}"
            elif accepted:
                first = accepted[0][0]
                note = f"request of {fmt(first)} came after the window; the Company accepted it {fmt(accepted[0][1])}"
            elif late:
                late_request = late[0]
            out.append(Draft(key=spec.key_for(f.id, hid), kind=spec.kind, clause=spec.clause, title=spec.title,
                             party=_party(facts, hid), trigger="Holder's receipt of the piggy-back notice",
                             trigger_date=received, counted=counted, explanation=rule, holder_id=hid,
                             registration_id=f.registration_id, satisfied_on=first, note=note,
                             late_request=late_request,
                             covered="the Company's acceptance" if accepted and not timely else ""))
    return out


def _sold_out(rows: list[PositionEntry]) -> dt.date | None:
    net, last = 0, None
    for p in rows:
        net += p.quantity
        if p.kind is PositionKind.SALE and (last is None or p.on > last):
            last = p.on
    return last if last is not None and net <= 0 else None


def holder_free_date(rows: list[PositionEntry], kinds: dict[str, SecurityKind],
                     affiliate: bool) -> tuple[dt.date | None, dt.date | None, str, str]:
    held, preferred_from, warrant_from = _read(rows, kinds)
    warrants = [c for c, q in held.items() if q > 0 and (k := kinds.get(c)) is not None and k.is_warrant]
    if warrants:
        held_from = f": {_warrant_text(warrant_from)}" if warrant_from is not None else ""
        return None, None, "", f"Warrants unexercised ({', '.join(sorted(warrants))}){held_from}"
    if affiliate:
        return None, None, "", AFFILIATE
    start, governing = None, None
    for r in rows:
        if r.quantity > 0 and held[r.security] > 0:
            tacked = _tacked(r, preferred_from, warrant_from)
            if start is None or tacked > start:
                start, governing = tacked, r
    if start is None or governing is None:
        return None, None, "", "holds no securities"
    when, rule, working = free_to_sell(start)
    kind = kinds.get(governing.security, SecurityKind.COMMON)
    return when, start, rule, f"{governing.security} governs: {_why(governing, kind, start)}; {working}"


def effectiveness_period_end(facts: Facts) -> list[Draft]:
    kinds = security_kinds(facts.deal)
    affiliates = {h.id for h in facts.deal.holders if h.affiliate}
    calendar, spec = facts.cal.display_name, OBLIGATIONS[K.EFFECTIVENESS_PERIOD_END]
    by_holder: dict[str, list[PositionEntry]] = {}
    for row in facts.deal.positions:
        by_holder.setdefault(row.holder_id, []).append(row)
    out = []
    for hid, rows in by_holder.items():
        sold, why = _sold_out(rows), ""
        counted: Counted | None
        if sold is not None:
            trigger_date, counted = sold, fixed_date(sold, f"all Registrable Securities sold by {fmt(sold)}", calendar)
        else:
            when, trigger_date, rule, why = holder_free_date(rows, kinds, hid in affiliates)
            counted = None if when is None else \
                fixed_date(when, f"free to sell all from {fmt(when)} ({rule}): {why}", calendar)
        out.append(Draft(key=spec.key_for(hid), kind=spec.kind, clause=spec.clause, title=spec.title,
                         party=spec.party, holder_id=hid, trigger="Holder's acquisitions (Rule 144) or sale of all",
                         trigger_date=trigger_date, counted=counted, explanation=why if counted is None else "",
                         ends_itself=True))
    return out


_REFERENCE_BUILDERS = {K.PIGGYBACK_RESPONSE: piggyback_response, K.EFFECTIVENESS_PERIOD_END: effectiveness_period_end}


def finish(d: Draft, as_of: dt.date, instrument, completed: dt.date | None, calendar: str) -> Deadline:
    """``deadlines._finish`` field by field, by keyword, through ``Deadline``'s own constructor."""
    c = d.counted
    clause_text = OBLIGATIONS[d.kind].clause_text
    head = dict(key=d.key, kind=d.kind, clause=d.clause, title=d.title, party=d.party, trigger=d.trigger,
                trigger_date=d.trigger_date, instrument=instrument, clause_text=clause_text, holder_id=d.holder_id,
                registration_id=d.registration_id, claim_id=d.claim_id)
    if d.not_applicable:
        return Deadline(**head, due=None, act_by=None, extended_to=None, in_force=None,
                        status=DeadlineStatus.NOT_APPLICABLE, done_on=None,
                        explanation=f"Does not apply: {d.explanation}", calendar=calendar)
    due, act_by, extended = (c.due, c.act_by, c.extended_to) if c else (None, None, None)
    text = c.explanation if c else f"Not yet triggered: {d.explanation or d.trigger + ' not recorded'}"
    if d.note:
        text += f"; {d.note}"
    in_force, done_on = act_by, completed or d.satisfied_on
    waived = instrument is not None and instrument.new_date is None
    set_date = d.postponed is not None
    if d.postponed is not None:
        in_force = d.postponed.date
        text += f"; {d.postponed.explanation}; in force {fmt(in_force)} (contractual act-by {fmt(act_by)})"
    if instrument is not None and instrument.new_date is not None:
        in_force, set_date = instrument.new_date, True
        text += f"; in force {fmt(in_force)} by {engine._named(instrument)}"
    late_by = None
    if done_on is not None and in_force is not None and not waived and not d.ends_itself and not d.covered:
        limit, ref = (in_force, in_force) if set_date else (max(in_force, extended or in_force), due or in_force)
        if done_on > limit:
            late_by = (done_on - ref).days
            text += f"; performed {fmt(done_on)}: late by {late_by} day{'s' if late_by != 1 else ''}"
    elif d.late_request is not None and in_force is not None:
        late_by = (d.late_request - (due or in_force)).days
    if done_on is not None:
        status = DeadlineStatus.DONE
    elif waived:
        status, in_force = DeadlineStatus.WAIVED, None
        text += f"; waived by {engine._named(instrument)}"
    elif in_force is None:
        status = DeadlineStatus.NOT_YET_TRIGGERED
    elif in_force < as_of and d.ends_itself:
        status, done_on = DeadlineStatus.DONE, in_force
    elif in_force < as_of:
        status = DeadlineStatus.OVERDUE
        if d.kind in OPTION_WINDOWS and d.late_request is not None:
            text += (f"; window closed {fmt(in_force)}: the request of {fmt(d.late_request)} came late by {late_by} "
                     "days and does not bind the Company unless it accepts it")
        elif d.kind in OPTION_WINDOWS:
            text += f"; window closed {fmt(in_force)} with no action recorded: the right lapsed"
    else:
        status = DeadlineStatus.OPEN
    return Deadline(**head, due=due, act_by=act_by, extended_to=extended, in_force=in_force, status=status,
                    done_on=done_on, explanation=text, calendar=c.calendar if c else calendar,
                    postponed_by=d.postponed.blackout if d.postponed else None, late_by=late_by)


def reference_deadlines(deal: Deal, as_of: dt.date) -> list[Deadline]:
    """``compute_deadlines`` the simple way (see the module docstring)."""
    facts = Facts.of(deal, as_of)
    instruments = engine._instruments_by_key(deal)
    completed: dict[str, dt.date] = {}
    for c in deal.completions:
        done = c.done_on
        if c.done_at is not None and kind_of_key(c.deadline_key) is K.FILING_DATE:
            done = facts.edgar.deemed_filing_date(c.done_at).date
        completed[c.deadline_key] = min(done, completed.get(c.deadline_key, done))
    drafts: list[Draft] = []
    started = set()
    for kind, spec in OBLIGATIONS.items():
        made = list(_REFERENCE_BUILDERS.get(kind, spec.builder)(facts))
        if made:
            started.add(kind)
            drafts += made
    drafts += pending(facts, started)
    out = [finish(d, as_of, instruments.get(d.key), completed.get(d.key), facts.cal.display_name) for d in drafts]
    out.sort(key=lambda d: (d.in_force or d.due or dt.date.max, d.key))
    return out

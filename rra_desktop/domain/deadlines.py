"""Every timed obligation of the agreement as a ``Deadline`` (DOMAIN.md, "Timed obligations"),
and the preview of what a changed fact would move.

``compute_deadlines`` is a pure function of the deal: change a trigger fact and every dependent
date moves — except a date set by a recorded instrument (an extension or consent with a new
date), which no recalculation overwrites. Status as of a date:

* ``done``: a Completion is recorded for the key, or a recorded fact shows the act performed
  (the shelf filed, declared effective, a request made, a fee paid, a blackout ended by ``as_of``);
* ``waived``: a waiver or consent without a new date names the key;
* ``not_yet_triggered``: the trigger fact is missing (``due`` is None); a kind no recorded fact has
  started yet shows once, keyed ``<kind>:pending`` (``obligations.pending``);
* ``overdue``: the date in force is before ``as_of`` and it is not done; a Holder's option
  window that closed unexercised shows as overdue with "lapsed" in its explanation;
* ``open``: otherwise. The end of the Effectiveness Period is a period ending, not an act: once
  its date has passed it is ``done`` on that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.letter_kinds import PERFORMED_BY_NOTICE
from rra_desktop.domain.model import BlackoutPeriod, Deal, Instrument, InstrumentKind
from rra_desktop.domain.obligations import OBLIGATIONS, OPTION_WINDOWS, Draft, Facts
from rra_desktop.domain.obligations.base import Obligation
from rra_desktop.domain.obligations.pending import PENDING_SUFFIX, pending
from rra_desktop.domain.obligations.registry import ObligationKind, kind_of_key
from rra_desktop.domain.slots import positional_constructor

__all__ = ["OPTION_WINDOWS", "Deadline", "DeadlineMove", "DeadlineStatus", "compute_deadlines", "preview_change"]


class DeadlineStatus(StrEnum):
    NOT_APPLICABLE = "not_applicable"  # the clause does not apply on the facts (the working says why)
    OPEN = "open"
    DONE = "done"
    OVERDUE = "overdue"
    NOT_YET_TRIGGERED = "not_yet_triggered"
    WAIVED = "waived"


@dataclass(frozen=True, slots=True)
class Deadline(Obligation):
    """One obligation (``key``, ``kind``, ``clause``, ``title``, ``party``, ``trigger``,
    ``trigger_date``: see ``Obligation``): its contractual dates (``due``, ``act_by``,
    ``extended_to``), the date in force (an instrument's date where one applies, else ``act_by``),
    status and working."""

    due: dt.date | None
    act_by: dt.date | None
    extended_to: dt.date | None
    in_force: dt.date | None
    instrument: Instrument | None
    status: DeadlineStatus
    done_on: dt.date | None
    clause_text: str
    explanation: str
    calendar: str
    holder_id: str | None = None
    registration_id: str | None = None
    claim_id: str | None = None
    postponed_by: BlackoutPeriod | None = None  # the 3(n) blackout that set the date in force
    late_by: int | None = None  # performed (or an option exercised) after the date in force

    @property
    def set_by(self) -> str:
        """What set the date in force, as the timeline names it ("" for the contractual date)."""
        if self.instrument is not None and self.instrument.new_date is not None:
            return _named(self.instrument)
        if self.postponed_by is not None:
            b = self.postponed_by
            return f"Blackout Period ({b.basis.value}) from {fmt(b.start)}, postponed under 3(n)"
        return ""


def _instruments_by_key(deal: Deal) -> dict[str, Instrument]:
    """The instrument in force for each key: the latest by date (then by order recorded)."""
    out: dict[str, Instrument] = {}
    for i in sorted(deal.instruments, key=lambda i: i.on):
        if i.deadline_key and (i.new_date is not None or i.kind != InstrumentKind.EXTENSION):
            out[i.deadline_key] = i
    return out


# module-level aliases: _finish runs once per deadline, tens of thousands of times on a large deal
_OPEN, _DONE, _OVERDUE = DeadlineStatus.OPEN, DeadlineStatus.DONE, DeadlineStatus.OVERDUE
_NOT_YET, _WAIVED = DeadlineStatus.NOT_YET_TRIGGERED, DeadlineStatus.WAIVED
_NOT_APPLICABLE = DeadlineStatus.NOT_APPLICABLE


def _named(i: Instrument) -> str:
    doc = f", {i.document}" if i.document else ""
    return f"{i.kind.value} of {fmt(i.on)} under {i.clause} ({i.description}{doc})"


# ``_finish`` runs once per deadline, 30,000 times on a 10,000-Holder deal: the frozen dataclass's
# own ``__init__`` was two thirds of it (``domain.slots``)
_deadline = positional_constructor(Deadline)


def _finish(d: Draft, as_of: dt.date, instrument: Instrument | None, completed: dt.date | None,
            calendar: str) -> Deadline:
    (key, kind, clause, title, party, trigger, trigger_date, c, explanation, holder_id, registration_id, claim_id,
     satisfied_on, note, ends_itself, postponed, late_request, not_applicable, covered) = d  # all at once
    due, act_by, extended = (c.due, c.act_by, c.extended_to) if c else (None, None, None)
    if not_applicable:
        return _deadline(key, kind, clause, title, party, trigger, trigger_date, None, None, None,
                         None, instrument, _NOT_APPLICABLE, None, OBLIGATIONS[kind].clause_text,
                         f"Does not apply: {explanation}",
                         calendar, holder_id, registration_id, claim_id, None, None)
    text = c.explanation if c else f"Not yet triggered: {explanation or trigger + ' not recorded'}"
    if note:
        text += f"; {note}"
    in_force, done_on = act_by, completed or satisfied_on
    waived = instrument is not None and instrument.new_date is None
    set_date = postponed is not None
    if postponed is not None:
        in_force = postponed.date
        text += f"; {postponed.explanation}; in force {fmt(in_force)} (contractual act-by {fmt(act_by)})"
    if instrument is not None and instrument.new_date is not None:
        in_force, set_date = instrument.new_date, True
        text += f"; in force {fmt(in_force)} by {_named(instrument)}"
    late_by = None
    if done_on is not None and in_force is not None and not waived and not ends_itself and not covered:
        # GCL §25 lets a contractual act due on a weekend or holiday be done on the next business day;
        # a date set by an instrument or a 3(n) postponement is already the day to act by.
        limit, ref = (in_force, in_force) if set_date else (max(in_force, extended or in_force), due or in_force)
        if done_on > limit:
            late_by = (done_on - ref).days
            text += f"; performed {fmt(done_on)}: late by {late_by} day{'s' if late_by != 1 else ''}"
    elif late_request is not None and in_force is not None:
        late_by = (late_request - (due or in_force)).days
    if done_on is not None:
        status = _DONE
    elif waived:
        status, in_force = _WAIVED, None
        text += f"; waived by {_named(instrument)}" if instrument is not None else ""
    elif in_force is None:
        status = _NOT_YET
    elif in_force < as_of and ends_itself:
        status, done_on = _DONE, in_force
    elif in_force < as_of:
        status = _OVERDUE
        if kind in OPTION_WINDOWS and late_request is not None:
            text += (f"; window closed {fmt(in_force)}: the request of {fmt(late_request)} came late by {late_by} "
                     "days and does not bind the Company unless it accepts it")
        elif kind in OPTION_WINDOWS:
            text = _lapsed(text, in_force)
    else:
        status = _OPEN
    return _deadline(key, kind, clause, title, party, trigger, trigger_date, due, act_by, extended,
                     in_force, instrument, status, done_on, OBLIGATIONS[kind].clause_text, text,
                     c.calendar if c else calendar, holder_id, registration_id, claim_id,
                     postponed.blackout if postponed else None, late_by)


@lru_cache(maxsize=1024)
def _lapsed(text: str, closed: dt.date) -> str:
    """A working whose option window closed unexercised: one string for every Holder a 7(d) notice
    reached with the same working (10,000 on a large deal), written once."""
    return f"{text}; window closed {fmt(closed)} with no action recorded: the right lapsed"


def compute_deadlines(deal: Deal, as_of: dt.date) -> list[Deadline]:
    """Every deadline of DOMAIN.md's "Timed obligations" table for ``deal``, with status as of
    ``as_of``, sorted by the date in force (undated last), then key.

    The garbage collector is left as the process has it: switching it off here, even for the
    call, would switch it off for every other thread of the GUI meanwhile."""
    facts = Facts.of(deal, as_of)
    instruments = _instruments_by_key(deal)
    completed: dict[str, dt.date] = {}
    for c in deal.completions:
        if kind_of_key(c.deadline_key) in PERFORMED_BY_NOTICE:
            continue  # read with the notice log by the builder (``registration.notice_performed_on``)
        done = c.done_on
        if c.done_at is not None and kind_of_key(c.deadline_key) is ObligationKind.FILING_DATE:
            done = facts.edgar.deemed_filing_date(c.done_at).date  # after 5:30 p.m.: the next filing day
        completed[c.deadline_key] = min(done, completed.get(c.deadline_key, done))
    calendar = facts.cal.display_name
    out: list[Deadline] = []
    started = set()  # kinds a recorded fact has started (each builder returns one kind)
    # Each draft is finished as its builder yields it, so none outlives its own deadline's making:
    # 30,000 drafts held to the end would be 30,000 more objects for the collector to walk.
    instrument_of, completed_on, finish, add = instruments.get, completed.get, _finish, out.append
    for kind, spec in OBLIGATIONS.items():
        before = len(out)
        for d in spec.builder(facts):
            key = d.key
            add(finish(d, as_of, instrument_of(key), completed_on(key), calendar))
        if len(out) > before:
            started.add(kind)
    out += [_finish(d, as_of, instruments.get(d.key), completed.get(d.key), calendar) for d in pending(facts, started)]
    # by the date in force, then key: two stable sorts on plain keys, the same order as one on
    # (date, key) pairs without making 30,000 pairs
    out.sort(key=attrgetter("key"))
    out.sort(key=_date)
    return out


def _date(d: Deadline) -> dt.date:
    return d.in_force or d.due or dt.date.max


@dataclass(frozen=True, slots=True)
class DeadlineMove:
    """A deadline a change would move (or add, or remove), before and after. ``protected_by`` is
    the instrument that keeps its date in force although the contractual date moves."""

    key: str
    title: str
    old_due: dt.date | None
    old_in_force: dt.date | None
    new_due: dt.date | None
    new_in_force: dt.date | None
    old_status: DeadlineStatus | None
    new_status: DeadlineStatus | None
    protected_by: Instrument | None

    @property
    def protected(self) -> bool:
        return self.protected_by is not None

    @property
    def message(self) -> str:
        if self.old_status is None:
            return f"{self.title}: new, in force {fmt(self.new_in_force)}"
        if self.new_status is None:
            return f"{self.title}: no longer arises (was in force {fmt(self.old_in_force)})"
        line = f"{self.title}: due {fmt(self.old_due)} -> {fmt(self.new_due)}"
        if self.protected_by is not None:
            return f"{line}; stays in force {fmt(self.new_in_force)}, set by {self.protected_by.description}"
        return f"{line}; in force {fmt(self.old_in_force)} -> {fmt(self.new_in_force)}"


def preview_change(before: Deal, after: Deal, as_of: dt.date) -> list[DeadlineMove]:
    """Which deadlines move if ``before`` becomes ``after`` (a recalculation is previewed
    and applied only on confirmation). Deadlines whose contractual date moves but whose date in
    force is held by an instrument are listed with ``protected_by`` set."""
    old = {d.key: d for d in compute_deadlines(before, as_of)}
    new = {d.key: d for d in compute_deadlines(after, as_of)}
    moves = []
    for key in list(old) + [k for k in new if k not in old]:
        a, b = old.get(key), new.get(key)
        if key.endswith(PENDING_SUFFIX):
            continue  # a placeholder standing for a trigger to come has no date to move
        if a is not None and b is not None and (a.due, a.in_force, a.status) == (b.due, b.in_force, b.status):
            continue
        ref = b or a
        assert ref is not None  # a key comes from one of the two
        moves.append(DeadlineMove(
            key, ref.title, a.due if a else None, a.in_force if a else None, b.due if b else None,
            b.in_force if b else None, a.status if a else None, b.status if b else None,
            b.instrument if b is not None and b.instrument is not None and b.instrument.new_date else None))
    return moves

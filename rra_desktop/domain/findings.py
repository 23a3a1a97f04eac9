"""Everything the rules find wrong with a deal as of a date, in one list the command line
(``rra-desktop check``) and the GUI both show.

The findings, each from the rule that owns it:

* 3(n) breaches and short gaps between Blackout Periods (``blackouts.check_blackouts``,
  ``blackouts.short_gaps``), including ones the user accepted with an override
  reason: they stay breaches of the agreement and are shown with the reason;
* registration coverage under 2 and 7(c) (``coverage.check_coverage``, errors and warnings);
* overdue obligations (``deadlines.compute_deadlines``), each naming whose it is (the party, a
  Holder by name); late performance (area ``late``: an act done after its date in force and not
  covered by an instrument, "late by N days"; a Holder's late option and a late best-efforts
  effectiveness are warnings, a Company act done late an error). A window in which a party MAY
  act (an option window of the obligation registry: a 7(d) piggy-back request, a 3(a)
  objection) that closed with nothing recorded is not a finding against anyone — the Holder
  simply did not exercise its right: it is listed at level ``info`` in area ``lapsed``;
* 3(a) objections (``objections.objection_findings``): one that does not bind is a warning; a
  filing over a standing objection, or fewer than 5 (amendment: 2) Business Days after the copies
  were received, is an error;
* assignments of rights not yet effective under 7(i) (``assignments.assignment_status``);
* Schedule 1 against its printed totals, for a deal that records a printed schedule
  (``AgreementTerms.schedule_1_printed``) and against that deal's own totals. A deal without one
  (a new deal, one whose Schedule 1 was imported: the import checks the totals row against the
  rows, or imports nothing) has nothing to compare, and no finding.

Errors and warnings are findings against the deal; ``info`` alone is for information.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from rra_desktop.domain.model import Deal, PositionKind

if TYPE_CHECKING:
    from rra_desktop.domain.deadlines import Deadline


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # for information: does not count against the deal


@dataclass(frozen=True, slots=True)
class RecordRef:
    """A record a finding is about: its kind (``blackout``, ``registration``, ``deadline``,
    ``assignment``, ``security``, ``schedule_1``) and id."""

    kind: str
    id: str


@dataclass(frozen=True, slots=True)
class Finding:
    area: str  # blackouts | coverage | overdue | late | lapsed | objections | assignments | schedule_1
    clause: str
    level: Level
    message: str
    refs: tuple[RecordRef, ...] = ()

    @property
    def subject(self) -> str:
        """The ids of what it is about, comma-separated."""
        return ",".join(r.id for r in self.refs)

    @property
    def severity(self) -> str:
        """The level as the command line's JSON names it ("error", "warning", "info")."""
        return self.level.value

    @property
    def counts(self) -> bool:
        """An error or warning: a finding against the deal (``info`` is not)."""
        return self.level is not Level.INFO


def _blackouts(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.blackouts import check_blackouts, short_gaps

    overrides = {b.id: b.override_reason for b in deal.blackouts if b.override_reason}
    out = []
    for v in [*check_blackouts(deal.blackouts, on), *short_gaps(deal.blackouts, on)]:
        ids = [p.id for p in v.periods]
        accepted = "; ".join(f"override recorded for {i}: {overrides[i]}" for i in ids if i in overrides)
        out.append(Finding("blackouts", v.clause, Level(v.severity), v.message + (f" ({accepted})" if accepted else ""),
                           tuple(RecordRef("blackout", i) for i in ids)))
    return out


def _coverage(deal: Deal) -> list[Finding]:
    from rra_desktop.domain.coverage import check_coverage

    return [Finding("coverage", f.clause, Level(f.severity), f.message, (RecordRef("registration", f.registration_id),))
            for f in check_coverage(deal)]


def _overdue(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.counting import fmt
    from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
    from rra_desktop.domain.obligations import OBLIGATIONS, ObligationKind

    out = []
    for d in compute_deadlines(deal, on):
        # an act recorded as done after ``on`` had not been done on ``on``: as of that day it is
        # overdue (once its date in force has passed), not yet late
        later = d.done_on is not None and d.done_on > on
        if d.late_by is not None and not later:
            out.append(_late(d, OBLIGATIONS[d.kind].option_window or d.kind is ObligationKind.EFFECTIVENESS_DEADLINE))
            continue
        overdue = later and d.in_force is not None and d.in_force < on
        if d.status != DeadlineStatus.OVERDUE and not overdue:
            continue
        lapsed = OBLIGATIONS[d.kind].option_window
        out.append(Finding("lapsed" if lapsed else "overdue", d.clause, Level.INFO if lapsed else Level.ERROR,
                           f"{d.party}: {d.title}: in force {fmt(d.in_force)}; {d.explanation}",
                           (RecordRef("deadline", d.key),)))
    return out


def _late(d: Deadline, lesser: bool) -> Finding:
    """Late performance: a finding of its own (a Holder's late option and a best-efforts date are
    warnings; a Company act done late is an error)."""
    from rra_desktop.domain.counting import fmt

    when = f"performed {fmt(d.done_on)}" if d.done_on else "exercised after the window"
    return Finding("late", d.clause, Level.WARNING if lesser else Level.ERROR,
                   f"{d.party}: {d.title}: {when}, late by {d.late_by} day{'s' if d.late_by != 1 else ''} "
                   f"(in force {fmt(d.in_force)}); {d.explanation}", (RecordRef("deadline", d.key),))


def _objections(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.objections import objection_findings

    kind = {"filed_too_soon_after_copies": "registration"}
    return [Finding("objections", f.clause, Level(f.severity), f.message, (RecordRef(kind.get(f.rule, "objection"),
                                                                                      f.subject),))
            for f in objection_findings(deal, on)]


def _assignments(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.assignments import assignment_status
    from rra_desktop.domain.counting import fmt

    names = {h.id: h.name for h in deal.holders}
    label = {s.code: s.heading for s in deal.securities}
    out = []
    for a in deal.assignments:
        status = assignment_status(a, on)
        if not a.closed and not status.effective and a.on <= on:
            what = f"{a.quantity:,} {label.get(a.security, a.security)} of {fmt(a.on)}"  # "10 Series D Preferred"
            out.append(Finding("assignments", "7(i)", Level.WARNING,
                               f"{names.get(a.transferor_id, a.transferor_id)} to "
                               f"{names.get(a.transferee_id, a.transferee_id)}, {what}: {status.explanation}",
                               (RecordRef("assignment", a.id),)))
    return out


@dataclass(frozen=True, slots=True)
class TotalCheck:
    """One printed Schedule 1 total against what the register adds up to."""

    column: str  # the security code ("PREF"), or "purchase_price"
    actual: int | Decimal
    printed: int | Decimal

    @property
    def agrees(self) -> bool:
        return self.actual == self.printed


def schedule_1_totals(deal: Deal) -> list[TotalCheck] | None:
    """Issuances to the Purchasers (Holders on Schedule 1 with a purchase price) against the
    deal's printed Schedule 1 totals, column by column; None when the deal records none."""
    printed = deal.terms.schedule_1_printed
    if printed is None:
        return None
    purchasers = {h.id for h in deal.holders if h.on_schedule_1 and h.purchase_price is not None}
    issued = {p.security: 0 for p in printed.shares}
    for p in deal.positions:
        if p.holder_id in purchasers and p.kind == PositionKind.ISSUANCE and p.security in issued:
            issued[p.security] += p.quantity
    checks = [TotalCheck(p.security, issued[p.security], p.shares) for p in printed.shares]
    if printed.purchase_price is not None:
        price = sum((h.purchase_price for h in deal.holders if h.id in purchasers and h.purchase_price), Decimal(0))
        checks.append(TotalCheck("purchase_price", price, printed.purchase_price))
    return checks


def _schedule_1(deal: Deal) -> list[Finding]:
    return [Finding("schedule_1", "Schedule 1", Level.ERROR,
                    f"Schedule 1 {c.column.replace('_', ' ')}: the Holders add up to {c.actual:,}, "
                    f"the printed total is {c.printed:,}", (RecordRef("schedule_1", c.column),))
            for c in schedule_1_totals(deal) or () if not c.agrees]


def findings(deal: Deal, as_of: dt.date) -> list[Finding]:
    """Every finding about ``deal`` as of ``as_of``, in the order listed in the module docstring."""
    return [*_blackouts(deal, as_of), *_coverage(deal), *_overdue(deal, as_of), *_objections(deal, as_of),
            *_assignments(deal, as_of), *_schedule_1(deal)]

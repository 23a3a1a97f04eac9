"""``rra-desktop check``: every finding the rules engine makes about a deal as of a date.

The findings, each from the rule that owns it: 3(n) breaches (``blackouts.check_blackouts``,
including ones the user accepted with an override reason, which stay breaches of the agreement
and are shown with the reason); registration coverage under 2 and 7(c)
(``coverage.check_coverage``, errors and warnings); overdue obligations
(``deadlines.compute_deadlines``), each naming whose it is (the party, a Holder by name); late
performance (area ``late``: an act done after its date in force and not covered by an instrument,
"late by N days"; a Holder's late 7(d) request and a late best-efforts effectiveness are warnings);
assignments of rights not yet effective under 7(i)
(``assignments.assignment_status``); and Schedule 1 against its printed totals.

Printed totals: the model records no printed column totals for a deal, so they are checked only
for a deal made from the bundled sample (same agreement title and date), whose printed totals are
``sample.SCHEDULE_1_TOTALS``. Any other deal's totals were checked when its Schedule 1 was
imported (the totals row must match the rows, or nothing is imported).

Lapsed options (area ``lapsed``, severity ``info``): a window in which a Holder MAY act (a 7(d)
piggy-back request, a 3(a) objection: ``deadlines.OPTION_WINDOWS``) that closed with nothing
recorded is not a finding against anyone — the Holder simply did not exercise its right. It is
listed for information, and findings of severity ``info`` alone leave the exit status 0; any
error or warning makes it 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal

from rra_desktop.cli import EXIT_FINDINGS, EXIT_OK, opened
from rra_desktop.cli_views import as_of, print_json
from rra_desktop.domain.model import Deal, PositionKind


@dataclass(frozen=True)
class Finding:
    area: str  # blackouts | coverage | overdue | late | lapsed | assignments | schedule_1 | objections
    clause: str
    severity: str  # error | warning | info (info alone does not make the exit status 1)
    subject: str  # the id of what it is about
    message: str


def _blackouts(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.blackouts import check_blackouts, short_gaps

    overrides = {b.id: b.override_reason for b in deal.blackouts if b.override_reason}
    out = []
    for v in [*check_blackouts(deal.blackouts, on), *short_gaps(deal.blackouts, on)]:
        ids = [p.id for p in v.periods]
        accepted = "; ".join(f"override recorded for {i}: {overrides[i]}" for i in ids if i in overrides)
        out.append(Finding("blackouts", v.clause, v.severity, ",".join(ids), v.message + (f" ({accepted})" if accepted
                                                                                            else "")))
    return out


def _coverage(deal: Deal) -> list[Finding]:
    from rra_desktop.domain.coverage import check_coverage

    return [Finding("coverage", f.clause, f.severity, f.registration_id, f.message) for f in check_coverage(deal)]


def _overdue(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.deadlines import OPTION_WINDOWS, DeadlineStatus, compute_deadlines

    out = []
    for d in compute_deadlines(deal, on):
        if d.late_by is not None:
            out.append(_late(d, d.kind in OPTION_WINDOWS or d.kind == "effectiveness_deadline"))
            continue
        if d.status != DeadlineStatus.OVERDUE:
            continue
        lapsed = d.kind in OPTION_WINDOWS
        out.append(Finding("lapsed" if lapsed else "overdue", d.clause, "info" if lapsed else "error", d.key,
                           f"{d.party}: {d.title}: in force {d.in_force}; {d.explanation}"))
    return out


def _late(d, lesser: bool) -> Finding:
    """Late performance: a finding of its own (a Holder's late option and a best-efforts date are
    warnings; a Company act done late is an error)."""
    when = f"performed {d.done_on}" if d.done_on else "exercised after the window"
    return Finding("late", d.clause, "warning" if lesser else "error", d.key,
                   f"{d.party}: {d.title}: {when}, late by {d.late_by} day{'s' if d.late_by != 1 else ''} "
                   f"(in force {d.in_force}); {d.explanation}")


def _assignments(deal: Deal, on: dt.date) -> list[Finding]:
    from rra_desktop.domain.assignments import assignment_status

    out = []
    for a in deal.assignments:
        status = assignment_status(a, on)
        if not a.closed and not status.effective and a.on <= on:
            names = {h.id: h.name for h in deal.holders}
            out.append(Finding("assignments", "7(i)", "warning", a.id,
                               f"{names.get(a.transferor_id, a.transferor_id)} to "
                               f"{names.get(a.transferee_id, a.transferee_id)}, {a.quantity:,} {a.security} of "
                               f"{a.on.isoformat()}: {status.explanation}"))
    return out


def printed_totals(deal: Deal) -> dict[str, int] | None:
    """Schedule 1's printed totals where the deal records them (the bundled sample's deal)."""
    from rra_desktop.sample import SCHEDULE_1_TOTALS, load_sample_deal

    terms = load_sample_deal().terms
    same = (deal.terms.title, deal.terms.agreement_date) == (terms.title, terms.agreement_date)
    return SCHEDULE_1_TOTALS if same else None


def _schedule_1(deal: Deal) -> list[Finding]:
    """Issuances to the Purchasers (Holders with a purchase price) against the printed totals."""
    printed = printed_totals(deal)
    if printed is None:
        return []
    purchasers = {h.id for h in deal.holders if h.on_schedule_1 and h.purchase_price is not None}
    issued = {code: 0 for code in ("PREF", "D1", "D2")}
    for p in deal.positions:
        if p.holder_id in purchasers and p.kind == PositionKind.ISSUANCE and p.security in issued:
            issued[p.security] += p.quantity
    actual = {"preferred": issued["PREF"], "d1": issued["D1"], "d2": issued["D2"],
              "purchase_price": sum((h.purchase_price for h in deal.holders if h.id in purchasers), Decimal(0))}
    return [Finding("schedule_1", "Schedule 1", "error", column,
                    f"Schedule 1 {column.replace('_', ' ')}: the Holders add up to {actual[column]:,}, "
                    f"the printed total is {printed[column]:,}")
            for column in printed if actual[column] != printed[column]]


def findings(deal: Deal, on: dt.date) -> list[Finding]:
    """Every finding about ``deal`` as of ``on``, in the order listed in the module docstring."""
    return [*_blackouts(deal, on), *_coverage(deal), *_overdue(deal, on), *_assignments(deal, on),
            *_schedule_1(deal)]


def check(args) -> int:
    on = as_of(args)
    with opened(args.file) as store:
        found = findings(store.deal(), on)
    counted = [f for f in found if f.severity != "info"]
    if args.json:
        print_json({"as_of": on, "count": len(found), "findings": [asdict(f) for f in found]})
    elif found:
        info = len(found) - len(counted)
        also = f"; {info} for information only" if info else ""
        print(f"{len(counted)} finding(s) as of {on.isoformat()}{also}:")
        for f in found:
            print(f"  [{f.area} {f.clause}] {f.severity}: {f.message}")
    else:
        print(f"No findings as of {on.isoformat()}.")
    return EXIT_FINDINGS if counted else EXIT_OK

"""Approved scenarios of the second reading: 3(n) postponements, 7(f) signatures, Rule 144 over
lots and sales, counting years, 7(i) assignment findings, waivers and one-day-late acts, and the
reminder lists."""

from __future__ import annotations

from dataclasses import replace

from rra_desktop.domain import (
    calendar,
    findings,
    majority,
    rule144,
)
from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    BlackoutScope,
    Completion,
    Holder,
    Instrument,
    InstrumentKind,
    PositionEntry,
    PositionKind,
)
from rra_desktop.domain.reminders import reminders
from tests.domain.scenario_deals import SAMPLE, D, T, _shelf, eventful_deal, every_row_deal


def _blackout(bid, start, end, facts="talks", basis=BlackoutBasis.MNPI, postpones=None):
    return BlackoutPeriod(bid, start, end, basis, facts, postpones=postpones)


def docket_postponed():
    """3(n) postponing the Filing Date (act by Fri Jun 20, 2003) and the Effectiveness Date (Aug 5):
    in force on the act-by day, ended before it, longer than 20 days, a second period from new
    facts, the 40-day window exhausted, and a 3(m)(iii) suspension."""
    scope = BlackoutScope
    cases = {
        "covers_filing": (_blackout("b1", D(2003, 6, 10), D(2003, 6, 25)),),
        "open_covering_filing": (_blackout("b1", D(2003, 6, 10), None),),
        "ended_before": (_blackout("b1", D(2003, 6, 1), D(2003, 6, 19)),),
        "starts_on_act_by": (_blackout("b1", D(2003, 6, 20), D(2003, 6, 30)),),
        "over_twenty": (_blackout("b1", D(2003, 6, 5), D(2003, 7, 10)),),
        "chained": (_blackout("b1", D(2003, 6, 10), D(2003, 6, 29)),
                    _blackout("b2", D(2003, 6, 30), D(2003, 7, 8), facts="new facts")),
        "window_used": (_blackout("b0", D(2002, 9, 1), D(2002, 9, 20)), _blackout("b9", D(2003, 2, 1), D(2003, 2, 20)),
                        _blackout("b1", D(2003, 6, 15), D(2003, 6, 30))),
        "effectiveness": (_blackout("b1", D(2003, 7, 28), D(2003, 8, 15), postpones=scope.EFFECTIVENESS),),
        "suspension": (_blackout("b1", D(2003, 6, 12), None, basis=BlackoutBasis.SUSPENSION_EVENT),),
        "prospectus": (_blackout("b1", D(2003, 6, 12), D(2003, 6, 30), postpones=scope.PROSPECTUS),),
    }
    out = {}
    for name, periods in cases.items():
        deal = replace(SAMPLE, blackouts=periods)
        out[name] = [(d.key, d.status, d.act_by, d.in_force, d.set_by, d.explanation)
                     for d in compute_deadlines(deal, D(2003, 7, 1))
                     if d.kind in ("filing_date", "effectiveness_date", "effectiveness_deadline", "blackout_limit")]
    filed = replace(SAMPLE, blackouts=cases["covers_filing"], registrations=(_shelf(T(2003, 6, 27, 12)),))
    out["filed_after_postponement"] = [(d.key, d.status, d.in_force, d.late_by)
                                       for d in compute_deadlines(filed, D(2003, 7, 1)) if d.kind == "filing_date"]
    return out


def signatures():
    deal = eventful_deal()
    everyone = [h.id for h in deal.holders]
    out = []
    for given in ([], ["company"], everyone, ["company", *everyone], ["company", *everyone[1:]], everyone[:5],
                  everyone[:6], ["company", "h-unknown"]):
        count = majority.majority_count(deal, D(2003, 6, 1), given)
        out.append((given, count.achieved, majority.company_and_each_holder(given, count),
                    majority.signed_enough(given, count)))
    return out


def rule144_cases():
    """Rule 144 dates over lots, sales, conversions, exercises, unknown codes and an Affiliate."""
    def rows(*specs):
        return tuple(PositionEntry(f"p{n}", "h-x", code, kind, qty, on, acq)
                     for n, (code, kind, qty, on, acq) in enumerate(specs))

    iss, sale, conv = PositionKind.ISSUANCE, PositionKind.SALE, PositionKind.CONVERSION
    cases = {
        "lots": rows(("PREF", iss, 10, D(2003, 5, 7), None), ("PREF", iss, 5, D(2003, 9, 2), D(2003, 9, 1))),
        "sold_some": rows(("PREF", iss, 10, D(2003, 5, 7), None), ("PREF", sale, -4, D(2004, 1, 5), None)),
        "sold_all": rows(("COMMON", PositionKind.EXERCISE_CASH, 50, D(2007, 6, 1), None),
                         ("COMMON", sale, -50, D(2007, 9, 3), None)),
        "converted": rows(("PREF", iss, 10, D(2003, 5, 7), D(2003, 5, 7)), ("PREF", conv, -10, D(2004, 1, 5), None),
                          ("COMMON", conv, 42_553, D(2004, 1, 5), None)),
        "cashless": rows(("D1", iss, 100, D(2003, 5, 7), None), ("D1", PositionKind.EXERCISE_CASHLESS, -100,
                                                                 D(2006, 3, 1), None),
                         ("COMMON", PositionKind.EXERCISE_CASHLESS, 60, D(2006, 3, 1), None)),
        "unknown_code": rows(("ZZZ", iss, 7, D(2003, 5, 7), None)),
        "zero": rows(("PREF", iss, 0, D(2003, 5, 7), None)),
    }
    cases["warrants"] = rows(("D1", iss, 100, D(2003, 5, 7), None), ("PAW", iss, 1, D(2003, 5, 7), None),
                             ("D2", iss, 1, D(2003, 5, 7), None), ("D2", PositionKind.EXERCISE_CASH, -1, D(2004, 1, 2),
                                                                  None))
    cases["one_share"] = rows(("PREF", iss, 1, D(2003, 5, 7), None), ("COMMON", iss, 1, D(2004, 6, 1), None))
    out = {}
    for name, positions in cases.items():
        for affiliate in (False, True):
            deal = replace(SAMPLE, holders=(Holder("h-x", "X Fund", affiliate=affiliate),), positions=positions)
            key = f"{name}{'-affiliate' if affiliate else ''}"
            out[key] = {"dates": rule144.rule144_dates(deal, "h-x"),
                        "period_end": [(d.status, d.due, d.explanation) for d in compute_deadlines(deal, D(2005, 6, 1))
                                       if d.kind == "effectiveness_period_end"]}
    return out


def counting_years():
    from rra_desktop.domain.counting import add_years

    return [(d, n, add_years(d, n)) for d in (D(2004, 2, 29), D(2003, 5, 7), D(2003, 2, 28)) for n in (1, 2, 4, -1)]


def assignment_findings():
    deal = eventful_deal()
    odd = replace(deal, assignments=(*deal.assignments,
                                     Assignment("a4", "h-nobody", "h-new", "PREF", 2, D(2003, 9, 3))))
    return {on: [f for f in findings.findings(odd, on) if f.clause.startswith("7(")]
            for on in (D(2003, 8, 31), D(2003, 9, 1), D(2003, 9, 3))}


def waived_and_one_day_late():
    """A waiver of a deadline not yet triggered and of an open one; acts a day and two days late."""
    shelf = _shelf(T(2003, 6, 16, 10), T(2003, 8, 6, 10))
    deal = replace(SAMPLE, registrations=(shelf,), instruments=(
        Instrument("w1", InstrumentKind.WAIVER, "7(f)", D(2003, 6, 1), "Waiver of review copies for amendments",
                   given_by=("company", *(h.id for h in SAMPLE.holders)), document="Waiver",
                   deadline_key="holder_review_copies:pending"),
        Instrument("w2", InstrumentKind.WAIVER, "7(f)", D(2003, 6, 1), "Waiver of the earnings statement",
                   given_by=("company", *(h.id for h in SAMPLE.holders)), document="Waiver 2",
                   deadline_key="earnings_statement:rs-1")),
                   completions=(Completion("notice_of_effectiveness:rs-1", D(2003, 8, 11)),))
    return [(d.key, d.status, d.in_force, d.late_by, d.explanation, d.instrument)
            for d in compute_deadlines(deal, D(2003, 9, 1))]


def reminder_lists():
    deal = every_row_deal()
    fed = calendar.calendar_for(deal.terms)
    out = {}
    for today in (D(2003, 6, 13), D(2003, 9, 19), D(2004, 3, 16)):
        r = reminders(compute_deadlines(deal, today), today, fed, horizon=5)
        out[today.isoformat()] = {"summary": r.summary, "overdue": [d.key for d in r.overdue],
                                  "due_soon": [d.key for d in r.due_soon]}
    return out

"""The scenarios whose outputs test_approved_outputs.py compares with the approved ones: the sample
deal as recorded, a deal on which every obligation arises, one with instruments, late acts,
assignments and blackouts, and the 7(g), calendar, 3(n), coverage, Rule 144, cutback and Section 5
functions over inputs chosen at their edges (5:00 p.m., 11:59 p.m., weekends, both daylight-saving
changes, leap days)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from rra_desktop.domain import (
    blackouts,
    calendar,
    coverage,
    cutback,
    entries,
    findings,
    holdings,
    indemnification,
    majority,
    objections,
    piggyback,
    rule144,
)
from rra_desktop.domain.assignments import assignment_status
from rra_desktop.domain.deadlines import compute_deadlines, preview_change
from rra_desktop.domain.model import (
    BlackoutBasis,
    BlackoutPeriod,
    CalendarName,
    ClaimClause,
    FactKind,
    FeeNotice,
    Holder,
    Objection,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.domain.notices import METHODS, deemed_given
from rra_desktop.sample import load_sample_deal
from tests.domain.approved_scenarios_second import (
    assignment_findings,
    counting_years,
    docket_postponed,
    reminder_lists,
    rule144_cases,
    signatures,
    waived_and_one_day_late,
)
from tests.domain.scenario_deals import PACIFIC, SAMPLE, D, T, _shelf, eventful_deal, every_row_deal


def _docket(deal, dates):
    out = {}
    for on in dates:
        rows = []
        for d in compute_deadlines(deal, on):
            row = {f: getattr(d, f) for f in d.__dataclass_fields__ if f != "clause_text"}
            row["set_by"] = d.set_by
            rows.append(row)
        out[on.isoformat()] = rows
    return out


def docket_sample():
    return _docket(SAMPLE, [D(2003, 5, 1), D(2003, 6, 1), D(2003, 6, 21), D(2003, 8, 6)])


def docket_every_row():
    return _docket(every_row_deal(), [D(2003, 6, 1), D(2003, 9, 15), D(2004, 3, 15), D(2005, 1, 1)])


def docket_eventful():
    return _docket(eventful_deal(), [D(2003, 6, 20), D(2003, 10, 15), D(2004, 3, 1)])


def clause_texts():
    return {d.kind: d.clause_text for d in compute_deadlines(every_row_deal(), D(2004, 3, 15))}


def recalculation_preview():
    before = every_row_deal()
    after = replace(before, registrations=(_shelf(T(2003, 6, 19, 10), T(2003, 8, 20, 16)),
                                           *before.registrations[1:]))
    return [(m, m.message) for m in preview_change(before, after, D(2003, 6, 1))]


def notices_given():
    times = [T(2003, 6, 13, 16, 59, 59), T(2003, 6, 13, 17), T(2003, 6, 13, 17, 0, 1), T(2003, 6, 13, 23, 58),
             T(2003, 6, 13, 23, 59), T(2003, 6, 14, 10), T(2003, 6, 15, 23), T(2003, 7, 4, 9),
             T(2008, 3, 9, 3, 30), T(2008, 11, 2, 1, 30), T(2003, 6, 13, 14, 30, tzinfo=PACIFIC),
             T(2003, 6, 12, 21, 30, tzinfo=PACIFIC)]
    out = []
    for method in METHODS:
        for at in times:
            for received in (None, at.date(), at.date() + dt.timedelta(days=3)):
                out.append(deemed_given(method, at, received))
    return out


def calendars():
    out = {}
    for name in CalendarName:
        cal = calendar.BusinessCalendar(name)
        out[name.value] = {"display": cal.display_name,
                           "closed": cal._closed_in(2003) | cal._closed_in(2008) | cal._closed_in(2025)}
    edgar = calendar.EdgarCalendar()
    out["edgar"] = {"closed": edgar._closed_in(2004) | edgar._closed_in(2018) | edgar._closed_in(2025)}
    out["gcl"] = {d: calendar.ny_gcl_extended(d) for d in (D(2003, 6, 21), D(2003, 11, 2), D(2004, 2, 12),
                                                           D(2003, 10, 13), D(2003, 11, 4))}
    out["filings"] = [(at, edgar.deemed_filing_date(at), edgar.is_late(at, D(2003, 6, 20)))
                      for at in (T(2003, 6, 20, 5, 59), T(2003, 6, 20, 6), T(2003, 6, 20, 17, 30),
                                 T(2003, 6, 20, 17, 30, 1), T(2003, 6, 20, 22), T(2003, 6, 20, 22, 0, 1),
                                 T(2003, 6, 21, 9), T(2003, 12, 24, 12), T(2004, 6, 11, 10),
                                 T(2003, 6, 20, 14, 30, tzinfo=PACIFIC))]
    fed = calendar.BusinessCalendar()
    out["counts"] = [(d, n, fed.add_business_days(d, n))
                     for d in (D(2003, 12, 24), D(2004, 2, 29)) for n in (-3, 1, 10)]
    return out


LEDGER = (
    BlackoutPeriod("b1", D(2003, 1, 2), D(2003, 1, 21), BlackoutBasis.MNPI, "Facts A"),
    BlackoutPeriod("b2", D(2003, 1, 22), D(2003, 1, 30), BlackoutBasis.MNPI, "facts  a"),
    BlackoutPeriod("b3", D(2003, 3, 1), D(2003, 3, 25), BlackoutBasis.BUSINESS_OPPORTUNITY, "Facts B"),
    BlackoutPeriod("b4", D(2003, 4, 10), D(2003, 4, 20), BlackoutBasis.MNPI, "Facts B"),
    BlackoutPeriod("b5", D(2004, 2, 29), None, BlackoutBasis.SUSPENSION_EVENT, "Facts C"),
)


def blackout_ledger():
    proposal = blackouts.Period(D(2003, 6, 1), D(2003, 6, 10), "Facts D")
    return {
        "violations": blackouts.check_blackouts(LEDGER, D(2004, 3, 30)),
        "short_gaps": blackouts.short_gaps(LEDGER, D(2004, 3, 30)),
        "remaining": [blackouts.days_remaining(LEDGER, on) for on in (D(2003, 1, 15), D(2003, 5, 1), D(2004, 3, 1))],
        "proposal": blackouts.days_remaining(LEDGER, D(2003, 5, 1), proposal),
        "status": [(p.id, on, blackouts.status(p, on)) for p in LEDGER for on in (p.start - dt.timedelta(1), p.start)],
        "window_end": [blackouts.window_end(d) for d in (D(2003, 3, 1), D(2004, 2, 29))],
    }


def coverage_findings():
    return {"eventful": coverage.check_coverage(eventful_deal(), include_passed=True),
            "every_row": coverage.check_coverage(every_row_deal(), include_passed=True)}


def register_and_rights():
    deal = eventful_deal()
    return {"register": {on: holdings.register_as_of(deal, on, rights=True)
                         for on in (D(2003, 6, 1), D(2003, 8, 17), D(2003, 8, 18), D(2003, 9, 10))},
            "rights": holdings.holders_with_rights_as_of(deal, D(2003, 9, 10)),
            "assignments": [(a.id, on, assignment_status(a, on)) for a in deal.assignments
                            for on in (None, D(2003, 8, 17), D(2003, 9, 9))],
            "majority": [(on, c, c.achieved, c.sentence) for on in (D(2003, 8, 1), D(2003, 9, 10))
                         for c in [majority.majority_count(deal, on, ["h-ota", "h-xmark-fund", "company"])]]}


def rule144_dates():
    return rule144.rule144_dates_all(eventful_deal())


def cutbacks():
    names = {"a": "Alpha Fund LLC", "o": "OTA LLC", "z": "Zed", "b": "beta"}
    return [cutback.allocate(req, allowed, names) for req, allowed in (
        ({"a": 10, "o": 10}, 15), ({"a": 7, "o": 3, "z": 5}, 10), ({"a": 1, "b": 1, "o": 1}, 2),
        ({"a": 100}, 200), ({"a": 3, "o": 9}, 0))]


def section_5():
    deal = eventful_deal()
    fed = calendar.BusinessCalendar()
    c2 = deal.claims[0]
    claims = (*deal.claims, *every_row_deal().claims, replace(c2, id="no-exposure", exposure=None),
              replace(c2, id="above", exposure=Decimal(400)), replace(c2, id="at", exposure=Decimal(250)),
              replace(c2, id="no-holder", clause=ClaimClause.CONTRIBUTION, holder_id=None))
    return {"caps": [indemnification.cap_check(deal, c) for c in claims],
            "counsel": [indemnification.separate_counsel_at_indemnifying_party_expense(b)
                        for b in ((), (1,), (2, 4), (3,))],
            "fees": [indemnification.fee_payment_due(d, fed) for d in (D(2003, 12, 19), D(2003, 6, 13))]}


def piggyback_requests():
    deal = every_row_deal()
    partial = (replace(deal.registrations[0], shares_registered=1_000_000), *deal.registrations[1:])
    late = replace(deal, registrations=partial, piggyback_requests=(
        PiggybackRequest("r1", "co-1", "h-ota", 10, D(2004, 3, 10)),
        PiggybackRequest("r2", "co-1", "h-xmark-fund", 10, D(2004, 3, 22)),
        PiggybackRequest("r3", "co-1", "h-xmark-fund", 4, D(2004, 4, 30)),
        PiggybackRequest("r4", "co-1", "h-promed-partners", 6, D(2004, 5, 3), late_accepted_on=D(2004, 5, 4))),
        facts=(*deal.facts, TimelineFact("pb2", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=T(2004, 3, 1, 10),
                                         method="fax", registration_id="co-1")))
    aged = replace(late, piggyback_requests=(PiggybackRequest("r9", "co-1", "h-ota", 10, D(2006, 3, 10)),))
    co2 = RegistrationStatement("co-2", RegistrationKind.COMPANY_REGISTRATION, form="S-1", filed_at=T(2005, 7, 1, 10),
                                underwritten=True, underwriter_limit=50_000)
    free = replace(late, registrations=(*late.registrations, co2),
                   facts=(*late.facts, TimelineFact("pb3", FactKind.PIGGYBACK_NOTICE, D(2005, 6, 1),
                                                    at=T(2005, 6, 1, 9), method="fax", registration_id="co-2")),
                   piggyback_requests=(PiggybackRequest("r5", "co-2", "h-ota", 30_000, D(2005, 6, 10)),
                                       PiggybackRequest("r6", "co-2", "h-ota", 5_000, D(2005, 6, 15)),
                                       PiggybackRequest("r7", "co-2", "h-xmark-fund", 7, D(2005, 6, 30)),
                                       PiggybackRequest("r8", "co-2", "h-xmark-fund", 3, D(2005, 7, 2)),
                                       PiggybackRequest("r0", "co-2", "h-gone", 3, D(2005, 6, 2))))
    out = {}
    for name, d, rid in (("every_row", deal, "co-1"), ("late", late, "co-1"), ("aged", aged, "co-1"),
                         ("free", free, "co-2")):
        out[name] = {"counted": piggyback.counted_for(d, rid),
                     "cutback": piggyback.registration_cutback(d, rid),
                     "cutback_12": piggyback.registration_cutback(d, rid, 12),
                     "free_on": [piggyback.rule144_free_shares(d, h, on) for h in ("h-ota", "h-sco-financial-group")
                                 for on in (D(2005, 5, 6), D(2005, 5, 7))],
                     "covering": [piggyback.shelf_covering_all(d, on) for on in (D(2003, 6, 1), D(2003, 9, 1))],
                     "windows": [piggyback.window_end(d, r) for r in d.piggyback_requests]}
    return out


def entry_checks():
    names = ["Xmark Fund Ltd.", "Xmark Fund\u200b Ltd.", "XMARK  fund ltd.", "Хmark Fund Ltd.", "北京 Capital",
             "ОТА ЛЛС", "Fund\x00", "Fund\x1b[31m", "", "  ", "Smith & Co. <Fund>", "شركة", "Fund\tLtd"]
    holders = load_sample_deal().holders
    values = [D(1899, 12, 31), D(1900, 1, 1), D(2199, 12, 31), D(2200, 1, 1), 10**18, 2**63, -1, Decimal("1e30"),
              Decimal("12.345"), "ok", "bad\x07", None]
    return {"names": [(n, entries.name_key(n), entries.script_problem(n), entries.holder_name_problem(n, holders),
                       entries.printable(n), entries.text_problem(n)) for n in names],
            "values": [(repr(v), entries.value_problem(v, "field")) for v in values],
            "records": entries.value_problems(every_row_deal().claims[0])}


def objected_deal():
    """Copies received by fax Fri Jun 6, 2003; objections in and out of time, by a majority, a minority
    and Special Counsel; the shelf filed over the standing one, and an amendment filed too soon."""
    holders = [h.id for h in SAMPLE.holders]
    return replace(
        SAMPLE,
        facts=(TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 6), at=T(2003, 6, 6, 16), method="fax",
                            registration_id="rs-1"),
               TimelineFact("rc2", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 9, 8), method="personal",
                            received_on=D(2003, 9, 8), registration_id="am-1")),
        registrations=(_shelf(T(2003, 6, 16, 10)),
                       RegistrationStatement("am-1", RegistrationKind.AMENDMENT, file_no="333-105837",
                                             filed_at=T(2003, 9, 9, 12), parent_id="rs-1")),
        objections=(
            Objection("o1", "the shelf", tuple(holders[:5]), D(2003, 6, 11), registration_id="rs-1"),
            Objection("o2", "the shelf", (holders[0],), D(2003, 6, 10), registration_id="rs-1"),
            Objection("o3", "the shelf", ("special_counsel",), D(2003, 6, 12), registration_id="rs-1"),
            Objection("o4", "the shelf", tuple(holders), D(2003, 6, 9), registration_id="rs-1",
                      withdrawn_on=D(2003, 6, 13)),
            Objection("o5", "the amendment", tuple(holders), D(2003, 9, 9), registration_id="am-1",
                      copies_fact_id="rc2"),
            Objection("o6", "a prospectus", ("special_counsel",), D(2003, 5, 1)),
        ),
    )


def objection_results():
    deal = objected_deal()
    return {"status": [objections.objection_status(deal, o) for o in deal.objections],
            "findings": {on: objections.objection_findings(deal, on) for on in (D(2003, 6, 12), D(2003, 9, 30))}}


def check_findings():
    out = {}
    for name, deal, dates in (("sample", SAMPLE, (D(2003, 5, 1), D(2003, 6, 23), D(2004, 1, 1))),
                              ("every_row", every_row_deal(), (D(2003, 9, 25), D(2004, 6, 1))),
                              ("eventful", eventful_deal(), (D(2003, 10, 31), D(2004, 3, 1))),
                              ("objected", objected_deal(), (D(2003, 9, 30),)),
                              ("no_schedule", replace(SAMPLE, holders=SAMPLE.holders[:2]), (D(2003, 6, 1),))):
        out[name] = {on: findings.findings(deal, on) for on in dates}
        out[name]["schedule_1_totals"] = findings.schedule_1_totals(deal)
    return out


def bad_records():
    holder = Holder("h-bad", "Fund\x00 Ltd.", address_lines=("1 Main St", "Suite \x1b[2J", "Line\nbreak"),
                    notes="two\nlines\tand a tab", attention="Attn\nsplit", fax="\x7f")
    row = PositionEntry("p-bad", "h-bad", "PREF", PositionKind.ISSUANCE, 2**63, D(1899, 1, 1), D(2300, 1, 1),
                        net_proceeds=Decimal("1e16"))
    fine = PositionEntry("p-ok", "h-bad", "PREF", PositionKind.ISSUANCE, 5, D(2003, 5, 7), net_proceeds=Decimal(1))
    claim = replace(every_row_deal().claims[0], fee_notices=(FeeNotice(D(2200, 1, 1), Decimal("NaN"),
                                                                       sent_at=T(1800, 1, 1)),))
    return {"holder": entries.value_problems(holder), "row": entries.value_problems(row, "positions[3]"),
            "fine": entries.value_problems(fine), "claim": entries.value_problems(claim, "claims[0]"),
            "sample": [entries.value_problems(h) for h in SAMPLE.holders]}



OUTPUTS = {f.__name__: f for f in (
    docket_sample, docket_every_row, docket_eventful, clause_texts, recalculation_preview, notices_given,
    calendars, blackout_ledger, coverage_findings, register_and_rights, rule144_dates, cutbacks, section_5,
    piggyback_requests, entry_checks, objection_results, check_findings, bad_records, docket_postponed, signatures,
    rule144_cases, counting_years, assignment_findings, waived_and_one_day_late,
    reminder_lists)}

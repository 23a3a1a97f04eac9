"""The scenarios whose outputs test_approved_outputs.py compares with the approved ones: the sample
deal as recorded, a deal on which every obligation arises, one with instruments, late acts,
assignments and blackouts, and the 7(g), calendar, 3(n), coverage, Rule 144, cutback and Section 5
functions over inputs chosen at their edges (5:00 p.m., 11:59 p.m., weekends, both daylight-saving
changes, leap days)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from zoneinfo import ZoneInfo

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
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    BlackoutScope,
    CalendarName,
    Claim,
    ClaimClause,
    Completion,
    FactKind,
    FeeNotice,
    Holder,
    Instrument,
    InstrumentKind,
    Objection,
    OtherSecurities,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.domain.notices import METHODS, deemed_given
from rra_desktop.domain.reminders import reminders
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
SAMPLE = load_sample_deal()
PACIFIC = ZoneInfo("America/Los_Angeles")


def _shelf(filed_at, effective_at=None, **more):
    return RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, file_no="333-105837",
                                 filed_at=filed_at, effective_at=effective_at, **more)


def every_row_deal():
    """A deal on which every row of the timed-obligations table arises."""
    return replace(
        SAMPLE,
        facts=(
            TimelineFact("nr", FactKind.SEC_NO_REVIEW, D(2003, 7, 1)),
            TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 13), method="fax"),
            TimelineFact("am", FactKind.AMENDMENT_PLANNED, D(2003, 9, 10)),
            TimelineFact("ps", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-ota"),
            TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2004, 3, 1), at=T(2004, 3, 1, 16, 30), method="fax",
                         holder_id="h-ota", registration_id="co-1"),
        ),
        registrations=(_shelf(T(2003, 6, 20, 10), T(2003, 8, 28, 16), shares_registered=6_000_000),
                       RegistrationStatement("co-1", RegistrationKind.COMPANY_REGISTRATION, form="S-1",
                                             filed_at=T(2004, 4, 1, 10), underwritten=True,
                                             underwriter_limit=15)),
        blackouts=(BlackoutPeriod("b1", D(2003, 9, 2), None, BlackoutBasis.MNPI, "deal talks"),),
        piggyback_requests=(PiggybackRequest("r1", "co-1", "h-ota", 10, D(2004, 3, 10)),),
        claims=(Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "company", "Smith v. Spectrum",
                      holder_id="h-ota", fee_notices=(FeeNotice(D(2003, 12, 19), Decimal(1000)),)),),
    )


def eventful_deal():
    """Instruments, late and timely acts, a 3(m)(iii) suspension, assignments and a 5(b) claim."""
    base = SAMPLE
    return replace(
        base,
        facts=(TimelineFact("rc", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 27), method="courier"),),
        registrations=(_shelf(T(2003, 6, 30, 17, 45), T(2003, 9, 12, 16), shares_registered=4_000_000,
                              other_securities=(OtherSecurities("Jefferies Warrant", 6_000),
                                                OtherSecurities("Other Warrant", 5_000))),),
        instruments=(
            Instrument("i1", InstrumentKind.EXTENSION, "7(f)", D(2003, 6, 18), "Extension of the Filing Date",
                       given_by=("h-north-sound-legacy-institutional", "h-ota"), document="Extension letter",
                       deadline_key="filing_date", new_date=D(2003, 6, 27)),
            Instrument("i2", InstrumentKind.WAIVER, "7(f)", D(2003, 8, 1), "Waiver of the Effectiveness Date",
                       given_by=("company", *(h.id for h in base.holders)), document="Waiver",
                       deadline_key="effectiveness_date"),
        ),
        completions=(Completion("notice_of_effectiveness:rs-1", D(2003, 9, 19), document="Exhibit A"),),
        blackouts=(
            BlackoutPeriod("b1", D(2003, 10, 1), D(2003, 10, 20), BlackoutBasis.MNPI, "merger talks"),
            BlackoutPeriod("b2", D(2003, 10, 21), D(2003, 10, 30), BlackoutBasis.MNPI, "Merger  Talks"),
            BlackoutPeriod("b3", D(2004, 2, 2), None, BlackoutBasis.SUSPENSION_EVENT, "stop order"),
        ),
        assignments=(
            Assignment("a1", "h-ota", "h-xmark-fund", "PREF", 10, D(2003, 8, 1),
                       written_assignment_furnished_on=D(2003, 8, 5), transferee_notice_on=D(2003, 8, 18)),
            Assignment("a2", "h-promed-partners", "h-ota", "PREF", 5, D(2003, 9, 1), company_consent_on=D(2003, 9, 9)),
            Assignment("a3", "h-sds-merchant-fund", "h-ota", "PREF", 1, D(2003, 9, 1)),
        ),
        claims=(Claim("c2", ClaimClause.HOLDER_INDEMNIFIES, "company", "h-ota", "In re Spectrum", holder_id="h-ota",
                      separate_counsel_bases=(2,), exposure=Decimal(500),
                      fee_notices=(FeeNotice(D(2003, 6, 13), Decimal(2500), method="fax",
                                             sent_at=T(2003, 6, 13, 17, 30), paid_on=D(2003, 7, 2)),)),),
        positions=(*base.positions,
                   PositionEntry("s1", "h-ota", "COMMON", PositionKind.SALE, -100, D(2004, 3, 10),
                                 net_proceeds=Decimal(250)),
                   PositionEntry("s2", "h-ota", "COMMON", PositionKind.SALE, -50, D(2004, 3, 11))),
    )


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


OUTPUTS = {f.__name__: f for f in (
    docket_sample, docket_every_row, docket_eventful, clause_texts, recalculation_preview, notices_given,
    calendars, blackout_ledger, coverage_findings, register_and_rights, rule144_dates, cutbacks, section_5,
    piggyback_requests, entry_checks, objection_results, check_findings, bad_records, docket_postponed, signatures,
    rule144_cases, counting_years, assignment_findings, waived_and_one_day_late,
    reminder_lists)}

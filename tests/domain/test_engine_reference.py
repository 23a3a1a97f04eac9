"""The deadline engine's fast paths give what the plain reference (``engine_reference``) gives:
every field of every deadline, in the same order, on generated deals — Holders with every kind of
ledger row (lots, conversions, cash and cashless exercises, dividends, sales of all and of part,
transfers), Affiliates, piggy-back notices to every Holder and to one, requests timely, late and
late but accepted, instruments and completions on per-Holder keys — and on the approved scenarios."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rra_desktop.domain.deadlines import Deadline, compute_deadlines
from rra_desktop.domain.model import (
    Completion,
    FactKind,
    Holder,
    Instrument,
    InstrumentKind,
    PiggybackRequest,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal
from tests.domain import approved_scenarios as scenarios
from tests.domain.engine_reference import reference_deadlines

D = dt.date
SAMPLE = load_sample_deal()
CLOSING = D(2003, 5, 7)
SECURITIES = ("PREF", "D1", "D2", "COMMON")


def _same(deal, as_of) -> list[Deadline]:
    fast, ref = compute_deadlines(deal, as_of), reference_deadlines(deal, as_of)
    assert [d.key for d in fast] == [d.key for d in ref]
    for a, b in zip(fast, ref, strict=True):
        assert type(a) is Deadline
        assert dataclasses.astuple(a) == dataclasses.astuple(b), a.key
        assert a == b and hash(a) == hash(b)
    return fast


@st.composite
def ledgers(draw, holder_id: str) -> list[PositionEntry]:
    rows = []
    for n in range(draw(st.integers(0, 6))):
        day = CLOSING + dt.timedelta(days=draw(st.integers(-30, 4000)))
        kind = draw(st.sampled_from(list(PositionKind)))
        quantity = draw(st.integers(-3000, 3000).filter(bool))
        acquired = draw(st.none() | st.just(day - dt.timedelta(days=draw(st.integers(0, 900)))))
        rows.append(PositionEntry(f"{holder_id}-{n}", holder_id, draw(st.sampled_from(SECURITIES)), kind, quantity,
                                  day, acquired))
    return rows


@st.composite
def deals(draw):
    holders, rows, requests, completions, instruments = [], [], [], [], []
    count = draw(st.integers(1, 8))
    for i in range(count):
        hid = f"h{i}"
        holders.append(Holder(hid, draw(st.sampled_from([f"Fund {i}", "Pacific Company LLC", f"Fund {i}"])),
                              affiliate=draw(st.booleans())))
        rows += draw(ledgers(hid))
    shelf_effective = draw(st.none() | st.just(dt.datetime(2003, 8, 1, 16)))
    registrations = [RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF,
                                           filed_at=dt.datetime(2003, 6, 20, 16), effective_at=shelf_effective),
                     RegistrationStatement("co-1", RegistrationKind.COMPANY_REGISTRATION,
                                           filed_at=dt.datetime(2004, 9, 1, 10))]
    facts = []
    for n in range(draw(st.integers(0, 3))):
        on = D(2004, 7, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
        to = draw(st.none() | st.sampled_from([h.id for h in holders] + ["stranger"]))
        facts.append(TimelineFact(f"pb-{n}", FactKind.PIGGYBACK_NOTICE, on, at=dt.datetime.combine(on, dt.time(11)),
                                  method=draw(st.sampled_from(["courier", "fax", ""])), holder_id=to,
                                  registration_id="co-1"))
        for h in holders:
            if draw(st.booleans()):
                made = on + dt.timedelta(days=draw(st.integers(-5, 40)))
                accepted = draw(st.none() | st.just(made + dt.timedelta(days=3)))
                requests.append(PiggybackRequest(f"r-{n}-{h.id}", "co-1", h.id, 100, made, late_accepted_on=accepted))
            key = f"piggyback_response:pb-{n}:{h.id}"
            if draw(st.integers(0, 5)) == 0:
                completions.append(Completion(key, on + dt.timedelta(days=draw(st.integers(0, 30)))))
            if draw(st.integers(0, 5)) == 0:
                instruments.append(Instrument(f"i-{n}-{h.id}", draw(st.sampled_from(list(InstrumentKind))), "7(d)",
                                              on, "agreed", deadline_key=key,
                                              new_date=draw(st.none() | st.just(on + dt.timedelta(days=30)))))
    for h in holders:
        if draw(st.integers(0, 4)) == 0:
            instruments.append(Instrument(f"w-{h.id}", InstrumentKind.WAIVER, "2", D(2004, 1, 1), "waived",
                                          deadline_key=f"effectiveness_period_end:{h.id}"))
    return dataclasses.replace(SAMPLE, holders=tuple(holders), positions=tuple(rows), facts=tuple(facts),
                               registrations=tuple(registrations), piggyback_requests=tuple(requests),
                               completions=tuple(completions), instruments=tuple(instruments))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals(), st.sampled_from([D(2003, 6, 1), D(2004, 8, 15), D(2006, 1, 1), D(2009, 6, 1), D(2016, 1, 1)]))
def test_generated_deals_match_the_reference(deal, as_of):
    _same(deal, as_of)


def test_a_notice_to_every_holder_and_the_ends_of_their_periods_match_the_reference():
    deal = scenarios.eventful_deal()
    out = _same(deal, D(2004, 3, 1))
    assert {d.kind for d in out} >= {"piggyback_response", "effectiveness_period_end"}


@pytest.mark.parametrize("make", [scenarios.every_row_deal, scenarios.eventful_deal, load_sample_deal])
@pytest.mark.parametrize("as_of", [D(2003, 6, 1), D(2003, 9, 15), D(2005, 1, 1), D(2012, 1, 1)])
def test_the_approved_scenarios_match_the_reference(make, as_of):
    _same(make(), as_of)


def test_a_deadline_made_by_the_fast_constructor_is_frozen():
    d = compute_deadlines(SAMPLE, D(2003, 6, 1))[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.title = "changed"  # type: ignore[misc]
    assert dataclasses.replace(d, title="changed").title == "changed"

"""Filing and effectiveness are one story: the RS_FILED / RS_EFFECTIVE timeline facts and the
registration record's filed_at / effective_at move together, and one undo restores both."""

import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import FactKind, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.sample import load_sample_deal
from rra_desktop.services import Refused, registrations, timeline
from rra_desktop.store import DealStore

D, T = dt.date, dt.datetime
EFFECTIVE = T(2003, 7, 15, 16, 0)  # Tuesday, 4:00 p.m. Eastern


@pytest.fixture
def sample_store(tmp_path):
    """The sample deal: Closing recorded, no registration statement and no facts yet."""
    s = DealStore.create(tmp_path / "sample.rradeal", load_sample_deal())
    yield s
    s.close()


def _deadline(deal, kind):
    return next((d for d in compute_deadlines(deal, D(2003, 7, 15)) if d.kind == kind), None)


def test_effectiveness_on_the_timeline_dates_the_shelf_and_undo_restores_both(sample_store):
    before = sample_store.deal()
    assert before.registrations == ()
    assert _deadline(before, "notice_of_effectiveness").key == "notice_of_effectiveness:pending"  # not yet triggered
    change = timeline.record_fact(sample_store, TimelineFact("f-eff", FactKind.RS_EFFECTIVE, EFFECTIVE.date(),
                                                             at=EFFECTIVE, document="SEC order"))
    deal = sample_store.deal()
    (shelf,) = deal.registrations
    assert (shelf.id, shelf.kind, shelf.form) == ("shelf", RegistrationKind.SECTION_2_SHELF, "S-3")
    assert shelf.effective_at == EFFECTIVE and shelf.filed_at is None
    assert [f.id for f in deal.facts] == ["f-eff"]
    noe = _deadline(deal, "notice_of_effectiveness")
    assert noe.key == "notice_of_effectiveness:shelf"
    assert (noe.trigger_date, noe.due, noe.status) == (D(2003, 7, 15), D(2003, 7, 17), DeadlineStatus.OPEN)
    assert "Section 2 shelf recorded" in change.label
    sample_store.undo(change)
    assert sample_store.deal() == before  # the fact and the shelf go in one step
    sample_store.redo(change)
    assert sample_store.deal() == deal


def test_filing_fact_names_its_registration_and_editing_it_moves_the_record(store):
    rs3 = T(2003, 12, 1, 10, 0)
    fact = TimelineFact("f-rs3", FactKind.RS_FILED, rs3.date(), at=rs3, registration_id="rs-3")
    timeline.record_fact(store, fact)
    assert {r.id: r for r in store.deal().registrations}["rs-3"].filed_at == rs3
    later = T(2003, 12, 2, 9, 30)
    change = timeline.edit_fact(store, dataclasses.replace(fact, on=later.date(), at=later))
    assert {r.id: r for r in store.deal().registrations}["rs-3"].filed_at == later
    assert {r.table for r in change.rows} == {"facts", "registrations"}
    timeline.remove_fact(store, "f-rs3")
    assert {r.id: r for r in store.deal().registrations}["rs-3"].filed_at is None
    assert all(f.id != "f-rs3" for f in store.deal().facts)


def test_editing_the_registration_keeps_its_fact_in_step(store):
    """full_deal: rs-1 filed 2003-06-05 5:45 p.m. (fact f-filed), effective 2003-07-01 with no fact."""
    rs = {r.id: r for r in store.deal().registrations}["rs-1"]
    refiled = T(2003, 6, 5, 17, 15)
    before = store.deal()
    change = registrations.edit_registration(store, dataclasses.replace(rs, filed_at=refiled))
    facts = {f.id: f for f in store.deal().facts}
    assert (facts["f-filed"].on, facts["f-filed"].at, facts["f-filed"].document) == (refiled.date(), refiled,
                                                                                     "EDGAR receipt")
    store.undo(change)
    assert store.deal() == before
    # a date the timeline does not hold yet is recorded there; clearing it removes the fact
    registrations.edit_registration(store, dataclasses.replace(rs, effective_at=T(2003, 7, 2, 9, 0)))
    (eff,) = [f for f in store.deal().facts if f.kind == FactKind.RS_EFFECTIVE]
    assert (eff.registration_id, eff.at, eff.on) == ("rs-1", T(2003, 7, 2, 9, 0), D(2003, 7, 2))
    registrations.edit_registration(store, dataclasses.replace(rs, filed_at=None, effective_at=None))
    assert not [f for f in store.deal().facts if f.kind in (FactKind.RS_FILED, FactKind.RS_EFFECTIVE)]


def test_adding_a_dated_registration_puts_it_on_the_timeline(sample_store):
    filed = T(2003, 6, 20, 16, 45)
    registrations.add_registration(sample_store, RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF,
                                                                       filed_at=filed))
    (fact,) = sample_store.deal().facts
    assert (fact.kind, fact.at, fact.registration_id) == (FactKind.RS_FILED, filed, "rs-1")
    assert _deadline(sample_store.deal(), "filing_date").done_on == D(2003, 6, 20)


def test_removing_a_registration_takes_its_dated_facts_with_it(sample_store):
    filed = T(2003, 6, 20, 16, 45)
    timeline.record_fact(sample_store, TimelineFact("f-1", FactKind.RS_FILED, filed.date(), at=filed))
    registrations.remove_registration(sample_store, "shelf")
    assert sample_store.deal().registrations == () and sample_store.deal().facts == ()


def test_refusals_write_nothing(store):
    before = store.deal()
    with pytest.raises(Refused) as exc:  # the record keeps a time
        timeline.record_fact(store, TimelineFact("f-x", FactKind.RS_EFFECTIVE, D(2003, 7, 1), registration_id="rs-1"))
    assert exc.value.field == "at"
    with pytest.raises(Refused, match="already on the timeline"):  # rs-1's filing is f-filed
        timeline.record_fact(store, TimelineFact("f-x", FactKind.RS_FILED, D(2003, 6, 6), at=T(2003, 6, 6, 9, 0),
                                                 registration_id="rs-1"))
    with pytest.raises(Refused, match="effective before it is filed"):
        timeline.record_fact(store, TimelineFact("f-x", FactKind.RS_EFFECTIVE, D(2003, 6, 1), at=T(2003, 6, 1, 9, 0),
                                                 registration_id="rs-1"))
    assert store.deal() == before


def test_tabs_and_deadlines_agree_after_any_sequence(sample_store):
    """Whatever the order of edits on either tab, the record and the fact say the same."""
    filed, eff = T(2003, 6, 20, 16, 45), T(2003, 7, 15, 16, 0)
    timeline.record_fact(sample_store, TimelineFact("f-1", FactKind.RS_FILED, filed.date(), at=filed))
    shelf = sample_store.deal().registrations[0]
    registrations.edit_registration(sample_store, dataclasses.replace(shelf, effective_at=eff, file_no="333-1"))
    deal = sample_store.deal()
    by_kind = {f.kind: f.at for f in deal.facts}
    assert by_kind == {FactKind.RS_FILED: filed, FactKind.RS_EFFECTIVE: eff}
    assert (deal.registrations[0].filed_at, deal.registrations[0].effective_at) == (filed, eff)

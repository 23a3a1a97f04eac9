"""Filing and effectiveness have one record, the registration's: the Timeline's RS_FILED /
RS_EFFECTIVE facts are derived from it, and recording one there writes the record."""

import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import FactKind, RegistrationKind, RegistrationStatement, TimelineFact
from rra_desktop.domain.registration_facts import fold_registration_facts
from rra_desktop.domain.registration_facts import timeline as timeline_of
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


def test_effectiveness_on_the_timeline_dates_the_shelf_and_undo_restores_it(sample_store):
    before = sample_store.deal()
    assert before.registrations == ()
    assert _deadline(before, "notice_of_effectiveness").key == "notice_of_effectiveness:pending"  # not yet triggered
    change = timeline.record_fact(sample_store, TimelineFact("f-eff", FactKind.RS_EFFECTIVE, EFFECTIVE.date(),
                                                             at=EFFECTIVE, document="SEC order"))
    deal = sample_store.deal()
    (shelf,) = deal.registrations
    assert (shelf.id, shelf.kind, shelf.form) == ("shelf", RegistrationKind.SECTION_2_SHELF, "S-3")
    assert (shelf.effective_at, shelf.effective_document, shelf.filed_at) == (EFFECTIVE, "SEC order", None)
    assert deal.facts == ()  # nothing is kept twice: the Timeline shows the record's date
    (shown,) = timeline_of(deal)
    assert (shown.id, shown.kind, shown.on, shown.at, shown.document) == (
        "shelf:effective", FactKind.RS_EFFECTIVE, D(2003, 7, 15), EFFECTIVE, "SEC order")
    noe = _deadline(deal, "notice_of_effectiveness")
    assert noe.key == "notice_of_effectiveness:shelf"
    assert (noe.trigger_date, noe.due, noe.status) == (D(2003, 7, 15), D(2003, 7, 17), DeadlineStatus.OPEN)
    assert "Section 2 shelf recorded" in change.label
    sample_store.undo(change)
    assert sample_store.deal() == before
    sample_store.redo(change)
    assert sample_store.deal() == deal


def test_filing_fact_names_its_registration_and_editing_it_moves_the_record(store):
    rs3 = T(2003, 12, 1, 10, 0)
    fact = TimelineFact("f-rs3", FactKind.RS_FILED, rs3.date(), at=rs3, registration_id="rs-3")
    timeline.record_fact(store, fact)
    assert {r.id: r for r in store.deal().registrations}["rs-3"].filed_at == rs3
    shown = next(f for f in timeline_of(store.deal()) if f.id == "rs-3:filed")
    later = T(2003, 12, 2, 9, 30)
    change = timeline.edit_fact(store, dataclasses.replace(shown, on=later.date(), at=later))
    assert {r.id: r for r in store.deal().registrations}["rs-3"].filed_at == later
    assert {r.table for r in change.rows} == {"registrations"}
    timeline.remove_fact(store, "rs-3:filed")
    assert {r.id: r for r in store.deal().registrations}["rs-3"].filed_at is None
    assert all(f.id != "rs-3:filed" for f in timeline_of(store.deal()))


def test_editing_the_registration_is_what_the_timeline_shows(store):
    """full_deal: rs-1 filed 2003-06-05 5:45 p.m. (EDGAR receipt), effective 2003-07-01 4:00 p.m."""
    rs = {r.id: r for r in store.deal().registrations}["rs-1"]
    refiled = T(2003, 6, 5, 17, 15)
    before = store.deal()
    change = registrations.edit_registration(store, dataclasses.replace(rs, filed_at=refiled))
    shown = {f.id: f for f in timeline_of(store.deal())}
    assert (shown["rs-1:filed"].on, shown["rs-1:filed"].at, shown["rs-1:filed"].document) == (
        refiled.date(), refiled, "EDGAR receipt")
    assert {r.table for r in change.rows} == {"registrations"}
    store.undo(change)
    assert store.deal() == before
    registrations.edit_registration(store, dataclasses.replace(rs, filed_at=None, effective_at=None))
    assert not [f for f in timeline_of(store.deal()) if f.registration_id == "rs-1"]


def test_adding_a_dated_registration_puts_it_on_the_timeline(sample_store):
    filed = T(2003, 6, 20, 16, 45)
    registrations.add_registration(sample_store, RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF,
                                                                       filed_at=filed))
    (fact,) = timeline_of(sample_store.deal())
    assert (fact.kind, fact.at, fact.registration_id) == (FactKind.RS_FILED, filed, "rs-1")
    assert _deadline(sample_store.deal(), "filing_date").done_on == D(2003, 6, 20)


def test_removing_a_registration_takes_its_dates_off_the_timeline(sample_store):
    filed = T(2003, 6, 20, 16, 45)
    timeline.record_fact(sample_store, TimelineFact("f-1", FactKind.RS_FILED, filed.date(), at=filed))
    registrations.remove_registration(sample_store, "shelf")
    assert sample_store.deal().registrations == () and timeline_of(sample_store.deal()) == ()


def test_refusals_write_nothing(store):
    before = store.deal()
    with pytest.raises(Refused) as exc:  # the record keeps a time
        timeline.record_fact(store, TimelineFact("f-x", FactKind.RS_EFFECTIVE, D(2003, 7, 1), registration_id="rs-2"))
    assert exc.value.field == "at"
    with pytest.raises(Refused, match="already recorded; edit it instead"):  # rs-1 was filed Jun 5
        timeline.record_fact(store, TimelineFact("f-x", FactKind.RS_FILED, D(2003, 6, 6), at=T(2003, 6, 6, 9, 0),
                                                 registration_id="rs-1"))
    with pytest.raises(Refused, match="effective before it is filed"):
        shown = next(f for f in timeline_of(before) if f.id == "rs-1:effective")
        timeline.edit_fact(store, dataclasses.replace(shown, on=D(2003, 6, 1), at=T(2003, 6, 1, 9, 0)))
    assert store.deal() == before


def test_tabs_and_deadlines_agree_after_any_sequence(sample_store):
    """Whatever the order of edits on either tab, there is one record and the Timeline shows it."""
    filed, eff = T(2003, 6, 20, 16, 45), T(2003, 7, 15, 16, 0)
    timeline.record_fact(sample_store, TimelineFact("f-1", FactKind.RS_FILED, filed.date(), at=filed))
    shelf = sample_store.deal().registrations[0]
    registrations.edit_registration(sample_store, dataclasses.replace(shelf, effective_at=eff, file_no="333-1"))
    deal = sample_store.deal()
    by_kind = {f.kind: f.at for f in timeline_of(deal)}
    assert by_kind == {FactKind.RS_FILED: filed, FactKind.RS_EFFECTIVE: eff}
    assert (deal.registrations[0].filed_at, deal.registrations[0].effective_at) == (filed, eff)


def test_an_older_deal_s_facts_fold_into_the_record_the_record_winning():
    """A deal written when both were kept: the record's time wins, a fact naming no registration
    dates the shelf, a fact without a time counts from midnight Eastern of its day."""
    deal = load_sample_deal()
    rs = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 5, 17, 45))
    old = dataclasses.replace(deal, registrations=(rs,), facts=(
        TimelineFact("f-1", FactKind.RS_FILED, D(2003, 6, 6), at=T(2003, 6, 6, 9, 0), document="EDGAR receipt"),
        TimelineFact("f-2", FactKind.RS_EFFECTIVE, D(2003, 7, 1), document="SEC order"),
        TimelineFact("f-3", FactKind.PIGGYBACK_NOTICE, D(2003, 12, 1), holder_id=deal.holders[0].id)))
    folded = fold_registration_facts(old)
    assert [f.id for f in folded.facts] == ["f-3"]
    (shelf,) = folded.registrations
    assert (shelf.filed_at, shelf.filed_document) == (T(2003, 6, 5, 17, 45), "EDGAR receipt")
    assert (shelf.effective_at, shelf.effective_document) == (T(2003, 7, 1, 0, 0), "SEC order")

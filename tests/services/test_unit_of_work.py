"""One user action over several services: one transaction, one audit entry, one undoable Change."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod, FactKind, TimelineFact
from rra_desktop.services import Refused, blackouts, timeline
from rra_desktop.services.unit_of_work import unit_of_work
from rra_desktop.store import DealStore

ON = dt.date(2004, 3, 1)


def _period(pid="b-3", start=dt.date(2004, 6, 1)) -> BlackoutPeriod:
    return BlackoutPeriod(pid, start, start + dt.timedelta(days=9), BlackoutBasis.MNPI, "Financing talks")


def _batch(uow, third_holder: str) -> None:
    """Three services: a blackout, a fact that counts from it, and a fact for ``third_holder``."""
    blackouts.add_blackout(uow, _period(), today=ON)
    timeline.mark_done(uow, "filing_date", ON)
    timeline.record_fact(uow, TimelineFact("f-3", FactKind.PIGGYBACK_NOTICE, ON, holder_id=third_holder))


def test_a_batch_whose_third_step_is_refused_leaves_the_file_byte_for_byte_unchanged(tmp_path):
    from tests.store.deals import full_deal

    path = tmp_path / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    before = path.read_bytes()
    store = DealStore.open(path, backup=False)
    deal, trail = store.deal(), store.audit_entries()
    with pytest.raises(Refused, match="no Holder 'nobody'"), unit_of_work(store, "Batch") as uow:
        _batch(uow, "nobody")
    assert store.deal() == deal and store.audit_entries() == trail
    store.close()
    assert path.read_bytes() == before


def test_one_undo_undoes_the_whole_batch_and_one_redo_replays_it(store):
    before = store.deal()
    entries = len(store.audit_entries())
    with unit_of_work(store, "Plan the June financing") as uow:
        _batch(uow, before.holders[0].id)
    after = store.deal()
    assert [b.id for b in after.blackouts][-1] == "b-3" and after.facts[-1].id == "f-3"
    assert after.completions[-1].deadline_key == "filing_date"
    change = uow.change
    assert change.label == "Plan the June financing" and {r.table for r in change.rows} == {
        "blackouts", "completions", "facts"}
    trail = store.audit_entries()[entries:]
    assert {e.action for e in trail} == {"Plan the June financing"} and len(trail) == len(change.rows)
    store.undo(change)
    assert store.deal() == before
    store.redo(change)
    assert store.deal() == after


def test_each_step_sees_the_steps_before_it(store):
    holder = store.deal().holders[0].id
    with unit_of_work(store, "Add and end") as uow:
        blackouts.add_blackout(uow, _period(), today=ON)
        assert uow.deal().blackouts[-1].id == "b-3"  # not committed, yet visible to the next service
        blackouts.edit_blackout(uow, dataclasses.replace(_period(), facts="Merger talks"), today=ON)
        timeline.record_fact(uow, TimelineFact("f-4", FactKind.PIGGYBACK_NOTICE, ON, holder_id=holder))
    assert store.deal().blackouts[-1].facts == "Merger talks"
    assert [r.table for r in uow.change.rows] == ["blackouts", "blackouts", "facts"]


def test_a_refusal_caught_inside_the_unit_leaves_nothing_of_its_step(store):
    """A step runs in a savepoint: the caller may go on after a refused step, which left nothing."""
    with unit_of_work(store, "Try twice") as uow:
        with pytest.raises(Refused):
            blackouts.add_blackout(uow, _period(start=dt.date(2004, 6, 1)), today=ON)
            raise Refused("changed my mind")  # after the step committed: its rows stay
        with pytest.raises(Refused), uow.transaction("half a step") as tx:
            tx.add(_period("b-4", dt.date(2004, 9, 1)))
            raise Refused("refused half-way")
    assert [b.id for b in store.deal().blackouts][-1] == "b-3"
    assert [r.key for r in uow.change.rows] == [("b-3",)]


def test_a_service_run_in_a_unit_returns_the_change_of_its_own_step(store):
    with unit_of_work(store, "Batch") as uow:
        step = timeline.mark_done(uow, "filing_date", ON)
        with pytest.raises(RuntimeError, match="not been committed"):
            uow.change  # noqa: B018
    assert step.label.startswith("Mark done: File the shelf Registration Statement") and step.rows == uow.change.rows


def test_units_nest_as_one_step(store):
    before = store.deal()
    with unit_of_work(store, "Outer") as outer:
        with unit_of_work(outer, "Inner") as inner:
            timeline.mark_done(inner, "filing_date", ON)
        timeline.record_fact(outer, TimelineFact("f-5", FactKind.PIGGYBACK_NOTICE, ON, holder_id=before.holders[0].id))
    assert inner.change.label == "Inner" and len(outer.change.rows) == 2
    store.undo(outer.change)
    assert store.deal() == before


def test_a_read_only_store_refuses_the_unit(tmp_path):
    from tests.store.deals import full_deal

    path = tmp_path / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    store = DealStore.open(path, read_only=True)
    with pytest.raises(Refused, match="read-only"), unit_of_work(store, "Batch") as uow:
        _batch(uow, "nobody")
    store.close()

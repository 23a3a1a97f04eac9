"""The records a snapshot builds are the model's own: the exact class, frozen, equal and hashing
as the constructor's, copied and pickled alike; a JSON column decodes as ``json.loads`` decodes
it; the collector's full walks wait while a deal is read and come back after, and it stays on."""

import contextlib
import copy
import dataclasses
import gc
import json
import pickle
import sqlite3

import pytest

from rra_desktop.domain.model import Holder, PositionEntry
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore, collecting
from rra_desktop.store.snapshot import _fill_class, _from_json


@pytest.fixture
def read(tmp_path):
    deal = load_sample_deal()
    path = tmp_path / "d.rradeal"
    DealStore.create(path, deal).close()
    with DealStore.open(path, read_only=True) as store:
        return deal, store.deal()


def test_records_read_are_the_models_own(read):
    made, stored = read
    assert stored == made
    for kind in ("holders", "positions"):
        for built, record in zip(getattr(made, kind), getattr(stored, kind), strict=True):
            assert type(record) is type(built) and record == built and hash(record) == hash(built)
            assert pickle.loads(pickle.dumps(record)) == record and copy.copy(record) == record
            assert copy.deepcopy(record) == record and dataclasses.replace(record) == record
            assert repr(record) == repr(built)
            with pytest.raises(dataclasses.FrozenInstanceError):
                record.id = "changed"
    holder = stored.holders[0]
    assert {holder: 1}[dataclasses.replace(holder)] == 1  # a dict key found by an equal record


def test_bulk_records_are_filled_through_a_class_of_their_layout():
    for cls in (Holder, PositionEntry):
        fill = _fill_class(cls)
        assert fill is not None and fill.__slots__ == cls.__slots__
        assert not hasattr(fill, "__dict__") or "__dict__" not in fill.__slots__

    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int

    assert _fill_class(Plain) is None  # no slots: its __dict__ is filled instead


@pytest.mark.parametrize("text", ['["1 Main Street", "Suite 5"]', "[]", '{"name": "Xmark \\u00e9", "n": [1, 2.5]}',
                                  ' ["space before"]', '["space after"] ', "null", '"text"', "1e400", "NaN"])
def test_a_json_column_decodes_as_json_loads(text):
    assert repr(_from_json(text)) == repr(json.loads(text))


@pytest.mark.parametrize("text", ['["unterminated"', "", "x", '["a"] trailing', "[1,]"])
def test_bad_json_in_a_column_raises_as_json_loads_does(text):
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as got:
        _from_json(text)
    assert str(got.value) == str(expected.value)


def test_full_collections_wait_while_a_deal_is_read_and_the_threshold_comes_back(tmp_path, monkeypatch):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    before = gc.get_threshold()
    seen = []
    real = collecting.full_collections_postponed

    @contextlib.contextmanager
    def watched():
        with real():
            seen.append((gc.isenabled(), gc.get_threshold()))
            yield

    monkeypatch.setattr("rra_desktop.store.snapshot.full_collections_postponed", watched)
    with DealStore.open(path, read_only=True) as store:
        store.deal()
    assert seen and all(enabled for enabled, _ in seen)
    assert all(threshold[:2] == before[:2] and threshold[2] == collecting.POSTPONED for _, threshold in seen)
    assert gc.get_threshold() == before


def test_postponement_nests_and_is_undone_on_failure():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collecting.full_collections_postponed():
        with collecting.full_collections_postponed():
            assert gc.get_threshold() == (*before[:2], collecting.POSTPONED)
        assert gc.get_threshold()[2] == collecting.POSTPONED  # the outer read still runs
        raise RuntimeError("a read that fails")
    assert gc.get_threshold() == before and gc.isenabled()


def test_a_threshold_changed_meanwhile_is_left_as_it_was_set():
    before = gc.get_threshold()
    try:
        with collecting.full_collections_postponed():
            gc.set_threshold(500, 10, 20)  # someone else's choice, made during the read
        assert gc.get_threshold() == (500, 10, 20)
    finally:
        gc.set_threshold(*before)


def test_young_collections_still_run_during_a_read():
    counts = []
    gc.callbacks.append(lambda phase, info: counts.append(info["generation"]) if phase == "start" else None)
    try:
        with collecting.full_collections_postponed():
            keep = [[i] for i in range(20_000)]  # tracked objects, kept: the young generation fills
        assert keep and 0 in counts and 2 not in counts
    finally:
        gc.callbacks.pop()


def test_the_ledger_is_read_in_order_through_its_index(tmp_path):
    from rra_desktop.store.codec import spec_for
    from rra_desktop.store.snapshot import _reader

    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    con = sqlite3.connect(path)
    try:
        plan = " ".join(r[-1] for r in con.execute("EXPLAIN QUERY PLAN " + _reader(spec_for("positions"))[0]))
    finally:
        con.close()
    assert "ix_positions_seq" in plan and "TEMP B-TREE" not in plan  # no sort of the whole ledger on open

"""The records a snapshot builds are the model's own: the exact class, frozen, equal and hashing
as the constructor's, copied and pickled alike; a JSON column decodes as ``json.loads`` decodes
it; a large read moves its records into the collector's oldest generation, nothing stays frozen
and the collector stays on."""

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


def test_a_large_read_promotes_its_records_and_leaves_nothing_frozen(tmp_path, monkeypatch):
    sample = load_sample_deal()
    rows = tuple(dataclasses.replace(sample.positions[0], id=f"p-{n:05d}") for n in range(2 * collecting.PROMOTE_EVERY))
    deal = dataclasses.replace(sample, positions=rows)
    path = tmp_path / "d.rradeal"
    DealStore.create(path, deal).close()
    calls = []
    real = collecting.promote_kept
    monkeypatch.setattr("rra_desktop.store.collecting.promote_kept",
                        lambda: calls.append((gc.isenabled(), gc.get_freeze_count())) or real())
    threshold = gc.get_threshold()
    with DealStore.open(path, read_only=True) as store:
        read = store.deal()
    assert read.positions == rows and read == deal  # exactly 2 x PROMOTE_EVERY rows: read through, once each
    assert len(calls) == 2 and all(enabled and frozen == 0 for enabled, frozen in calls)
    assert gc.isenabled() and gc.get_freeze_count() == 0 and gc.get_threshold() == threshold


def test_promotion_moves_young_objects_to_the_oldest_generation_and_keeps_garbage_collectable():
    class Node:
        pass

    gc.collect()
    kept = [Node() for _ in range(100)]
    cycle = Node()
    cycle.me = cycle  # garbage once the name goes: a cycle only the collector frees
    del cycle
    collecting.promote_kept()
    assert gc.get_freeze_count() == 0 and gc.get_count()[0] < 100
    assert all(gc.is_tracked(k) for k in kept)
    assert gc.collect() >= 1  # the cycle promoted with them is still found and freed


def test_promotion_leaves_a_callers_own_freeze_alone():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        collecting.promote_kept()
        assert gc.get_freeze_count() == frozen  # unfreezing would have undone the caller's freeze
    finally:
        gc.unfreeze()


def test_promotion_does_nothing_with_the_collector_off():
    gc.disable()
    try:
        collecting.promote_kept()
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


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


def test_a_small_table_read_stepwise_gives_the_records_its_compiled_reader_gives(tmp_path):
    from rra_desktop.store.codec import RECORD_TABLES, TERMS
    from rra_desktop.store.snapshot import STEPWISE_ROWS, _reader, _select, _stepwise
    from tests.exchange.builders import rich_deal

    path = tmp_path / "rich.rradeal"
    DealStore.create(path, rich_deal()).close()
    con = sqlite3.connect(path)
    compared = 0
    for spec in (TERMS, *RECORD_TABLES):
        rows = con.execute(_select(spec)).fetchall()
        stepwise, compiled = [_stepwise(spec)(r) for r in rows], [_reader(spec)[1](r) for r in rows]
        assert stepwise == compiled and [type(r) for r in stepwise] == [type(r) for r in compiled], spec.name
        assert [repr(r) for r in stepwise] == [repr(r) for r in compiled]
        # the compiled reader skips __init__, the stepwise one calls it: alike only while no stored
        # record checks anything there
        assert not hasattr(spec.record, "__post_init__"), spec.name
        compared += len(rows)
    assert compared > 40 and STEPWISE_ROWS >= 16


def test_a_malformed_value_is_refused_alike_in_a_small_table_and_a_large_one(tmp_path):
    from rra_desktop.store.errors import MalformedValue
    from rra_desktop.store.snapshot import STEPWISE_ROWS

    for count in (3, STEPWISE_ROWS + 10):
        deal = load_sample_deal()
        holders = tuple(Holder(id=f"h-{i}", name=f"Fund {i}") for i in range(count))
        positions = tuple(PositionEntry(id=f"p-{i}", holder_id=f"h-{i}", security="PREF", kind="issuance",
                                        quantity=1, on=deal.terms.agreement_date) for i in range(count))
        path = tmp_path / f"d{count}.rradeal"
        DealStore.create(path, dataclasses.replace(deal, holders=holders, positions=positions, assignments=(),
                                                   facts=())).close()
        with sqlite3.connect(path) as con:
            con.execute("UPDATE positions SET quantity = 'many' WHERE id = 'p-2'")
        with pytest.raises(MalformedValue) as found, DealStore.open(path, read_only=True) as store:
            store.deal()
        assert "positions" in str(found.value) and "p-2" in str(found.value) and "quantity" in str(found.value)

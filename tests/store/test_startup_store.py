"""Start-up speed must not change what is read: the sqlite3 snapshot equals SQLAlchemy's, the
schema head constant equals Alembic's, and opening and reading a deal imports neither."""

import dataclasses
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import create_engine, select

from rra_desktop.domain.model import Deal
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore
from rra_desktop.store.codec import RECORD_TABLES, TERMS, _is_json, field_hints
from rra_desktop.store.schema import HEAD_SCHEMA, alembic_head
from rra_desktop.store.snapshot import _from_json, column_decoder
from rra_desktop.store.types import DecimalText, IsoDate, IsoDateTime
from tests.exchange.builders import rich_deal
from tests.store.deals import full_deal


def test_head_schema_constant_is_alembics_head():
    assert alembic_head() == HEAD_SCHEMA


def sqlalchemy_snapshot(path) -> Deal:
    """The deal as SQLAlchemy's column types and the codec read it (the store's former reader)."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            def rows(spec):
                query = select(*[spec.table.c[f] for f in spec.fields])
                query = query.where(spec.table.c.id == 1) if spec is TERMS else query.order_by(spec.table.c.seq)
                return tuple(map(spec.from_values, conn.execute(query)))

            return Deal(rows(TERMS)[0], **{spec.name: rows(spec) for spec in RECORD_TABLES})
    finally:
        engine.dispose()


@pytest.mark.parametrize("make", [load_sample_deal, full_deal, rich_deal], ids=["sample", "full", "rich"])
def test_sqlite3_snapshot_equals_the_sqlalchemy_one(tmp_path, make):
    path = tmp_path / "d.rradeal"
    deal = make()
    DealStore.create(path, deal).close()
    with DealStore.open(path, read_only=True) as store:
        fast = store.deal()
    slow = sqlalchemy_snapshot(path)
    assert fast == slow == deal
    # equal values of the same types (== alone would let 1 == True or a date == a datetime slip by)
    assert repr(fast) == repr(slow)


def test_each_column_decodes_as_its_sqlalchemy_type():
    expected = {DecimalText: "Decimal", IsoDateTime: "fromisoformat", IsoDate: "fromisoformat"}
    for spec in (TERMS, *RECORD_TABLES):
        hints = field_hints(spec.record)
        for field in spec.fields:
            kind = type(spec.table.c[field].type)
            decoder = column_decoder(hints[field])
            name = getattr(decoder, "__name__", None)
            if kind.__name__ == "JSON":
                assert _is_json(hints[field]) and decoder is _from_json, (spec.name, field, name)
            elif kind.__name__ == "Boolean":
                assert decoder is bool, (spec.name, field)
            elif kind in expected:
                assert name == expected[kind], (spec.name, field, name)
            elif kind.__name__ == "Integer":  # checked, not converted: text in an INTEGER column is refused
                assert name == "_whole_number", (spec.name, field)
            else:
                assert decoder is None, (spec.name, field, kind)


def test_opening_and_reading_a_deal_needs_neither_sqlalchemy_nor_alembic(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    script = textwrap.dedent(f"""
        import dataclasses
        import sys
        from rra_desktop.store import DealStore
        store = DealStore.open({str(path)!r})
        assert len(store.deal().holders) == 9, len(store.deal().holders)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic"))
        assert not loaded, loaded[:5]
        with store.transaction("Rename") as tx:  # the first write brings SQLAlchemy in
            tx.put(dataclasses.replace(store.deal().holders[0], name="Renamed LP"))
        assert "sqlalchemy" in sys.modules and store.deal().holders[0].name == "Renamed LP"
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_writes_and_reads_share_one_connection(tmp_path):
    path = tmp_path / "d.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    with DealStore.open(path) as store:
        before = store.deal()
        store.prepare_writes()
        holder = before.holders[0]
        with store.transaction("Rename") as tx:
            tx.put(dataclasses.replace(holder, name="Renamed LP"))
        after = store.deal()
        assert after.holders[0].name == "Renamed LP" and after is not before
        assert store.deal() is after  # cached until the next change
        assert store.verify_audit().ok


@pytest.mark.parametrize("stored", [[], ["1 Main Street", "New York, NY 10001"], ["", "x\ty"], "ab", {"a": 1}])
def test_a_tuple_of_text_reads_as_from_plain_reads_it(stored):
    """Address lines are read by ``tuple`` (no call per line): the same value ``from_plain`` gives."""
    from rra_desktop.store.codec import _reader, from_plain

    read = _reader(tuple[str, ...])
    assert read is tuple and read(stored) == from_plain(stored, tuple[str, ...])
    with pytest.raises(TypeError):
        from_plain(7, tuple[str, ...])
    with pytest.raises(TypeError):
        read(7)  # a malformed value is refused as before (the snapshot names its row)


def test_field_hints_are_what_typing_makes_of_every_stored_record_and_its_parts():
    import dataclasses
    import typing

    from rra_desktop.domain import model

    seen, todo = set(), [spec.record for spec in (TERMS, *RECORD_TABLES)]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        expected = typing.get_type_hints(cls, vars(model))
        assert field_hints(cls) == {f.name: expected[f.name] for f in dataclasses.fields(cls)}, cls
        for hint in field_hints(cls).values():  # the records nested in JSON columns too
            todo.extend(a for a in (hint, *typing.get_args(hint), *(b for a in typing.get_args(hint)
                        for b in typing.get_args(a))) if dataclasses.is_dataclass(a))
    assert len(seen) > len(RECORD_TABLES) + 1  # nested records (a Party, a Letterhead) were checked

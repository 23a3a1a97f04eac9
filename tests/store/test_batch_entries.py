"""Many records added at once (an import) are written with their audit text in one pass and
recorded as one audit entry per chunk of a table; the trail still covers every record: a record
edited, added or removed outside RRA Desk after an import is named, an edited batch entry breaks
the chain, and the same text is made as record by record (``codec.audit_json``)."""

import dataclasses
import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy.dialects import sqlite

from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore, transaction
from rra_desktop.store.bulk import _plan
from rra_desktop.store.codec import RECORD_TABLES, row_json, spec_for
from rra_desktop.store.record_text import writer
from rra_desktop.store.trail import content_digest
from tests.store.deals import full_deal

SAMPLE = load_sample_deal()
DIALECT = sqlite.dialect()
ODD_TEXTS = ["", "Zürich \"Nord\" AG", "back\\slash", "tab\there", "北京 Capital", "line\nbreak", "\u200b", "'"]


def stored_and_text(record):
    """What the general path stores and records: ``to_row``, the column processors, ``row_json``."""
    spec = spec_for(record)
    processors = _plan(spec.table, (*spec.fields, "seq"), DIALECT)[1]
    row = spec.to_row(record)
    return tuple(p(row[f]) if p else row[f] for f, p in zip(spec.fields, processors, strict=False)), row_json(row)


@pytest.mark.parametrize("spec", RECORD_TABLES, ids=lambda s: s.name)
def test_the_written_out_writer_gives_what_the_general_path_gives(spec):
    records = [*getattr(SAMPLE, spec.name), *getattr(full_deal(), spec.name)]  # none for some tables
    write = writer(spec, DIALECT)
    for record in records:
        assert write(record) == stored_and_text(record)


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_text_that_json_escapes_is_written_the_same(text):
    holder = dataclasses.replace(SAMPLE.holders[0], name=f"Fund {text}", address_lines=(text, "2 Main"), notes=text,
                                 purchase_price=Decimal("10000.50"), qib=False)
    entry = PositionEntry(f"p-{text}", holder.id, "PREF", PositionKind.ISSUANCE, 7, dt.date(2003, 5, 7),
                          net_proceeds=Decimal("-1.5"), document=text)
    for record in (holder, entry):
        assert writer(spec_for(record), DIALECT)(record) == stored_and_text(record)


def test_a_value_of_another_type_than_its_field_is_written_the_general_way():
    odd = dataclasses.replace(SAMPLE.positions[0], quantity=True, on=dt.datetime(2003, 5, 7, 9, 30))
    assert writer(spec_for(odd), DIALECT)(odd) == stored_and_text(odd)


def holders(n, start=0):
    return [Holder(f"h-{i:05d}", f"Import Fund {i:05d} LP", (f"{i} Main St", "New York, NY"), on_schedule_1=True,
                   schedule_order=i + 1) for i in range(start, start + n)]


def issuances(hs):
    return [PositionEntry(f"p-{h.id}", h.id, "PREF", PositionKind.ISSUANCE, 10, dt.date(2003, 5, 7),
                          acquired_on=dt.date(2003, 5, 7)) for h in hs]


@pytest.fixture
def imported(tmp_path, monkeypatch):
    """A deal with 25 Holders and their issuances added at once, in chunks of 10 (each chunk of
    at least 5 one entry)."""
    monkeypatch.setattr(transaction, "BULK_CHUNK", 10)
    monkeypatch.setattr(transaction, "BATCH_ENTRY_FROM", 5)
    path = tmp_path / "deal.rradeal"
    store = DealStore.create(path, Deal(SAMPLE.terms, SAMPLE.securities))
    hs = holders(25)
    with store.transaction("Import Schedule 1") as tx:
        tx.add_many([*hs, *issuances(hs)])
    yield store, path, hs
    store.close()


def entries_of(path, action):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT table_name, row_id, before, after, tx FROM audit WHERE action = ? ORDER BY seq",
                           (action,)).fetchall()
    finally:
        con.close()


def test_an_import_is_one_entry_per_chunk_of_a_table_and_verifies(imported):
    store, path, hs = imported
    rows = entries_of(path, "Import Schedule 1")
    assert [(t, r) for t, r, *_ in rows] == [
        ("holders", "h-00000 … h-00009 (10 records)"), ("holders", "h-00010 … h-00019 (10 records)"),
        ("positions", "p-h-00000 … p-h-00009 (10 records)"), ("positions", "p-h-00010 … p-h-00019 (10 records)"),
        ("holders", "h-00020 … h-00024 (5 records)"), ("positions", "p-h-00020 … p-h-00024 (5 records)")]
    assert len({tx for *_, tx in rows}) == 1 and all(before is None for _, _, before, _, _ in rows)
    report = store.verify_audit()
    assert report.ok, report.message
    con = sqlite3.connect(path)
    assert report.content == f"{content_digest(con):064x}"  # the digest counts every record
    con.close()
    assert store.deal().holders == tuple(hs)
    assert [e.row_id for e in store.audit_entries()][-1] == "p-h-00020 … p-h-00024 (5 records)"


@pytest.mark.parametrize("sql, named", [
    ("UPDATE holders SET name = 'Forged LP' WHERE id = 'h-00013'", "holders h-00013 does not match"),
    ("DELETE FROM positions WHERE id = 'p-h-00021'", "positions p-h-00021 is in the audit trail but not in the file"),
    ("INSERT INTO holders (id, seq, name, address_lines, attention, fax, email, phone, qib, affiliate, notes, "
     "on_schedule_1, schedule_order) VALUES ('h-forged', 99, 'Forged', '[]', '', '', '', '', 0, 0, '', 0, 0)",
     "holders h-forged is not in the audit trail"),
])
def test_a_record_changed_outside_after_an_import_is_named(imported, sql, named):
    store, path, _ = imported
    store.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(sql)
    con.commit()
    con.close()
    with DealStore.open(path, read_only=True) as reader:
        report = reader.verify_audit()
    assert not report.ok and named in report.message


def test_an_edited_batch_entry_breaks_the_chain(imported):
    store, path, _ = imported
    store.close()
    con = sqlite3.connect(path)
    con.executescript("DROP TRIGGER IF EXISTS audit_no_update; UPDATE audit SET after = "
                      "replace(after, 'Import Fund 00003 LP', 'Forged LP') WHERE row_id LIKE 'h-00000 %';")
    con.commit()
    con.close()
    with DealStore.open(path, read_only=True) as reader:
        report = reader.verify_audit()
    assert not report.ok and "was altered" in report.message


def test_a_small_import_keeps_an_entry_per_record(tmp_path):
    store = DealStore.create(tmp_path / "deal.rradeal", Deal(SAMPLE.terms, SAMPLE.securities))
    try:
        hs = holders(3)
        with store.transaction("Import Schedule 1") as tx:
            tx.add_many([*hs, *issuances(hs)])
        rows = entries_of(tmp_path / "deal.rradeal", "Import Schedule 1")
        assert [(t, r) for t, r, *_ in rows] == [("holders", h.id) for h in hs] + [("positions", f"p-{h.id}")
                                                                                  for h in hs]
        assert store.verify_audit().ok
    finally:
        store.close()


def test_an_import_after_other_changes_in_the_same_action_keeps_their_order(tmp_path, monkeypatch):
    """A record removed and then added again by the import, in one action: the trail holds the
    removal before the batch, so replaying it gives the record as the import wrote it."""
    monkeypatch.setattr(transaction, "BATCH_ENTRY_FROM", 2)
    three = Deal(SAMPLE.terms, SAMPLE.securities, holders=tuple(holders(3)))
    store = DealStore.create(tmp_path / "deal.rradeal", three)
    try:
        renamed = dataclasses.replace(holders(1)[0], name="Import Fund 00000 LP (again)")
        with store.transaction("Replace and import") as tx:
            tx.remove("holders", "h-00000")
            tx.update(dataclasses.replace(holders(2)[1], notes="edited"))
            tx.add_many([renamed, *holders(2, start=3)])
        report = store.verify_audit()
        assert report.ok, report.message
        assert store.deal().holder("h-00000") == renamed
        change = tx.change
        store.undo(change)
        assert store.verify_audit().ok and store.deal().holders == tuple(holders(3))
    finally:
        store.close()


def test_the_file_says_it_is_newer_than_a_version_without_batch_entries(imported):
    _store, path, _ = imported
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] >= 10
    con.close()

"""Revision 0005: Schedule 1's printed totals move into the deal. A Spectrum deal file made
before it keeps its check (the totals the program used to assume are recorded); any other deal
records none."""

import sqlite3

from alembic import command
from sqlalchemy import create_engine

from rra_desktop.sample import load_sample_deal, new_deal
from rra_desktop.store import DealStore
from rra_desktop.store.schema import alembic_config, head_schema


def _before_revision_5(path):
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
    engine.dispose()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 4
        assert "schedule_1_printed" not in {r[1] for r in con.execute("PRAGMA table_info(terms)")}
    finally:
        con.close()


def test_a_spectrum_file_keeps_its_printed_totals(tmp_path):
    path = tmp_path / "spectrum.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    _before_revision_5(path)
    with DealStore.open(path) as store:
        printed = store.deal().terms.schedule_1_printed
        assert store.verify_audit().ok
    assert printed == load_sample_deal().terms.schedule_1_printed
    assert [(p.security, p.shares) for p in printed.shares] == [("PREF", 444), ("D1", 944_681), ("D2", 944_681)]
    assert head_schema() >= 5


def test_another_deal_records_none(tmp_path):
    path = tmp_path / "new.rradeal"
    DealStore.create(path, new_deal()).close()
    _before_revision_5(path)
    with DealStore.open(path) as store:
        assert store.deal().terms.schedule_1_printed is None
        assert store.verify_audit().ok


def test_a_file_from_before_records_the_terms_new_content_in_its_trail(tmp_path):
    import shutil
    from pathlib import Path

    path = tmp_path / "old.rradeal"
    shutil.copyfile(Path(__file__).parent.parent / "fixtures" / "deal-schema-0001.rradeal", path)
    with DealStore.open(path) as store:
        assert store.verify_audit().ok
        action = "Schema upgrade: Schedule 1's printed totals are part of the deal's terms"
        last = next(e for e in reversed(store.audit_entries()) if e.action == action)  # later revisions follow
        assert last.table_name == "terms" and '"schedule_1_printed"' in last.after

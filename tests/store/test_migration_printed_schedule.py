"""Revision 0004: Schedule 1's printed totals move into the deal. A Spectrum deal file made
before it keeps its check (the totals the program used to assume are recorded); any other deal
records none."""

import sqlite3

from alembic import command
from sqlalchemy import create_engine

from rra_desktop.sample import load_sample_deal, new_deal
from rra_desktop.store import DealStore
from rra_desktop.store.schema import alembic_config, head_schema


def _before_revision_4(path):
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    engine.dispose()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 3
        assert "schedule_1_printed" not in {r[1] for r in con.execute("PRAGMA table_info(terms)")}
    finally:
        con.close()


def test_a_spectrum_file_keeps_its_printed_totals(tmp_path):
    path = tmp_path / "spectrum.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    _before_revision_4(path)
    with DealStore.open(path) as store:
        printed = store.deal().terms.schedule_1_printed
    assert printed == load_sample_deal().terms.schedule_1_printed
    assert [(p.security, p.shares) for p in printed.shares] == [("PREF", 444), ("D1", 944_681), ("D2", 944_681)]
    assert head_schema() >= 4


def test_another_deal_records_none(tmp_path):
    path = tmp_path / "new.rradeal"
    DealStore.create(path, new_deal()).close()
    _before_revision_4(path)
    with DealStore.open(path) as store:
        assert store.deal().terms.schedule_1_printed is None

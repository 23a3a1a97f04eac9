import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from rra_desktop.store import DealStore
from rra_desktop.store.schema import head_schema
from rra_desktop.store.tables import Base
from tests.store.deals import full_deal

FIXTURE = Path(__file__).parent.parent / "fixtures" / "deal-schema-0001.rradeal"


def user_version(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def test_fixture_is_from_the_first_revision():
    assert user_version(FIXTURE) == 1
    assert head_schema() >= 2


def test_opening_an_older_file_backs_it_up_then_migrates(tmp_path):
    path = tmp_path / "old.rradeal"
    shutil.copyfile(FIXTURE, path)
    with DealStore.open(path) as store:
        assert store.deal() == full_deal()
        assert store.verify_audit().ok
    assert user_version(path) == head_schema()
    (backup,) = tmp_path.glob("old.rradeal.bak-0001-*")
    assert user_version(backup) == 1 and (backup.stat().st_mode & 0o777) == 0o600
    with DealStore.open(backup, read_only=True) as old:
        assert old.deal() == full_deal()


def test_read_only_open_of_an_older_file_leaves_it_alone(tmp_path):
    path = tmp_path / "old.rradeal"
    shutil.copyfile(FIXTURE, path)
    before = path.read_bytes()
    with DealStore.open(path, read_only=True) as store:
        assert store.deal() == full_deal()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak-*"))


def test_migrated_schema_matches_the_tables(tmp_path):
    path = tmp_path / "old.rradeal"
    shutil.copyfile(FIXTURE, path)
    DealStore.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diffs == []


def test_revision_7_moves_filing_and_effectiveness_facts_into_the_registration(tmp_path):
    """A file at revision 6 that kept the dates as facts too: the fixture's rs-1 has its filing both
    ways (the record wins, the fact's document is kept); a fact naming no registration dates the
    shelf, and one without a time counts from midnight of its day."""
    from rra_desktop.store.schema import upgrade

    path = tmp_path / "v6.rradeal"
    shutil.copyfile(FIXTURE, path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        upgrade(conn, "0006")
        conn.exec_driver_sql('INSERT INTO facts (id, seq, kind, "on", at, method, document, note) '
                             "VALUES ('f-eff', 99, 'rs_effective', '2003-07-01', NULL, '', 'SEC order', '')")
        conn.exec_driver_sql("UPDATE registrations SET effective_at = NULL WHERE id = 'rs-1'")
    engine.dispose()
    assert user_version(path) == 6
    with DealStore.open(path) as store:
        deal = store.deal()
        assert store.verify_audit().ok
    assert user_version(path) == head_schema()
    assert not [f for f in deal.facts if f.kind.value in ("rs_filed", "rs_effective")]
    rs1 = deal.registrations[0]
    assert (rs1.id, rs1.filed_at.isoformat(), rs1.filed_document) == ("rs-1", "2003-06-05T17:45:00", "EDGAR receipt")
    assert (rs1.effective_at.isoformat(), rs1.effective_document) == ("2003-07-01T00:00:00", "SEC order")

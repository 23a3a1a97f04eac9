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

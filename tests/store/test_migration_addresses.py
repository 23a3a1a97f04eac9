"""Revision 9 adds the dated 7(g) address changes: a file from before keeps every address as the
one first designated (nothing rewritten, nothing added to the trail) and its letters unchanged."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from rra_desktop.store import DealStore
from rra_desktop.store.schema import HEAD_SCHEMA, upgrade
from tests.store.deals import full_deal

FIXTURE = Path(__file__).parent.parent / "fixtures" / "deal-schema-0001.rradeal"


def test_a_revision_8_file_gains_an_empty_register_and_keeps_its_trail(tmp_path):
    path = tmp_path / "v8.rradeal"
    shutil.copyfile(FIXTURE, path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        upgrade(conn, "0008")
    engine.dispose()
    con = sqlite3.connect(path)
    entries = con.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    con.close()
    with DealStore.open(path) as store:
        assert store.deal().address_changes == ()
        assert store.deal().holders == full_deal().holders
        assert store.verify_audit().ok
        assert len(store.audit_entries()) == entries
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == HEAD_SCHEMA
    assert con.execute("SELECT COUNT(*) FROM address_changes").fetchone()[0] == 0
    con.close()

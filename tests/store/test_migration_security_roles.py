"""Revision 0008: each class of security carries its label and role. A deal file made before it
keeps every output (the 2003 form's codes get the headings the register printed; "PAW" becomes a
Placement Agent Warrant), and the trail records the change."""

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from rra_desktop.domain.model import SecurityKind
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore
from rra_desktop.store.schema import alembic_config
from tests.other_classes import other_deal


def _before_revision_8(path):
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007")
    engine.dispose()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 7
        assert "label" not in {r[1] for r in con.execute("PRAGMA table_info(securities)")}
        assert con.execute("SELECT kind FROM securities WHERE code = 'PAW'").fetchone()[0] == "warrant"
    finally:
        con.close()


def test_a_spectrum_file_gets_its_labels_and_the_placement_agent_role(tmp_path):
    path = tmp_path / "spectrum.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    _before_revision_8(path)
    with DealStore.open(path) as store:
        assert store.deal().securities == load_sample_deal().securities
        assert store.deal().securities[3].kind is SecurityKind.PLACEMENT_AGENT_WARRANT
        assert store.verify_audit().ok


def test_a_deal_of_other_classes_keeps_them_as_they_were(tmp_path):
    path = tmp_path / "other.rradeal"
    deal = other_deal()
    DealStore.create(path, deal).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007")
    engine.dispose()
    with DealStore.open(path) as store:
        got = store.deal().securities
        assert [s.code for s in got] == ["SerA", "WTS", "AGT", "CS"] and all(s.label == "" for s in got)
        assert got[2].kind is SecurityKind.WARRANT  # a downgrade keeps no role it did not have; "AGT" is not "PAW"
        assert store.verify_audit().ok


def test_the_first_revisions_fixture_opens_with_labels(tmp_path):
    path = tmp_path / "old.rradeal"
    shutil.copyfile(Path(__file__).parent.parent / "fixtures" / "deal-schema-0001.rradeal", path)
    with DealStore.open(path) as store:
        assert store.verify_audit().ok
        labels = {s.code: s.label for s in store.deal().securities}
        action = "Schema upgrade: each class of security carries its role and its heading"
        changed = {e.row_id for e in store.audit_entries() if e.action == action and e.table_name == "securities"}
    assert labels == {"PREF": "Series D Preferred", "D1": "D-1 Warrants", "D2": "D-2 Warrants",
                      "PAW": "Placement Agent Warrants", "COMMON": "Common"}
    assert changed == set(labels)

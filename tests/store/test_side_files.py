"""One file is the whole deal: rollback-journal mode, no side file left, and a side file found
beside a deal is never merged without the user's choice (a copy as found is kept first)."""

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rra_desktop.domain.model import Holder
from rra_desktop.services.holders import add_holder
from rra_desktop.store import DealStore
from rra_desktop.store.side_files import SideFilesFound, any_left
from tests.store.deals import full_deal

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "deal-schema-0001.rradeal"


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def as_found(folder):
    return sorted(p.name for p in (folder / ".backups").glob("*.as-found.*"))


@pytest.fixture
def deal(tmp_path):
    path = tmp_path / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    return path


def test_the_file_is_in_rollback_journal_mode_and_nothing_is_left_beside_it(deal):
    con = sqlite3.connect(deal)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    with DealStore.open(deal) as store:
        add_holder(store, Holder("h-new", "New Fund LP"))
        assert any_left(deal) == []  # committed: the file alone holds it, while the app is open
        copy = deal.with_name("copy.rradeal")
        shutil.copyfile(deal, copy)  # e-mailed mid-session
    with DealStore.open(copy, read_only=True) as read:
        assert "h-new" in {h.id for h in read.deal().holders}
    assert sorted(p.name for p in deal.parent.iterdir()) == [".backups", "copy.rradeal", "deal.rradeal"]


def _wal_with_frames(path):
    """Leave ``path`` as a crashed WAL-mode session would: a -wal holding a committed change."""
    script = textwrap.dedent("""
        import os, sqlite3, sys
        con = sqlite3.connect(sys.argv[1], isolation_level=None)
        con.execute("PRAGMA journal_mode = WAL"); con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("UPDATE holders SET notes = 'from the log' WHERE seq = 1")
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert Path(f"{path}-wal").stat().st_size > 32


def test_a_write_ahead_log_is_not_merged_without_a_choice(deal):
    _wal_with_frames(deal)
    before = sha(deal), sha(f"{deal}-wal")
    with pytest.raises(SideFilesFound, match=r"deal\.rradeal-wal .*write-ahead log.*--side-files apply"):
        DealStore.open(deal)
    with pytest.raises(SideFilesFound):
        DealStore.open(deal, read_only=True)
    assert (sha(deal), sha(f"{deal}-wal")) == before


def test_applying_the_log_folds_it_in_after_a_copy_as_found(deal):
    _wal_with_frames(deal)
    with DealStore.open(deal, side_files_choice="apply") as store:
        assert store.deal().holders[0].notes == "from the log"
        assert any("applied" in n for n in store.notes)
    assert any_left(deal) == []
    assert any(n.endswith(".rradeal-wal") for n in as_found(deal.parent))
    con = sqlite3.connect(deal)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_setting_the_log_aside_opens_the_deal_as_its_file_holds_it(deal):
    _wal_with_frames(deal)
    with DealStore.open(deal, side_files_choice="set-aside") as store:
        assert store.deal().holders[0].notes != "from the log"
        assert store.verify_audit().ok
    assert any_left(deal) == []
    assert any(n.endswith(".rradeal-wal") for n in as_found(deal.parent))


def _hot_journal(path):
    """A writer killed mid-transaction, with pages already written: a hot rollback journal."""
    script = textwrap.dedent("""
        import os, sqlite3, sys
        con = sqlite3.connect(sys.argv[1], isolation_level=None)
        con.execute("PRAGMA cache_size = 1")
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE holders SET notes = hex(randomblob(3000))")
        con.execute("UPDATE positions SET document = hex(randomblob(3000))")
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert Path(f"{path}-journal").stat().st_size > 0


def test_a_hot_journal_is_reported_and_applying_it_undoes_the_interrupted_change(deal):
    with DealStore.open(deal, read_only=True) as store:
        expected = store.deal()
    _hot_journal(deal)
    before = sha(deal)
    with pytest.raises(SideFilesFound, match=r"rollback journal left by a change that was interrupted"):
        DealStore.open(deal)
    assert sha(deal) == before
    with DealStore.open(deal, side_files_choice="apply") as store:
        assert store.deal() == expected
        assert store.verify_audit().ok
    assert any_left(deal) == []
    assert {n.rsplit(".", 1)[-1] for n in as_found(deal.parent)} == {"rradeal", "rradeal-journal"}


def test_side_files_holding_nothing_are_removed_with_a_note(deal):
    Path(f"{deal}-wal").write_bytes(b"")
    Path(f"{deal}-shm").write_bytes(b"\0" * 32768)
    Path(f"{deal}-journal").write_bytes(b"\0" * 512)
    with DealStore.open(deal) as store:
        assert len(store.notes) == 3 and all("held no data" in n for n in store.notes)
    assert any_left(deal) == []


def test_an_earlier_wal_file_is_converted_once_with_a_copy(tmp_path):
    path = tmp_path / "old.rradeal"
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{FIXTURE}{suffix}", f"{path}{suffix}")
    before = sha(path)
    with DealStore.open(path, read_only=True) as store:  # read-only: not even the header changes
        assert store.deal() == full_deal()
    assert sha(path) == before
    with DealStore.open(path) as store:
        assert store.deal() == full_deal()
        assert store.verify_audit().ok
        assert any("converted from WAL" in n for n in store.notes)
    assert any_left(path) == []
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    (copy,) = [p for p in (tmp_path / ".backups").glob("old.*.as-found.rradeal")]
    assert sha(copy) == before


def test_restore_replaces_the_deal_and_sets_aside_a_leftover_log(deal):
    from rra_desktop.cli import run_cli

    with DealStore.open(deal) as store:
        add_holder(store, Holder("h-later", "Later Fund"))
    (backup,) = sorted((deal.parent / ".backups").glob("deal.*Z.rradeal"))[:1]
    _wal_with_frames(deal)
    assert run_cli(["restore", str(deal)]) == 0
    assert run_cli(["restore", str(deal), str(backup)]) == 0
    assert any_left(deal) == []
    with DealStore.open(deal, read_only=True) as store:
        assert store.deal() == full_deal()
        assert store.verify_audit().ok
    assert any(n.endswith(".rradeal-wal") for n in as_found(deal.parent))


def test_the_lock_file_is_gone_after_close(deal):
    store = DealStore.open(deal)
    assert Path(f"{deal}.lock").exists()
    store.close()
    assert not Path(f"{deal}.lock").exists()


def test_a_commit_is_synced_with_the_folder_by_default(tmp_path):
    script = ("import sys; from rra_desktop.store import DealStore; s = DealStore.create(sys.argv[1]); "
              "print(s._con.execute('PRAGMA synchronous').fetchone()[0], s._con.execute('PRAGMA journal_mode')"
              ".fetchone()[0]); s.close()")
    env = {k: v for k, v in __import__("os").environ.items() if k != "RRA_DESK_SYNCHRONOUS"}
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "d.rradeal")], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["3", "delete"]  # 3: EXTRA

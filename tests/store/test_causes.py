"""The right message for each cause: each refusal names the file and its cause, the command
line exits 2 without a traceback, and the deal file is byte for byte as it was."""

import hashlib
import os
import pathlib
import sqlite3
import subprocess
from pathlib import Path

import pytest

from rra_desktop.cli import run_cli
from rra_desktop.domain.model import Holder
from rra_desktop.services.holders import add_holder
from rra_desktop.store import CannotWrite, DealFileDamaged, DealStore, MalformedValue, NoAccess, StoreError
from tests.store.deals import full_deal


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def deal(tmp_path):
    path = tmp_path / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    return path


def cli_refuses(capsys, path, match, *argv):
    """``argv`` reads the deal; without it, a command that changes it (an import with --replace)."""
    before = sha(path)
    if argv:
        code = run_cli([*argv, str(path)])
    else:
        source = Path(os.environ.get("TMPDIR", "/tmp")) / f"rra-causes-{os.getpid()}.json"
        from rra_desktop.exchange.deal_json import write_deal_json

        write_deal_json(full_deal(), source)
        try:
            code = run_cli(["import", str(path), str(source), "--replace"])
        finally:
            source.unlink()
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and str(path) in err and match in err, err
    assert sha(path) == before
    return err


def tamper(path, sql):
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.commit()
    con.close()


def test_a_read_only_file(deal, capsys, monkeypatch):
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == deal and mode & os.W_OK else real(p, mode))
    with pytest.raises(CannotWrite, match=r"deal\.rradeal is a read-only file"):
        DealStore.open(deal)
    with DealStore.open(deal, read_only=True) as store:  # still readable
        assert store.deal() == full_deal()


def test_a_folder_the_user_cannot_write_to(deal, monkeypatch):
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == deal.parent and mode & os.W_OK
                        else real(p, mode))
    before = sha(deal)
    with pytest.raises(CannotWrite, match=r"in a folder you cannot write to"):
        DealStore.open(deal)
    assert sha(deal) == before and not (deal.parent / ".backups").exists()


def test_permission_denied(deal, capsys, monkeypatch):
    real = pathlib.Path.open

    def refuse(self, *args, **kw):
        if self == deal:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kw)

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(NoAccess, match=r"deal\.rradeal cannot be read: permission denied"):
        DealStore.open(deal, read_only=True)
    monkeypatch.undo()


def test_a_locked_deal_says_who_and_since_when_and_how_to_read_it(deal, capsys):
    with DealStore.open(deal):
        err = cli_refuses(capsys, deal, "is open for editing by")
        assert "since" in err and "--read-only" in err
        assert run_cli(["holders", str(deal)]) == 0  # reading commands read it meanwhile


def test_a_file_with_the_mark_but_no_tables(tmp_path, capsys):
    path = tmp_path / "bare.rradeal"
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 1381122372")
    con.execute("PRAGMA user_version = 4")
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    cli_refuses(capsys, path, "the table 'meta'", "holders")


def test_a_missing_table(deal, capsys):
    tamper(deal, "DROP TABLE expenses")
    cli_refuses(capsys, deal, "the table 'expenses' is missing", "holders")
    with pytest.raises(DealFileDamaged):
        DealStore.open(deal, read_only=True)


@pytest.mark.parametrize("sql, column", [
    ("UPDATE positions SET \"on\" = 'last Tuesday' WHERE seq = 1", "on"),
    ("UPDATE holders SET address_lines = '[unclosed' WHERE seq = 1", "address_lines"),
    ("UPDATE positions SET quantity = 'many' WHERE seq = 1", "quantity"),
    ("UPDATE positions SET kind = 'gift' WHERE seq = 1", "kind"),
])
def test_a_malformed_value_in_a_row_is_named(deal, capsys, sql, column):
    tamper(deal, sql)
    err = cli_refuses(capsys, deal, "holds a malformed value", "holders")
    assert repr(column) in err
    with DealStore.open(deal, read_only=True) as store, pytest.raises(MalformedValue) as exc:
        store.deal()
    assert exc.value.column == column
    assert run_cli(["audit", "--verify", str(deal)]) == 1  # and the trail does not cover it
    assert "does not match the audit trail" in capsys.readouterr().err


def test_a_damaged_file_says_what_is_damaged(deal, capsys):
    data = bytearray(deal.read_bytes())
    data[4096 * 3:4096 * 3 + 64] = os.urandom(64)
    deal.write_bytes(bytes(data))
    cli_refuses(capsys, deal, "is damaged")  # before editing, every page is checked
    before = sha(deal)
    code = run_cli(["audit", "--verify", str(deal)])  # reading reports what it meets
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err and sha(deal) == before


def test_a_foreign_file_and_a_newer_one(tmp_path, deal, capsys):
    foreign = tmp_path / "other.rradeal"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (a)")
    con.close()
    cli_refuses(capsys, foreign, "not an RRA Desk deal file", "holders")
    tamper(deal, "PRAGMA user_version = 99")
    cli_refuses(capsys, deal, "newer version of RRA Desk", "holders")


# -- a full disk: a small tmpfs where the machine allows mounting one -----------------------
@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here ({done.stderr.decode().strip()})")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder):
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_refuses_the_backup_and_leaves_no_file(small_disk, capsys):
    path = small_disk / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    fill(small_disk)
    err = cli_refuses(capsys, path, "the disk is full")
    assert "Traceback" not in err
    backups = small_disk / ".backups"
    assert not backups.exists() or list(backups.iterdir()) == []
    (small_disk / "filler").unlink()
    with DealStore.open(path):  # space again: the backup is made
        assert len(list(backups.glob("deal.*.rradeal"))) == 1


def test_an_action_on_a_full_disk_is_refused_and_nothing_of_it_is_written(small_disk):
    path = small_disk / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    with DealStore.open(path) as store:
        before = store.deal()
        fill(small_disk)
        with pytest.raises(CannotWrite, match="the disk is full"):
            add_holder(store, Holder("h-big", "Big Fund " + "x" * 400_000, notes="y" * 600_000))
        assert store.deal() == before
    (small_disk / "filler").unlink()
    with DealStore.open(path, read_only=True) as store:
        assert store.deal() == before and store.verify_audit().ok


def test_rotation_never_trades_verified_backups_for_failed_ones(small_disk):
    path = small_disk / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    for i in range(5):
        with DealStore.open(path) as store:
            add_holder(store, Holder(f"h-r{i}", f"Rotation Fund {i}"))
    good = sorted((small_disk / ".backups").glob("deal.*.rradeal"))
    assert len(good) == 5
    fill(small_disk)
    for _ in range(4):
        with pytest.raises(StoreError, match="the disk is full"):
            DealStore.open(path)
    assert sorted((small_disk / ".backups").iterdir()) == good


def test_a_read_only_disk_or_share(small_disk, capsys):
    path = small_disk / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only here ({done.stderr.decode().strip()})")
    cli_refuses(capsys, path, "is on a read-only disk or share")
    with DealStore.open(path, read_only=True) as store:
        assert store.deal() == full_deal()

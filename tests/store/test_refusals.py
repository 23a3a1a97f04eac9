"""Every file the store must refuse is refused with a clear message and left byte-for-byte."""

import hashlib
import os
import shutil
import sqlite3

import pytest

from rra_desktop.store import DealFileDamaged, DealLocked, DealStore, NewerSchema, NotADealFile, StoreError
from tests.store.deals import full_deal


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_deal(tmp_path):
    path = tmp_path / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    return path


def refuses(path, error, match):
    before = digest(path)
    with pytest.raises(error, match=match):
        DealStore.open(path)
    assert digest(path) == before
    assert not os.path.exists(f"{path}-wal") or os.path.getsize(f"{path}-wal") == 0


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.rradeal"
    path.write_bytes(os.urandom(5000))
    refuses(path, NotADealFile, "not an SQLite database")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.rradeal"
    path.write_bytes(b"")
    refuses(path, NotADealFile, "empty")


def test_sqlite_file_that_is_not_a_deal(tmp_path):
    path = tmp_path / "other.rradeal"
    con = sqlite3.connect(path)
    con.execute("create table t(x)")
    con.commit()
    con.close()
    refuses(path, NotADealFile, "not an RRA Desk deal")


def test_truncated_file(closed_deal):
    data = closed_deal.read_bytes()
    closed_deal.write_bytes(data[: len(data) // 2])
    refuses(closed_deal, DealFileDamaged, "truncated")


def test_damaged_pages(closed_deal):
    data = bytearray(closed_deal.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(2 * page, len(data) - page, page):  # every page after the schema page
        data[offset: offset + 64] = b"\xff" * 64
    closed_deal.write_bytes(bytes(data))
    refuses(closed_deal, DealFileDamaged, "damaged")


def test_newer_schema(closed_deal):
    con = sqlite3.connect(closed_deal)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    refuses(closed_deal, NewerSchema, r"written by a newer version of RRA Desk \(schema 99\); this version reads up to")


def test_missing_file(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        DealStore.open(tmp_path / "nope.rradeal")


def test_create_refuses_to_overwrite(closed_deal):
    before = digest(closed_deal)
    with pytest.raises(StoreError, match="already exists"):
        DealStore.create(closed_deal)
    assert digest(closed_deal) == before


def test_second_writer_is_told_who_is_editing(closed_deal):
    first = DealStore.open(closed_deal)
    try:
        with pytest.raises(DealLocked, match=r"deal\.rradeal is open for editing by .+ on .+ \(since .+\); nothing "
                                             r"was changed\. .*--read-only") as exc:
            DealStore.open(closed_deal)
        assert exc.value.holder["pid"] == os.getpid()
        with DealStore.open(closed_deal, read_only=True) as reader:
            assert reader.deal() == first.deal()
    finally:
        first.close()
    DealStore.open(closed_deal).close()  # released on close


def test_read_only_store_refuses_writes(closed_deal):
    from rra_desktop.domain.model import Holder
    from rra_desktop.services import Refused
    from rra_desktop.services.holders import add_holder

    with DealStore.open(closed_deal, read_only=True) as reader, pytest.raises(Refused, match="read-only"):
        add_holder(reader, Holder("h-z", "Z"))


def test_backups_rotate_and_are_owner_only(closed_deal, tmp_path):
    from rra_desktop.domain.model import Holder
    from rra_desktop.services.holders import add_holder

    for i in range(7):
        with DealStore.open(closed_deal) as store:
            add_holder(store, Holder(f"h-{i}", f"Holder {i}"))
    copies = sorted((tmp_path / ".backups").iterdir())
    assert len(copies) == 5
    assert all((c.stat().st_mode & 0o777) == 0o600 for c in copies)
    with DealStore.open(copies[-1], read_only=True) as newest:
        assert newest.deal().holders[-1].id == "h-5"  # taken on the last open, before h-6


def test_refused_files_are_not_copied(tmp_path):
    shutil.rmtree(tmp_path / ".backups", ignore_errors=True)
    path = tmp_path / "noise.rradeal"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    with pytest.raises(StoreError):
        DealStore.open(path)
    assert not (tmp_path / ".backups").exists()

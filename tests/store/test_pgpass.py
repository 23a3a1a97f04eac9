"""Named connections' passwords in libpq's password file, never in the settings."""

from __future__ import annotations

import os
import stat

import pytest

from rra_desktop.store.errors import StoreError
from rra_desktop.store.pgpass import deal_url, forget_password, save_password, split_password


@pytest.fixture(autouse=True)
def pgpass(tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    return tmp_path / "pgpass"


def test_the_password_is_taken_out_of_the_address_and_the_deal_too():
    assert split_password("postgresql://alice:s%3Acret@dbhost:5433/rra_deals?deal=x&sslmode=require") == (
        "postgresql://alice@dbhost:5433/rra_deals?sslmode=require", "s:cret")
    assert split_password("postgresql://alice@/firm?host=/srv/pg/sock") == ("postgresql://alice@/firm?host=/srv/pg/sock",
                                                                           None)
    for bad, why in (("http://x/y", "not a server address"), ("postgresql://alice@dbhost", "names no database")):
        with pytest.raises(StoreError, match=why):
            split_password(bad)


def test_a_line_per_connection_escaped_owner_only_replaced_and_forgotten(pgpass):
    pgpass.write_text("otherhost:*:db:bob:keep-me\n")
    save_password("postgresql://alice@dbhost:5433/rra_deals", "pa:ss\\word")
    save_password("postgresql://alice@/firm?host=/srv/pg/sock", "first")
    save_password("postgresql://alice@/firm?host=/srv/pg/sock", "second")  # the same connection: replaced
    save_password("postgresql://carol@/firm?host=/var/run/postgresql", "third")
    assert pgpass.read_text().splitlines() == [
        "otherhost:*:db:bob:keep-me",
        "dbhost:5433:rra_deals:alice:pa\\:ss\\\\word",
        "/srv/pg/sock:*:firm:alice:second",
        "localhost:*:firm:carol:third",  # libpq matches its default socket folder as localhost
    ]
    assert stat.S_IMODE(os.stat(pgpass).st_mode) == 0o600  # libpq ignores a file others can read
    forget_password("postgresql://alice@dbhost:5433/rra_deals")
    assert "rra_deals" not in pgpass.read_text() and "keep-me" in pgpass.read_text()
    assert deal_url("postgresql://alice@/firm?host=/s", "spectrum-2003") == \
        "postgresql://alice@/firm?host=/s&deal=spectrum-2003"


def test_a_server_deals_letters_go_to_a_folder_of_its_own_in_the_home_folder(tmp_path, monkeypatch):
    from rra_desktop.notice_files import folders_for, notices_folder
    from rra_desktop.store.server import parse_url

    monkeypatch.setenv("HOME", str(tmp_path))
    address = parse_url("postgresql://alice:secret@dbhost/rra_deals?deal=spectrum-2003").display
    assert notices_folder(address) == tmp_path / "RRA Desk Notices" / "spectrum-2003"
    assert folders_for(address) == [tmp_path / "RRA Desk Notices" / "spectrum-2003"]
    assert notices_folder(tmp_path / "deals" / "x.rradeal") == tmp_path / "deals" / "Notices"

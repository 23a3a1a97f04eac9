"""The trail covers the records: each kind of direct edit of the database (sqlite3 on a deal file,
psycopg on a server deal) is caught by ``audit --verify``, which names the table and record; a
trail rewritten end to end is caught against a backup or a printed head digest."""

import json
import sqlite3
from contextlib import contextmanager

import pytest

from rra_desktop.cli import run_cli
from rra_desktop.domain.model import Holder
from rra_desktop.services.holders import add_holder
from rra_desktop.store import digest
from rra_desktop.store.trail import content_digest
from tests.conftest import edit_outside, open_location
from tests.store.deals import full_deal


@pytest.fixture
def deal(new_location, tmp_path):
    """A deal file, or a server deal (``tests/pg.py``), with one change after its creation."""
    location = new_location("full", full_deal, tmp_path / "deal.rradeal")
    with open_location(location, backup=True) as store:  # a deal file's backup: the anchor of the rewrite test
        add_holder(store, Holder("h-later", "Later Fund LP"))
    return location


def tamper(location, sql):
    edit_outside(location, *(s for s in sql.split(";") if s.strip()))


def verify(location, *against):
    with open_location(location, read_only=True) as store:
        return store.verify_audit(*against)


@contextmanager
def connected(location):
    """A plain connection to the deal's rows (sqlite3, or psycopg through ``trail``'s adapter)."""
    if "://" not in str(location):
        con = sqlite3.connect(location)
        try:
            yield con
        finally:
            con.close()
        return
    import psycopg

    from rra_desktop.store.server import _Compat, parse_url

    address = parse_url(str(location))
    with psycopg.connect(address.url.replace("postgresql+psycopg", "postgresql"),
                         options=f"-c search_path={address.schema}") as con:
        yield _Compat(con)


def first_id(location, table):
    with connected(location) as con:
        return con.execute(f'SELECT id FROM "{table}" ORDER BY seq LIMIT 1').fetchone()[0]


def test_an_untouched_deal_verifies_and_its_digest_is_the_sum_of_its_records(deal):
    report = verify(deal)
    assert report.ok and report.head.startswith(f"{report.entries}:")
    with connected(deal) as con:
        last = con.execute("SELECT state FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]
        assert last == report.content == digest.state_text(content_digest(con))


@pytest.mark.parametrize("table, sql", [
    ("positions", "UPDATE positions SET quantity = quantity + 1000 WHERE id = '{id}'"),
    ("notices", "UPDATE notices SET sent_at = '2003-06-02T09:00:00' WHERE id = '{id}'"),
    ("blackouts", """UPDATE blackouts SET "end" = '2099-12-31' WHERE id = '{id}'"""),
])
def test_a_direct_edit_of_a_record_is_named(deal, capsys, table, sql):
    record = first_id(deal, table)
    tamper(deal, sql.format(id=record))
    report = verify(deal)
    assert not report.ok and (report.table, report.record_id) == (table, record)
    assert run_cli(["audit", "--verify", str(deal)]) == 1  # a server deal's URL as a deal file's path
    assert f"BROKEN at {table} {record}" in capsys.readouterr().err


def test_a_forged_holder_is_named(deal):
    tamper(deal, "INSERT INTO holders SELECT 'h-forged', 999, 'Forged Fund', address_lines, attention, fax, email, "
                 "phone, qib, affiliate, notes, on_schedule_1, schedule_order, purchase_price FROM holders LIMIT 1")
    report = verify(deal)
    assert not report.ok and (report.table, report.record_id) == ("holders", "h-forged")
    assert "not in the audit trail" in report.message


def test_the_whole_trail_deleted_is_broken(deal):
    tamper(deal, "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head';")
    report = verify(deal)
    assert not report.ok and report.entries == 0 and "the trail was deleted" in report.message


def test_the_last_entry_deleted_with_the_head_in_meta_is_broken(deal):
    count = verify(deal).entries
    tamper(deal, f"DELETE FROM audit WHERE seq = {count}; DELETE FROM meta WHERE key = 'audit_head';")
    report = verify(deal)
    assert not report.ok and (report.table, report.record_id) == ("holders", "h-later")


def _rewrite_end_to_end(path):
    """What someone holding the file can do: edit a record and recompute the whole trail."""
    con = sqlite3.connect(path)
    con.executescript("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;")
    rows = con.execute("SELECT seq, tx, at, user, action, table_name, row_id, before, after, reason, state "
                       "FROM audit ORDER BY seq").fetchall()
    prev, state = digest.GENESIS, 0
    con.execute("UPDATE holders SET name = 'Renamed Fund' WHERE id = 'h-later'")
    for row in rows:
        values = dict(zip(("seq", "tx", "at", "user", "action", "table_name", "row_id", "before", "after", "reason",
                           "state"), row, strict=True))
        if values["row_id"] == "h-later" and values["after"]:
            values["after"] = json.dumps({**json.loads(values["after"]), "name": "Renamed Fund"}, sort_keys=True,
                                         ensure_ascii=False, separators=(",", ":"))
        if values["seq"] == 1:
            values["at"] = "2003-05-07T00:00:00.000000+00:00"  # "it was always like this"
        state = digest.advance(state, values["table_name"], values["row_id"], values["before"], values["after"])
        values["state"] = digest.state_text(state)
        hashed = digest.entry_hash(values, prev)
        con.execute("UPDATE audit SET at = ?, after = ?, state = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    (values["at"], values["after"], values["state"], prev, hashed, values["seq"]))
        prev = hashed
    con.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{len(rows)}:{prev}",))
    con.commit()
    con.close()


@pytest.mark.sqlite_only("rewrites the file's trail with sqlite3 and checks it against the file's own backup")
def test_a_trail_rewritten_end_to_end_is_caught_against_a_backup_or_a_printed_digest(deal, capsys):
    printed = verify(deal).head
    (backup,) = sorted((deal.parent / ".backups").glob("deal.*Z.rradeal"))[-1:]
    _rewrite_end_to_end(deal)
    assert verify(deal).ok  # inside the file alone it is perfect: the anchor must come from outside
    assert not verify(deal, printed).ok and "rewritten" in verify(deal, printed).message
    assert run_cli(["audit", "--verify", "--against", str(backup), str(deal)]) == 1
    assert run_cli(["audit", "--verify", "--against", printed, str(deal)]) == 1
    assert "rewritten" in capsys.readouterr().err


def test_the_digest_of_an_earlier_backup_is_found_in_a_longer_trail(deal):
    printed = verify(deal).head
    with open_location(deal) as store:
        add_holder(store, Holder("h-even-later", "Even Later Fund"))
    assert verify(deal, printed).ok
    assert verify(deal, printed.split(":")[1][:20]).ok  # a hex prefix, as copied from a page
    assert not verify(deal, "1:" + "f" * 64).ok

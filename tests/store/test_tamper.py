"""The trail covers the records: each kind of direct edit with sqlite3 is caught by
``audit --verify``, which names the table and record; a trail rewritten end to end is caught
against a backup or a printed head digest."""

import json
import sqlite3

import pytest

from rra_desktop.cli import run_cli
from rra_desktop.domain.model import Holder
from rra_desktop.services.holders import add_holder
from rra_desktop.store import DealStore, digest
from rra_desktop.store.trail import content_digest
from tests.store.deals import full_deal

UNGUARD = "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;"


@pytest.fixture
def deal(tmp_path):
    path = tmp_path / "deal.rradeal"
    DealStore.create(path, full_deal()).close()
    with DealStore.open(path) as store:
        add_holder(store, Holder("h-later", "Later Fund LP"))
    return path


def tamper(path, sql):
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.commit()
    con.close()


def verify(path, *against):
    with DealStore.open(path, read_only=True) as store:
        return store.verify_audit(*against)


def first_id(path, table):
    con = sqlite3.connect(path)
    try:
        return con.execute(f'SELECT id FROM "{table}" ORDER BY seq LIMIT 1').fetchone()[0]
    finally:
        con.close()


def test_an_untouched_deal_verifies_and_its_digest_is_the_sum_of_its_records(deal):
    report = verify(deal)
    assert report.ok and report.head.startswith(f"{report.entries}:")
    con = sqlite3.connect(deal)
    last = con.execute("SELECT state FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert last == report.content == digest.state_text(content_digest(con))
    con.close()


@pytest.mark.parametrize("table, sql", [
    ("positions", 'UPDATE positions SET quantity = quantity + 1000 WHERE id = "{id}"'),
    ("notices", """UPDATE notices SET sent_at = '2003-06-02T09:00:00' WHERE id = "{id}" """),
    ("blackouts", """UPDATE blackouts SET "end" = '2099-12-31' WHERE id = "{id}" """),
])
def test_a_direct_edit_of_a_record_is_named(deal, capsys, table, sql):
    record = first_id(deal, table)
    tamper(deal, sql.format(id=record))
    report = verify(deal)
    assert not report.ok and (report.table, report.record_id) == (table, record)
    assert run_cli(["audit", "--verify", str(deal)]) == 1
    assert f"BROKEN at {table} {record}" in capsys.readouterr().err


def test_a_forged_holder_is_named(deal):
    tamper(deal, "INSERT INTO holders SELECT 'h-forged', 999, 'Forged Fund', address_lines, attention, fax, email, "
                 "phone, qib, affiliate, notes, on_schedule_1, schedule_order, purchase_price FROM holders LIMIT 1")
    report = verify(deal)
    assert not report.ok and (report.table, report.record_id) == ("holders", "h-forged")
    assert "not in the audit trail" in report.message


def test_the_whole_trail_deleted_is_broken(deal):
    tamper(deal, UNGUARD + "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head';")
    report = verify(deal)
    assert not report.ok and report.entries == 0 and "the trail was deleted" in report.message


def test_the_last_entry_deleted_with_the_head_in_meta_is_broken(deal):
    count = verify(deal).entries
    tamper(deal, UNGUARD + f"DELETE FROM audit WHERE seq = {count}; DELETE FROM meta WHERE key = 'audit_head';")
    report = verify(deal)
    assert not report.ok and (report.table, report.record_id) == ("holders", "h-later")


def _rewrite_end_to_end(path):
    """What someone holding the file can do: edit a record and recompute the whole trail."""
    con = sqlite3.connect(path)
    con.executescript(UNGUARD)
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
    with DealStore.open(deal) as store:
        add_holder(store, Holder("h-even-later", "Even Later Fund"))
    assert verify(deal, printed).ok
    assert verify(deal, printed.split(":")[1][:20]).ok  # a hex prefix, as copied from a page
    assert not verify(deal, "1:" + "f" * 64).ok

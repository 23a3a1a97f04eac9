"""The store API on a deal file and on a PostgreSQL server deal (the same tests, ``backend``), and
what only a shared server has: two users at once, the database user in the trail, connection
problems as clear messages, moving a deal between file and server."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from rra_desktop.sample import load_sample_deal
from tests.server.conftest import USERS, open_store, share


def _rename(store, holder_id: str, notes: str):
    from rra_desktop.services.holders import update_holder

    holder = next(h for h in store.deal().holders if h.id == holder_id)
    return update_holder(store, dataclasses.replace(holder, notes=notes))


def test_the_same_deal_reads_writes_undoes_and_verifies_on_either_backend(backend):
    location = backend(load_sample_deal())
    with open_store(location) as store:
        assert store.deal() == load_sample_deal()
        first = store.deal().holders[0].id
        change = _rename(store, first, "called 2003-06-02")
        assert store.deal().holders[0].notes == "called 2003-06-02"
        store.undo(change)
        assert store.deal().holders[0].notes == load_sample_deal().holders[0].notes
        report = store.verify_audit()
        assert report.ok and report.entries > 40 and "chain intact" in report.message
    with open_store(location, read_only=True) as again:
        assert again.deal() == load_sample_deal()


def test_the_trail_names_the_database_user(pg_cluster, server_url):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    share(pg_cluster, server_url, "alice")
    with ServerStore.open(server_url.replace("rra_admin:admin-secret", "alice:" + USERS["alice"])) as store:
        _rename(store, store.deal().holders[0].id, "by alice")
        entries = store.audit_entries()
    assert entries[0].user == "rra_admin" and entries[-1].user == "alice"
    assert entries[-1].action.startswith("Edit") or "holder" in entries[-1].action.lower()


def _as(url: str, user: str) -> str:
    return url.replace("rra_admin:admin-secret", f"{user}:{USERS[user]}")


def test_a_stale_edit_is_refused_naming_who_and_when_and_nothing_is_lost(pg_cluster, server_url):
    from rra_desktop.services import Refused
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    share(pg_cluster, server_url, "alice", "bob")
    alice, bob = ServerStore.open(_as(server_url, "alice")), ServerStore.open(_as(server_url, "bob"))
    try:
        h1, h2 = (h.id for h in alice.deal().holders[:2])
        bob.deal()  # both have read the deal
        _rename(alice, h1, "alice was here")
        _rename(bob, h2, "bob was here")  # a different Holder: both changes go in
        seen_by_bob = next(h for h in bob.deal().holders if h.id == h1)
        assert seen_by_bob.notes == "alice was here"
        _rename(alice, h1, "alice again")  # after bob read it
        with pytest.raises(Refused, match=rf"holders {h1} was changed by alice at 20\d\d-.*reloaded"):
            update_holder(bob, dataclasses.replace(seen_by_bob, notes="bob overwrites"))
        now = {h.id: h.notes for h in bob.deal().holders}  # the refusal reloaded bob's snapshot
        assert now[h1] == "alice again" and now[h2] == "bob was here"
        assert bob.verify_audit().ok
    finally:
        alice.close()
        bob.close()


EDITOR = """
import dataclasses, sys
from rra_desktop.services.holders import update_holder
from rra_desktop.services import Refused
from rra_desktop.store.server import ServerStore
url, holder_id, label, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = ServerStore.open(url)
done = refused = 0
while done < count:
    holder = next(h for h in store.deal().holders if h.id == holder_id)
    notes = (holder.notes + " " if holder.notes else "") + f"{label}{done}"
    try:
        update_holder(store, dataclasses.replace(holder, notes=notes))
        done += 1
    except Refused as exc:
        if "was changed by" not in str(exc):
            raise
        refused += 1  # reloaded: try again on what is there now
print(done, refused)
store.close()
"""


@pytest.mark.parametrize("same_holder", [False, True], ids=["different Holders", "the same Holder"])
def test_two_processes_editing_at_once_lose_no_update(pg_cluster, server_url, same_holder):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    share(pg_cluster, server_url, "alice", "bob")
    with ServerStore.open(server_url, read_only=True) as store:
        h1, h2 = (h.id for h in store.deal().holders[:2])
    targets = (h1, h1) if same_holder else (h1, h2)
    runs = [subprocess.Popen([sys.executable, "-c", EDITOR, _as(server_url, user), target, user[0], "8"],
                             stdout=subprocess.PIPE, text=True) for user, target in zip(("alice", "bob"), targets,
                                                                                           strict=True)]
    outputs = [r.communicate(timeout=120)[0].split() for r in runs]
    assert all(r.returncode == 0 for r in runs) and [int(o[0]) for o in outputs] == [8, 8]
    with ServerStore.open(server_url, read_only=True) as store:
        notes = {h.id: h.notes for h in store.deal().holders}
        assert store.verify_audit().ok
    words = " ".join(notes[t] for t in set(targets)).split()
    assert sorted(words) == sorted([f"a{i}" for i in range(8)] + [f"b{i}" for i in range(8)])  # none lost


def _cli(*argv):
    from rra_desktop.cli import run_cli

    return run_cli([str(a) for a in argv])


def test_connection_problems_are_one_clear_message_with_exit_2(pg_cluster, server_url, capsys, tmp_path):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    cases = {
        "down": (server_url.replace(pg_cluster.socket, str(tmp_path / "no-server")), "cannot be reached"),
        "password": (server_url.replace("admin-secret", "wrong"), "refused the login"),
        "deal": (server_url.rsplit("deal=", 1)[0] + "deal=no-such-deal", "there is no deal no-such-deal"),
        "database": (server_url.replace("/firm?", "/nodb?"), "does not exist"),
        "permission": (_as(server_url, "outsider"), "may not do this"),
    }
    for what, (url, message) in cases.items():
        assert _cli("holders", url) == 2, what
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and "admin-secret" not in err, (what, err)
    pg_cluster.psql(f"UPDATE \"{server_url.split('deal=')[1].replace('-', '_').join(['deal_', ''])}\".alembic_version "
                    "SET version_num = '0099'")
    assert _cli("holders", server_url) == 2
    assert "newer version of RRA Desk (schema 99)" in capsys.readouterr().err


def test_copy_file_to_server_and_back_is_exact(server_url, tmp_path, capsys):
    from rra_desktop.store import DealStore

    source = tmp_path / "sample.rradeal"
    DealStore.create(source, load_sample_deal()).close()
    assert _cli("copy", source, server_url) == 0
    out = capsys.readouterr().out
    assert "admin-secret" not in out and "head digest" in out
    back = tmp_path / "back.rradeal"
    assert _cli("copy", server_url, back) == 0
    with DealStore.open(source, read_only=True) as a, DealStore.open(back, read_only=True) as b:
        assert a.deal() == b.deal()
        assert a.audit_entries() == b.audit_entries()
        assert a.verify_audit().head == b.verify_audit().head
    assert _cli("copy", source, server_url) == 2  # the destination exists: nothing written
    assert "already exists" in capsys.readouterr().err


def test_agenda_reads_a_server_deal_by_url(server_url, capsys):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    assert _cli("agenda", server_url, "--as-of", "2003-06-16") == 1
    out = capsys.readouterr().out
    assert "1 overdue, 1 due within 5 Business Days, 2 upcoming" in out


def test_after_its_own_edits_the_snapshot_is_what_a_fresh_read_gives(pg_cluster, server_url):
    """An edit on a deal no one else changed meanwhile patches the snapshot in place (no re-read
    of the whole deal); after someone else's change, or an added record, it is read afresh."""
    from rra_desktop.domain.model import Holder
    from rra_desktop.services.holders import add_holder
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    share(pg_cluster, server_url, "alice")

    def fresh():
        with ServerStore.open(server_url, read_only=True) as other:
            return other.deal()

    with ServerStore.open(server_url) as store, ServerStore.open(_as(server_url, "alice")) as alice:
        h1, h2, h3 = (h.id for h in store.deal().holders[:3])
        _rename(store, h1, "first edit")
        assert store.deal() == fresh() and not store.has_news()
        _rename(store, h2, "second edit")
        assert store.deal() == fresh() and store.verify_audit().ok
        _rename(alice, h3, "alice's edit")
        assert store.has_news()
        _rename(store, h1, "after alice")  # a different Holder: goes in, and the snapshot is read again
        after = store.deal()
        assert after == fresh() and next(h for h in after.holders if h.id == h3).notes == "alice's edit"
        add_holder(store, Holder("h-new", "Newcomer Fund LP", ("1 Main St",)))
        assert store.deal() == fresh() and store.deal().holders[-1].id == "h-new"
        assert store.verify_audit().ok

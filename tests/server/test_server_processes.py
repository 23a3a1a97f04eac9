"""Two writer processes and a killed writer on a server deal (real connections, as
tests/store/test_processes.py does for the deal file).

Alice's process reads the deal and waits; Bob's process edits and ends; then Alice's edits what
she read. The same Holder: hers is refused naming Bob and when, her store reloaded with Bob's
change, nothing lost. Different Holders: both kept. A writer killed in the middle of a large
transaction leaves the deal as it was before it (the server rolls the transaction back when the
connection drops), its trail verifying, and the next writer is not kept waiting by its lock.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from rra_desktop.sample import load_sample_deal
from tests.server.conftest import USERS, share

READ_THEN_EDIT = textwrap.dedent("""
    import dataclasses, sys
    from rra_desktop.services import Refused
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.server import ServerStore

    url, holder_id, notes = sys.argv[1:4]
    store = ServerStore.open(url)
    holder = next(h for h in store.deal().holders if h.id == holder_id)
    print("read", flush=True)
    sys.stdin.readline()  # the other process edits meanwhile
    try:
        update_holder(store, dataclasses.replace(holder, notes=notes))
        print("saved", flush=True)
    except Refused as exc:
        print("refused", exc, flush=True)
    now = next(h for h in store.deal().holders if h.id == holder_id)
    print("now", now.notes, flush=True)
    store.close()
""")

BIG_WRITE = textwrap.dedent("""
    import dataclasses, sys
    from rra_desktop.domain.model import Holder
    from rra_desktop.services import replace_deal
    from rra_desktop.store.server import ServerStore

    store = ServerStore.open(sys.argv[1])
    deal = store.deal()
    extra = tuple(Holder(f"h-big-{i}", f"Big Holder {i}", ("1 Main St", "New York")) for i in range(40000))
    print("writing", flush=True)
    replace_deal(store, dataclasses.replace(deal, holders=deal.holders + extra), label="Big import")
    print("done", flush=True)
""")


def _as(url: str, user: str) -> str:
    return url.replace("rra_admin:admin-secret", f"{user}:{USERS[user]}")


def _python(script: str, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, **kw)


def _edit_in_a_process(url: str, holder_id: str, notes: str) -> None:
    edit = textwrap.dedent("""
        import dataclasses, sys
        from rra_desktop.services.holders import update_holder
        from rra_desktop.store.server import ServerStore
        with ServerStore.open(sys.argv[1]) as store:
            holder = next(h for h in store.deal().holders if h.id == sys.argv[2])
            update_holder(store, dataclasses.replace(holder, notes=sys.argv[3]))
    """)
    subprocess.run([sys.executable, "-c", edit, url, holder_id, notes], check=True, timeout=120)


def _wait_until_writing(url: str, user: str) -> None:
    import psycopg

    with psycopg.connect(re.sub(r"&deal=[^&]*", "", url), autocommit=True) as admin:
        for _ in range(600):
            if admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND backend_xid IS NOT NULL",
                             (user,)).fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError(f"{user}'s transaction never started writing")


@pytest.fixture
def shared_deal(pg_cluster, server_url):
    from rra_desktop.store.server import ServerStore

    ServerStore.create(server_url, load_sample_deal()).close()
    share(pg_cluster, server_url, "alice", "bob")
    with ServerStore.open(server_url, read_only=True) as store:
        ids = [h.id for h in store.deal().holders[:2]]
    return server_url, ids


@pytest.mark.parametrize("same_holder", [True, False], ids=["the same Holder", "different Holders"])
def test_two_processes_a_stale_edit_is_refused_naming_who_and_when(shared_deal, same_holder):
    from rra_desktop.store.server import ServerStore

    url, (h1, h2) = shared_deal
    alice = _python(READ_THEN_EDIT, _as(url, "alice"), h1, "alice's note", stdin=subprocess.PIPE)
    assert alice.stdout.readline().strip() == "read"
    _edit_in_a_process(_as(url, "bob"), h1 if same_holder else h2, "bob's note")
    alice.stdin.write("go\n")
    alice.stdin.flush()
    out, _ = alice.communicate(timeout=120)
    assert alice.returncode == 0, out
    lines = out.splitlines()
    with ServerStore.open(url, read_only=True) as store:
        notes = {h.id: h.notes for h in store.deal().holders}
        assert store.verify_audit().ok
        who = [(e.user, e.action) for e in store.audit_entries()[-2:]]
    if same_holder:
        assert lines[0].startswith("refused")
        assert re.search(rf"holders {h1} was changed by bob at 20\d\d-\d\d-\d\dT\d\d:\d\d", lines[0]), lines[0]
        assert "reloaded" in lines[0]
        assert lines[1] == "now bob's note"  # Alice's store shows what is there now
        assert notes[h1] == "bob's note" and who[-1][0] == "bob"  # nothing overwritten
    else:
        assert lines == ["saved", "now alice's note"]
        assert notes[h1] == "alice's note" and notes[h2] == "bob's note"  # both kept
        assert [u for u, _ in who] == ["bob", "alice"]


@pytest.mark.slow
def test_a_writer_killed_mid_transaction_leaves_the_deal_complete(shared_deal, pg_cluster):
    from rra_desktop.store.server import ServerStore

    url, (h1, _) = shared_deal
    with ServerStore.open(url, read_only=True) as store:
        before, head = len(store.deal().holders), store.trail_head()
    writer = _python(BIG_WRITE, _as(url, "alice"))
    assert writer.stdout.readline().strip() == "writing"
    _wait_until_writing(url, "alice")  # its transaction has written rows, not yet committed
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    # the server notices the dropped connection and rolls its transaction back, releasing its locks
    started = time.monotonic()
    _edit_in_a_process(_as(url, "bob"), h1, "after the crash")
    assert time.monotonic() - started < 60
    with ServerStore.open(url, read_only=True) as store:
        deal = store.deal()
        report = store.verify_audit()
        assert report.ok, report.message
        assert len(deal.holders) == before  # killed before its commit: nothing of it
        entries = store.audit_entries()
        assert entries[-1].user == "bob" and next(h for h in deal.holders if h.id == h1).notes == "after the crash"
        assert store.trail_head().split(":")[0] == str(int(head.split(":")[0]) + 1)  # bob's entry alone

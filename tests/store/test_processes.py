"""Two writers and a killed writer: no update is lost, and a crash leaves all or nothing."""

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rra_desktop.store import DealStore

ROOT = Path(__file__).resolve().parents[2]
# The file's edit lock bypassed (force=True) and a writer killed mid-write: SQLite's file locking
# and journal. A server deal's two writers at once are tests/server's (two processes, real connections).
pytestmark = pytest.mark.sqlite_only("the file's edit lock and journal under two writers and a killed one")

APPEND = textwrap.dedent("""
    import sys
    from rra_desktop.domain.model import Holder
    from rra_desktop.services.holders import add_holder
    from rra_desktop.store import DealStore

    path, tag = sys.argv[1], sys.argv[2]
    store = DealStore.open(path, force=True, backup=False)
    for i in range(200):
        add_holder(store, Holder(f"h-{tag}-{i}", f"Holder {tag} {i}"))
    store.close()
""")

BIG_WRITE = textwrap.dedent("""
    import dataclasses, sys
    from rra_desktop.domain.model import Holder
    from rra_desktop.services import replace_deal
    from rra_desktop.store import DealStore

    store = DealStore.open(sys.argv[1], backup=False)
    deal = store.deal()
    extra = tuple(Holder(f"h-big-{i}", f"Big Holder {i}", ("1 Main St", "New York")) for i in range(40000))
    print("writing", flush=True)
    replace_deal(store, dataclasses.replace(deal, holders=deal.holders + extra), label="Big import")
    print("done", flush=True)
""")


def run(script, *args, **kw):
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, **kw)


@pytest.mark.slow
def test_two_forced_writers_lose_no_update(sample_store, deal_path):
    sample_store.close()
    procs = [run(APPEND, deal_path, tag) for tag in ("a", "b")]
    for p in procs:
        assert p.wait(timeout=120) == 0
        p.stdout.close()
    with DealStore.open(deal_path, read_only=True) as store:
        ids = {h.id for h in store.deal().holders}
        assert store.verify_audit().ok
    assert {f"h-{t}-{i}" for t in "ab" for i in range(200)} <= ids


@pytest.mark.slow
def test_writer_killed_mid_write_leaves_all_or_nothing(sample_store, deal_path):
    before = len(sample_store.deal().holders)
    sample_store.close()
    proc = run(BIG_WRITE, deal_path)
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.4)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    con = sqlite3.connect(deal_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with DealStore.open(deal_path) as store:
        count = len(store.deal().holders)
        assert store.verify_audit().ok
    assert count in (before, before + 40000)

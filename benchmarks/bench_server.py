"""The firm store on PostgreSQL against the deal file, in the same run.

    .venv/bin/python benchmarks/bench_server.py

Starts a throwaway PostgreSQL cluster (as tests/server/ does: the Debian packages' initdb and
pg_ctl, a local socket), generates the 10,000-Holder / 100,000-row deal of bench_store.py as a
file, copies it to the server (and back, comparing every record and audit entry), then prints:

* opening that deal and reading its snapshot from the server against the same from the file
  (target: within 2x);
* one edit of one Holder on the server (target: under 50 ms).
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HOLDERS, ROWS = 10_000, 100_000


def best(fn, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    import tempfile

    from benchmarks.bench_store import GENERATE
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store import DealStore
    from rra_desktop.store.copying import copy_deal
    from rra_desktop.store.server import ServerStore
    from tests.server import conftest

    try:
        clusters = conftest.throwaway_cluster()
        cluster = clusters.__enter__()
    except conftest.NoPostgreSQL as exc:
        print(f"skipped: {exc}")
        return 0
    try:
        folder = Path(tempfile.mkdtemp(prefix="bench-server-"))
        path = folder / "big.rradeal"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", GENERATE, str(path), str(HOLDERS), str(ROWS)], check=True, cwd=ROOT)
        print(f"generated {HOLDERS:,} Holders and {ROWS:,} ledger rows in {time.perf_counter() - start:.1f} s")
        url = cluster.url("big-deal")
        start = time.perf_counter()
        copy_deal(str(path), url)
        print(f"copied to the server in {time.perf_counter() - start:.1f} s")
        back = folder / "back.rradeal"
        copy_deal(url, str(back))
        with DealStore.open(path, read_only=True) as a, DealStore.open(back, read_only=True) as b:
            same = a.deal() == b.deal() and a.audit_entries() == b.audit_entries()
        print(f"file -> server -> file: every record and audit entry the same: {same}")

        def from_file():
            with DealStore.open(path, read_only=True) as store:
                assert len(store.deal().holders) == HOLDERS

        def from_server():
            with ServerStore.open(url, read_only=True) as store:
                assert len(store.deal().holders) == HOLDERS

        file_s, server_s = best(from_file), best(from_server)
        ratio = server_s / file_s
        print(f"open + snapshot: file {file_s * 1000:.0f} ms, server {server_s * 1000:.0f} ms: ratio {ratio:.2f}x "
              f"(target <= 2x) {'ok' if ratio <= 2 else 'SLOW'}")
        with ServerStore.open(url) as store:
            holder = store.deal().holders[0]
            edits = []
            for n in range(5):
                store.deal()
                start = time.perf_counter()
                update_holder(store, dataclasses.replace(holder, notes=f"edit {n}"))
                edits.append(time.perf_counter() - start)
                holder = next(h for h in store.deal().holders if h.id == holder.id)
        edit = min(edits)
        print(f"one Holder edit on the server: {edit * 1000:.0f} ms (target < 50 ms) {'ok' if edit < 0.05 else 'SLOW'}"
              " (not counting the snapshot re-read that follows it)")
        return 0 if same else 1
    finally:
        clusters.__exit__(None, None, None)


if __name__ == "__main__":
    raise SystemExit(main())

"""The firm store on PostgreSQL against the deal file, in the same run.

    .venv/bin/python benchmarks/bench_server.py

Starts a throwaway PostgreSQL cluster (as tests/server/ does: the Debian packages' initdb and
pg_ctl, a local socket), generates the 10,000-Holder / 100,000-row deal of bench_store.py as a
file, copies it to the server (and back, comparing every record and audit entry), then prints:

* opening that deal and reading its snapshot from the server against the same from the file
  (target: within 2x);
* one edit of one Holder on the server, median of 20, counting the snapshot read after it (what the
  window shows next), its CPU time, the statements it sends and the times it waits on the server
  (round trips, from libpq's trace; target: under 50 ms), printed with its floor
  measured in the same run: plain psycopg taking the trail's head (FOR UPDATE), reading the row,
  rewriting it and committing.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
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


def _edit(url: str) -> tuple[float, float, int, int]:
    """Median wall and CPU time of one Holder edit, its statements and its round trips to the
    server (from libpq's trace of the connection: each time the program waits for an answer)."""
    import statistics
    import tempfile

    from sqlalchemy import event

    from rra_desktop.services.holders import update_holder
    from rra_desktop.store.server import ServerStore

    with ServerStore.open(url) as store:
        sent: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
        holder = store.deal().holders[17]
        times, cpu, counts = [], [], []
        for n in range(21):
            sent.clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            update_holder(store, dataclasses.replace(holder, notes=f"edit {n}"))
            holder = next(h for h in store.deal().holders if h.id == holder.id)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            counts.append(len(sent))
        with tempfile.TemporaryFile("w+") as trace:
            pooled = store.engine.raw_connection()
            traced = pooled.driver_connection.pgconn
            traced.trace(trace.fileno())
            pooled.close()  # back to the pool: the next edit takes it
            update_holder(store, dataclasses.replace(holder, notes="traced"))
            traced.untrace()  # flushes libpq's buffered trace
            trace.seek(0)
            ways = [line.split("\t")[1] for line in trace if line.count("\t") >= 2]
    trips = sum(1 for a, b in itertools.pairwise(ways) if a == "F" and b == "B")
    # the first edit pays for compiling the statements
    return statistics.median(times[1:]), statistics.median(cpu[1:]), counts[-1], trips


def _edit_floor(url: str) -> float:
    import statistics

    import psycopg

    from rra_desktop.store.server import parse_url

    address = parse_url(url)
    times = []
    with psycopg.connect(address.url.replace("postgresql+psycopg", "postgresql"),
                         options=f"-c search_path={address.schema}") as con:
        holder_id = con.execute("SELECT id FROM holders ORDER BY seq LIMIT 1 OFFSET 17").fetchone()[0]
        for _ in range(21):
            start = time.perf_counter()
            # what any checked write must send: take the trail's head, read the row, write it (again
            # as it is: the trail still explains every record), commit
            con.execute("SELECT value FROM meta WHERE key = 'audit_head' FOR UPDATE")
            con.execute("SELECT * FROM holders WHERE id = %s", (holder_id,)).fetchone()
            con.execute("UPDATE holders SET notes = notes WHERE id = %s", (holder_id,))
            con.commit()
            times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> int:
    import tempfile

    from benchmarks.bench_store import GENERATE
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
        edit, edit_cpu, statements, trips = _edit(url)
        floor = _edit_floor(url)
        load = os.getloadavg()[0]
        print(f"one Holder edit on the server, with the snapshot the window shows next: {edit * 1000:.1f} ms "
              f"(CPU {edit_cpu * 1000:.1f} ms), {statements} statements in {trips} round trips (target < 50 ms) "
              f"{'ok' if edit < 0.05 else 'SLOW'}; floor (psycopg: lock the head, read and rewrite the row, "
              f"commit: 5 round trips) {floor * 1000:.1f} ms: {edit / floor:.1f}x; load average {load:.1f}")
        return 0 if same else 1
    finally:
        clusters.__exit__(None, None, None)


if __name__ == "__main__":
    raise SystemExit(main())

"""Deal-file speed: prints each figure against its target.

    .venv/bin/python benchmarks/bench_store.py

A generated deal of 10,000 Holders and 100,000 ledger rows (written by a child process so
that this one's peak memory counts only the reading):

* open the file + snapshot + register of Holders as of a date (< 1 s);
* a ``check``-like pass: snapshot + every deadline + 3(n) check + coverage (< 2 s);
* peak memory of the reading process (< 300 MB);
* opening it read-only with its register as of a date, against a floor measured in the same run:
  plain ``sqlite3`` reading the same records' rows into dicts (target <= 1.5x), in wall-clock
  and in CPU time (``time.process_time``, which a loaded machine disturbs less);
* one recorded edit (a Holder's notes) on that deal, median of 20, with the trail's content digest
  brought up to date (target < 50 ms), printed with its floor measured in the same run: a plain
  ``sqlite3`` UPDATE of the same row and its commit;
* ``audit --verify`` of the whole deal (every record against the trail; printed, no target).
"""

from __future__ import annotations

import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOLDERS, ROWS = 10_000, 100_000
AS_OF = dt.date(2004, 3, 1)

GENERATE = """
import dataclasses, datetime as dt, sys
from rra_desktop.domain.model import Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore

holders, rows = int(sys.argv[2]), int(sys.argv[3])
sample = load_sample_deal()
hs = tuple(Holder(f"h-{i:05d}", f"Holder {i:05d} LLC", (f"{i} Main Street", "New York, NY 10001"),
                  attention="General Counsel", on_schedule_1=True, schedule_order=i + 1) for i in range(holders))
codes = ("PREF", "D1", "D2", "COMMON")
ps = []
for n in range(rows):
    h = hs[n % holders].id
    code = codes[(n // holders) % len(codes)]
    on = dt.date(2003, 5, 7) + dt.timedelta(days=(n // holders) * 30)
    kind = PositionKind.ISSUANCE if n < holders * 4 else PositionKind.DIVIDEND
    ps.append(PositionEntry(f"p-{n:06d}", h, code, kind, 100 + n % 7, on, acquired_on=dt.date(2003, 5, 7)))
deal = dataclasses.replace(sample, holders=hs, positions=tuple(ps))
DealStore.create(sys.argv[1], deal).close()
"""


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def line(what: str, seconds: float, target: float) -> None:
    verdict = "ok" if seconds < target else "SLOW"
    print(f"{what:<58} {seconds * 1000:8.0f} ms  (target < {target * 1000:.0f} ms) {verdict}")


def main() -> int:
    from rra_desktop.domain.holdings import register_as_of
    from rra_desktop.store import DealStore

    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    path = folder / "big.rradeal"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", GENERATE, str(path), str(HOLDERS), str(ROWS)], check=True,
                   cwd=Path(__file__).resolve().parents[1])
    print(f"generated {HOLDERS:,} Holders and {ROWS:,} ledger rows in {time.perf_counter() - start:.1f} s "
          f"({path.stat().st_size / 1e6:.1f} MB)")
    DealStore.open(path).close()  # the first open for editing takes the rotating backup

    start = time.perf_counter()
    with DealStore.open(path) as store:
        deal = store.deal()
        register = register_as_of(deal, AS_OF)
        elapsed = time.perf_counter() - start
    assert len(deal.holders) == HOLDERS and len(deal.positions) == ROWS and register
    line("open (for editing) + snapshot + register as of 2004-03-01", elapsed, 1.0)

    start = time.perf_counter()
    with DealStore.open(path, read_only=True) as store:
        register_as_of(store.deal(), AS_OF)
    line("open (read-only) + snapshot + register", time.perf_counter() - start, 1.0)

    with DealStore.open(path, read_only=True) as store:
        store.deal()
        start = time.perf_counter()
        store.deal()
        line("snapshot again (cached until the next change)", time.perf_counter() - start, 0.01)

    start = time.perf_counter()
    with DealStore.open(path, read_only=True) as store:
        _check(store.deal())
    line("check: open + snapshot + deadlines + 3(n) + coverage", time.perf_counter() - start, 2.0)

    peak = peak_mb()
    print(f"{'peak memory of this process (ru_maxrss)':<58} {peak:8.0f} MB  (target < 300 MB) "
          f"{'ok' if peak < 300 else 'HIGH'}")
    ratio_and_edit(path)  # after the peak: audit --verify holds the whole trail's records at once
    return 0


def _floor(path: Path) -> tuple[float, float]:
    """Plain sqlite3: the same records' rows into dicts, nothing decoded (wall-clock, CPU)."""
    import sqlite3

    from rra_desktop.store.codec import RECORD_TABLES, TERMS

    start, cpu = time.perf_counter(), time.process_time()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for spec in (TERMS, *RECORD_TABLES):
        cur = con.execute(f'SELECT * FROM "{spec.name}"')
        names = [c[0] for c in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur]
        assert rows is not None
    con.close()
    return time.perf_counter() - start, time.process_time() - cpu


def ratio_and_edit(path: Path) -> None:
    import dataclasses
    import statistics

    from rra_desktop.domain.holdings import register_as_of
    from rra_desktop.services.holders import update_holder
    from rra_desktop.store import DealStore

    floors, opens = [], []
    for _ in range(3):  # interleaved, best of three each: the machine's load varies
        floors.append(_floor(path))
        start, cpu = time.perf_counter(), time.process_time()
        with DealStore.open(path, read_only=True) as store:
            register_as_of(store.deal(), AS_OF)
        opens.append((time.perf_counter() - start, time.process_time() - cpu))
    for what, i in (("wall", 0), ("CPU", 1)):
        floor, measured = min(f[i] for f in floors), min(o[i] for o in opens)
        ratio = measured / floor
        print(f"{'open read-only + register / sqlite3 rows into dicts, ' + what:<58} {measured * 1000:8.0f} ms / "
              f"{floor * 1000:.0f} ms = {ratio:.2f}x  (target <= 1.5x) {'ok' if ratio <= 1.5 else 'SLOW'}")

    with DealStore.open(path, backup=False) as store:
        holder = store.deal().holders[17]
        times = []
        for i in range(20):
            start = time.perf_counter()
            update_holder(store, dataclasses.replace(holder, notes=f"edit {i}"))
            times.append(time.perf_counter() - start)
        edit = statistics.median(times)
        line("one edit through its service (update_holder), median of 20", edit, 0.05)
        times = []
        for i in range(20):
            start = time.perf_counter()
            with store.transaction("Edit notes") as tx:  # the store's part: the row, its audit entry,
                tx.update(dataclasses.replace(holder, notes=f"store edit {i}"))  # the content digest
            store.deal()  # and the snapshot brought up to date
            times.append(time.perf_counter() - start)
        line("  of which the store (write + trail digest + snapshot)", statistics.median(times), 0.05)
        floor = _edit_floor(store, holder.id)
        print(f"{'  floor: plain sqlite3 UPDATE of that row + commit, median':<58} {floor * 1000:8.1f} ms  "
              f"(the edit is {edit / floor:.1f}x it, measured in this run)")
        start = time.perf_counter()
        report = store.verify_audit()
        assert report.ok, report.message
        print(f"{'audit --verify: every record against the trail':<58} {time.perf_counter() - start:8.2f} s  "
              f"({report.entries:,} entries)")


def _edit_floor(store, holder_id: str) -> float:
    """Plain sqlite3 on the same connection and file: one UPDATE of the Holder's notes and its
    commit (the same journal and synchronous settings), median of 20; no check, no trail. The
    notes alternate with the ones the row holds, the last write putting them back, so the records
    still match the trail verified after."""
    import statistics

    con, times = store._con, []
    notes = store.deal().holder(holder_id).notes
    for i in range(20):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute('UPDATE "holders" SET notes = ? WHERE id = ?', (notes if i % 2 else f"floor {i}", holder_id))
        con.execute("COMMIT")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _check(deal) -> None:
    from rra_desktop.domain.blackouts import check_blackouts
    from rra_desktop.domain.coverage import check_coverage
    from rra_desktop.domain.deadlines import compute_deadlines

    compute_deadlines(deal, AS_OF)
    check_blackouts(deal.blackouts, as_of=AS_OF)
    check_coverage(deal)


if __name__ == "__main__":
    sys.exit(main())

"""The agenda across deals: each figure against a floor measured in the same run.

    .venv/bin/python benchmarks/bench_agenda.py [DEALS]

200 deal files the size of the sample (each a copy of the sample with its own Company name, so
every trail differs):

* warm agenda (every deal's deadlines in the cache) against plain ``sqlite3`` opening the same
  files and reading one row from each: target <= 1.5x;
* cold agenda (an empty cache) against opening each deal read-only and computing its deadlines
  one after another in this process: target <= 1.2x.

Each figure is the best of several rounds, the floors and the agendas alternating; the CPU-time
ratio is printed too, as it varies less on a machine that is busy with other work.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

AS_OF = dt.date(2003, 6, 16)
ROUNDS = 11


def make_deals(folder: Path, count: int) -> list[Path]:
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.services.terms import edit_party
    from rra_desktop.store import DealStore

    first = folder / "deal-000.rradeal"
    DealStore.create(first, load_sample_deal()).close()
    files = [first]
    for n in range(1, count):
        path = folder / f"deal-{n:03d}.rradeal"
        shutil.copyfile(first, path)
        with DealStore.open(path, backup=False) as store:
            company = store.deal().terms.company
            edit_party(store, "company", dataclasses.replace(company, name=f"{company.name} {n:03d}"))
        files.append(path)
    return files


def best(fn) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> int:
    from rra_desktop.domain.deadlines import compute_deadlines
    from rra_desktop.practice.agenda import build_agenda
    from rra_desktop.practice.cache import DeadlineCache
    from rra_desktop.store import DealStore

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "deals"
        folder.mkdir()
        started = time.perf_counter()
        files = make_deals(folder, count)
        print(f"{count} deal files made in {time.perf_counter() - started:.1f} s")
        cache_path = Path(tmp) / "cache" / "deadlines.sqlite3"

        def plain_sqlite():
            for f in files:
                con = sqlite3.connect(f"file:{f}?mode=ro", uri=True)
                con.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
                con.close()

        def one_after_another():
            for f in files:
                with DealStore.open(f, read_only=True) as store:
                    compute_deadlines(store.deal(), AS_OF)

        def agenda(cold: bool):
            if cold:
                shutil.rmtree(cache_path.parent, ignore_errors=True)
            result = build_agenda([str(folder)], AS_OF, cache=DeadlineCache(cache_path))
            assert len(result.entries) == count and not result.problems

        agenda(True)  # the imports and the calendars, once
        one_after_another()
        floor_w, warm, floor_c, cold = [], [], [], []
        for _ in range(ROUNDS):
            floor_c.append(best(one_after_another))
            cold.append(best(lambda: agenda(True)))
            floor_w.append(best(plain_sqlite))
            warm.append(best(lambda: agenda(False)))
        rows = (("warm agenda", warm, "plain sqlite3: open + one row", floor_w, 1.5),
                ("cold agenda", cold, "open + compute, one after another", floor_c, 1.2))
        worst = 0
        for what, runs, floor_what, floors, target in rows:
            seconds, floor = min(r[0] for r in runs), min(r[0] for r in floors)
            cpu_ratio = min(r[1] for r in runs) / min(r[1] for r in floors)
            ratio = seconds / floor
            worst |= ratio > target
            print(f"{what} over {count} deals: {seconds * 1000:7.1f} ms; {floor_what}: {floor * 1000:7.1f} ms; "
                  f"ratio {ratio:.2f}x (target <= {target}x) {'ok' if ratio <= target else 'SLOW'}; "
                  f"CPU time ratio {cpu_ratio:.2f}x")
    return 1 if worst else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Schedule 1 import speed: 10,000 Holder rows from CSV and from .xlsx, parsed, checked and
written to a new deal file in one transaction. The target is under 10 s each, and the write to
the store within 5x of its floor: plain ``sqlite3`` ``executemany`` of the same rows (the
Holders' and the ledger's, as the store's columns hold them) into a new deal file in one
transaction, measured in the same run.

Run: ``python benchmarks/bench_import.py [ROWS]``; prints one line per stage, the total and the
write's ratio against the floor. ``python benchmarks/bench_import.py --memory [ROWS]`` imports a
CSV of ROWS (default 100,000) rows through the command line's path and prints the process's peak
memory against the 500 MB target.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rra_desktop.domain.model import Deal  # noqa: E402
from rra_desktop.exchange.schedule_import import import_schedule_1, read_schedule_1, schedule_entries  # noqa: E402
from rra_desktop.sample import load_sample_deal  # noqa: E402

HEADINGS = ["Name", "Address", "Att'n", "Fax", "E-mail", "QIB", "Series D Preferred", "D-1 Warrants", "D-2 Warrants",
            "Total Purchase Price"]
LIMIT_S = 10.0
FLOOR_RATIO = 5.0


def rows(n: int) -> list[list[object]]:
    out = []
    for i in range(n):
        preferred = 1 + i % 50
        out.append([f"Investor Fund {i:05d} L.P.", f"{i} Main Street\nSuite {i % 300}\nNew York, NY 10019",
                    f"Mr. Partner {i}", f"212-555-{i % 10000:04d}", f"ops{i}@fund{i}.example", "yes" if i % 3 else "no",
                    preferred, 2_127 * preferred, 2_127 * preferred, f"${10_000 * preferred:,}"])
    return out


def write_csv(path: Path, data: list[list[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADINGS)
        writer.writerows(data)


def write_xlsx(path: Path, data: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Schedule 1")
    sheet.append(HEADINGS)
    for row in data:
        sheet.append(row)
    book.save(path)


def _timed(label: str, fn):
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"  {label:<38} {elapsed:6.2f} s  (CPU {cpu:.2f} s)")
    return result, elapsed, cpu


def floor(folder: Path, entries, name: str) -> tuple[float, float]:
    """Plain sqlite3: the same Holders and ledger rows, as the store's columns hold them, into a
    new deal file with ``executemany`` in one transaction; its wall-clock and CPU time."""
    import sqlite3

    from rra_desktop.store import DealStore
    from rra_desktop.store.codec import spec_for

    sample = load_sample_deal()
    path = folder / f"floor-{name}.rradeal"
    DealStore.create(path, Deal(sample.terms, sample.securities)).close()
    tables = []
    for records in (entries.holders, entries.positions):
        spec = spec_for(records[0])
        columns = [c.name for c in spec.table.columns if c.name in (*spec.fields, "seq")]
        processors = [spec.table.c[c].type.bind_processor(sqlite3_dialect()) for c in columns]
        rows = []
        for seq, record in enumerate(records, 1):
            values = {**spec.to_row(record), "seq": seq}
            rows.append(tuple(p(values[c]) if p else values[c] for c, p in zip(columns, processors, strict=True)))
        quoted = ", ".join(f'"{c}"' for c in columns)
        sql = f"INSERT INTO {spec.name} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
        tables.append((sql, rows))
    con = sqlite3.connect(path, isolation_level=None)
    start, cpu = time.perf_counter(), time.process_time()
    con.execute("BEGIN")
    for sql, rows in tables:
        con.executemany(sql, rows)
    con.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    return elapsed, cpu


def sqlite3_dialect():
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


def bench(path: Path, folder: Path) -> tuple[float, float, float]:
    from rra_desktop.store import DealStore

    sample = load_sample_deal()
    print(f"{path.suffix} ({path.stat().st_size / 1e6:.1f} MB)")
    schedule, t_read, _ = _timed("read + check every row", lambda: read_schedule_1(path))
    store = DealStore.create(folder / f"bench{path.suffix}.rradeal", Deal(sample.terms, sample.securities))
    try:
        entries, t_entries, _ = _timed("Holders and ledger rows", lambda: schedule_entries(store.deal(), schedule))
        _, t_write, c_write = _timed("write to the store (one transaction)",
                            lambda: import_schedule_1(store, schedule, entries=entries))
        assert len(store.deal().holders) == len(schedule.rows)
    finally:
        store.close()
    t_floor, c_floor = floor(folder, entries, path.suffix[1:])
    ratio, cpu_ratio = t_write / t_floor, c_write / c_floor
    print(f"  {'floor: sqlite3 executemany, same rows':<38} {t_floor:6.2f} s  (CPU {c_floor:.2f} s)")
    print(f"  {'write against the floor':<38} {ratio:6.1f} x  ({'ok' if ratio <= FLOOR_RATIO else 'OVER'} against "
          f"{FLOOR_RATIO:.0f}x; CPU time {cpu_ratio:.1f} x, {'ok' if cpu_ratio <= FLOOR_RATIO else 'OVER'})")
    total = t_read + t_entries + t_write
    print(f"  {'total':<38} {total:6.2f} s  ({'ok' if total < LIMIT_S else 'OVER'} against {LIMIT_S:.0f} s)")
    return total, ratio, cpu_ratio


MEMORY_LIMIT_MB = 500


def memory(n: int) -> int:
    """Peak memory (max RSS) of importing an ``n``-row CSV into a new deal, progress on stderr."""
    import resource

    from rra_desktop.cli import run_cli
    from rra_desktop.store import DealStore

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with (folder / "schedule.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(HEADINGS)
            writer.writerows(rows(n))
        sample = load_sample_deal()
        DealStore.create(folder / "big.rradeal", Deal(sample.terms, sample.securities)).close()
        start = time.perf_counter()
        code = run_cli(["holders-import", str(folder / "big.rradeal"), str(folder / "schedule.csv")])
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Schedule 1 import of {n:,} rows: {elapsed:.1f} s, peak memory {peak:.0f} MB "
          f"({'ok' if peak < MEMORY_LIMIT_MB else 'OVER'} against {MEMORY_LIMIT_MB} MB)")
    return 0 if code == 0 and peak < MEMORY_LIMIT_MB else 1


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--memory":
        return memory(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = rows(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_csv(folder / "schedule.csv", data)
        write_xlsx(folder / "schedule.xlsx", data)
        print(f"Schedule 1 import of {n:,} rows")
        results = [bench(folder / "schedule.csv", folder), bench(folder / "schedule.xlsx", folder)]
    return 0 if all(t < LIMIT_S and r <= FLOOR_RATIO and c <= FLOOR_RATIO for t, r, c in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Schedule 1 import speed: 10,000 Holder rows from CSV and from .xlsx, parsed, checked and
written to a new deal file in one transaction. The target is under 10 s each.

Run: ``python benchmarks/bench_import.py [ROWS]``; prints one line per stage and the total.
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
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"  {label:<38} {elapsed:6.2f} s")
    return result, elapsed


def bench(path: Path, folder: Path) -> float:
    from rra_desktop.store import DealStore

    sample = load_sample_deal()
    print(f"{path.suffix} ({path.stat().st_size / 1e6:.1f} MB)")
    schedule, t_read = _timed("read + check every row", lambda: read_schedule_1(path))
    store = DealStore.create(folder / f"bench{path.suffix}.rradeal", Deal(sample.terms, sample.securities))
    try:
        _, t_entries = _timed("Holders and ledger rows", lambda: schedule_entries(store.deal(), schedule))
        _, t_write = _timed("write to the store (one transaction)", lambda: import_schedule_1(store, schedule))
        assert len(store.deal().holders) == len(schedule.rows)
    finally:
        store.close()
    total = t_read + t_entries + t_write
    print(f"  {'total':<38} {total:6.2f} s  ({'ok' if total < LIMIT_S else 'OVER'} against {LIMIT_S:.0f} s)")
    return total


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = rows(n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_csv(folder / "schedule.csv", data)
        write_xlsx(folder / "schedule.xlsx", data)
        print(f"Schedule 1 import of {n:,} rows")
        totals = [bench(folder / "schedule.csv", folder), bench(folder / "schedule.xlsx", folder)]
    return 0 if max(totals) < LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())

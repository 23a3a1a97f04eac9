"""Kill a writing process at random points, many times, and check the deal file after each kill.

    .venv/bin/python scripts/crash_kills.py --kills 120

A child process opens the deal for editing and records actions in a loop (add a Holder, edit one,
remove one, and every few actions an import of 300 Holders in one action), printing the number of
each action once its transaction has returned. The parent kills it (SIGKILL) after a random
delay, then checks:

- the edit lock was released with the process (the deal opens for editing again);
- if no side file was left, the ``.rradeal`` alone is complete: integrity check, the trail
  verifies against every record; if a rollback journal was left (killed mid-write), it is
  reported, and applying it (as the user would choose) gives such a file;
- no side file is left after that open;
- every action the child reported as committed is in the deal, and each import is all or
  nothing (0 or 300 of its Holders).

Exit 0 when every kill passed, 1 with the first failure. CI runs it (``.ci/run``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORT_SIZE = 300

WRITER = textwrap.dedent(f"""
    import sys
    from rra_desktop.domain.model import Holder
    from rra_desktop.services.holders import add_holder
    from rra_desktop.store import DealStore

    path, start = sys.argv[1], int(sys.argv[2])
    store = DealStore.open(path, side_files_choice="apply", backup=False)
    print("ready", flush=True)
    n = start
    while True:
        n += 1
        if n % 7 == 0:
            with store.transaction(f"Import batch {{n}}") as tx:
                for i in range({IMPORT_SIZE}):
                    tx.add(Holder(f"h-imp-{{n}}-{{i}}", f"Imported {{n}} {{i}}", ("1 Main St", "New York")))
        else:
            add_holder(store, Holder(f"h-act-{{n}}", f"Action Fund {{n}}", notes="x" * 2000))
        print(n, flush=True)
""")


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm") if Path(f"{path}{s}").exists()]


def check_alone(path: Path) -> str | None:
    """The file alone (copied away from any side file) is a complete, verified deal."""
    from rra_desktop.store import trail

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "alone.rradeal"
        shutil.copyfile(path, copy)
        con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                return f"integrity: {ok}"
            report = trail.verify_connection(con)
            return None if report.ok else f"trail: {report.message}"
        finally:
            con.close()


def one_kill(path: Path, start: int, rng: random.Random) -> tuple[str | None, int, bool]:
    """(failure or None, the last action number reported, whether a journal was left)."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(start)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if proc.stdout.readline().strip() != "ready":
        proc.wait()
        return "the writer did not start", start, False
    time.sleep(rng.uniform(0.02, 0.6))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    committed = [int(line) for line in proc.stdout.read().split() if line.isdigit()]
    proc.stdout.close()
    last = committed[-1] if committed else start
    left = _side_files(path)
    journal = bool(left)
    if not left:
        problem = check_alone(path)
        if problem:
            return f"the file alone after the kill: {problem}", last, journal
    from rra_desktop.store import DealStore

    with DealStore.open(path, side_files_choice="apply", backup=False) as store:
        deal = store.deal()
        report = store.verify_audit()
    if not report.ok:
        return f"trail after recovery: {report.message}", last, journal
    if _side_files(path):
        return f"side files left after recovery: {_side_files(path)}", last, journal
    problem = check_alone(path)
    if problem:
        return f"the file alone after recovery: {problem}", last, journal
    ids = {h.id for h in deal.holders}
    for n in range(start + 1, last + 1):
        if n % 7 and f"h-act-{n}" not in ids:
            return f"action {n} was reported committed but is missing", last, journal
    for n in range(7, last + 8, 7):
        got = sum(1 for i in range(IMPORT_SIZE) if f"h-imp-{n}-{i}" in ids)
        if got not in (0, IMPORT_SIZE):
            return f"import {n} is half there ({got} of {IMPORT_SIZE} Holders)", last, journal
        if n <= last and got == 0:
            return f"import {n} was reported committed but is missing", last, journal
    # the next run numbers its actions after everything the deal holds
    top = max([int(i.split("-")[2]) for i in ids if i.startswith(("h-act-", "h-imp-"))] or [last])
    return None, max(last, top), journal


def run(kills: int, seed: int = 2003, folder: Path | None = None) -> int:
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    rng = random.Random(seed)
    folder = Path(folder or tempfile.mkdtemp(prefix="rra-crash-"))
    path = folder / "crash.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    last, journals = 0, 0
    for k in range(1, kills + 1):
        problem, last, journal = one_kill(path, last, rng)
        journals += journal
        if problem:
            print(f"kill {k}: FAILED: {problem} (file kept: {path})")
            return 1
    print(f"{kills} kills: every one left a complete deal; {journals} were mid-write (a rollback journal, "
          f"applied on the next open); {last} actions recorded")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2003)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    return run(args.kills, args.seed)


if __name__ == "__main__":
    sys.exit(main())

"""Speed of two domain passes over large inputs, each printed as a ratio against a floor measured
in the same run (so a loaded machine moves both figures, not the verdict):

    .venv/bin/python benchmarks/bench_domain.py

* ``holdings.register_as_of`` over 10,000 Holders and 100,000 ledger rows, against the floor of
  one plain pass that sums the same rows per Holder and security (limit: 6x the floor; 3.2x measured);
* ``blackouts.check_blackouts`` + ``days_remaining`` over a 500-period ledger, against the floor
  of listing every day of every period into one set (limit: 100x the floor; 42x measured:
  the floor is a millisecond, so the ratio is noisier).

The unit tests check what these passes return on the same inputs; only the timing is here.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from rra_desktop.domain.blackouts import check_blackouts, days_remaining
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal

D = dt.date
REGISTER_LIMIT, BLACKOUT_LIMIT = 6.0, 100.0


def big_deal(holders: int = 10_000, rows: int = 100_000) -> Deal:
    """The sample's terms and classes with ``holders`` Holders owning ``rows`` issuance rows."""
    deal = load_sample_deal()
    rnd = random.Random(7)
    codes = [s.code for s in deal.securities if s.code != "PAW"]
    owners = [f"h{i}" if i < holders else f"h{rnd.randrange(holders)}" for i in range(rows)]
    positions = tuple(
        PositionEntry(f"p{i}", owner, rnd.choice(codes), PositionKind.ISSUANCE, rnd.randrange(1, 1000),
                      D(2003, 5, 7) + dt.timedelta(days=rnd.randrange(7000)))
        for i, owner in enumerate(owners)
    )
    return replace(deal, holders=tuple(Holder(f"h{i}", f"Holder {i}") for i in range(holders)), positions=positions)


def ledger(periods: int = 500) -> list[tuple[D, D, str]]:
    start = D(2003, 1, 1)
    return [(start + dt.timedelta(days=15 * i), start + dt.timedelta(days=15 * i + 4), f"f{i % 7}")
            for i in range(periods)]


def best_s(fn: Callable[[], object], repeat: int = 5) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def _sum_rows(deal: Deal, on: D) -> dict[tuple[str, str], int]:
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for p in deal.positions:
        if p.on <= on:
            totals[p.holder_id, p.security] += p.quantity
    return totals


def _every_day(periods: list[tuple[D, D, str]]) -> set[D]:
    return {start + dt.timedelta(days=i) for start, end, _ in periods for i in range((end - start).days + 1)}


def _report(what: str, took: float, floor: float, limit: float) -> bool:
    ratio = took / floor
    verdict = "met" if ratio <= limit else "NOT met"
    print(f"{what}: {took * 1000:.1f} ms = {ratio:.1f}x the floor ({floor * 1000:.2f} ms) — limit {limit:.0f}x: "
          f"{verdict}")
    return ratio <= limit


def main() -> int:
    deal, on = big_deal(), D(2030, 1, 1)
    ok = _report("register_as_of, 10,000 Holders / 100,000 rows", best_s(lambda: register_as_of(deal, on)),
                 best_s(lambda: _sum_rows(deal, on)), REGISTER_LIMIT)
    periods = ledger()

    def check() -> None:
        check_blackouts(periods)
        days_remaining(periods, D(2010, 1, 1), proposed=(D(2010, 1, 2), D(2010, 1, 10), "new"))

    ok &= _report("check_blackouts + days_remaining, 500 periods", best_s(check), best_s(lambda: _every_day(periods)),
                  BLACKOUT_LIMIT)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""The order ``positions_as_of`` gives and the register keeps: Holders where their first holding
that is not nil first appears in the ledger, codes where they first appear; a reference written
the plain way (a sum per Holder and code) decides every case, the one where a Holder's first
code nets to nil included."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import fields, replace

from rra_desktop.domain.holdings import positions_as_of, register_as_of
from rra_desktop.domain.model import Deal, Holder, PositionEntry, PositionKind
from rra_desktop.sample import load_sample_deal

D = dt.date


def reference(deal: Deal, on: dt.date) -> dict[str, dict[str, int]]:
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for row in deal.positions:
        if row.on <= on:
            totals[row.holder_id, row.security] += row.quantity
    held: dict[str, dict[str, int]] = {}
    for (holder_id, code), quantity in totals.items():
        if quantity:
            held.setdefault(holder_id, {})[code] = quantity
    return held


def row(n: int, holder: str, code: str, quantity: int, on: dt.date) -> PositionEntry:
    return PositionEntry(f"p{n}", holder, code, PositionKind.ISSUANCE, quantity, on)


def ordered(held: dict[str, dict[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    return [(h, list(codes.items())) for h, codes in held.items()]


def test_a_holder_whose_first_code_nets_to_nil_is_placed_by_its_next_code():
    deal = replace(load_sample_deal(), positions=(
        row(1, "A", "PREF", 10, D(2003, 5, 7)),
        row(2, "B", "D1", 5, D(2003, 5, 7)),
        row(3, "A", "D1", 7, D(2003, 5, 8)),
        row(4, "A", "PREF", -10, D(2003, 5, 9)),  # A's preferred sold on 9 May: A now first appears at row 3
    ))
    assert ordered(positions_as_of(deal, D(2003, 5, 8))) == [("A", [("PREF", 10), ("D1", 7)]), ("B", [("D1", 5)])]
    assert ordered(positions_as_of(deal, D(2003, 5, 9))) == [("B", [("D1", 5)]), ("A", [("D1", 7)])]
    assert positions_as_of(deal, D(2003, 5, 6)) == {}


def test_a_holder_holding_nothing_on_the_day_is_left_out():
    deal = replace(load_sample_deal(), positions=(
        row(1, "A", "PREF", 10, D(2003, 5, 7)), row(2, "A", "PREF", -10, D(2003, 6, 2)),
        row(3, "B", "D2", 3, D(2003, 6, 2)),
    ))
    assert ordered(positions_as_of(deal, D(2003, 6, 2))) == [("B", [("D2", 3)])]
    assert ordered(positions_as_of(deal, D(2003, 6, 1))) == [("A", [("PREF", 10)])]


def test_random_ledgers_sum_and_order_as_the_reference_does():
    base = load_sample_deal()
    rng = random.Random(2003)
    for _ in range(400):
        rows = tuple(row(n, rng.choice("ABCDE"), rng.choice(("PREF", "D1", "COMMON", "UNDEFINED")),
                         rng.choice((-5, 5, 3, -3, 0)), D(2003, 5, rng.randint(1, 20)))
                     for n in range(rng.randint(0, 40)))
        deal = replace(base, positions=rows)
        on = D(2003, 5, rng.randint(1, 21))
        assert ordered(positions_as_of(deal, on)) == ordered(reference(deal, on))


def test_same_sort_keys_keep_the_ledgers_order_in_the_register():
    # two Holders not on Schedule 1 with the same name: the register lists them in ledger order
    base = load_sample_deal()
    holders = (Holder("h-b", "Twin Fund"), Holder("h-a", "Twin Fund"))
    deal = replace(base, holders=holders, positions=(
        row(1, "h-b", "PREF", 1, D(2003, 5, 7)), row(2, "h-a", "PREF", 2, D(2003, 5, 7)),
        row(3, "x-unknown", "PREF", 1, D(2003, 5, 7)),  # no Holder record: by its id, "x-unknown" after "twin fund"
    ))
    register = register_as_of(deal, D(2003, 5, 7))
    assert [p.holder_id for p in register] == ["h-b", "h-a", "x-unknown"]
    assert [p.name for p in register] == ["Twin Fund", "Twin Fund", "x-unknown"]
    assert [str(p.percent) for p in register] == ["25.0000", "50.0000", "25.0000"]
    assert {f.name for f in fields(register[0])} >= {"holder_id", "percent", "by_security"}

"""The register of Holders and Registrable Securities as converted, on the sample deal."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

import pytest

from rra_desktop.domain.holdings import (
    conversion_shares,
    holders_with_rights_as_of,
    positions_as_of,
    register_as_of,
    registrable_as_converted,
)
from rra_desktop.domain.model import (
    Assignment,
    Deal,
    Holder,
    PositionEntry,
    PositionKind,
    SecurityClass,
    SecurityKind,
)
from rra_desktop.sample import load_sample_deal

D = dt.date
CLOSING = D(2003, 5, 7)


@pytest.fixture(scope="module")
def deal() -> Deal:
    return load_sample_deal()


def test_register_reproduces_schedule_1_totals(deal):
    register = register_as_of(deal, CLOSING)
    assert len(register) == 9
    assert sum(p.preferred for p in register) == 444
    assert sum(p.held("D1") for p in register) == 944_681
    assert sum(p.held("D2") for p in register) == 944_681
    assert sum(p.held("PAW") for p in register) == 188_936
    assert sum(p.warrants for p in register) == 944_681 * 2 + 188_936


def test_conversion_shares_are_rounded_down_per_holder(deal):
    register = {p.holder_id: p for p in register_as_of(deal, CLOSING)}
    # 4 x 10,000 / 2.35 = 17,021.28 -> 17,021; 47 x 10,000 / 2.35 = 200,000 exactly.
    assert register["h-north-sound-legacy-fund"].conversion_shares == 17_021
    assert register["h-north-sound-legacy-international"].conversion_shares == 200_000
    assert register["h-xmark-fund"].conversion_shares == 570_212  # 570,212.77
    assert register["h-xmark-fund"].registrable == 570_212 + 285_106 * 2
    # Rounding per Holder loses three shares against converting all 444 at once (1,889,361).
    assert sum(p.conversion_shares for p in register.values()) == 1_889_358
    assert conversion_shares(444, deal.terms) == 1_889_361
    assert sum(p.registrable for p in register.values()) == 1_889_358 + 944_681 * 2 + 188_936 == 3_967_656
    assert register["h-sco-financial-group"].percent == Decimal("4.7619")  # 188,936 / 3,967,656


def test_nothing_is_held_before_the_closing(deal):
    assert register_as_of(deal, CLOSING - dt.timedelta(days=1)) == []
    assert positions_as_of(deal, CLOSING)["h-ota"] == {"PREF": 10, "D1": 21_277, "D2": 21_277}


def test_conversion_and_sale_move_the_register_on_their_dates(deal):
    rows = (
        PositionEntry("c-out", "h-ota", "PREF", PositionKind.CONVERSION, -10, D(2004, 1, 5)),
        PositionEntry("c-in", "h-ota", "COMMON", PositionKind.CONVERSION, 42_553, D(2004, 1, 5)),
        PositionEntry("s-1", "h-ota", "COMMON", PositionKind.SALE, -2_553, D(2004, 2, 2), net_proceeds=Decimal("9000")),
    )
    later = replace(deal, positions=deal.positions + rows)
    before = {p.holder_id: p for p in register_as_of(later, D(2004, 1, 4))}["h-ota"]
    after = {p.holder_id: p for p in register_as_of(later, D(2004, 2, 2))}["h-ota"]
    assert (before.preferred, before.common, before.registrable) == (10, 0, 85_107)
    assert (after.preferred, after.common, after.registrable) == (0, 40_000, 40_000 + 42_554)


def test_registrable_as_converted_adds_the_three_kinds(deal):
    assert registrable_as_converted(1, 10, 5, deal.terms) == 4_255 + 10 + 5


def test_rights_follow_an_assignment_only_once_it_is_effective(deal):
    new = Holder("h-new", "New Fund LP")
    pending = Assignment(
        "a-1", "h-ota", "h-new", "D1", 1_000, D(2004, 3, 1), written_assignment_furnished_on=D(2004, 3, 2)
    )
    rows = (
        PositionEntry("t-out", "h-ota", "D1", PositionKind.TRANSFER_OUT, -1_000, D(2004, 3, 1), assignment_id="a-1"),
        PositionEntry("t-in", "h-new", "D1", PositionKind.TRANSFER_IN, 1_000, D(2004, 3, 1), assignment_id="a-1"),
    )
    later = replace(deal, holders=(*deal.holders, new), positions=deal.positions + rows, assignments=(pending,))
    rights = {(r.holder_id, r.security): r for r in holders_with_rights_as_of(later, D(2004, 3, 10))}
    assert rights["h-ota", "D1"].quantity == 20_277
    assert rights["h-new", "D1"].pending and "not yet effective" in rights["h-new", "D1"].basis
    done = replace(later, assignments=(replace(pending, transferee_notice_on=D(2004, 3, 12)),))
    before = {(r.holder_id, r.security): r for r in holders_with_rights_as_of(done, D(2004, 3, 11))}
    after = {(r.holder_id, r.security): r for r in holders_with_rights_as_of(done, D(2004, 3, 12))}
    assert before["h-new", "D1"].pending and not after["h-new", "D1"].pending
    assert after["h-new", "D1"].assignment_ids == ("a-1",) and after["h-ota", "D1"].basis == "original Holder"


def test_an_assignment_without_ledger_rows_moves_the_securities(deal):
    consented = Assignment("a-2", "h-ota", "h-new", "PREF", 4, D(2004, 3, 1), company_consent_on=D(2004, 2, 20))
    rights = {(r.holder_id, r.security): r for r in holders_with_rights_as_of(replace(deal, assignments=(consented,)),
                                                                             D(2004, 3, 1))}
    assert rights["h-ota", "PREF"].quantity == 6 and rights["h-new", "PREF"].quantity == 4


def big_deal(deal: Deal, holders: int = 10_000, rows: int = 100_000) -> Deal:
    rnd = random.Random(7)
    codes = ("PREF", "D1", "D2", "COMMON")
    owners = [f"h{i}" if i < holders else f"h{rnd.randrange(holders)}" for i in range(rows)]  # everyone holds
    positions = tuple(
        PositionEntry(f"p{i}", owner, rnd.choice(codes), PositionKind.ISSUANCE, rnd.randrange(1, 1000),
                      D(2003, 5, 7) + dt.timedelta(days=rnd.randrange(7000)))
        for i, owner in enumerate(owners)
    )
    return replace(deal, holders=tuple(Holder(f"h{i}", f"Holder {i}") for i in range(holders)), positions=positions)


def test_ten_thousand_holders_and_100k_ledger_rows_are_all_registered(deal):
    """The register's speed on this deal is measured in benchmarks/bench_domain.py."""
    big = big_deal(deal)
    register = register_as_of(big, D(2030, 1, 1))
    assert len(register) == 10_000
    assert sum(p.registrable for p in register) > 0


def test_rights_on_a_day_skip_later_rows_and_assignments_wherever_they_are_recorded(deal):
    # two consented assignments without ledger rows bring h-new 4 + 2 PREF on Mon Mar 1, 2004; a sale
    # and an assignment dated 2005, recorded first, do not count yet
    later_sale = PositionEntry("s-9", "h-ota", "PREF", PositionKind.SALE, -6, D(2005, 1, 3))
    later = Assignment("a-0", "h-ota", "h-new", "PREF", 1, D(2005, 1, 3), company_consent_on=D(2005, 1, 3))
    from_ota = Assignment("a-2", "h-ota", "h-new", "PREF", 4, D(2004, 3, 1), company_consent_on=D(2004, 2, 20))
    from_xmark = Assignment("a-3", "h-xmark-fund", "h-new", "PREF", 2, D(2004, 3, 1), company_consent_on=D(2004, 3, 1))
    both = replace(deal, positions=(later_sale, *deal.positions), assignments=(later, from_ota, from_xmark))
    rights = {(r.holder_id, r.security): r for r in holders_with_rights_as_of(both, D(2004, 3, 1))}
    new = rights["h-new", "PREF"]
    assert (new.quantity, new.basis, new.assignment_ids, new.pending) == (6, "assignment a-2, a-3", ("a-2", "a-3"),
                                                                          False)
    assert rights["h-ota", "PREF"].quantity == 6 and rights["h-ota", "PREF"].basis == "original Holder"
    assert rights["h-ota", "D1"].quantity == 21_277
    assert rights["h-xmark-fund", "PREF"].quantity == 134 - 2


def test_every_class_of_common_stock_a_holder_holds_counts_share_for_share(deal):
    # A deal that keeps its Dividend Shares as a class of their own ("DIV", Common Stock): Ota
    # converts its 10 preferred on Mon Jan 5, 2004 into 42,553 Conversion Shares (10 x $10,000 /
    # $2.35 = 42,553.19, rounded down) and receives 1,250 Dividend Shares on Thu Apr 1, 2004. On
    # Apr 1 its common is 42,553 + 1,250 = 43,803, its warrants 21,277 x 2 = 42,554, so 86,357
    # Registrable Securities.
    dividend = SecurityClass("DIV", "Common Stock (Dividend Shares)", SecurityKind.COMMON, "Dividend Shares")
    rows = (
        PositionEntry("c-out", "h-ota", "PREF", PositionKind.CONVERSION, -10, D(2004, 1, 5)),
        PositionEntry("c-in", "h-ota", "COMMON", PositionKind.CONVERSION, 42_553, D(2004, 1, 5)),
        PositionEntry("div-1", "h-ota", "DIV", PositionKind.DIVIDEND, 1_250, D(2004, 4, 1)),
    )
    later = replace(deal, securities=(*deal.securities, dividend), positions=deal.positions + rows)
    ota = {p.holder_id: p for p in register_as_of(later, D(2004, 4, 1))}["h-ota"]
    assert (ota.preferred, ota.warrants, ota.common) == (0, 42_554, 43_803)
    assert ota.registrable == 43_803 + 42_554 == 86_357
    assert ota.by_security == (("COMMON", 42_553), ("D1", 21_277), ("D2", 21_277), ("DIV", 1_250))

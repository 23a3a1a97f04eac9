"""The register of Holders line by line (Section 1, "Registrable Securities"): each role's total,
the Conversion Shares, the percentage, whose line it is, the order (Schedule 1, then by name, a
ledger Holder with no record last), and the register of rights (7(i)) beside the ledger's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from rra_desktop.domain.holdings import conversion_shares, percent, register_as_of
from rra_desktop.domain.model import Assignment, Holder, PositionEntry, PositionKind
from rra_desktop.domain.security_classes import SecurityClass, SecurityKind, role_totals
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()
CLOSING = D(2003, 5, 7)
SAMPLE_TOTAL = 3_967_656  # the sample's Registrable Securities at the Closing, as converted


def row(rid, holder_id, code, quantity, on=CLOSING, **more):
    return PositionEntry(rid, holder_id, code, PositionKind.ISSUANCE, quantity, on, **more)


EXTRA = (Holder("h-late", "Zed Partners", schedule_order=91, affiliate=True),  # numbered far down Schedule 1
         Holder("h-b", "Beta Fund"), Holder("h-a", "alpha Fund"))  # not numbered: by name, case ignored
DEAL = replace(SAMPLE, holders=(*SAMPLE.holders, *EXTRA), positions=(
    row("g1", "h-ghost", "COMMON", 7),  # a ledger Holder the deal has no record of
    row("b1", "h-b", "COMMON", 100),
    row("a1", "h-a", "PREF", 2), row("a2", "h-a", "D1", 10), row("a3", "h-a", "COMMON", 5), row("a4", "h-a", "PAW", 3),
    row("z1", "h-late", "PREF", 1),
    *SAMPLE.positions))


def test_the_register_is_in_schedule_1_order_then_by_name_and_a_holder_without_a_record_last():
    ids = [p.holder_id for p in register_as_of(DEAL, CLOSING)]
    assert ids == [h.id for h in SAMPLE.holders] + ["h-late", "h-a", "h-b", "h-ghost"]


def test_each_line_totals_its_roles_and_converts_the_preferred():
    lines = {p.holder_id: p for p in register_as_of(DEAL, CLOSING)}
    a = lines["h-a"]
    # 2 Preferred x $10,000 / $2.35 = 8,510.6: 8,510 Conversion Shares; 10 D-1 + 3 Placement Agent Warrants
    assert (a.name, a.preferred, a.warrants, a.common, a.conversion_shares, a.registrable) == (
        "alpha Fund", 2, 13, 5, 8_510, 8_528)
    assert a.by_security == (("COMMON", 5), ("D1", 10), ("PAW", 3), ("PREF", 2)) and a.held("PAW") == 3
    assert not a.affiliate and lines["h-late"].affiliate and lines["h-late"].registrable == 4_255
    ghost = lines["h-ghost"]
    assert (ghost.name, ghost.affiliate, ghost.registrable, ghost.conversion_shares) == ("h-ghost", False, 7, 0)
    total = SAMPLE_TOTAL + 7 + 100 + 8_528 + 4_255
    assert sum(p.registrable for p in lines.values()) == total == 3_980_546
    assert lines["h-b"].percent == Decimal("0.0025")  # 100 / 3,980,546 = 0.00251...%
    assert lines["h-a"].percent == Decimal("0.2142")  # 8,528 / 3,980,546 = 0.21424...%
    assert lines["h-ota"].percent == Decimal("2.1381")  # 85,107 / 3,980,546 = 2.13810...%


def test_the_register_of_rights_leaves_out_an_assignment_not_yet_effective():
    # 1,000 D-1 Warrants assigned Mon Mar 1, 2004: written assignment furnished, no transferee notice
    pending = Assignment("a-1", "h-ota", "h-new", "D1", 1_000, D(2004, 3, 1),
                         written_assignment_furnished_on=D(2004, 3, 2))
    on = D(2004, 3, 1)
    moved = (PositionEntry("t-out", "h-ota", "D1", PositionKind.TRANSFER_OUT, -1_000, on, assignment_id="a-1"),
             PositionEntry("t-in", "h-new", "D1", PositionKind.TRANSFER_IN, 1_000, on, assignment_id="a-1"))
    deal = replace(SAMPLE, holders=(*SAMPLE.holders, Holder("h-new", "New Fund LP")),
                   positions=(*SAMPLE.positions, *moved), assignments=(pending,))
    ledger = {p.holder_id: p.registrable for p in register_as_of(deal, D(2004, 3, 10))}
    assert ledger == {p.holder_id: p.registrable for p in register_as_of(deal, D(2004, 3, 10), rights=False)}
    assert (ledger["h-ota"], ledger["h-new"]) == (84_107, 1_000)
    rights = {p.holder_id: p.registrable for p in register_as_of(deal, D(2004, 3, 10), rights=True)}
    assert rights["h-ota"] == 85_107 and "h-new" not in rights
    # no assignment recorded: the register of rights is the ledger's
    plain = replace(deal, assignments=())
    assert register_as_of(plain, D(2004, 3, 10), rights=True) == register_as_of(plain, D(2004, 3, 10))


def test_percentages_of_a_nil_register_are_nil():
    assert percent(0, 0) == Decimal(0) and percent(5, 0) == Decimal(0)
    assert percent(1, 3) == Decimal("33.3333") and percent(2, 3) == Decimal("66.6667")


def test_conversion_shares_use_the_ratio_given():
    assert conversion_shares(10, SAMPLE.terms) == 42_553  # 10 x $10,000 / $2.35 = 42,553.19
    assert conversion_shares(10, SAMPLE.terms, Fraction(7, 2)) == 35


def test_role_totals_add_every_class_in_a_role():
    kinds = {"SerA": SecurityKind.PREFERRED, "SerB": SecurityKind.PREFERRED, "WTS": SecurityKind.WARRANT,
             "PAW": SecurityKind.PLACEMENT_AGENT_WARRANT, "CS": SecurityKind.COMMON, "CS2": SecurityKind.COMMON}
    held = {"SerA": 3, "SerB": 4, "WTS": 10, "PAW": 5, "CS": 100, "CS2": 20, "OTHER": 999}
    assert role_totals(held, kinds) == (7, 15, 120)


def test_every_class_in_the_preferred_role_is_added_up():
    # a second class of Preferred: 2 + 3 shares, 5 x $10,000 / $2.35 = 21,276.6: 21,276 Conversion Shares
    second = SecurityClass("PREF2", "Series E Preferred", SecurityKind.PREFERRED)
    deal = replace(SAMPLE, securities=(*SAMPLE.securities, second), holders=(*SAMPLE.holders, Holder("h-e", "E Fund")),
                   positions=(*SAMPLE.positions, row("e1", "h-e", "PREF", 2), row("e2", "h-e", "PREF2", 3)))
    line = {p.holder_id: p for p in register_as_of(deal, CLOSING)}["h-e"]
    assert (line.preferred, line.conversion_shares, line.registrable) == (5, 21_276, 21_276)

"""Rule 144 dates: 144(k) before Feb 15, 2008, 144(b)(1)(i) after, tacking, affiliates."""

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import Holder, PositionEntry, PositionKind
from rra_desktop.domain.rule144 import RULE_144B, RULE_144K, free_to_sell, rule144_dates, rule144_dates_all
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()


@pytest.mark.parametrize(
    ("acquired", "free", "rule"),
    [
        (D(2003, 5, 7), D(2005, 5, 7), RULE_144K),  # two years, well before the change
        (D(2006, 1, 10), D(2008, 1, 10), RULE_144K),  # two years end before Feb 15, 2008
        (D(2006, 3, 1), D(2008, 2, 15), RULE_144B),  # straddles: successor rule from its first day
        (D(2007, 2, 14), D(2008, 2, 15), RULE_144B),
        (D(2007, 6, 1), D(2008, 6, 1), RULE_144B),  # one year after the change
        (D(2008, 2, 29), D(2009, 2, 28), RULE_144B),  # leap day anniversary
    ],
)
def test_free_to_sell(acquired, free, rule):
    got, version, working = free_to_sell(acquired)
    assert (got, version) == (free, rule)
    assert rule in working


def _deal(*rows, affiliate=False):
    holder = Holder("h-x", "X Fund", affiliate=affiliate)
    return replace(SAMPLE, holders=(holder,), positions=tuple(rows))


def row(security, kind, qty, on, acquired_on=None, i=[0]):  # noqa: B006 - a counter for unique ids
    i[0] += 1
    return PositionEntry(f"p{i[0]}", "h-x", security, kind, qty, on, acquired_on)


def test_conversion_shares_tack_to_preferred_purchase():
    deal = _deal(row("PREF", PositionKind.ISSUANCE, 10, D(2003, 5, 7), D(2003, 5, 7)),
                 row("PREF", PositionKind.CONVERSION, -10, D(2004, 1, 5)),
                 row("COMMON", PositionKind.CONVERSION, 42_553, D(2004, 1, 5)))
    (common,) = rule144_dates(deal, "h-x")
    assert common.security == "COMMON" and common.quantity == 42_553
    assert common.holding_from == D(2003, 5, 7) and common.date == D(2005, 5, 7) and common.rule == RULE_144K
    assert "tack" in common.explanation


def test_warrant_shares_count_from_cash_exercise_but_tack_when_cashless():
    cash = _deal(row("D1", PositionKind.ISSUANCE, 100, D(2003, 5, 7)),
                 row("D1", PositionKind.EXERCISE_CASH, -100, D(2006, 3, 1)),
                 row("COMMON", PositionKind.EXERCISE_CASH, 100, D(2006, 3, 1)))
    (c,) = rule144_dates(cash, "h-x")
    assert (c.holding_from, c.date, c.rule) == (D(2006, 3, 1), D(2008, 2, 15), RULE_144B)
    cashless = _deal(row("D1", PositionKind.ISSUANCE, 100, D(2003, 5, 7)),
                     row("D1", PositionKind.EXERCISE_CASHLESS, -100, D(2006, 3, 1)),
                     row("COMMON", PositionKind.EXERCISE_CASHLESS, 60, D(2006, 3, 1)))
    (c,) = rule144_dates(cashless, "h-x")
    assert (c.holding_from, c.date, c.rule) == (D(2003, 5, 7), D(2005, 5, 7), RULE_144K)


def test_unexercised_warrants_have_no_date():
    deal = _deal(row("D2", PositionKind.ISSUANCE, 100, D(2003, 5, 7)))
    (w,) = rule144_dates(deal, "h-x")
    assert w.date is None and w.rule == "" and "cash exercise starts a new holding period" in w.explanation
    d = {x.key: x for x in compute_deadlines(deal, D(2010, 1, 1))}["effectiveness_period_end:h-x"]
    assert d.status == DeadlineStatus.NOT_YET_TRIGGERED


def test_affiliate_has_no_date_and_says_why():
    deal = _deal(row("PREF", PositionKind.ISSUANCE, 10, D(2003, 5, 7)), affiliate=True)
    (p,) = rule144_dates(deal, "h-x")
    assert p.date is None and "Affiliate" in p.explanation
    d = {x.key: x for x in compute_deadlines(deal, D(2010, 1, 1))}["effectiveness_period_end:h-x"]
    assert d.status == DeadlineStatus.NOT_YET_TRIGGERED and "Affiliate" in d.explanation


def test_effectiveness_period_end_is_latest_security_date_and_ends_itself():
    deal = _deal(row("PREF", PositionKind.ISSUANCE, 10, D(2003, 5, 7)),
                 row("COMMON", PositionKind.EXERCISE_CASH, 50, D(2007, 6, 1)))
    ds = {x.key: x for x in compute_deadlines(deal, D(2008, 1, 1))}
    d = ds["effectiveness_period_end:h-x"]
    assert d.due == D(2008, 6, 1) and d.status == DeadlineStatus.OPEN and RULE_144B in d.explanation
    past = {x.key: x for x in compute_deadlines(deal, D(2009, 1, 1))}["effectiveness_period_end:h-x"]
    assert past.status == DeadlineStatus.DONE and past.done_on == D(2008, 6, 1)


def test_sale_of_all_ends_the_period_earlier():
    deal = _deal(row("COMMON", PositionKind.EXERCISE_CASH, 50, D(2007, 6, 1)),
                 row("COMMON", PositionKind.SALE, -50, D(2007, 9, 3)))
    d = {x.key: x for x in compute_deadlines(deal, D(2008, 1, 1))}["effectiveness_period_end:h-x"]
    assert d.due == D(2007, 9, 3) and d.status == DeadlineStatus.DONE


def test_sample_holders_all_computed_in_one_pass():
    every = rule144_dates_all(SAMPLE)
    assert set(every) == {h.id for h in SAMPLE.holders}
    ota = every["h-ota"]
    assert {r.security for r in ota} == {"PREF", "D1", "D2"}
    pref = next(r for r in ota if r.security == "PREF")
    assert pref.date == D(2005, 5, 7) and pref.rule == RULE_144K
    assert ota == rule144_dates(SAMPLE, "h-ota")

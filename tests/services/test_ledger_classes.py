"""The ledger's conversions, exercises and dividends write the deal's own classes (by role), and
refuse a class in the wrong role or a deal without the class an action needs."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.rule144 import rule144_dates
from rra_desktop.services import ledger
from rra_desktop.services.base import Refused
from rra_desktop.store import DealStore
from tests.other_classes import ALPHA, BETA, ISSUED, other_deal

LATER = dt.date(2005, 3, 1)


@pytest.fixture
def other(tmp_path):
    store = DealStore.create(tmp_path / "other.rradeal", other_deal())
    yield store
    store.close()


def test_conversion_and_exercise_write_the_deals_classes(other):
    ledger.record_conversion(other, BETA, 20, 85_106, LATER)
    ledger.record_exercise(other, ALPHA, "WTS", 5_000, 5_000, LATER)
    ledger.record_dividend(other, ALPHA, 100, LATER)
    rows = [(p.holder_id, p.security, p.quantity, p.acquired_on) for p in other.deal().positions if p.on == LATER]
    assert sorted(rows) == sorted([(BETA, "SerA", -20, None), (BETA, "CS", 85_106, ISSUED),
                                   (ALPHA, "WTS", -5_000, None), (ALPHA, "CS", 5_000, LATER),
                                   (ALPHA, "CS", 100, ISSUED)])
    alpha = next(p for p in register_as_of(other.deal(), LATER) if p.holder_id == ALPHA)
    assert (alpha.warrants, alpha.common, alpha.registrable) == (0, 5_100, 42_553 + 5_100)
    # the cash exercise starts a new holding period; the dividend tacks to the Preferred
    got = {(r.security, r.holding_from) for r in rule144_dates(other.deal(), ALPHA)}
    assert ("CS", LATER) in got


def test_a_class_in_the_wrong_role_or_a_missing_class_is_refused(other):
    before = other.deal().positions
    with pytest.raises(Refused, match=r"Series A \(SerA\) is not a class of Warrants"):
        ledger.record_exercise(other, ALPHA, "SerA", 10, 10, LATER)
    with pytest.raises(Refused, match="no security class 'D1'"):
        ledger.record_exercise(other, ALPHA, "D1", 10, 10, LATER)
    assert other.deal().positions == before


def test_a_deal_without_common_stock_cannot_convert(tmp_path):
    deal = other_deal()
    deal = dataclasses.replace(deal, securities=tuple(s for s in deal.securities if s.code != "CS"))
    with DealStore.create(tmp_path / "no-common.rradeal", deal) as store:
        with pytest.raises(Refused, match="no security class of Common Stock"):
            ledger.record_conversion(store, BETA, 20, 85_106, LATER)
        assert store.deal().positions == deal.positions

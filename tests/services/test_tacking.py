"""Rule 144 tacking when a Holder holds lots acquired on different dates and the lot taken out is
not identified: the services carry the LATEST acquisition (as ``domain.rule144`` reads it)."""

import datetime as dt

from rra_desktop.domain.model import Assignment
from rra_desktop.domain.rule144 import rule144_dates
from rra_desktop.services import assignments, ledger

D = dt.date
XMARK = "h-xmark-fund"  # 134 PREF bought at the Closing, 2003-05-07


def _second_lot(store):
    """Xmark buys 10 more PREF on 2003-09-01 (a second lot, four months later)."""
    ledger.record_issuance(store, XMARK, "PREF", 10, D(2003, 9, 1))


def test_assignment_tacks_to_the_transferors_latest_lot(store):
    _second_lot(store)
    a = Assignment("a-9", XMARK, "h-assignee", "PREF", 20, D(2004, 1, 5))
    assignments.record_assignment(store, a)
    rows = {p.id: p for p in store.deal().positions}
    assert rows["a-9-in"].acquired_on == D(2003, 9, 1)  # not the Closing's 2003-05-07
    # the transferee's Rule 144 date counts from the same day the rules engine would use
    got = {r.security: r for r in rule144_dates(store.deal(), "h-assignee")}["PREF"]
    assert got.holding_from == D(2003, 9, 1) and got.date == D(2005, 9, 1)


def test_a_single_lot_still_tacks_to_its_date(store):
    a = Assignment("a-9", XMARK, "h-assignee", "PREF", 20, D(2004, 1, 5))
    assignments.record_assignment(store, a)
    assert {p.id: p for p in store.deal().positions}["a-9-in"].acquired_on == D(2003, 5, 7)


def test_transfer_conversion_and_dividend_tack_to_the_latest_lot(store):
    _second_lot(store)
    ledger.record_transfer(store, XMARK, "h-assignee", "PREF", 5, D(2004, 1, 5))
    ledger.record_conversion(store, XMARK, 1, 4255, D(2004, 1, 6))
    ledger.record_dividend(store, XMARK, 50, D(2004, 1, 7))
    new = [p for p in store.deal().positions if p.on >= D(2004, 1, 5) and p.quantity > 0]
    assert [(p.kind.value, p.acquired_on) for p in sorted(new, key=lambda p: p.on)] == [
        ("transfer_in", D(2003, 9, 1)), ("conversion", D(2003, 9, 1)), ("dividend", D(2003, 9, 1))]


def test_a_lot_acquired_after_the_transfer_does_not_count(store):
    ledger.record_issuance(store, XMARK, "PREF", 10, D(2004, 6, 1))  # after the transfer below
    ledger.record_transfer(store, XMARK, "h-assignee", "PREF", 5, D(2004, 1, 5))
    into = next(p for p in store.deal().positions if p.holder_id == "h-assignee" and p.on == D(2004, 1, 5))
    assert into.acquired_on == D(2003, 5, 7)

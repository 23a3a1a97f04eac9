"""What the deadline engine keeps from one computation to the next, and what it reads afresh.

A Holder's end of the Effectiveness Period (Section 2, Rule 144) is kept while the deal holds the
very same ledger, Holders and security classes; a new ledger, a Holder who became an Affiliate or
a ledger given as a list is read again. A notice's 7(g) receipt is worked out once per Facts."""

import dataclasses
import datetime as dt

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import FactKind, PositionEntry, PositionKind, TimelineFact
from rra_desktop.domain.obligations import Facts
from rra_desktop.domain.obligations import holders as holder_rules
from rra_desktop.sample import load_sample_deal

D = dt.date
KEY = "effectiveness_period_end:h-ota"
BOUGHT = PositionEntry("ota-1", "h-ota", "COMMON", PositionKind.ISSUANCE, 100, D(2004, 3, 1), D(2004, 3, 1))
SOLD = PositionEntry("ota-2", "h-ota", "COMMON", PositionKind.SALE, -100, D(2005, 6, 10))


def _deal(*rows):
    return dataclasses.replace(load_sample_deal(), positions=rows)


JAN_3_2005 = D(2005, 1, 3)


def _period_end(deal, as_of=JAN_3_2005):
    return next(d for d in compute_deadlines(deal, as_of) if d.key == KEY)


def test_the_same_ledger_gives_the_same_end_without_reading_it_again(monkeypatch):
    deal = _deal(BOUGHT)
    first = _period_end(deal)
    # acquired Mon Mar 1, 2004 + 2 years = Wed Mar 1, 2006 under Rule 144(k), before its removal
    assert (first.due, first.status.value) == (D(2006, 3, 1), "open")
    assert "Wed Mar 1, 2006" in first.explanation and "Rule 144(k)" in first.explanation
    calls = []
    real = holder_rules.holder_period_end
    monkeypatch.setattr(holder_rules, "holder_period_end", lambda *a: calls.append(a) or real(*a))
    again = _period_end(dataclasses.replace(deal, facts=()))  # other facts, the same ledger
    assert again == first and calls == []
    assert _period_end(deal, D(2006, 3, 2)).status.value == "done"  # the status is of its own day
    fresh = _period_end(dataclasses.replace(deal, positions=tuple(list(deal.positions))))
    assert fresh == first and len(calls) == 1  # an equal ledger in a new tuple: read afresh


def test_a_new_ledger_is_read_afresh():
    _period_end(_deal(BOUGHT))
    sold = _period_end(_deal(BOUGHT, SOLD))
    assert sold.due == D(2005, 6, 10) and sold.trigger_date == D(2005, 6, 10)
    assert sold.explanation == "all Registrable Securities sold by Fri Jun 10, 2005"


def test_a_holder_who_became_an_affiliate_is_read_afresh():
    deal = _deal(BOUGHT)
    assert _period_end(deal).due == D(2006, 3, 1)
    holders = tuple(dataclasses.replace(h, affiliate=True) if h.id == "h-ota" else h for h in deal.holders)
    affiliate = _period_end(dataclasses.replace(deal, holders=holders))
    assert affiliate.due is None and "an Affiliate of the Company" in affiliate.explanation


def test_a_ledger_given_as_a_list_is_never_kept():
    rows = [BOUGHT]
    deal = _deal()
    deal = dataclasses.replace(deal, positions=rows)
    assert _period_end(deal).due == D(2006, 3, 1)
    rows.append(SOLD)  # the same list, changed after it was read
    assert _period_end(deal).due == D(2005, 6, 10)


def test_a_receipt_is_worked_out_once_per_notice():
    fax = TimelineFact("rc-1", FactKind.REVIEW_COPIES_RECEIVED, D(2003, 6, 20), at=dt.datetime(2003, 6, 20, 17, 30),
                       method="fax")
    facts = Facts.of(dataclasses.replace(load_sample_deal(), facts=(fax,)))
    # a fax after 5:00 p.m. Eastern on Fri Jun 20, 2003 is given the next Business Day, Mon Jun 23
    assert facts.receipt(fax)[0] == D(2003, 6, 23)
    assert facts.receipt(fax) is facts.receipt(fax)
    # another fact under the same id (a caller's own, edited) is not answered from the first
    earlier = dataclasses.replace(fax, at=dt.datetime(2003, 6, 20, 10, 0))
    assert facts.receipt(earlier)[0] == D(2003, 6, 20)
